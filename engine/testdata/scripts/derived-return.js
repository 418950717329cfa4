// Derived constructors' return checks: a non-object return throws in the caller (past the constructor's catch), a return before super() throws where it stands.
class A {}
class C extends A { constructor() { var f = () => super(); try { return 0; } catch (e) { console.log('caught', e.message); f(); } } }
try { new C(); } catch (e) { console.log(e.constructor.name, e.message, 'thrown in the caller:', !/new [CD]/.test(e.stack.split('\n')[1])); }
class D extends A { constructor() { var f = () => super(); try { return; } catch (e) { console.log('caught', e.message); f(); } } }
try { new D(); } catch (e) { console.log(e.constructor.name, e.message, 'thrown in the caller:', !/new [CD]/.test(e.stack.split('\n')[1])); }
class E extends A { constructor() { try { return 1; } finally { console.log('finally'); } } }
try { new E(); } catch (e) { console.log(e.constructor.name, e.message); }
class G extends A { constructor() { try { this.x; } catch (e) { console.log('caught', e.constructor.name); } super(); } }
console.log(new G() instanceof G);
try { Reflect.construct(C, []); } catch (e) { console.log('reflect', e.constructor.name, e.message); }
function outer() { try { return new C(); } catch (e) { return 'outer caught ' + e.message; } }
console.log(outer());
