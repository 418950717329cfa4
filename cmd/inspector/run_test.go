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
	want := bad + ":2\n  undefined.x;\n            ^\n\nTypeError: Cannot read properties of undefined (reading 'x')\n    at f (" + bad + ":2:13)\n    at " + bad + ":4:1\n"
	if code != 1 || err != nil || errOut.String() != want {
		t.Fatalf("code %d err %v stderr:\n%s\nwant:\n%s", code, err, errOut.String(), want)
	}

	code, _ = run([]string{"--verify-heap", "--gc-interval=50", ok}, &out, &errOut)
	if code != 0 {
		t.Fatalf("heap flags: code %d", code)
	}
	errOut.Reset()
	if code, _ := run(nil, &out, &errOut); code != 9 || !strings.Contains(errOut.String(), "usage") {
		t.Fatalf("no script: code %d %q", code, errOut.String())
	}
}
