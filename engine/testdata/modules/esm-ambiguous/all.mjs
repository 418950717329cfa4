export * from '../esm-star/one.mjs';
export * from '../esm-star/two.mjs';
