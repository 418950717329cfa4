// Class fields without an initializer are still defined (to undefined).
var C = class { *m() { return 42; } #x; x() { this.#x = 42; return this.#x; } };
try { console.log(new C().x()); } catch (e) { console.log(e.message); }
var D = class { m() { return 42; } #x; x() { this.#x = 42; return this.#x; } };
try { console.log(new D().x()); } catch (e) { console.log(e.message); }
class E { #x; x() { this.#x = 42; return this.#x; } }
try { console.log(new E().x()); } catch (e) { console.log(e.message); }
var F = class { #x; x() { this.#x = 42; return this.#x; } };
try { console.log(new F().x()); } catch (e) { console.log(e.message); }
var G = class { a = 1; #x; x() { this.#x = 42; return this.#x; } };
try { console.log(new G().x()); } catch (e) { console.log(e.message); }
var H = class { static m() {} #x; x() { this.#x = 42; return this.#x; } };
try { console.log(new H().x()); } catch (e) { console.log(e.message); }
class S { static x; static #y; static g() { return S.#y; } z; }
console.log(Object.getOwnPropertyDescriptor(S, "x"), S.g(), Object.keys(new S()));
