const v8 = require('v8');
const v8b = require('node:v8');
console.log(v8 === v8b, typeof v8.getHeapStatistics, v8.setFlagsFromString.length);
const st = v8.getHeapStatistics();
console.log(Object.keys(st).filter((k) => k !== 'total_allocated_bytes'), Object.values(st).every((x) => typeof x === 'number'));
const util = require('util');
console.log(util.format('%s %d %j %%', 'a', 1.5, { x: 1 }), util.inspect('str'), util.inspect([1, [2, [3, [4]]]]));
const path = require('node:path');
console.log(path.join('/a/b', '../c', 'd.js'), path.dirname('/a/b/c'), path.basename('/a/b.txt', '.txt'), path.extname('x.tar.gz'), path.isAbsolute('a'), path.normalize('a//b/../c/'), path.sep);
try { v8.setFlagsFromString(); } catch (e) { console.log(e.name, e.code, e.message); }
