for (const spec of ['./missing', 'nope-pkg', 'fs-nope', 'node:nope', './throws']) {
  try { require(spec); } catch (e) { console.log(e.name, e.code, e.message.split('\n')[0]); }
}
try { require(42); } catch (e) { console.log(e.name, e.code, e.message); }
try { require('./throws'); } catch (e) { console.log('again:', e.message); }
function f() { throw new Error('from f'); }
try { f(); } catch (e) { console.log(e.stack.split('\n').slice(0, 3).map((l) => l.replace(__dirname, '<dir>')).join('\n')); }
const g = () => { null.x; };
try { g(); } catch (e) { console.log(e.stack.split('\n').slice(0, 3).map((l) => l.replace(__dirname, '<dir>')).join('\n')); }
console.log((function () { return typeof this; })(), typeof require('./sloppy').self);
try { require('./bad.json'); } catch (e) { console.log(e.name, e.message.startsWith(require('path').join(__dirname, 'bad.json') + ': ')); }
