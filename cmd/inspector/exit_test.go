package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExitCodes runs each script of testdata/exit as `inspector run` and
// compares the exit status, stdout and stderr with node's
// (testdata/exit/expected.json, made by gen.js there): unhandled
// rejections in the --unhandled-rejections modes, errors thrown by timer
// callbacks, process.exit, process.exitCode, process event listeners.
func TestExitCodes(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "exit"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]struct {
		Flags          []string
		Code           int
		Stdout, Stderr string
	}
	if err := json.Unmarshal(data, &expected); err != nil {
		t.Fatal(err)
	}
	for name, want := range expected {
		t.Run(strings.TrimSuffix(name, ".js"), func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append(append([]string{"run"}, want.Flags...), filepath.Join(dir, name))
			code, err := run(args, &out, &errOut)
			if err != nil {
				t.Fatal(err)
			}
			gotErr := normalizeStderr(errOut.String(), dir)
			if code != want.Code || out.String() != want.Stdout || gotErr != normalizeFrames(want.Stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s",
					code, want.Code, out.String(), want.Stdout, gotErr, normalizeFrames(want.Stderr))
			}
		})
	}
}

var pidRE = regexp.MustCompile(`\(node:\d+\)`)

// normalizeStderr makes Sonde's stderr comparable with gen.js's rendering
// of node's.
func normalizeStderr(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "<dir>")
	s = pidRE.ReplaceAllString(s, "(node:<pid>)")
	return normalizeFrames(s)
}

var frameRE = regexp.MustCompile(`(?m)^    at (?:[^(\n]*\((<dir>[^)\n]*)\)|(<dir>\S*))$`)

// normalizeFrames keeps only the location of stack frames in the script's
// directory: node names a top-level frame "Object.<anonymous>" (its module
// wrapper) and a timer callback "Timeout._onTimeout".
func normalizeFrames(s string) string {
	return frameRE.ReplaceAllString(s, "    at $1$2")
}
