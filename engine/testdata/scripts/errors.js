try { null.x; } catch (e) { console.log(e.name, e.message); }
try { undefined.foo(); } catch (e) { console.log(e.message); }
try { notDefined; } catch (e) { console.log(e.name + ": " + e.message); }
try { const c = 1; c = 2; } catch (e) { console.log(e.message); }
try { let x = x + 1; } catch (e) { console.log(e.message); }
try { (void 0)(); } catch (e) { console.log(e.message); }
try { const o = {}; o.method(); } catch (e) { console.log(e.message); }
try { throw new RangeError("custom range"); } catch (e) { console.log(String(e), e instanceof RangeError, e instanceof Error); }
try { throw { plain: true }; } catch (e) { console.log(e); }
try { throw 42; } catch (e) { console.log(e + 1); }
function f() { try { return "try"; } finally { console.log("finally runs"); } }
console.log(f());
function g() { try { throw new Error("inner"); } catch (e) { return "caught " + e.message; } finally { console.log("g finally"); } }
console.log(g());
function h() { for (let i = 0; i < 3; i++) { try { if (i === 1) continue; if (i === 2) break; } finally { console.log("h finally", i); } } return "h done"; }
console.log(h());
function nested() {
  try {
    try { throw new Error("deep"); } finally { console.log("inner finally"); }
  } catch (e) { console.log("outer caught", e.message); }
}
nested();
class MyError extends Error { constructor(m) { super(m); this.name = "MyError"; } }
try { throw new MyError("mine"); } catch (e) { console.log(e.name, e.message, e instanceof MyError, e instanceof Error, String(e)); }
const e = new Error("with cause", { cause: "because" });
console.log(e.cause, e.message, Object.keys(e));
try { new (class A { constructor() { throw new TypeError("in ctor"); } })(); } catch (err) { console.log(err.message); }
try { [].reduce((a, b) => a + b); } catch (err) { console.log(err.message); }
try { new Array(-1); } catch (err) { console.log(err.name, err.message); }
try { JSON.parse("{bad"); } catch (err) { console.log(err.name); }
function depth(n) { return depth(n + 1); }
try { depth(0); } catch (err) { console.log(err instanceof RangeError, err.message); }
try { Symbol() + ""; } catch (err) { console.log(err.message); }
try { 1 in 1; } catch (err) { console.log(err.message); }
try { ({}) instanceof 5; } catch (err) { console.log(err.message); }
console.log((() => { try { throw 1; } catch { return "optional catch binding"; } })());
