const base = import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1);
const rel = (u) => (u.startsWith(base) ? '<dir>/' + u.slice(base.length) : u);
console.log(Object.keys(import.meta), Object.getPrototypeOf(import.meta), import.meta === import.meta);
console.log(rel(import.meta.url), import.meta.filename.endsWith('/esm-meta/main.mjs'), import.meta.dirname.endsWith('/esm-meta'));
console.log(rel(import.meta.resolve('./x/y.js')), import.meta.resolve('node:v8'), import.meta.resolve('util'), typeof import.meta.resolve);
import { meta as other } from './other.mjs';
console.log(other !== import.meta, rel(other.url));
