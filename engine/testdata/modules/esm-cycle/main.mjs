import { a, callB } from './a.mjs';
console.log('main', a, callB());
