import { shared } from './all.mjs';
console.log(shared);
