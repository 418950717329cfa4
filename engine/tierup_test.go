package engine

import (
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// Tier-up tests. Scripts see test-only hooks (V8 has %-natives for this):
// isOptimized(f), deoptCount(f), runsOptimized() (does the calling frame
// run optimized code), optimize(f), optimizedOps(f) (the instruction names
// of f's optimized code, space-separated), optimizedOps(f, name) (how many
// of them are name), directCalls() (calls through
// apply or call made directly: tiercall.go), fastArguments() (arguments
// objects optimized code made from the recorded map).

func tierHooks(iso *Isolate) {
	js := iso.js
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	global := js.Handle(js.GlobalObject())
	js.DefineFunction(global, "isOptimized", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.Bool(in.IsOptimized(a.Arg(0))), true
	})
	js.DefineFunction(global, "deoptCount", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.NewInt(in.DeoptCount(a.Arg(0))), true
	})
	js.DefineFunction(global, "runsOptimized", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.Bool(in.CallerRunsOptimized()), true
	})
	js.DefineFunction(global, "optimize", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.Bool(in.OptimizeFunction(a.Arg(0))), true
	})
	js.DefineFunction(global, "directCalls", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.NewInt(in.DirectCalls()), true
	})
	js.DefineFunction(global, "fastArguments", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.NewInt(in.FastArguments()), true
	})
	js.DefineFunction(global, "optimizedOps", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		ops := in.OptimizedOps(a.Arg(0))
		if a.Len() < 2 {
			return in.NewString(strings.Join(ops, " ")).Value(), true
		}
		name, n := in.Factory().StringToGo(a.Arg(1)), 0
		for _, op := range ops {
			if op == name {
				n++
			}
		}
		return in.NewInt(n), true
	})
}

// runTier runs src with the hooks and returns its output.
func runTier(t *testing.T, src string, opts Options) string {
	t.Helper()
	opts.setUp = tierHooks
	out, err := runWith(t, "tier.js", src, opts)
	if err != nil {
		t.Fatalf("uncaught: %v\n%s", err, out)
	}
	return out
}

// tierModes are the configurations every behavior test runs in: the
// defaults, everything optimized at its second call (once the inline
// caches have feedback), and under GC stress.
var tierModes = []struct {
	name string
	opts Options
}{
	{"default", Options{}},
	{"budget2", Options{tierUpBudget: 2}},
	{"default-gcstress", Options{Heap: heap.Options{GCStressEvery: 13, VerifyHeap: true, StressCompaction: true}}},
}

func checkTier(t *testing.T, src, want string) { checkTierModes(t, src, want, nil) }

// checkTierModes is checkTier with other expected outputs for some modes.
func checkTierModes(t *testing.T, src, want string, wantIn map[string]string) {
	t.Helper()
	for _, m := range tierModes {
		t.Run(m.name, func(t *testing.T) {
			want := want
			if w, ok := wantIn[m.name]; ok {
				want = w
			}
			if got := runTier(t, src, m.opts); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestTierUpHotFunction(t *testing.T) {
	src := `
function add(a, b) { return a + b; }
let s = 0;
for (let i = 0; i < 1000; i++) s = add(s, i);
console.log(s, isOptimized(add));
`
	checkTier(t, src, "499500 true\n")
	if got := runTier(t, src, Options{NoOpt: true}); got != "499500 false\n" {
		t.Errorf("--no-opt: %q", got)
	}
}

// countOf returns the invocation count coverage reports for the function
// named name.
func countOf(t *testing.T, scripts []interp.CoverageScript, name string) uint32 {
	t.Helper()
	for _, s := range scripts {
		for _, fn := range s.Functions {
			if fn.Name == name {
				return fn.Count
			}
		}
	}
	t.Fatalf("no function %s in coverage", name)
	return 0
}

// TestTierUpInvocationCounts: optimized code does not count invocations, so
// best-effort coverage sees the count stop at the call that tiered up (as
// V8's does); precise coverage turns tier-up off, drops the optimized code
// and counts every call.
func TestTierUpInvocationCounts(t *testing.T) {
	var out capWriter
	iso, err := NewIsolate(Options{Stdout: &out, Stderr: &out, setUp: tierHooks})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	run := func(src string) {
		t.Helper()
		if _, err := iso.RunScript(src, "counts.js"); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
	}
	run(`function hot(x) { return x + 1; } for (let i = 0; i < 1000; i++) hot(i); console.log(isOptimized(hot));`)
	if got := countOf(t, iso.js.PeekCoverage(), "hot"); got != interp.DefaultTierUpCalls {
		t.Errorf("best-effort count after 1000 calls = %d, want %d (counting stops once optimized)", got, interp.DefaultTierUpCalls)
	}
	run(`for (let i = 0; i < 1000; i++) hot(i);`)
	if got := countOf(t, iso.js.PeekCoverage(), "hot"); got != interp.DefaultTierUpCalls {
		t.Errorf("best-effort count after 2000 calls = %d, want it fixed at %d", got, interp.DefaultTierUpCalls)
	}

	iso.js.SelectCoverageMode(interp.CoveragePreciseCount)
	run(`console.log(isOptimized(hot)); for (let i = 0; i < 1000; i++) hot(i); console.log(isOptimized(hot));`)
	if got := countOf(t, iso.js.CollectCoverage(), "hot"); got != 1000 {
		t.Errorf("precise count = %d, want exactly 1000", got)
	}
	run(`for (let i = 0; i < 777; i++) hot(i);`)
	if got := countOf(t, iso.js.CollectCoverage(), "hot"); got != 777 {
		t.Errorf("precise count of the second take = %d, want 777", got)
	}

	iso.js.SelectCoverageMode(interp.CoverageBestEffort)
	run(`for (let i = 0; i < 1000; i++) hot(i); console.log(isOptimized(hot));`)
	if got := out.String(); got != "true\nfalse\nfalse\ntrue\n" {
		t.Errorf("isOptimized over the modes: %q", got)
	}
}

// TestTierUpOptimizedFrameSwitchedByPreciseCoverage: a frame running
// optimized code when precise coverage starts goes back to the baseline
// (same pc), and the calls it makes from then on are counted.
func TestTierUpPreciseCoverageRewritesFrames(t *testing.T) {
	var out capWriter
	var iso *Isolate
	iso, err := NewIsolate(Options{Stdout: &out, Stderr: &out, setUp: func(i *Isolate) {
		tierHooks(i)
		scope := i.Heap.OpenScope()
		defer scope.Close()
		i.js.DefineFunction(i.js.Handle(i.js.GlobalObject()), "startPrecise", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			in.SelectCoverageMode(interp.CoveragePreciseCount)
			return in.Undefined(), true
		})
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	src := `
function leaf(x) { return x * 2; }
function driver() {
  let s = 0;
  for (let i = 0; i < 5000; i++) s += leaf(i);
  const before = runsOptimized();
  startPrecise();
  const after = runsOptimized();
  for (let i = 0; i < 300; i++) s += leaf(i);
  console.log(s, before, after, isOptimized(leaf), isOptimized(driver));
}
driver();
`
	if _, err := iso.RunScript(src, "frames.js"); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got := out.String(); got != "25084700 true false false false\n" {
		t.Errorf("got %q", got)
	}
	if got := countOf(t, iso.js.CollectCoverage(), "leaf"); got != 300 {
		t.Errorf("precise count of leaf = %d, want 300", got)
	}
}

func TestTierUpDeoptMapChange(t *testing.T) {
	checkTier(t, `
function getX(o) { return o.x; }
function setY(o, v) { o.y = v; }
const a = { x: 1, y: 0 };
let s = 0;
for (let i = 0; i < 200; i++) { s += getX(a); setY(a, i); }
const before = isOptimized(getX) && isOptimized(setY);
const b = { y: 5, x: 2 };
s += getX(b);
setY(b, 9);
console.log(s, a.y, b.y, before, isOptimized(getX), deoptCount(getX), deoptCount(setY));
`, "202 199 9 true false 1 1\n")
}

func TestTierUpDeoptNonSmi(t *testing.T) {
	checkTier(t, `
function count(n) { let c = 0; for (let i = 0; i < n; i++) c++; return c; }
let t = 0;
for (let k = 0; k < 100; k++) t += count(10);
const before = isOptimized(count);
const r = count(10.5);
const deopts = deoptCount(count);
for (let k = 0; k < 300; k++) t += count(k % 2 ? 3.5 : 3);
console.log(t, r, before, deopts, isOptimized(count), deoptCount(count));
function big(x) { let y = x; y++; return y + x; }
for (let k = 0; k < 100; k++) big(k);
console.log(isOptimized(big), big(2 ** 30 - 1), big(1.5), big('a'));
`, "2050 11 true 1 true 1\ntrue 2147483647 4 NaNa\n")
}

func TestTierUpOSR(t *testing.T) {
	src := `
function loop() {
  let s = 0, seen = false;
  for (let i = 0; i < 100000; i++) { s += i; if (i === 50000) seen = runsOptimized(); }
  return s + ' ' + seen;
}
console.log(loop(), isOptimized(loop));
`
	checkTier(t, src, "4999950000 true true\n")
	if got := runTier(t, src, Options{NoOpt: true}); got != "4999950000 false false\n" {
		t.Errorf("--no-opt: %q", got)
	}
}

func TestTierUpGenerators(t *testing.T) {
	checkTierModes(t, `
function* gen(o, n) { for (let i = 0; i < n; i++) { yield o.x * i + (runsOptimized() ? 0 : 0); } }
function sum(o, n) { let s = 0; for (const v of gen(o, n)) s += v; return s; }
let t = 0;
for (let k = 0; k < 200; k++) t += sum({ x: 1 }, 10);
const it = gen({ x: 7 }, 5);
it.next();
const inOpt = isOptimized(gen);
// Another activation deoptimizes the function while it is suspended.
const other = gen({ z: 0, x: 3 }, 5);
other.next(); other.next();
const dropped = !isOptimized(gen);
const rest = [...it];
console.log(t, inOpt, dropped, rest.join());

function* optimizedAtResume() { let i = 0; while (true) yield runsOptimized() + ':' + i++; }
const g = optimizedAtResume();
const seen = [];
for (let k = 0; k < 200; k++) seen.push(g.next().value);
console.log(seen[199], isOptimized(optimizedAtResume));

async function total(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
(async () => {
  let all = 0;
  for (let k = 0; k < 100; k++) all += await total(10);
  console.log(all, isOptimized(total));
})();
`, "9000 true true 7,14,21,28\ntrue:199 true\n4500 true\n", map[string]string{
		// Optimized at its first resumption, before o.x had feedback:
		// no map guard to fail.
		"budget2": "9000 true false 7,14,21,28\ntrue:199 true\n4500 true\n",
	})
}

// TestTierUpErrorsAndStacks: exceptions thrown from optimized code (by its
// generic paths, by a deoptimized guard, by a callee) have the same messages
// and stack traces (line:col) as from the interpreter.
func TestTierUpErrorsAndStacks(t *testing.T) {
	src := `
function inner(o) { return o.x.y; }
function outer(o) { const v = inner(o); return v + 1; }
for (let i = 0; i < 300; i++) outer({ x: { y: i } });
try { outer({ x: undefined }); } catch (e) { console.log(e.stack); }
try { outer(null); } catch (e) { console.log(e.stack); }
function thrower(n) { if (n > 250) throw new RangeError('boom ' + n); return n; }
function loop() { let s = 0; for (let i = 0; i < 300; i++) s += thrower(i); return s; }
try { loop(); } catch (e) { console.log(e.stack); }
function handled(n) { try { if (n < 0) null.f(); return n; } catch (e) { return e.message; } }
let h = 0; for (let i = 0; i < 200; i++) h += handled(i);
console.log(h, handled(-1));
function lazyStack() { return new Error('here').stack; }
for (let i = 0; i < 100; i++) lazyStack();
console.log(lazyStack());
`
	want := runTier(t, src, Options{NoOpt: true})
	if !strings.Contains(want, "at inner (tier.js:2:32)") {
		t.Fatalf("interpreter's stack unexpected:\n%s", want)
	}
	for _, m := range tierModes {
		t.Run(m.name, func(t *testing.T) {
			if got := runTier(t, src, m.opts); got != want {
				t.Errorf("optimized differs from interpreter\n%s", lineDiff(got, want))
			}
		})
	}
}

// TestTierUpSetFlags: v8.setFlagsFromString('--no-opt') drops every
// optimized code and stops tier-up; '--opt' turns it on again.
func TestTierUpSetFlags(t *testing.T) {
	var out capWriter
	iso, err := NewIsolate(Options{Stdout: &out, Stderr: &out, setUp: tierHooks})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	src := `
const v8 = require('v8');
function f(x) { return x + 1; }
for (let i = 0; i < 500; i++) f(i);
const a = isOptimized(f);
v8.setFlagsFromString('--no-opt');
const b = isOptimized(f);
for (let i = 0; i < 500; i++) f(i);
const c = isOptimized(f);
v8.setFlagsFromString('--opt');
for (let i = 0; i < 500; i++) f(i);
console.log(a, b, c, isOptimized(f));
`
	if err := iso.runCommonJSSource(src, "flags.js"); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got := out.String(); got != "true false false true\n" {
		t.Errorf("got %q", got)
	}
}

// TestTierUpCallTargetChange: a call site of optimized code learns its
// callee; another callee (a method of another class, another closure of
// the same function) makes it megamorphic without a deopt, with the same
// results.
func TestTierUpCallTargetChange(t *testing.T) {
	checkTier(t, `
function one() { return 1; }
function two() { return 2; }
function callIt(f) { return f(); }
let s = 0;
for (let i = 0; i < 200; i++) s += callIt(one);
const before = isOptimized(callIt);
s += callIt(two);
const d = deoptCount(callIt);
for (let i = 0; i < 200; i++) s += callIt(i % 2 ? one : two);
console.log(s, before, d, isOptimized(callIt), deoptCount(callIt));
class A { m(x) { return x + 1; } }
class B { m(x) { return x + 2; } }
function send(o, x) { return o.m(x); }
let u = 0;
const a = new A();
for (let i = 0; i < 200; i++) u += send(a, i);
u += send(new B(), 0) + send(Object.assign(Object.create(B.prototype), { k: 1 }), 1);
console.log(u, deoptCount(send), typeof send.call);
String.prototype.kind = function () { return typeof this; };
function kinds(v) { return v.kind(); }
let ks = '';
for (let i = 0; i < 100; i++) ks += kinds(i % 50 ? 'x' : Object('z'));
console.log(ks.length, kinds('y'));
function adder(k) { return function (x) { return x + k; }; }
function apply(g, x) { return g(x); }
let v = 0;
for (let i = 0; i < 200; i++) v += apply(adder(i % 3), i);
console.log(v, isOptimized(apply), deoptCount(apply));
`, "502 true 0 true 0\n20105 0 function\n600 object\n20099 true 0\n")
}

// TestTierUpPolymorphicLoad: a named load that saw several maps is
// quickened to LdaNamedChain: it loads own fields of every learned map,
// takes the generic path for a new map, a getter or a primitive, and never
// deoptimizes. (A polymorphic slot was once taken
// for a monomorphic one, its marker for a field handler: every run
// deoptimized until the function was never optimized again.)
func TestTierUpPolymorphicLoad(t *testing.T) {
	src := `
function getX(o) { return o.x; }
const shapes = [{x: 1}, {y: 0, x: 2}, {z: 0, y: 0, x: 3}];
let s = 0;
for (let i = 0; i < 300; i++) s += getX(shapes[i % 3]);
optimize(getX);
const others = [{w: 0, v: 0, x: 4}, {get x() { return 5; }}, Object.create({x: 6}), "str", shapes[1]];
for (const o of others) s += "" + getX(o) + ",";
let t = 0;
for (let i = 0; i < 3000; i++) t += getX(shapes[i % 3]);
console.log(s, t, isOptimized(getX), deoptCount(getX));
`
	// budget2 optimized getX at its second call, while the site was
	// monomorphic: the second map deoptimized it once.
	checkTierModes(t, src, "6004,5,6,undefined,2, 6000 true 0\n", map[string]string{"budget2": "6004,5,6,undefined,2, 6000 true 1\n"})
}

// directCallSrc calls functions through Function.prototype.apply (with
// arguments objects in many states, arrays, non-objects) and .call, with
// every kind of callee (ordinary, strict, native, bound, class, generator,
// async, arrow, not a function), receivers to box, errors thrown inside
// (their stack traces), deep recursion, and apply replaced on
// Function.prototype. Node gives the same results, but its stack traces
// lack the builtins' frames (sonde shows them) and two of sonde's messages
// differ: the oracle is the interpreter.
const directCallSrc = `
function sum() { let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
function init3(a, b, c) { return [this === globalThis ? 'G' : typeof this, a, b, c].join(); }
function initStrict(a, b) { 'use strict'; return [typeof this, String(this), a, b].join(); }
const P = { init: init3, initS: initStrict, s: sum };
function K() { return P.init.apply(this, arguments); }
function KS() { return P.initS.apply(this, arguments); }
function Ksum() { return P.s.apply(P, arguments); }
function modLength() { arguments.length = 1; return P.init.apply(this, arguments); }
function longLength() { arguments.length = 5; return P.init.apply(this, arguments); }
function fracLength() { arguments.length = 2.5; return P.init.apply(this, arguments); }
function strLength() { arguments.length = '2'; return P.init.apply(this, arguments); }
function deleted() { delete arguments[1]; return P.init.apply(this, arguments); }
function extra() { arguments.foo = 1; return P.init.apply(this, arguments); }
function getter() { Object.defineProperty(arguments, 1, { get() { return 'g'; } }); return P.init.apply(this, arguments); }
function mapped(a, b) { b = 'm'; return P.init.apply(this, arguments); }
function strictArgs() { 'use strict'; return P.init.apply(this, arguments); }
function arr(x) { return P.init.apply(this, [x, 2]); }
function native() { return Math.max.apply(Math, arguments); }
const bound = init3.bind({}, 'b');
function viaBound() { return bound.apply(null, arguments); }
class C { constructor(x) { this.x = x; } }
function viaClass() { try { return C.apply({}, arguments); } catch (e) { return e.constructor.name + ': ' + e.message; } }
function* gen(a) { yield a; }
function viaGen() { return gen.apply(null, arguments).next().value; }
async function asy(a) { return a; }
function viaAsync() { return typeof asy.apply(null, arguments).then; }
const arrow = (a, b) => [typeof this, a, b].join();
function viaArrow() { return arrow.apply(1, arguments); }
function prim() { return P.init.apply(7, arguments); }
function primS() { return P.initS.apply('s', arguments); }
function nul() { return P.init.apply(null, arguments); }
const notFn = { apply: Function.prototype.apply };
function viaNotFn() { try { return notFn.apply(null, arguments); } catch (e) { return e.constructor.name + ': ' + e.message; } }
function badList(x) { try { return P.init.apply(null, x); } catch (e) { return e.constructor.name + ': ' + e.message; } }
function thrower(n) { if (n === 3) throw new Error('boom ' + n); return n; }
function viaThrow() { return thrower.apply(null, arguments); }
function rec(n) { return n <= 0 ? 0 : 1 + rec.apply(null, [n - 1]); }
function recArgs(n) { return n <= 0 ? 0 : 1 + recArgs2.apply(null, arguments); }
function recArgs2(n) { return recArgs(n - 1); }
function deep() { return deep.apply(null, arguments); }

const out = [];
function run(name, f, ...args) {
  let last;
  for (let i = 0; i < 150; i++) last = f(...args);
  out.push(name + ' ' + last);
}
run('K', function () { return new K(1, 2, 3) && K.call({}, 1, 2, 3); });
run('K0', () => K());
run('K4', () => K(1, 2, 3, 4));
run('KS', () => KS('a', 'b'));
run('Ksum', () => Ksum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
run('modLength', () => modLength(1, 2, 3));
run('longLength', () => longLength(1, 2, 3));
run('fracLength', () => fracLength(1, 2, 3));
run('strLength', () => strLength(1, 2, 3));
run('deleted', () => deleted(1, 2, 3));
run('extra', () => extra(1, 2, 3));
run('getter', () => getter(1, 2, 3));
run('mapped', () => mapped(1, 2, 3));
run('strictArgs', () => strictArgs(1, 2));
run('arr', () => arr(1));
run('native', () => native(1, 5, 3));
run('viaBound', () => viaBound(1, 2));
run('viaClass', () => viaClass(1));
run('viaGen', () => viaGen(4));
run('viaAsync', () => viaAsync(4));
run('viaArrow', () => viaArrow(1, 2));
run('prim', () => prim(1));
run('primS', () => primS(1));
run('nul', () => nul(1));
run('viaNotFn', () => viaNotFn(1));
run('badList', () => badList(5));
run('rec', () => rec(20));
run('recArgs', () => recArgs(20));
for (let i = 0; i < 100; i++) viaThrow(1);
try { viaThrow(3); } catch (e) { out.push(e.stack); }
try { deep(1); } catch (e) { out.push(e.constructor.name); }

function Base(x) { this.x = x; }
function Derived(x, y) { Base.call(this, x); this.y = y; }
function callNone() { return init3.call(); }
function callOne() { return init3.call(P); }
function callMany() { return init3.call(P, 1, 2, 3, 4, 5); }
function callPrim() { return initStrict.call(5, 1); }
function callNative() { return Math.max.call(null, 1, 9, 2); }
function callNotFn() { try { return ({ call: Function.prototype.call }).call(1); } catch (e) { return e.constructor.name; } }
function callThrow(n) { return thrower.call(null, n); }
run('Derived', () => { const d = new Derived(1, 2); return d.x + d.y; });
run('callNone', callNone);
run('callOne', callOne);
run('callMany', callMany);
run('callPrim', callPrim);
run('callNative', callNative);
run('callNotFn', callNotFn);
for (let i = 0; i < 100; i++) callThrow(1);
try { callThrow(3); } catch (e) { out.push(e.stack); }
// The site's callee changes: apply replaced on Function.prototype.
const realApply = Function.prototype.apply;
Function.prototype.apply = function (t, a) { return 'own ' + a.length; };
out.push('replaced ' + K(1, 2));
Function.prototype.apply = realApply;
out.push('restored ' + K(1, 2));
console.log(out.join('\n'));
console.log(directCalls() > 1000);
`

// TestTierUpCallDirect: optimized call sites that learned
// Function.prototype.apply or call run a compiled callee directly when the
// arguments allow (tiercall.go), and in every case give what the
// interpreter gives: results, errors and stack traces (which show the
// builtin's frame, as the interpreter's do).
func TestTierUpCallDirect(t *testing.T) {
	want := runTier(t, directCallSrc, Options{NoOpt: true})
	for _, line := range []string{"K object,1,2,3", "modLength G,1,,", "mapped G,1,m,3", "getter G,1,g,3", "prim object,1,,",
		"viaClass TypeError: Class constructor C cannot be invoked without 'new'", "rec 20", "Derived 3", "callMany object,1,2,3",
		"at Function.apply (<anonymous>)", "at Function.call (<anonymous>)", "replaced own 2", "restored G,1,2,"} {
		if !strings.Contains(want, line+"\n") {
			t.Fatalf("interpreter's output lacks %q:\n%s", line, want)
		}
	}
	if !strings.HasSuffix(want, "\nfalse\n") {
		t.Fatalf("the interpreter made direct calls:\n%s", want)
	}
	want = strings.TrimSuffix(want, "false\n") + "true\n"
	for _, m := range tierModes {
		t.Run(m.name, func(t *testing.T) {
			if got := runTier(t, directCallSrc, m.opts); got != want {
				t.Errorf("optimized differs from interpreter\n%s", lineDiff(got, want))
			}
		})
	}
}

// TestTierUpCallDirectStaysOptimized: the monomorphic paths (a learned
// callee, apply with arguments, call) never deoptimize.
func TestTierUpCallDirectStaysOptimized(t *testing.T) {
	checkTier(t, `
function init(a, b) { this.a = a; this.b = b; }
function K() { init.apply(this, arguments); }
function Base(x) { this.x = x; }
function D(x) { Base.call(this, x); this.y = x + 1; }
function add(a, b) { return a + b; }
function sum(n) { let s = 0; for (let i = 0; i < n; i++) s = add(s, i); return s; }
let t = 0;
for (let i = 0; i < 500; i++) { const k = new K(i, 1); const d = new D(i); t += k.a + k.b + d.x + d.y + sum(10); }
console.log(t, isOptimized(K), deoptCount(K), isOptimized(D), deoptCount(D), isOptimized(sum), deoptCount(sum), directCalls() >= 800);
`, "397750 true 0 true 0 true 0 true\n")
}

// TestTierUpCallMegamorphic: a call site that deoptimized on a second
// callee is megamorphic: re-optimized, it calls any callee (ordinary,
// arrow, strict, sloppy with a primitive receiver, native, class,
// non-function, apply's target through call) without deoptimizing again,
// with node's results and errors.
func TestTierUpCallMegamorphic(t *testing.T) {
	checkTier(t, `
function callIt(f, x) { return f(x); }
function send(o, x) { return o.m(x); }
const fns = [x => x + 1, function (x) { return x * 2; }, Math.abs, function (x) { 'use strict'; return typeof this; },
  function (x) { return this === globalThis; }, String, function (x) { return arguments.length; }];
let s = '';
for (let i = 0; i < 700; i++) s = callIt(fns[i % fns.length], -i) + ',' + s.slice(0, 40);
console.log(s);
class K { }
try { callIt(K, 1); } catch (e) { console.log(e.constructor.name, e.message); }
try { callIt(5, 1); } catch (e) { console.log(e.constructor.name); }
try { callIt(1, 1); } catch (e) { console.log(e.constructor.name); }
String.prototype.m = function (x) { return typeof this + x; };
Number.prototype.m = function (x) { 'use strict'; return typeof this + x; };
const objs = [{ m(x) { return 'a' + x; } }, { m: (x) => 'b' + x }, 'str', 7, { m: Math.max }, { f(x) { return 'c' + x; }, m(x) { return this.f.call(this, x); } }];
let t = '';
for (let i = 0; i < 600; i++) t = send(objs[i % objs.length], i) + ',' + t.slice(0, 40);
console.log(t);
function boom(x) { throw new TypeError('boom ' + x); }
try { callIt(boom, 3); } catch (e) { console.log(e.stack); }
console.log(isOptimized(callIt), deoptCount(callIt) <= 1, isOptimized(send), deoptCount(send) <= 3);
`, `1,-698,true,undefined,695,-1388,-692,1,-69
TypeError Class constructor K cannot be invoked without 'new'
TypeError
TypeError
c599,598,number597,object596,b595,a594,c593,5
TypeError: boom 3
    at boom (tier.js:19:26)
    at callIt (tier.js:2:32)
    at tier.js:20:7
true true true true
`)
}

// TestTierUpFastArguments: optimized code of a sloppy function with simple
// parameters makes its arguments objects from the recorded map
// (createArgumentsSloppy), the same objects as the interpreter's: the
// testdata script arguments-optimized.js checks them against node; here,
// that the fast path runs and gives the interpreter's results, for the
// argument counts around the elements' growth steps.
func TestTierUpFastArguments(t *testing.T) {
	src := `
function f(a, b) { arguments[arguments.length] = 'x'; return [arguments.length, a, Object.keys(arguments).length, arguments.callee === f, [...arguments].join('')].join(); }
const out = [];
for (let n = 0; n < 40; n++) {
  const args = [];
  for (let i = 0; i < n; i++) args.push(i % 10);
  let r;
  for (let i = 0; i < 80; i++) r = f(...args);
  out.push(r);
}
console.log(out.join(';'));
console.log(fastArguments() > 1000);
`
	want := runTier(t, src, Options{NoOpt: true})
	if !strings.HasSuffix(want, "\nfalse\n") || !strings.Contains(want, "17,0,18,true,0123456789012345") {
		t.Fatalf("interpreter:\n%s", want)
	}
	want = strings.TrimSuffix(want, "false\n") + "true\n"
	for _, m := range tierModes {
		t.Run(m.name, func(t *testing.T) {
			if got := runTier(t, src, m.opts); got != want {
				t.Errorf("optimized differs from interpreter\n%s", lineDiff(got, want))
			}
		})
	}
}

// TestTierUpConstructFast: `new F(…)` in optimized code makes the receiver
// from F's initial map and pushes F's frame directly (constructFast), and
// every other constructor takes the generic path: results, prototypes,
// new.target, returned objects, errors and their stacks as in the
// interpreter.
func TestTierUpConstructFast(t *testing.T) {
	src := `
function P(x, y) { this.x = x; this.y = y; }
P.prototype.sum = function () { return this.x + this.y; };
class B { constructor(v) { this.v = v; this.nt = new.target === B; } }
class D extends B { constructor(v) { super(v + 1); this.d = true; } }
function R(o) { this.lost = 1; return o; }
function NT() { this.same = new.target === NT; }
const bound = P.bind(null, 10);
const prox = new Proxy(P, {});
const arrow = () => 1;
function Thrower(n) { if (n > 3) throw new Error('ctor ' + n); this.n = n; }
function make(C, a, b) { return new C(a, b); }
function mk(i) {
  const p = new P(i, 1), b = new B(i), d = new D(i), n = new NT();
  const r1 = new R({ k: i }), r2 = new R(5);
  return [p.sum(), Object.getPrototypeOf(p) === P.prototype, b.v, b.nt, d.v, d.d, d instanceof B, n.same, r1.k, r1.lost, r2.lost,
    new bound(2).sum(), new prox(3, 4).sum(), make(Array, 3).length, make(Date, 0) instanceof Date, make(String, 'q').length].join();
}
const out = [];
for (let i = 0; i < 200; i++) out[0] = mk(i);
P.prototype = { sum() { return 'new proto'; } };
out.push(mk(1));
try { make(arrow); } catch (e) { out.push(e.constructor.name + ' ' + e.message); }
try { make(5); } catch (e) { out.push(e.constructor.name + ' ' + e.message); }
for (let i = 0; i < 200; i++) make(Thrower, 1);
try { make(Thrower, 7); } catch (e) { out.push(e.stack); }
console.log(out.join('\n'));
`
	want := runTier(t, src, Options{NoOpt: true})
	if !strings.Contains(want, "200,true,199,true,200,true,true,true,199,,1,12,7,2,true,1\nnew proto,true,1,true,2,true,true,true,1,,1,new proto,new proto,2,true,1\nTypeError C is not a constructor\n") {
		t.Fatalf("interpreter:\n%s", want)
	}
	for _, m := range tierModes {
		t.Run(m.name, func(t *testing.T) {
			if got := runTier(t, src, m.opts); got != want {
				t.Errorf("optimized differs from interpreter\n%s", lineDiff(got, want))
			}
		})
	}
}

// The optimized tier's arithmetic (h-elem, interp/tierelem.go): shifts and
// xor with an inline Smi path, Add/Sub/Mul/Div with numbers inline, and
// Ldar;Inc|Dec;Star and postfix x++ fused. Each is used (its op is in the
// optimized code, no deopt) and gives node's results on Smis, Smi
// overflow, doubles, -0, NaN, strings, objects with valueOf and BigInts
// (the expected output is node v20's, with the hooks stubbed to true/0).
func TestTierUpShiftsXor(t *testing.T) {
	checkTier(t, `function ops(a, b) {
  const s = [a << b, a >> b, a >>> b, a ^ b];
  let x = a << b; let y = a >> b; let z = a >>> b; let w = a ^ b;
  return s.concat([x, y, z, w]).map(v => Object.is(v, -0) ? '-0' : String(v)).join(',');
}
ops(1, 2); ops(3, 4);
const opt = optimize(ops);
const has = ['ShiftLeftStar', 'ShiftRightStar', 'ShiftRightLogicalStar', 'BitwiseXorStar', 'ShiftLeftOpt', 'ShiftRightOpt', 'ShiftRightLogicalOpt', 'BitwiseXorOpt'].map(n => optimizedOps(ops).split(' ').includes(n));
const cases = [[1, 2], [5, 29], [1, 30], [-1, 0], [-1, 31], [-1073741824, 1], [1073741823, 1], [7, -1], [7, 33],
  [2 ** 31 + 5, 1], [-1.5, 2], [1e20, 3], [NaN, 1], [3, 1.9], [-(2 ** 32) - 3, 0], [4294967295, 0],
  [{ valueOf() { return 6; } }, '1'], ['12', 2], [true, 3], [null, undefined]];
const out = [];
for (const [a, b] of cases) out.push(ops(a, b));
console.log(out.join('\n'));
try { ops(1n, 2n); } catch (e) { console.log(e.constructor.name); }
try { ops(1n, 2); } catch (e) { console.log(e.constructor.name); }
console.log(opt, has.join(), isOptimized(ops), deoptCount(ops));
`, `4,0,0,3,4,0,0,3
-1610612736,0,0,24,-1610612736,0,0,24
1073741824,0,0,31,1073741824,0,0,31
-1,-1,4294967295,-1,-1,-1,4294967295,-1
-2147483648,-1,1,-32,-2147483648,-1,1,-32
-2147483648,-536870912,1610612736,-1073741823,-2147483648,-536870912,1610612736,-1073741823
2147483646,536870911,536870911,1073741822,2147483646,536870911,536870911,1073741822
-2147483648,0,0,-8,-2147483648,0,0,-8
14,3,3,38,14,3,3,38
10,-1073741822,1073741826,-2147483644,10,-1073741822,1073741826,-2147483644
-4,-1,1073741823,-3,-4,-1,1073741823,-3
411041792,207749120,207749120,1661992963,411041792,207749120,207749120,1661992963
0,0,0,1,0,0,0,1
6,1,1,2,6,1,1,2
-3,-3,4294967293,-3,-3,-3,4294967293,-3
-1,-1,4294967295,-1,-1,-1,4294967295,-1
12,3,3,7,12,3,3,7
48,3,3,14,48,3,3,14
8,0,0,2,8,0,0,2
0,0,0,0,0,0,0,0
TypeError
TypeError
true true,true,true,true,true,true,true,true true 0
`)
}

func TestTierUpArithIncDec(t *testing.T) {
	checkTier(t, `const show = v => Object.is(v, -0) ? '-0' : typeof v === 'bigint' ? v + 'n' : String(v);
function ar(a, b) {
  const r = [a + b, a - b, a * b, a / b];
  let s = a + b; let d = a - b; let m = a * b;
  r.push(s, d, m);
  let k;
  switch (a * b) { case 1: k = 'one'; break; case 6: k = 'six'; break; default: k = 'other'; }
  r.push(k);
  return r.map(show).join(',');
}
ar(1, 2); ar(3, 4);
const opt = optimize(ar);
const ops = optimizedOps(ar).split(' ');
const cases = [[2, 3], [0.5, 2], [2.5, 2.4], [1.5, 4], [-1, 0], [0, -5], [1073741823, 1], [-1073741824, 1], [65536, 65536],
  [0.1, 0.2], [NaN, 1], [Infinity, -Infinity], ['a', 1], [1, '2'], [{ valueOf() { return 3; } }, 2], [null, true], [undefined, 1], [2n, 3n]];
for (const [a, b] of cases) console.log(ar(a, b));
try { ar(1n, 1); } catch (e) { console.log(e.constructor.name); }
console.log(opt, ['AddOpt', 'SubOpt', 'MulOpt', 'DivOpt', 'AddStar', 'SubStar', 'MulStar'].map(n => ops.includes(n)).join(), isOptimized(ar), deoptCount(ar));

function inc(o, n) {
  let i = n; let j = n; let t = [];
  i++; ++j; j--; --j; ++j; t.push(i, j);
  let p = i++; let q = j--;
  t.push(p, q, i, j);
  for (let k = 0; k < 3; k++) o.c++;
  t.push(o.c);
  return t.map(show).join(',');
}
inc({ c: 0 }, 1); inc({ c: 0 }, 2);
const opt2 = optimize(inc);
const ops2 = optimizedOps(inc).split(' ');
for (const n of [5, 1073741822, 1073741823, -1073741824, 1.5, '7', -0, 9n]) console.log(inc({ c: n }, n));
const vo = { c: { valueOf() { return 41; } } };
console.log(inc(vo, 0));
console.log(opt2, ['LdarIncStar', 'LdarDecStar', 'LdarPostInc'].map(n => ops2.includes(n)).join(), isOptimized(inc), deoptCount(inc));
`, `5,-1,6,0.6666666666666666,5,-1,6,six
2.5,-1.5,1,0.25,2.5,-1.5,1,one
4.9,0.10000000000000009,6,1.0416666666666667,4.9,0.10000000000000009,6,six
5.5,-2.5,6,0.375,5.5,-2.5,6,six
-1,-1,-0,-Infinity,-1,-1,-0,other
-5,5,-0,-0,-5,5,-0,other
1073741824,1073741822,1073741823,1073741823,1073741824,1073741822,1073741823,other
-1073741823,-1073741825,-1073741824,-1073741824,-1073741823,-1073741825,-1073741824,other
131072,0,4294967296,1,131072,0,4294967296,other
0.30000000000000004,-0.1,0.020000000000000004,0.5,0.30000000000000004,-0.1,0.020000000000000004,other
NaN,NaN,NaN,NaN,NaN,NaN,NaN,other
NaN,Infinity,-Infinity,NaN,NaN,Infinity,-Infinity,other
a1,NaN,NaN,NaN,a1,NaN,NaN,other
12,-1,2,0.5,12,-1,2,other
5,1,6,1.5,5,1,6,six
1,-1,0,0,1,-1,0,other
NaN,NaN,NaN,NaN,NaN,NaN,NaN,other
5n,-1n,6n,0n,5n,-1n,6n,other
TypeError
true true,true,true,true,true,true,true true 0
6,5,6,5,7,4,8
1073741823,1073741822,1073741823,1073741822,1073741824,1073741821,1073741825
1073741824,1073741823,1073741824,1073741823,1073741825,1073741822,1073741826
-1073741823,-1073741824,-1073741823,-1073741824,-1073741822,-1073741825,-1073741821
2.5,1.5,2.5,1.5,3.5,0.5,4.5
8,7,8,7,9,6,10
1,0,1,0,2,-1,3
10n,9n,10n,9n,11n,8n,12n
1,0,1,0,2,-1,44
true true,true,true true 0
`)
}

// An arithmetic op whose acc operand is the HeapNumber the op just before
// made (c * (a + b)) overwrites it instead of allocating (…Reuse); a join
// (a ternary's arms meet at the op), a box loaded from an array, and a
// result kept in a variable are never overwritten. node v20's output.
func TestTierUpArithReuse(t *testing.T) {
	checkTier(t, `const arr = [0.25, 1.5, 2.75];
function f(a, b, c, flag) {
  const r = [];
  r.push(c * (a + b));
  r.push(a + (a - b) / c);
  const m = a * (flag ? arr[1] : a + b);
  r.push(m);
  const n = c - a * b;
  r.push(n);
  r.push(a + (b + c));
  const t = a + b;
  r.push(c * t, t);
  return r;
}
f(1, 2, 3, false); f(0.5, 0.25, 2, true);
const opt = optimize(f);
const ops = optimizedOps(f).split(' ');
const out = [];
for (const [a, b, c] of [[0.5, 0.25, 2], [1.5, 2.5, 0.1], [2, 3, 4], [0.5, 0.5, 2], [-0.5, 0.5, -1], [1e308, 1e308, 0.5], [NaN, 1, 1], ['1', 2, 3], [{ valueOf() { return 0.5; } }, 1, 2]]) {
  const r1 = f(a, b, c, true), r2 = f(a, b, c, false);
  out.push(r1.concat(r2).map(v => Object.is(v, -0) ? '-0' : typeof v === 'bigint' ? v + 'n' : String(v)).join(','));
}
console.log(out.join('\n'));
console.log(arr.join(), opt, ops.filter(n => n.endsWith('Reuse')).length > 0, isOptimized(f), deoptCount(f));
// Every result is its own number: none overwrote another.
const keep = [];
for (let i = 0; i < 50; i++) keep.push(f(i + 0.5, 0.25, 3, i % 2 === 0));
console.log(keep.every((r, i) => r[0] === 3 * (i + 0.75) && r[6] === i + 0.75), keep[7].join());
`, `1.5,0.625,0.75,1.875,2.75,1.5,0.75,1.5,0.625,0.375,1.875,2.75,1.5,0.75
0.4,-8.5,2.25,-3.65,4.1,0.4,4,0.4,-8.5,6,-3.65,4.1,0.4,4
20,1.75,3,-2,9,20,5,20,1.75,10,-2,9,20,5
2,0.5,0.75,1.75,3,2,1,2,0.5,0.5,1.75,3,2,1
-0,0.5,-0.75,-0.75,-1,-0,0,-0,0.5,-0,-0.75,-1,-0,0
Infinity,1e+308,1.5e+308,-Infinity,Infinity,Infinity,Infinity,Infinity,1e+308,Infinity,-Infinity,Infinity,Infinity,Infinity
NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN
36,1-0.3333333333333333,1.5,1,15,36,12,36,1-0.3333333333333333,12,1,15,36,12
3,0.25,0.75,1.5,3.5,3,1.5,3,0.25,0.75,1.5,3.5,3,1.5
0.25,1.5,2.75 true true true 0
true 23.25,9.916666666666666,58.125,1.125,10.75,23.25,7.75
`)
}

// Optimized keyed loads and stores (LdaKeyedOpt, LdaKeyedStar,
// StaKeyedOpt) read and write a present element inline and take the
// generic path for holes (the prototype's element shows through), out of
// bounds, non-Smi and negative keys, strings, typed arrays, accessors,
// frozen arrays, proxies and growth. node v20's output.
func TestTierUpKeyedElements(t *testing.T) {
	checkTier(t, `'use strict';
function get(o, k) { const v = o[k]; return v; }
function getv(o, k) { return o[k]; }
function set(o, k, v) { o[k] = v; return o[k]; }
const a = [1, 2, 3];
get(a, 0); getv(a, 1); set(a, 2, 3); get(a, 1); getv(a, 0); set(a, 0, 1);
const o1 = optimize(get), o2 = optimize(getv), o3 = optimize(set);
const ops = optimizedOps(get) + ' ' + optimizedOps(getv) + ' ' + optimizedOps(set);
const out = [];
const holey = [1, , 3];
Array.prototype[1] = 'proto';
out.push(get(holey, 1), getv(holey, 1), get(a, 5), getv(a, -1), get(a, '1'), getv(a, 1.5), get('abc', 1), getv({ 0: 'x' }, 0));
delete Array.prototype[1];
out.push(get(holey, 1), getv(holey, 1));
const ta = new Int32Array([7, 8]);
out.push(get(ta, 1), set(ta, 0, 9.7), getv(ta, 0));
Object.defineProperty(a, 1, { get() { return 'getter'; }, configurable: true });
out.push(get(a, 1), getv(a, 1));
out.push(set(a, 2, 'x'), set(a, 3, 'grow'), a.length, set(holey, 1, 'fill'), holey.join());
const frozen = Object.freeze([1, 2]);
try { set(frozen, 0, 5); out.push('no throw'); } catch (e) { out.push(e.constructor.name); }
out.push(frozen[0]);
const proxy = new Proxy([1, 2], { get(t, k) { return 'p' + String(k); } });
out.push(get(proxy, 0));
const big = [];
for (let i = 0; i < 100; i++) set(big, i, i * 0.5);
out.push(big.length, get(big, 99));
try { get(undefined, 0); } catch (e) { out.push(e.constructor.name); }
console.log(out.map(String).join('|'));
console.log(o1 && o2 && o3, ['LdaKeyedStar', 'LdaKeyedOpt', 'StaKeyedOpt'].map(n => ops.split(' ').includes(n)).join());
`, `proto|proto|undefined|undefined|2|undefined|b|x|undefined|undefined|8|9|9|getter|getter|x|grow|4|fill|1,fill,3|TypeError|1|p0|100|49.5|TypeError
true true,true,true
`)
}

// TestTierUpPrototypeChainLoad: a monomorphic named load found on the
// prototype chain (a method, a shared constant) is quickened to
// LdaNamedChain(Star), which compares the maps along the chain inline and
// re-reads the holder's field; it stays optimized without a deopt.
func TestTierUpPrototypeChainLoad(t *testing.T) {
	checkTier(t, `
function P() { this.v = 1; }
P.prototype.m = function () { return this.v; };
P.prototype.k = 7;
function Q() { P.call(this); this.w = 2; }
Q.prototype = Object.create(P.prototype);
Q.prototype.n = function () { return this.w; };
function callM(o) { return o.m() + o.n() + o.k; }
function getK(o) { return o.k; }
const q = new Q();
let s = 0;
for (let i = 0; i < 300; i++) s += callM(q) + getK(q);
optimize(callM); optimize(getK);
for (let i = 0; i < 300; i++) s += callM(q) + getK(q);
console.log(s, optimizedOps(callM, 'LdaNamedChain') + optimizedOps(callM, 'LdaNamedChainStar'),
  optimizedOps(getK, 'LdaNamedChain') + optimizedOps(getK, 'LdaNamedChainStar'),
  isOptimized(callM), isOptimized(getK), deoptCount(callM), deoptCount(getK));
`, "10200 3 1 true true 0 0\n")
}

// TestTierUpPrototypeChainLoadInvalidation: LdaNamedChain follows every
// change of the chain — a new value (no map changes: the field is re-read),
// a shadowing property, a deleted one, a getter installed on the holder, a
// new prototype, a dictionary-mode prototype, primitives — by taking the
// generic load, never deoptimizing.
func TestTierUpPrototypeChainLoadInvalidation(t *testing.T) {
	checkTier(t, `
function P() { this.v = 1; }
P.prototype.k = 7;
function Q() { P.call(this); }
Q.prototype = Object.create(P.prototype);
function getK(o) { return o.k; }
const q = new Q();
let s = 0;
for (let i = 0; i < 300; i++) s += getK(q);
optimize(getK);
const out = [s, optimizedOps(getK, 'LdaNamedChain') + optimizedOps(getK, 'LdaNamedChainStar')];
P.prototype.k = 8;                       // the value changes, no map does
out.push(getK(q));
Q.prototype.k = 9;                       // a shadowing property on the 1st prototype
out.push(getK(q));
delete Q.prototype.k;
out.push(getK(q));
const q2 = new Q(); q2.k = 10;           // an own property (another map)
out.push(getK(q2), getK(q));
Object.defineProperty(P.prototype, 'k', { get() { return this === q ? 11 : 12; }, configurable: true });
out.push(getK(q), getK(new Q()));        // a getter on the holder
Object.defineProperty(P.prototype, 'k', { value: 13, writable: true, configurable: true });
out.push(getK(q));
Object.setPrototypeOf(Q.prototype, { k: 14 });   // the chain's link changes
out.push(getK(q));
Object.setPrototypeOf(q, null);
out.push(getK(q));
for (let i = 0; i < 40; i++) P.prototype['p' + i] = i;
for (let i = 0; i < 40; i++) delete P.prototype['p' + i];  // a dictionary-mode prototype
const q3 = new Q();
out.push(getK(q3));
Object.setPrototypeOf(Q.prototype, P.prototype);
out.push(getK(q3), getK('str'), getK(5), getK({}));
try { getK(undefined); } catch (e) { out.push(e.constructor.name); }
for (let i = 0; i < 300; i++) s += getK(new Q());
out.push(s, isOptimized(getK), deoptCount(getK));
console.log(out.join(' '));
`, "2100 1 8 9 8 10 8 11 12 13 14  14 13    TypeError 6000 true 0\n")
}

// TestTierUpPolymorphicChainLoad: a polymorphic site whose entries are
// prototype-chain handlers (class methods at several depths, an own
// method) is served inline too, and follows method replacement, getters
// and deletion.
func TestTierUpPolymorphicChainLoad(t *testing.T) {
	checkTier(t, `
class A { constructor() { this.a = 1; } get g() { return 'getter'; } m() { return 'A'; } }
class B extends A { constructor() { super(); this.b = 2; } m() { return 'B'; } }
class C extends B { n() { return 'C'; } }
function whoM(o) { return o.m; }
function label(o) { return o.m(); }
function getA(o) { return o.a; }
const objs = [new A(), new B(), new C(), { m() { return 'own'; }, a: 3 }];
let s = '';
for (let i = 0; i < 400; i++) { const o = objs[i % 4]; s += label(o); if (whoM(o) !== o.m) s += '!'; getA(o); }
optimize(whoM); optimize(label); optimize(getA);
const out = [s.length, optimizedOps(whoM, 'LdaNamedChain') + optimizedOps(whoM, 'LdaNamedChainStar') > 0];
let t = '';
for (let i = 0; i < 400; i++) t += label(objs[i % 4]);
out.push(t.length, t.slice(0, 8), getA(objs[2]), getA(objs[3]));
B.prototype.m = function () { return 'B2'; };
out.push(whoM(objs[2])(), whoM(objs[1])(), whoM(objs[0])());
Object.defineProperty(A.prototype, 'm', { get() { return () => 'gA'; }, configurable: true });
out.push(whoM(objs[0])(), whoM(objs[2])());
delete B.prototype.m;
out.push(whoM(objs[2])(), whoM(objs[1])(), whoM(new C())());
out.push(isOptimized(whoM), deoptCount(whoM));
console.log(out.join(' '));
`, "600 true 600 ABBownAB 1 3 B2 B2 A gA B2 gA gA gA true 0\n")
}

// TestTierUpInstanceOf: optimized code walks the prototype chain itself for
// a plain function's instanceof and stays optimized whatever the operands
// (anything else takes the generic operator, never a deopt).
func TestTierUpInstanceOf(t *testing.T) {
	src := `
function A() {}
function B() {}
B.prototype = Object.create(A.prototype);
function isA(x, F) { try { return x instanceof F; } catch (e) { return e.constructor.name; } }
let n = 0;
for (let i = 0; i < 300; i++) n += isA(new B(), A) + isA(new A(), B);
optimize(isA);
const r = [isA(new B(), A), isA(1, A), isA(new A(), A.bind()), isA(new Proxy(new A(), {}), A), isA({}, () => {}), isA({}, {})];
A.prototype = {};
r.push(isA(new B(), A));
Object.defineProperty(A, Symbol.hasInstance, { value: () => true });
r.push(isA(1, A));
console.log(n, r.join(), isOptimized(isA), deoptCount(isA));
`
	checkTier(t, src, "300 true,false,true,true,TypeError,TypeError,false,true true 0\n")
}

// TestTierUpInstanceOfEdges: TestInstanceOfFunction in optimized code
// walks the object's maps inline for a plain constructor and takes the
// generic path otherwise: an
// own @@hasInstance, a bound function, a proxy on the chain, a prototype
// not materialized yet, non-object prototypes and right-hand sides.
// Function.prototype[@@hasInstance] is non-writable, as in node.
func TestTierUpInstanceOfEdges(t *testing.T) {
	checkTier(t, `
function A() {} function B() {}
B.prototype = Object.create(A.prototype);
class C extends B {}
function isA(o) { return o instanceof A; }
function isB(o) { return o instanceof B; }
function inst(o, c) { return o instanceof c; }
const vals = [new A(), new B(), new C(), {}, null, undefined, 1, 'str', Object.create(null), [], () => 1];
let s = '';
for (let i = 0; i < 300; i++) { const v = vals[i % vals.length]; s += (isA(v) ? 1 : 0) + '' + (isB(v) ? 1 : 0); }
optimize(isA); optimize(isB); optimize(inst);
const out = [s.length, s.slice(0, 22), optimizedOps(isA, 'TestInstanceOfFunction')];
out.push(vals.map(v => (isA(v) ? 1 : 0)).join(''), vals.map(v => (isB(v) ? 1 : 0)).join(''));
// a ctor with an own @@hasInstance, a bound ctor, Array, a class, a proxy on the chain, an arrow
out.push(inst(new C(), C), inst([], Array), inst([], Object), inst(new C(), B.bind(null)));
const D = function () {};
Object.defineProperty(D, Symbol.hasInstance, { value: (v) => v === 7 });
out.push(inst(7, D), inst(new D(), D));
const px = new Proxy(new B(), {});
out.push(inst(px, A), inst(Object.create(px), B));
try { inst({}, () => 1); } catch (e) { out.push(e.constructor.name); }
try { inst({}, {}); } catch (e) { out.push(e.constructor.name); }
const E = function () {}; E.prototype = 5;
try { inst({}, E); } catch (e) { out.push(e.constructor.name); }
out.push(inst(5, E));
function F() {}
const f0 = Object.create(F.prototype);  // F's prototype materialized by the read above
out.push(inst(f0, F));
function G() {}
out.push(inst(new G(), G), inst({}, G));  // G.prototype not read before: the generic path materializes it
A.prototype = {};                                  // a new prototype object
out.push(isA(new B()), isA(new A()));
Object.setPrototypeOf(B.prototype, A.prototype);
out.push(isA(new C()));
try { Function.prototype[Symbol.hasInstance] = () => true; } catch (e) { out.push(e.constructor.name); }
out.push(isA({}), isOptimized(isA), deoptCount(isA), deoptCount(inst));
console.log(out.join(' '));
`, "600 1011110000000000000000 1 11100000000 01100000000 true true true true true false true true TypeError TypeError TypeError false true true false false true true false true 0 0\n")
}

// TestTierUpMegamorphicLoad: a named load that saw more maps than a slot
// holds is quickened to LdaNamedMega, which serves own fields and
// prototype-chain fields from the interpreter's (map, name) cache, and
// follows a replaced method, a getter on the prototype or the object, a
// shadowing or deleted property and primitives through the generic load,
// never deoptimizing (also under GC stress: the cache is a GC root).
func TestTierUpMegamorphicLoad(t *testing.T) {
	src := `
function make(i) {
  const o = {};
  o['f' + i] = i;            // a different map per i
  o.v = i;
  return o;
}
const protoObj = { m() { return 'proto'; }, k: 1 };
function makeP(i) { const o = Object.create(protoObj); o['g' + i] = i; return o; }
function getV(o) { return o.v; }
function getM(o) { return o.m; }
const objs = [];
for (let i = 0; i < 12; i++) objs.push(make(i));
const pobjs = [];
for (let i = 0; i < 12; i++) pobjs.push(makeP(i));
let s = 0;
for (let i = 0; i < 600; i++) { s += getV(objs[i % 12]); s += getM(pobjs[i % 12]) === protoObj.m ? 1 : 0; }
optimize(getV); optimize(getM);
const out = [s, optimizedOps(getV, 'LdaNamedMega'), optimizedOps(getM, 'LdaNamedMega')];
for (let i = 0; i < 600; i++) { s += getV(objs[i % 12]); s += getM(pobjs[i % 12]) === protoObj.m ? 1 : 0; }
out.push(s);
protoObj.m = function () { return 'replaced'; };      // no map change: the field is re-read
out.push(getM(pobjs[3])());
Object.defineProperty(protoObj, 'm', { get() { return () => 'getter'; }, configurable: true });
out.push(getM(pobjs[4])(), getM(pobjs[3])());
pobjs[5].m = () => 'own';                               // shadowing
out.push(getM(pobjs[5])());
const o7 = objs[7];
Object.defineProperty(o7, 'v', { get() { return 'vget'; } });
out.push(getV(o7), getV(objs[8]), getV({ v: 'lit' }), getV('str'), getV(3), getV([]));
delete objs[9].v;
out.push(getV(objs[9]));
try { getV(null); } catch (e) { out.push(e.constructor.name); }
try { getM(undefined); } catch (e) { out.push(e.constructor.name); }
out.push(isOptimized(getV), isOptimized(getM), deoptCount(getV), deoptCount(getM));
console.log(out.join(' '));
`
	// budget2 optimized both at their second call, before the sites went
	// megamorphic: getV's field load deoptimized once and was optimized
	// again while its slot was polymorphic (LdaNamedChain).
	checkTierModes(t, src, "3900 1 1 7800 replaced getter getter getter vget 8 lit     TypeError TypeError true true 0 0\n",
		map[string]string{"budget2": "3900 0 0 7800 replaced getter getter getter vget 8 lit     TypeError TypeError true true 1 0\n"})
}

// TestTierUpChainLoadGoesMegamorphic: a LdaNamedChain site (polymorphic
// when optimized: an own field and a prototype field) that meets more maps
// than a slot holds is served from the megamorphic cache on its slow path,
// with the right values after the prototype's field changes.
func TestTierUpChainLoadGoesMegamorphic(t *testing.T) {
	src := `
const proto = { k: 'p' };
function mk(i) { const o = Object.create(proto); o['x' + i] = i; if (i % 2) o.k = 'own' + i; return o; }
function getK(o) { return o.k; }
const objs = [];
for (let i = 0; i < 10; i++) objs.push(mk(i));
let s = '';
for (let i = 0; i < 200; i++) s += getK(objs[i % 2]);
optimize(getK);
const out = [s.length, optimizedOps(getK, 'LdaNamedChain')];
let t = '';
for (let i = 0; i < 400; i++) t += getK(objs[i % 10]);
out.push(t.length, t.slice(0, 12));
proto.k = 'q';
out.push(getK(objs[4]), getK(objs[5]), getK(mk(20)), getK(mk(21)));
out.push(isOptimized(getK), deoptCount(getK));
console.log(out.join(' '));
`
	checkTier(t, src, "500 1 1000 pown1pown3po q own5 q own21 true 0\n")
}

// TestTierUpMegamorphicStore: a named store that saw more maps than its
// slot holds is quickened to StaNamedMega, which writes own writable fields
// found in the interpreter's (map, name) store cache and takes the generic
// store for everything else: a setter on the chain, a frozen object, a
// read-only or accessor property, a property to add, an array,
// primitives (strict mode: TypeErrors).
func TestTierUpMegamorphicStore(t *testing.T) {
	src := `'use strict';
function mk(i) { const o = {}; o['f' + i] = i; o.v = 0; return o; }
function setV(o, x) { o.v = x; }
const objs = [];
for (let i = 0; i < 10; i++) objs.push(mk(i));
for (let i = 0; i < 300; i++) setV(objs[i % 10], i);
optimize(setV);
const out = [optimizedOps(setV, 'StaNamedMega')];
for (let i = 0; i < 300; i++) setV(objs[i % 10], i * 2);
out.push(objs.map(o => o.v).join(','));
const seen = [];
const proto = { set v(x) { seen.push('set' + x); } };
const p1 = Object.create(proto); p1.a = 1;
setV(p1, 5); out.push(Object.keys(p1).join(), seen.join());   // a setter on the chain
const fr = Object.freeze(mk(3));
try { setV(fr, 7); } catch (e) { out.push(e.constructor.name, fr.v); }
const ro = mk(4); Object.defineProperty(ro, 'v', { writable: false });
try { setV(ro, 8); } catch (e) { out.push(e.constructor.name, ro.v); }
const acc = mk(5); let got; Object.defineProperty(acc, 'v', { set(x) { got = x; } });
setV(acc, 9); out.push(got);
const fresh = { q: 1 }; setV(fresh, 10); out.push(JSON.stringify(fresh));   // adds a property
setV(objs[2], 11); out.push(objs[2].v);
const arr = []; setV(arr, 12); out.push(arr.v);
try { setV(undefined, 1); } catch (e) { out.push(e.constructor.name); }
try { setV(1, 1); } catch (e) { out.push(e.constructor.name); }
out.push(isOptimized(setV), deoptCount(setV));
console.log(out.join(' '));
`
	// budget2 optimized setV at its second call (monomorphic): the second
	// map deoptimized it once (StaNamedField), and it was optimized again
	// once the store slot was megamorphic.
	want := "1 580,582,584,586,588,590,592,594,596,598 a set5 TypeError 0 TypeError 0 9 {\"q\":1,\"v\":10} 11 12 TypeError TypeError true "
	checkTierModes(t, src, want+"0\n", map[string]string{"budget2": want + "1\n"})
}
