package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// errorMark matches an expected-error annotation in testdata/errors.
var errorMark = regexp.MustCompile(`/\* ERROR "((?:[^"\\]|\\.)*)" \*/`)

// TestAnnotatedErrors runs testdata/errors/*.js (Script goal) and *.mjs
// (Module goal). Cases are separated by "// ----" lines; a case with a
// /* ERROR "message" */ comment must fail with exactly that message at
// the first token after the comment. A case without one must parse (or,
// when it mentions "reported", fail anywhere).
func TestAnnotatedErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*")
	if len(files) == 0 {
		t.Fatal("no files in testdata/errors")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		module := strings.HasSuffix(file, ".mjs")
		for i, src := range strings.Split(string(data), "// ----\n") {
			m := errorMark.FindStringSubmatchIndex(src)
			_, perr := Parse(src, Options{Filename: file, Module: module})
			name := filepath.Base(file) + "#" + string(rune('0'+i/10)) + string(rune('0'+i%10))
			if m == nil {
				if perr != nil && !strings.Contains(src, "reported") {
					t.Errorf("%s: unexpected error %v", name, perr)
				}
				if perr == nil && strings.Contains(src, "reported") {
					t.Errorf("%s: no error", name)
				}
				continue
			}
			want := strings.ReplaceAll(src[m[2]:m[3]], `\"`, `"`)
			at := m[1]
			for at < len(src) && (src[at] == ' ' || src[at] == '\n' || src[at] == '\t') {
				at++
			}
			se, ok := perr.(*SyntaxError)
			if !ok {
				t.Errorf("%s: got %v, want %q", name, perr, want)
				continue
			}
			if se.Msg != want || se.Start != at {
				t.Errorf("%s: got %q at %d (%q), want %q at %d (%q)", name, se.Msg, se.Start, snippet(src, se.Start), want, at, snippet(src, at))
			}
		}
	}
}

func snippet(src string, at int) string {
	if at < 0 || at > len(src) {
		return "?"
	}
	return src[at:min(len(src), at+12)]
}
