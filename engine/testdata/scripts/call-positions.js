// Where V8 reports a call in stack traces: the name right before `(` when
// that token is an identifier, else the `(` itself (IIFEs, computed members,
// calls of calls, keyword-named properties, optional calls); a tagged
// template's call at its template.
function at() {
  return new Error('x').stack.split('\n').slice(3).filter((l) => l.includes('call-positions.js'))
    .map((l) => l.slice(l.lastIndexOf(':', l.lastIndexOf(':') - 1) + 1).replace(')', '')).join(' ');
}
function show(label) { console.log(label, at()); }
const o = { m: show, default: show, let: show, t() { return show; }, k: [show] };
function mk() { return show; }
(function t0() { show('iife'); })();
  (function t1() { show('iife inner parens'); }());
(() => show('arrow iife'))();
!function () { show('negated iife'); }();
o.m('dot');
o  .  m  ('spaced dot');
o['m']('computed');
(o.m)('parenthesized');
o.k[0]('element');
mk()('call of call');
(0, show)('comma');
show  ('spaced');
o?.m('optional member');
o.m?.('optional call');
o.default('keyword name');
o.let('contextual keyword name');
o.t()('method result');
new (function K() { show('new'); })();
show`tagged`;
o.m  `tagged member ${1}`;
(show)`tagged parenthesized`;
for (const f of [function () { show('loop'); }]) f();
[1].forEach(function () { show('callback'); });
`${(function () { show('in template'); })()}`;
try { (0, o.nope)(); } catch (e) { console.log(e.stack.split('\n')[1].split(':').slice(-2).join(':').replace(')', '')); }
try { (function () {})()(); } catch (e) { console.log(e.message, e.stack.split('\n')[1].split(':').slice(-2).join(':').replace(')', '')); }
try { o.nope`x`; } catch (e) { console.log(e.message, e.stack.split('\n')[1].split(':').slice(-2).join(':').replace(')', '')); }
try { o?.nope(); } catch (e) { console.log(e.message, e.stack.split('\n')[1].split(':').slice(-2).join(':').replace(')', '')); }
