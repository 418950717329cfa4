package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunScript(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.js")
	os.WriteFile(ok, []byte("#!/usr/bin/env node\nconsole.log('hi', [1, 2]);\nconsole.error('err');\n"), 0o644)
	var out, errOut bytes.Buffer
	code, err := run([]string{"run", ok}, &out, &errOut)
	if code != 0 || err != nil || out.String() != "hi [ 1, 2 ]\n" || errOut.String() != "err\n" {
		t.Fatalf("code %d err %v out %q stderr %q", code, err, out.String(), errOut.String())
	}

	bad := filepath.Join(dir, "bad.js")
	os.WriteFile(bad, []byte("function f() {\n  undefined.x;\n}\nf();\n"), 0o644)
	out.Reset()
	errOut.Reset()
	code, err = run([]string{bad}, &out, &errOut)
	want := bad + ":2\n  undefined.x;\n            ^\n\nTypeError: Cannot read properties of undefined (reading 'x')\n    at f (" + bad + ":2:13)\n    at Object.<anonymous> (" + bad + ":4:1)\n"
	if code != 1 || err != nil || errOut.String() != want {
		t.Fatalf("code %d err %v stderr:\n%s\nwant:\n%s", code, err, errOut.String(), want)
	}

	code, _ = run([]string{"--verify-heap", "--gc-interval=50", ok}, &out, &errOut)
	if code != 0 {
		t.Fatalf("heap flags: code %d", code)
	}
	out.Reset()
	hot := filepath.Join(dir, "hot.js")
	os.WriteFile(hot, []byte("function f(x) { return x + 1; }\nlet s = 0;\nfor (let i = 0; i < 100000; i++) s = f(s);\nconsole.log(s);\n"), 0o644)
	for _, flag := range []string{"--no-opt", "--opt"} {
		out.Reset()
		if code, err := run([]string{flag, hot}, &out, &errOut); code != 0 || err != nil || out.String() != "100000\n" {
			t.Fatalf("%s: code %d err %v out %q", flag, code, err, out.String())
		}
	}
	errOut.Reset()
	if code, _ := run(nil, &out, &errOut); code != 9 || !strings.Contains(errOut.String(), "usage") {
		t.Fatalf("no script: code %d %q", code, errOut.String())
	}
}

// TestRunModules runs an .mjs main file as an ES module and a .js main file
// as a CommonJS module with require, as node does.
func TestRunModules(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("lib.mjs", "export let n = 1;\nexport function inc() { n++; }\nexport default 'lib';\n")
	write("dep.cjs", "module.exports = { cjs: true };\n")
	main := write("main.mjs", "#!/usr/bin/env node\nimport lib, { n, inc } from './lib.mjs';\nimport dep from './dep.cjs';\nimport { getHeapStatistics } from 'node:v8';\n"+
		"inc();\nconsole.log(lib, n, dep.cjs, typeof getHeapStatistics().total_allocated_bytes, typeof this);\n")
	var out, errOut bytes.Buffer
	code, err := run([]string{main}, &out, &errOut)
	if want := "lib 2 true number undefined\n"; code != 0 || err != nil || out.String() != want {
		t.Fatalf("mjs: code %d err %v out %q (want %q) stderr %q", code, err, out.String(), want, errOut.String())
	}

	write("a.js", "exports.a = 'a'; exports.b = require('./sub').b;\n")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	write("sub/index.js", "exports.b = __filename.endsWith('index.js') ? 'b' : '?';\n")
	write("data.json", `{"json": [1]}`)
	cjs := write("main.js", "const a = require('./a');\nconst v8 = require('v8');\n"+
		"console.log(a.a, a.b, require('./data.json').json, this === module.exports, typeof v8.getHeapSpaceStatistics);\n"+
		"require('./missing');\n")
	out.Reset()
	errOut.Reset()
	code, err = run([]string{"run", cjs}, &out, &errOut)
	if want := "a b [ 1 ] true function\n"; code != 1 || err != nil || out.String() != want {
		t.Fatalf("cjs: code %d err %v out %q (want %q) stderr %q", code, err, out.String(), want, errOut.String())
	}
	if want := "Error: Cannot find module './missing'\nRequire stack:\n- " + cjs + "\n"; !strings.Contains(errOut.String(), want) {
		t.Fatalf("cjs: stderr %q does not contain %q", errOut.String(), want)
	}
}
