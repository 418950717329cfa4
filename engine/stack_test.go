package engine

import (
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// TestStackTraces checks V8's stack-trace format: function names, method
// calls ("Type.name [as method]"), constructors, builtins, top-level code,
// anonymous functions, and positions (line:column of the call or throw).
func TestStackTraces(t *testing.T) {
	src := `function show(f) { try { f(); } catch (e) { console.log(e.stack.split("\n")[1]); } }
function inner() { throw new Error("boom"); }
function outer() { inner(); }
class K { method() { outer(); } }
const o = { f() { new K().method(); } };
try { o.f(); } catch (e) { console.log(e.stack); }
const a = { b: {} }; a.b.c = function () { throw new Error(); };
show(() => a.b.c());
const o2 = {}; o2.x = function named() { throw new Error(); };
show(() => o2.x());
class Z { static s() { throw new Error(); } get g() { throw new Error(); } }
show(() => Z.s());
show(() => new Z().g);
show(() => [1].forEach(function () { throw new Error(); }));
show(() => new (function Foo() { throw new Error(); })());
function F() {} F.prototype.m = function () { throw new Error(); }; show(() => new F().m());
try { [1].map(function cb() { null.z; }); } catch (e) { console.log(e.stack); }
throw new TypeError("top");
`
	out, err := runScript(t, "/tmp/st.js", src, heap.Options{})
	want := `Error: boom
    at inner (/tmp/st.js:2:26)
    at outer (/tmp/st.js:3:20)
    at K.method (/tmp/st.js:4:22)
    at Object.f (/tmp/st.js:5:27)
    at /tmp/st.js:6:9
    at a.b.c (/tmp/st.js:7:50)
    at Object.named [as x] (/tmp/st.js:9:48)
    at Z.s (/tmp/st.js:11:30)
    at get g [as g] (/tmp/st.js:11:61)
    at /tmp/st.js:14:44
    at new Foo (/tmp/st.js:15:40)
    at F.m (/tmp/st.js:16:53)
TypeError: Cannot read properties of null (reading 'z')
    at cb (/tmp/st.js:17:36)
    at Array.map (<anonymous>)
    at /tmp/st.js:17:11
`
	if out != want {
		t.Errorf("stack traces:\n%s\nwant:\n%s", out, want)
	}
	je, ok := err.(*JSError)
	if !ok {
		t.Fatalf("error %v is not a *JSError", err)
	}
	report := je.Report()
	wantReport := `/tmp/st.js:18
throw new TypeError("top");
^

TypeError: top
    at /tmp/st.js:18:7
`
	if report != wantReport {
		t.Errorf("report:\n%s\nwant:\n%s", report, wantReport)
	}
	if !strings.HasPrefix(je.Error(), "TypeError: top") || je.Name != "TypeError" || je.Message != "top" {
		t.Errorf("error %q name %q message %q", je.Error(), je.Name, je.Message)
	}
}
