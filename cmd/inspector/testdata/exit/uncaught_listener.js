// An 'uncaughtException' listener keeps the program alive.
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
setTimeout(() => { throw new Error('t1'); }, 1);
setTimeout(() => console.log('still running'), 20);
