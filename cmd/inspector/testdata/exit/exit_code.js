// process.exit ends at once, after the 'exit' listeners.
process.on('exit', (code) => console.log('exit event', code));
setTimeout(() => console.log('never'), 10);
console.log('exiting');
process.exit(3);
console.log('not reached');
