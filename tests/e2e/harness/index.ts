/** The shared browser-test harness (see each module's header for its API). */
export * from './paths';
export * from './page-server';
export * from './zoom-route';
export * from './browser';
export * from './devtools-panel';
export * from './signatures';
export * from './sdk-pages';
export * from './wait';
export * from './fake-zoom-mtg';
export * from './zoom-cdn';
export * from './video-sdk';
export * from './fixture';
export { setSettleTimeout } from '../../../lab/extension-worker';
export * from './theme';
