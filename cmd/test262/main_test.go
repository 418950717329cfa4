package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/internal/test262"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadFlagsPrintUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-nope"}, "flag provided but not defined"},
		{[]string{"-test262", dir, "-engine", "rhino"}, `-engine "rhino"`},
		{[]string{"-test262", dir, "extra"}, "unexpected arguments"},
		{[]string{"-test262", filepath.Join(dir, "missing")}, "not a directory"},
		{[]string{"-test262", dir, "-j", "-1"}, "-j -1"},
		{[]string{"-test262", dir, "-timeout", "0s"}, "-timeout"},
		{[]string{"-test262", dir, "-dirs", " , "}, "-dirs is empty"},
		{[]string{"-test262", dir, "-run", "a["}, "bad -run pattern"},
	} {
		code, _, stderr := runCmd(t, tc.args...)
		if code != exitSetup || !strings.Contains(stderr, tc.msg) || !strings.Contains(stderr, "usage: test262") {
			t.Errorf("%v: exit %d, stderr:\n%s", tc.args, code, stderr)
		}
	}
	t.Setenv("TEST262_DIR", "")
	if code, _, stderr := runCmd(t); code != exitSetup || !strings.Contains(stderr, "TEST262_DIR") {
		t.Errorf("no checkout: exit %d, %s", code, stderr)
	}
	code, _, stderr := runCmd(t, "-h")
	if code != exitOK || !strings.Contains(stderr, "Skip list") || !strings.Contains(stderr, "feature decorators") {
		t.Errorf("-h: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestRunSonde runs a tiny suite on the engine in-process: passes,
// failures, a negative parse test, $262.evalScript, a test that hangs, a
// module with an import and an async test.
func TestRunSonde(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		file := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("harness/assert.js", "function assert(c) { if (c !== true) throw new Test262Error('assertion'); }\n")
	write("harness/sta.js", "function Test262Error(m) { this.message = m; }\n")
	write("harness/doneprintHandle.js", "")
	write("package.json", `{"version": "9.9.9"}`)
	test := func(rel, meta, body string) {
		write(rel, "/*---\ndescription: t\n"+meta+"---*/\n"+body)
	}
	test("test/language/a/pass.js", "", "assert(1 + 1 === 2);\n")
	test("test/language/a/fail.js", "", "assert(false);\n")
	test("test/language/a/neg.js", "negative:\n  phase: parse\n  type: SyntaxError\n", "var (;\n")
	test("test/language/a/throws.js", "negative:\n  phase: runtime\n  type: Test262Error\n", "throw new Test262Error('x');\n")
	test("test/language/a/hang.js", "flags: [noStrict]\n", "for (;;) {}\n")
	test("test/built-ins/B/eval.js", "flags: [onlyStrict]\n",
		"try { $262.evalScript('var ('); } catch (e) { assert(e.constructor === SyntaxError); }\nassert($262.evalScript('1 + 2') === 3);\n")
	test("test/built-ins/B/realm.js", "", "$262.createRealm();\n")
	test("test/language/m/mod.js", "flags: [module]\n", "import { y } from './dep_FIXTURE.js';\nassert(y === 2);\nexport var x = 1;\n")
	write("test/language/m/dep_FIXTURE.js", "export var y = 2;\n")
	test("test/language/m/async.js", "flags: [async]\n", "Promise.resolve().then(function () { print('Test262:AsyncTestComplete'); });\n")

	failures := filepath.Join(t.TempDir(), "f.txt")
	code, stdout, stderr := runCmd(t, "-test262", root, "-engine", "sonde", "-j", "2", "-timeout", "300ms", "-failures", failures)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "10/13 passed (76.92%), 3 failed, 2 skipped") {
		t.Errorf("report:\n%s", stdout)
	}
	b, err := os.ReadFile(failures)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"test/language/a/fail.js#non-strict\tuncaught Test262Error",
		"test/language/a/hang.js#non-strict\ttimed out",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("failures lack %q:\n%s", want, b)
		}
	}
}

func TestSondeRealmCatchesPanics(t *testing.T) {
	r := &sondeRealm{}
	err := func() (err error) {
		defer r.catch(&err)
		var s []int
		s[len(s)]++
		return nil
	}()
	if err == nil || !strings.Contains(err.Error(), "Go panic in the engine: runtime error: index out of range") || !r.broken {
		t.Errorf("err %v, broken %v", err, r.broken)
	}
	if err := r.RunScript("1", "x.js"); err == nil || !strings.Contains(err.Error(), "unusable") {
		t.Errorf("after a panic: %v", err)
	}
}

// TestRunNode runs a tiny suite of our own on node and checks the report,
// the JSON summary, the failure list and the baseline comparison.
func TestRunNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not in PATH")
	}
	root := t.TempDir()
	write := func(rel, content string) {
		file := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("harness/assert.js", "function assert(c) { if (c !== true) throw new Test262Error('assertion'); }\n")
	write("harness/sta.js", "function Test262Error(m) { this.message = m; }\n")
	write("package.json", `{"version": "9.9.9"}`)
	test := func(rel, meta, body string) {
		write(rel, "/*---\ndescription: t\n"+meta+"---*/\n"+body)
	}
	test("test/language/a/pass.js", "", "assert(true);\n")
	test("test/language/a/fail.js", "", "assert(false);\n")
	test("test/built-ins/B/pass.js", "flags: [onlyStrict]\n", "assert(true);\n")
	test("test/built-ins/B/skip.js", "features: [decorators]\n", "assert(false);\n")

	dir := t.TempDir()
	jsonOut, failures := filepath.Join(dir, "s.json"), filepath.Join(dir, "f.txt")
	code, stdout, stderr := runCmd(t, "-test262", root, "-j", "2", "-json", jsonOut, "-failures", failures)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "3/5 passed (60.00%), 2 failed, 2 skipped") {
		t.Errorf("report:\n%s", stdout)
	}
	sum, err := test262.ReadSummary(jsonOut)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Test262 != "9.9.9" || !strings.HasPrefix(sum.Engine, "node v") || sum.Results["test/language/a/fail.js#strict"] != test262.Fail {
		t.Errorf("summary %+v", sum)
	}
	b, err := os.ReadFile(failures)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "test/language/a/fail.js#non-strict\tuncaught Test262Error") {
		t.Errorf("failures:\n%s", b)
	}

	// Now make the failing test pass and a passing one fail: one
	// regression, two progressions, exit 1.
	test("test/language/a/fail.js", "", "assert(true);\n")
	test("test/built-ins/B/pass.js", "flags: [onlyStrict]\n", "assert(false);\n")
	code, stdout, _ = runCmd(t, "-test262", root, "-baseline", jsonOut, "-run", "test/**/*.js")
	if code != exitRegressions || !strings.Contains(stdout, "1 regressions, 2 progressions") || !strings.Contains(stdout, "REGRESSION  test/built-ins/B/pass.js#strict") {
		t.Errorf("baseline: exit %d\n%s", code, stdout)
	}
}
