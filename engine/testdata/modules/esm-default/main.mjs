import f from './fn.mjs';
import C from './cls.mjs';
import v from './val.mjs';
import arrow from './arrow.mjs';
import named from './named.mjs';
console.log(f.name, C.name, v, arrow.name, named.name, new C().hi());
console.log(String(f));
