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

func TestSondeEngineNotWired(t *testing.T) {
	code, _, stderr := runCmd(t, "-test262", t.TempDir(), "-engine", "sonde")
	if code != exitSetup || !strings.Contains(stderr, "not wired") {
		t.Errorf("exit %d, stderr %s", code, stderr)
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
