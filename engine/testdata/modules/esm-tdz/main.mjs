import { later, getLater } from './dep.mjs';
console.log(later, getLater());
