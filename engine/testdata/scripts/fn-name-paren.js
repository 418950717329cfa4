// A parenthesized assignment target is no IdentifierRef: `(f) = function(){}` names nothing.
function frameName(e) {
  const m = /^at (\S+) \(/.exec(e.stack.split('\n')[1].trim());
  return m ? m[1] : '(anonymous)';
}
var fn, g, o = {};
(fn) = function() {};
g = function() {};
((g2)) = () => {};
var h; (h) ||= function(){};
console.log(JSON.stringify([fn.name, g.name, g2.name, h.name]));
var o2 = {}; (o2.m) = function(){}; o2.n = function(){};
var a = [function(){}]; var x; x = (function(){}); var y; y = (() => 1);
console.log(JSON.stringify([o2.m.name, o2.n.name, x.name, y.name]));
function outer() { var f; (f) = function () { throw new Error('x'); }; try { f(); } catch (e) { console.log(frameName(e)); } }
outer();
var o3 = {}; (o3.m) = function () { throw new Error('y'); };
try { o3.m(); } catch (e) { console.log(frameName(e)); }
