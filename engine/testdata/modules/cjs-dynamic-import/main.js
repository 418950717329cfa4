import('./b.mjs').then((m) => console.log('from cjs', m.b, typeof require));
console.log('sync end');
