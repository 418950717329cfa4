console.log('x');
await new Promise(() => {});
console.log('never');
