// An exception thrown by a timer callback ends the program with exit code 1.
setTimeout(() => { console.log('in timer'); throw new TypeError('from timer'); }, 1);
setTimeout(() => console.log('never'), 50);
