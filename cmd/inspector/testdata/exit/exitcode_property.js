// process.exitCode is the exit status once the loop is done.
process.exitCode = 4;
process.on('exit', (code) => console.log('exit', code, process.exitCode));
setTimeout(() => console.log('timer ran'), 1);
