export * from './library';
export * from './detect';
export * from './fill';
export * from './proposal';
export * from './history';
export * from './messages';
export * from './attach';
