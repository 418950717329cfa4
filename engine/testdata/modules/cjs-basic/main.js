const path = require('path');
console.log(this === module.exports, typeof exports, require.main === module, module.id);
console.log(path.basename(__filename), path.basename(__dirname), path.basename(module.filename));
var topVar = 1;
function topFn() {}
console.log(typeof globalThis.topVar, typeof globalThis.topFn);
const a = require('./lib/a');
const a2 = require('./lib/a.js');
console.log(a.name, a === a2, a.counter(), a.counter());
console.log(require('./lib/data.json'), require('./lib/data.json') === require('./lib/data'));
console.log(require('./lib/pkg').fromPkg, require('./lib').fromIndex);
console.log(require('dep').dep, path.basename(require.resolve('dep')));
console.log(path.relative(__dirname, require.resolve('./lib/a')));
console.log(Object.keys(require.cache).map((f) => path.relative(__dirname, f)));
console.log(module.children.length, module.loaded, require('./lib/replaced')());
exports.x = 1;
console.log(module.exports.x, arguments.length, (() => arguments[0] === exports)());
return;
console.log('not reached');
