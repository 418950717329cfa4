export * from './one.mjs';
export * from './two.mjs';
export * as nsOfOne from './one.mjs';
