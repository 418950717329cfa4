package engine

import (
	"flag"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// noOpt runs the benchmarks with tier-up off (Options.NoOpt): go test
// -bench . ./engine -args -noopt measures the interpreter alone.
var noOpt = flag.Bool("noopt", false, "benchmarks run with tier-up off (Options.NoOpt)")

// benchIsolate returns an isolate that has run setup.
func benchIsolate(b *testing.B, setup string) *Isolate {
	b.Helper()
	iso, err := NewIsolate(Options{NoOpt: *noOpt})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { iso.Close() })
	if _, err := iso.RunScript(setup, "setup.js"); err != nil {
		b.Fatal(err)
	}
	return iso
}

func benchRun(b *testing.B, iso *Isolate, src string) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := iso.RunScript(src, "bench.js"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFib is recursive calls and Smi arithmetic: fib(25) makes 242,785
// calls. Hot path: call/return, LdaGlobal's inline cache, Smi Add/Sub.
func BenchmarkFib(b *testing.B) {
	iso := benchIsolate(b, `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }`)
	benchRun(b, iso, `fib(25)`)
}

// BenchmarkPropertyLoop reads and writes named properties of objects of
// one shape in a loop: the monomorphic load and store inline caches.
func BenchmarkPropertyLoop(b *testing.B) {
	iso := benchIsolate(b, `
function loop(n) {
  const p = { x: 1, y: 2, z: 3 };
  let s = 0;
  for (let i = 0; i < n; i++) { p.x = p.y + i; s += p.x + p.z; }
  return s;
}`)
	benchRun(b, iso, `loop(1000000)`)
}

// BenchmarkMethodCalls calls prototype methods on class instances: the
// prototype-chain load handler and construct calls.
func BenchmarkMethodCalls(b *testing.B) {
	iso := benchIsolate(b, `
class Vec { constructor(x, y) { this.x = x; this.y = y; } add(o) { return new Vec(this.x + o.x, this.y + o.y); } }
function run(n) { let v = new Vec(0, 0); const d = new Vec(1, 2); for (let i = 0; i < n; i++) v = v.add(d); return v.x + v.y; }`)
	benchRun(b, iso, `run(100000)`)
}

// BenchmarkStringBuild concatenates strings (cons strings) and reads their
// length.
func BenchmarkStringBuild(b *testing.B) {
	iso := benchIsolate(b, `
function build(n) { let s = ""; for (let i = 0; i < n; i++) s += "item" + i + ","; return s.length; }`)
	benchRun(b, iso, `build(100000)`)
}

// BenchmarkArrayPushSum fills an array with push and sums it with a keyed
// load loop.
func BenchmarkArrayPushSum(b *testing.B) {
	iso := benchIsolate(b, `
function run(n) { const a = []; for (let i = 0; i < n; i++) a.push(i); let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }`)
	benchRun(b, iso, `run(100000)`)
}

var _ = heap.Options{}

// BenchmarkPolymorphicLoad is a named load at a site that sees three maps
// (as Richards' and DeltaBlue's tasks and constraints do). Hot path:
// LdaNamedChain in optimized code; the generic load in the interpreter.
func BenchmarkPolymorphicLoad(b *testing.B) {
	iso := benchIsolate(b, `
function getX(o) { return o.x + o.y; }
const shapes = [{x: 1, y: 1}, {y: 2, x: 2}, {z: 0, y: 3, x: 3}];
function poly(n) { let s = 0; for (let i = 0; i < n; i++) s += getX(shapes[i % 3]); return s; }`)
	benchRun(b, iso, `poly(300000)`)
}

// BenchmarkPrototypeChainLoad is a named load found two prototypes up (a
// method or a shared default, as DeltaBlue's and Richards' are). Hot path:
// LdaNamedChainStar in optimized code; the generic load in the interpreter.
func BenchmarkPrototypeChainLoad(b *testing.B) {
	iso := benchIsolate(b, `
function P() { this.v = 1; }
P.prototype.k = 2;
function Q() { P.call(this); }
Q.prototype = Object.create(P.prototype);
function chain(n, q) { let s = 0; for (let i = 0; i < n; i++) s += q.k; return s; }
const q = new Q();`)
	benchRun(b, iso, `chain(300000, q)`)
}
