package engine

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine/interp"
)

// TestTerminateExecution stops a script spinning in a loop from another
// goroutine: the termination unwinds every frame, runs no catch or finally
// block, and leaves the isolate usable.
func TestTerminateRunningScript(t *testing.T) {
	var out bytes.Buffer
	iso, err := NewIsolate(Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	go func() {
		time.Sleep(20 * time.Millisecond)
		iso.TerminateExecution()
	}()
	_, err = iso.RunScript(`
function spin() { try { while (true) {} } catch (e) { console.log("caught"); } finally { console.log("finally"); } }
spin();`, "spin.js")
	je, ok := err.(*JSError)
	if !ok || !je.Terminated {
		t.Fatalf("got %v, want a termination", err)
	}
	if out.Len() != 0 {
		t.Errorf("catch/finally ran during termination: %q", out.String())
	}
	if _, err := iso.RunScript(`console.log("again")`, "again.js"); err != nil || out.String() != "again\n" {
		t.Fatalf("isolate unusable after termination: %v %q", err, out.String())
	}
}

// TestPostedTaskRunsAtSafepoint posts a task while a loop runs: it runs on
// the isolate goroutine at a back-edge safepoint and can touch the heap.
func TestPostedTaskRunsAtSafepoint(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	js := iso.JS()
	go func() {
		time.Sleep(10 * time.Millisecond)
		iso.Post(func() {
			scope := iso.Heap.OpenScope()
			defer scope.Close()
			name := js.InternalizeGo("stop").Value()
			js.SetNamed(js.GlobalObject(), name, js.Bool(true), false)
		})
	}()
	v, err := iso.RunScript(`var stop = false; let n = 0; while (!stop) n++; n > 0`, "poll.js")
	if err != nil {
		t.Fatal(err)
	}
	if v != js.Bool(true) {
		t.Fatal("loop did not run")
	}
}

// TestDeepRecursion: JavaScript recursion runs on the interpreter's own
// stack (no Go recursion): deep recursion works and infinite recursion is a
// catchable RangeError.
func TestDeepRecursion(t *testing.T) {
	out, err := runScript(t, "deep.js", `
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(8000));
function inf() { return inf() + 1; }
try { inf(); } catch (e) { console.log(e.name, e.message); }
const o = { get x() { return this.x; } };
try { o.x; } catch (e) { console.log(e.name, e.message); }
try { [1].map(function g() { return [1].map(g); }); } catch (e) { console.log(e.name, "through builtins"); }
console.log("still alive");`, heapOpts())
	if err != nil {
		t.Fatal(err)
	}
	want := "8000\nRangeError Maximum call stack size exceeded\nRangeError Maximum call stack size exceeded\nRangeError through builtins\nstill alive\n"
	if out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

// TestUncaughtReport checks the node-style report of uncaught exceptions
// and syntax errors.
func TestUncaughtReport(t *testing.T) {
	cases := []struct{ src, want string }{
		{"let x = 1;\nx();\n", "t.js:2\nx();\n^\n\nTypeError: x is not a function\n    at t.js:2:1\n"},
		{"function f() {\n  null.y;\n}\nf();", "t.js:2\n  null.y;\n       ^\n\nTypeError: Cannot read properties of null (reading 'y')\n    at f (t.js:2:8)\n    at t.js:4:1\n"},
		{"let a = ;", "t.js:1\nlet a = ;\n        ^\n\nSyntaxError: Unexpected token ';'\n    at t.js:1:9\n"},
		{"throw 42;", "t.js:1\nthrow 42;\n^\n42\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n"},
		{"throw {a: 1};", "t.js:1\nthrow {a: 1};\n^\n{ a: 1 }\n"},
		{"throw 5n;", "t.js:1\nthrow 5n;\n^\n5\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n"},
		{"undefinedVar;", "t.js:1\nundefinedVar;\n^\n\nReferenceError: undefinedVar is not defined\n    at t.js:1:1\n"},
	}
	for _, c := range cases {
		_, err := runScript(t, "t.js", c.src, heapOpts())
		je, ok := err.(*JSError)
		if !ok {
			t.Errorf("%q: error %v", c.src, err)
			continue
		}
		if got := je.Report(); got != c.want {
			t.Errorf("%q:\ngot:\n%s\nwant:\n%s", c.src, got, c.want)
		}
	}
}

// TestEval runs expressions and renders their values as node's REPL does.
func TestEval(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	for _, c := range []struct{ src, want string }{
		{"1 + 2", "3"},
		{"'a' + 'b'", "'ab'"},
		{"[1, 'x', { y: null }]", "[ 1, 'x', { y: null } ]"},
		{"let q = 5; q * 2", "10"},
		{"q", "5"},
		{"(function f() {})", "[Function: f]"},
		{"class A {}; new A()", "A {}"},
		{"undefined", "undefined"},
		{"2n ** 64n", "18446744073709551616n"},
	} {
		got, err := iso.Eval(c.src)
		if err != nil || got != c.want {
			t.Errorf("Eval(%q) = %q, %v; want %q", c.src, got, err, c.want)
		}
	}
	if _, err := iso.Eval("let q = 1"); err == nil || !strings.Contains(err.Error(), "Identifier 'q' has already been declared") {
		t.Errorf("redeclaring a script-scope let: %v", err)
	}
}

var _ = interp.Error
