// An unhandled rejection with an Error: reported as an uncaught exception.
console.log('before');
Promise.reject(new Error('boom'));
setTimeout(() => console.log('never'), 10);
