console.log('x');
await null;
throw new TypeError('after await');
