// process.exit in a timer callback: its code, after the 'exit' listeners;
// nothing after it runs.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  console.log('timer');
  process.exit(5);
  console.log('not reached');
}, 1);
setTimeout(() => console.log('never'), 5);
Promise.resolve().then(() => process.nextTick(() => console.log('tick before exit')));
