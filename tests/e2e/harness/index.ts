/** The shared browser-test harness (see each module's header for its API). */
export * from './paths';
export * from './page-server';
export * from './zoom-stand-in';
export * from './browser';
export * from './devtools-panel';
export * from './signatures';
export * from './sdk-pages';
export * from './wait';
export * from './fake-zoom';
export * from './zoom-cdn';
