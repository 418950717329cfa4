package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/internal/e2eenv"
)

func TestCoverageFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  string
		dir  string
		rest string
	}{
		{[]string{"a.js"}, "", "", "a.js"},
		{[]string{"a.js"}, "env", "env", "a.js"},
		{[]string{"--coverage-dir=x", "a.js", "--coverage-dir=y"}, "env", "x", "a.js --coverage-dir=y"},
		{[]string{"--verify-heap", "--coverage-dir", "x", "a.js"}, "", "x", "--verify-heap a.js"},
	} {
		dir, rest := coverageFlag(c.args, c.env)
		if dir != c.dir || strings.Join(rest, " ") != c.rest {
			t.Errorf("%q: %q %q", c.args, dir, rest)
		}
	}
}

// coverageFiles returns the coverage files of dir, decoded.
func coverageFiles(t *testing.T, dir string) []map[string]json.RawMessage {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "coverage-*-*-0.json"))
	var out []map[string]json.RawMessage
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]json.RawMessage
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, v)
	}
	return out
}

// TestCoverageDirOnUncaughtException: the file is written at exit even
// when the script throws, as node does (node's file for this script has
// exactly these ranges).
func TestCoverageDirOnUncaughtException(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "boom.js")
	os.WriteFile(script, []byte("function f(a) { if (a) throw new Error('x'); }\nf(0);\nf(1);\n"), 0o644)
	cov := filepath.Join(dir, "cov", "deep")
	var out, errOut bytes.Buffer
	code, err := run([]string{"--coverage-dir=" + cov, script}, &out, &errOut)
	if code != 1 || err != nil {
		t.Fatalf("code %d err %v", code, err)
	}
	files := coverageFiles(t, cov)
	if len(files) != 1 {
		t.Fatalf("%d files", len(files))
	}
	got := string(files[0]["result"])
	want := `"url":"file://` + filepath.ToSlash(script) + `","functions":[{"functionName":"","ranges":[{"startOffset":0,"endOffset":59,"count":1}],"isBlockCoverage":true},{"functionName":"f","ranges":[{"startOffset":0,"endOffset":46,"count":2},{"startOffset":23,"endOffset":44,"count":1}],"isBlockCoverage":true}]`
	if !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, ok := files[0]["timestamp"]; !ok {
		t.Error("no timestamp")
	}
}

// c8Scripts are corpus scripts (domains/profiler/coverage/testdata/corpus)
// run as programs by node and by us.
var c8Scripts = []string{
	"if_else.js", "loops_break_continue.js", "try_catch_finally.js", "switch_fallthrough.js",
	"never_called.js", "closures.js", "generators.js", "logical_nullish.js", "early_return.js",
	"throw_uncaught_in_function.js", "classes_fields_static.js", "labels.js", "conditional.js",
}

// TestCoverageC8 is the e2e of NODE_V8_COVERAGE: each script runs under
// node and under our binary with the variable set; c8 (npm) turns each
// directory into an lcov report, and ours must be node's, line for line.
// The coverage JSON of the script must be node's too (script ids aside).
func TestCoverageC8(t *testing.T) {
	node := e2eenv.Node(t)
	c8 := filepath.Join(e2eenv.NPMPrefix(t), "node_modules", "c8", "bin", "c8.js")
	if _, err := os.Stat(c8); err != nil {
		e2eenv.Missing(t, "c8 is not installed: run `npm ci --prefix e2e`")
	}
	bin := filepath.Join(t.TempDir(), "inspector")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, name := range c8Scripts {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "domains", "profiler", "coverage", "testdata", "corpus", name))
			if err != nil {
				t.Fatal(err)
			}
			work := t.TempDir()
			os.WriteFile(filepath.Join(work, name), src, 0o644)
			lcov := map[string]string{}
			results := map[string]string{}
			for engine, cmdline := range map[string][]string{"node": {node, name}, "sonde": {bin, name}} {
				covDir := filepath.Join(work, "cov-"+engine)
				cmd := exec.Command(cmdline[0], cmdline[1:]...)
				cmd.Dir = work
				cmd.Env = append(os.Environ(), "NODE_V8_COVERAGE="+covDir)
				cmd.Run() // some scripts throw on purpose: exit status 1
				files := coverageFiles(t, covDir)
				if len(files) != 1 {
					t.Fatalf("%s: %d coverage files", engine, len(files))
				}
				results[engine] = scriptCoverage(t, files[0]["result"], name)
				report := filepath.Join(work, "report-"+engine)
				c := exec.Command(node, c8, "report", "--temp-directory", covDir, "--reporter", "lcovonly", "--report-dir", report)
				c.Dir = work
				if out, err := c.CombinedOutput(); err != nil {
					t.Fatalf("c8 %s: %v\n%s", engine, err, out)
				}
				data, err := os.ReadFile(filepath.Join(report, "lcov.info"))
				if err != nil {
					t.Fatal(err)
				}
				lcov[engine] = string(data)
			}
			if results["sonde"] != results["node"] {
				t.Errorf("coverage JSON:\nsonde %s\nnode  %s", results["sonde"], results["node"])
			}
			if lcov["sonde"] != lcov["node"] {
				t.Errorf("lcov:\nsonde:\n%s\nnode:\n%s", lcov["sonde"], lcov["node"])
			}
			if !strings.Contains(lcov["sonde"], "SF:"+name) || !strings.Contains(lcov["sonde"], "DA:") {
				t.Errorf("lcov without the script's lines:\n%s", lcov["sonde"])
			}
		})
	}
}

// scriptCoverage returns the functions of the script named name in a take's
// result, as JSON.
func scriptCoverage(t *testing.T, result json.RawMessage, name string) string {
	var scripts []struct {
		URL       string          `json:"url"`
		Functions json.RawMessage `json:"functions"`
	}
	if err := json.Unmarshal(result, &scripts); err != nil {
		t.Fatal(err)
	}
	for _, s := range scripts {
		if strings.HasSuffix(s.URL, "/"+name) {
			// Re-encoded: escaping of "<" and such may differ.
			var v any
			if err := json.Unmarshal(s.Functions, &v); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(v)
			return string(b)
		}
	}
	t.Fatalf("no %s in %s", name, result)
	return ""
}

// TestCoverageV8TakeStop: v8.takeCoverage() writes a file with what ran
// since the previous one, v8.stopCoverage() ends collection (no file at
// exit); the files are node's, script for script.
func TestCoverageV8TakeStop(t *testing.T) {
	node := e2eenv.Node(t)
	work := t.TempDir()
	script := filepath.Join(work, "takes.js")
	os.WriteFile(script, []byte("const v8 = require('v8');\nfunction f(a) { return a ? 1 : 2; }\n"+
		"f(1); v8.takeCoverage();\nf(0); f(0); eval('for (const t = Date.now(); Date.now() - t < 5;);');\nv8.takeCoverage();\nv8.stopCoverage(); f(1);\n"), 0o644)
	// node names a take's file coverage-<pid>-<ms>-<threadId>.json: takes
	// in one millisecond overwrite each other, so the script waits 5 ms (in
	// eval'd code: its coverage is another script's, left out here).
	read := func(dir string) []string {
		names, _ := filepath.Glob(filepath.Join(dir, "coverage-*.json"))
		var out []string
		for _, n := range names { // sorted: by timestamp
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			var v map[string]json.RawMessage
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			out = append(out, scriptCoverage(t, v["result"], "takes.js"))
		}
		return out
	}
	var out, errOut bytes.Buffer
	if code, err := run([]string{"--coverage-dir=" + filepath.Join(work, "ours"), script}, &out, &errOut); code != 0 || err != nil {
		t.Fatalf("code %d err %v: %s", code, err, errOut.String())
	}
	cmd := exec.Command(node, script)
	cmd.Env = append(os.Environ(), "NODE_V8_COVERAGE="+filepath.Join(work, "node"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node: %v %s", err, b)
	}
	ours, nodes := read(filepath.Join(work, "ours")), read(filepath.Join(work, "node"))
	if len(ours) != 2 || strings.Join(ours, "\n") != strings.Join(nodes, "\n") {
		t.Errorf("ours:\n%s\nnode:\n%s", strings.Join(ours, "\n"), strings.Join(nodes, "\n"))
	}
}
