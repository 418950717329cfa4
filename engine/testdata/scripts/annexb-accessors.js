// Annex B: __defineGetter__, __defineSetter__, __lookupGetter__, __lookupSetter__.
var o = {};
o.__defineGetter__("x", function () { return 1; });
o.__defineSetter__("x", function (v) { this.y = v; });
o.x = 5;
console.log(o.x, o.y, typeof o.__lookupGetter__("x"), typeof o.__lookupSetter__("x"), Object.keys(o));
var c = Object.create(o);
console.log(c.__lookupGetter__("x") === o.__lookupGetter__("x"), c.__lookupGetter__("y"), ({ y: 1 }).__lookupGetter__("y"));
try { o.__defineGetter__("z", 1); } catch (e) { console.log(e.constructor.name); }
var f = Object.freeze({});
try { f.__defineGetter__("z", function () {}); } catch (e) { console.log(e.constructor.name); }
console.log(Object.prototype.__defineGetter__.length, Object.prototype.__lookupSetter__.name);
