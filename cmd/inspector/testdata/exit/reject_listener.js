// An 'unhandledRejection' listener takes the report; 'rejectionHandled'
// follows when a handler comes later.
process.on('unhandledRejection', (reason, p) => {
  console.log('unhandledRejection', reason, p instanceof Promise);
  setTimeout(() => p.catch(() => console.log('caught later')), 1);
});
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p instanceof Promise));
Promise.reject('why');
