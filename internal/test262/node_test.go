package test262

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestNodeEngine runs tests written for this file (with a stand-in harness)
// on node: it checks that nodehost.js reports phases, error names and
// prints as the runner expects, that $262 works, and that a hung test is
// killed without disturbing the next one. It needs node, not test262.
func TestNodeEngine(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not in PATH")
	}
	files := miniHarness()
	add := func(path, meta, body string) { files["test/"+path] = header(meta, body) }
	add("pass.js", "", "assert.sameValue(1 + 1, 2);\n")
	add("strict-only.js", "flags: [onlyStrict]\n", "assert((function () { return this === undefined; })(), 'strict');\n")
	add("sloppy-only.js", "flags: [noStrict]\n", "assert((function () { return this !== undefined; })(), 'sloppy');\n")
	add("throws.js", "", "throw new Test262Error('no');\n")
	add("neg-parse.js", "negative:\n  phase: parse\n  type: SyntaxError\n", "$DONOTEVALUATE();\nvar a = ;\n")
	add("neg-runtime.js", "negative:\n  phase: runtime\n  type: ReferenceError\n", "unresolvable;\n")
	add("neg-resolution.js", "negative:\n  phase: resolution\n  type: SyntaxError\nflags: [module]\n", "$DONOTEVALUATE();\nimport { missing } from './dep_FIXTURE.js';\n")
	add("module.js", "flags: [module]\n", "import { value } from './dep_FIXTURE.js';\nimport * as self from './module.js';\nassert.sameValue(value, 42);\nassert.sameValue(typeof self, 'object');\nexport var x;\n")
	files["test/dep_FIXTURE.js"] = "export var value = 42;\n"
	add("module-tla.js", "flags: [module]\n", "await Promise.resolve();\nthrow new RangeError('late');\n")
	add("async.js", "flags: [async]\n", "Promise.resolve().then(function () { return import('./dep_FIXTURE.js'); }).then(function (ns) { assert.sameValue(ns.value, 42); }).then($DONE, $DONE);\n")
	add("async-fail.js", "flags: [async]\n", "Promise.reject(new Test262Error('bad')).then($DONE, $DONE);\n")
	add("async-silent.js", "flags: [async]\n", "Promise.resolve();\n")
	add("raw.js", "flags: [raw]\n", "if (typeof assert !== 'undefined') throw new Error('harness in raw test');\n")
	add("realm.js", "flags: [noStrict]\n", `
var other = $262.createRealm();
assert(other.global.Array !== Array, 'new realm has its own intrinsics');
assert.sameValue(other.evalScript('var x = 1; x + 1;'), 2);
assert.sameValue(other.global.x, 1);
try { other.evalScript('var;'); throw new Test262Error('no error'); }
catch (e) { assert(e.constructor === other.global.SyntaxError, 'SyntaxError from the realm: ' + e); }
var buf = new ArrayBuffer(8);
$262.detachArrayBuffer(buf);
assert.sameValue(buf.byteLength, 0);
assert.sameValue($262.global, this);
$262.gc();
`)
	add("agent.js", "flags: [noStrict]\n", `
var i32 = new Int32Array(new SharedArrayBuffer(8));
$262.agent.start("$262.agent.receiveBroadcast(function (sab) { var a = new Int32Array(sab); Atomics.add(a, 0, 1); $262.agent.report('hi ' + a[0]); $262.agent.leaving(); });");
$262.agent.broadcast(i32.buffer);
var r;
while ((r = $262.agent.getReport()) == null) $262.agent.sleep(1);
assert.sameValue(r, 'hi 1');
`)
	add("dda.js", "features: [IsHTMLDDA]\nflags: [noStrict]\n", "var dda = $262.IsHTMLDDA;\nassert.sameValue(typeof dda, 'undefined');\nassert.sameValue(dda(''), null);\n")
	add("hang.js", "flags: [noStrict]\n", "for (;;) {}\n")
	root := writeTree(t, files)

	eng, err := NewNodeEngine(NodeOptions{Processes: 2, Recycle: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if !strings.HasPrefix(eng.Version(), "v") || eng.Name() != "node" || !eng.Capabilities().Has(Host262Agent) {
		t.Errorf("version %q name %q caps %+v", eng.Version(), eng.Name(), eng.Capabilities())
	}
	results, err := Run(context.Background(), eng, Config{Root: root, Paths: []string{"test"}, Workers: 2, Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // ID → status, or "fail:" + message fragment
		"test/pass.js#non-strict":         "pass",
		"test/pass.js#strict":             "pass",
		"test/strict-only.js#strict":      "pass",
		"test/sloppy-only.js#non-strict":  "pass",
		"test/throws.js#non-strict":       "fail:uncaught Test262Error in runtime phase: no",
		"test/throws.js#strict":           "fail:uncaught Test262Error",
		"test/neg-parse.js#non-strict":    "pass",
		"test/neg-parse.js#strict":        "pass",
		"test/neg-runtime.js#non-strict":  "pass",
		"test/neg-runtime.js#strict":      "pass",
		"test/neg-resolution.js#module":   "pass",
		"test/module.js#module":           "pass",
		"test/module-tla.js#module":       "fail:uncaught RangeError in runtime phase: late",
		"test/async.js#non-strict":        "pass",
		"test/async.js#strict":            "pass",
		"test/async-fail.js#non-strict":   "fail:async failure: Test262Error",
		"test/async-fail.js#strict":       "fail:async failure",
		"test/async-silent.js#non-strict": "fail:did not print",
		"test/async-silent.js#strict":     "fail:did not print",
		"test/raw.js#raw":                 "pass",
		"test/realm.js#non-strict":        "pass",
		"test/agent.js#non-strict":        "pass",
		"test/hang.js#non-strict":         "fail:timed out",
	}
	if eng.Capabilities().Has(Host262IsHTMLDDA) {
		want["test/dda.js#non-strict"] = "pass"
	} else {
		want["test/dda.js#non-strict"] = "skip"
	}
	got := map[string]Result{}
	for _, r := range results {
		got[r.ID] = r
	}
	for id, w := range want {
		r, ok := got[id]
		if !ok {
			t.Errorf("%s: no result", id)
			continue
		}
		status, fragment, _ := strings.Cut(w, ":")
		if string(r.Status) != status || !strings.Contains(r.Message, fragment) {
			t.Errorf("%s: %s %q, want %s", id, r.Status, r.Message, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d results, want %d", len(got), len(want))
	}
}

// TestNodeEnginePrintsAndStrict checks the raw execution record: prints in
// order, and that the strict variant really runs in strict mode.
func TestNodeEnginePrintsAndStrict(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not in PATH")
	}
	eng, err := NewNodeEngine(NodeOptions{Processes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	src := "print('a'); print(1 + 1); print((function () { return this === undefined; })());\n"
	job := &Job{Test: &Test{Meta: &Metadata{}}, Source: src, File: "/nonexistent/t.js"}
	ex := eng.Run(context.Background(), job)
	if ex.Error != nil || ex.HostError != "" || strings.Join(ex.Prints, ",") != "a,2,false" {
		t.Errorf("sloppy: %+v", ex)
	}
	job.Source = StrictPrefix + src
	ex = eng.Run(context.Background(), job)
	if strings.Join(ex.Prints, ",") != "a,2,true" {
		t.Errorf("strict: %+v", ex)
	}
}
