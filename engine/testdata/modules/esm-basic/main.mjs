import { x, inc, default as d, obj as o } from './lib.mjs';
import * as ns from './lib.mjs';
import def, { renamed as r } from './lib.mjs';
console.log(x, typeof d, d.name, def === d, r);
inc();
console.log(x, ns.x, o.n);
console.log(Object.keys(ns), Object.isExtensible(ns), Object.getPrototypeOf(ns));
console.log(ns[Symbol.toStringTag], Object.prototype.toString.call(ns));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, Symbol.toStringTag)));
try { ns.x = 5; } catch (e) { console.log(e.constructor.name, e.message); }
try { x = 5; } catch (e) { console.log(e.constructor.name, e.message); }
try { delete ns.x; } catch (e) { console.log(e.constructor.name, e.message); }
console.log(typeof this, import.meta.url.endsWith('/esm-basic/main.mjs'), Object.keys(import.meta).includes('url'));
console.log(ns.x, 'x' in ns, 'nope' in ns);
export const self = 1;
