console.log('main start');
import { a } from './a.mjs';
import { b } from './b.mjs';
console.log('main', a, b);
const v = await Promise.resolve('awaited in main');
console.log(v);
for await (const x of [Promise.resolve(1), 2]) console.log('for await', x);
