console.log('a start');
export let a = 'a0';
await new Promise((r) => setTimeout(r, 10));
a = 'a1';
console.log('a done');
