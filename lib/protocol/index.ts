export * from './version';
export * from './limits';
export type * from './messages';
export * from './validate';
export * from './build';
