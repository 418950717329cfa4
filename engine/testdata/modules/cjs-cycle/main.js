const a = require('./a');
console.log('main', a.done, require('./b').done);
