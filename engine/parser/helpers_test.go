package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/ast"
)

// expectPrinted parses src as a script and compares the compact printed AST.
func expectPrinted(t *testing.T, src, want string) {
	t.Helper()
	expectPrintedOpts(t, src, want, Options{Filename: "test.js"})
}

// expectPrintedModule parses src as a module and compares the printed AST.
func expectPrintedModule(t *testing.T, src, want string) {
	t.Helper()
	expectPrintedOpts(t, src, want, Options{Filename: "test.js", Module: true})
}

func expectPrintedOpts(t *testing.T, src, want string, opts Options) {
	t.Helper()
	t.Run(src, func(t *testing.T) {
		t.Helper()
		prog, err := Parse(src, opts)
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		if got := ast.Sprint(prog); got != want {
			t.Errorf("\n got: %s\nwant: %s", got, want)
		}
	})
}

// expectParseError parses src as a script and compares the whole error text.
func expectParseError(t *testing.T, src, want string) {
	t.Helper()
	expectErrorOpts(t, src, want, Options{Filename: "test.js"})
}

// expectParseErrorModule parses src as a module and compares the error.
func expectParseErrorModule(t *testing.T, src, want string) {
	t.Helper()
	expectErrorOpts(t, src, want, Options{Filename: "test.js", Module: true})
}

func expectErrorOpts(t *testing.T, src, want string, opts Options) {
	t.Helper()
	t.Run(src, func(t *testing.T) {
		t.Helper()
		_, err := Parse(src, opts)
		if err == nil {
			t.Fatalf("no error, want %q", want)
		}
		if got := err.Error(); got != want {
			t.Errorf("\n got: %s\nwant: %s", got, want)
		}
	})
}

// TestDebug prints the tree of $SRC (a debugging aid; skipped otherwise).
func TestDebug(t *testing.T) {
	src := os.Getenv("SRC")
	if src == "" {
		t.Skip("set SRC to print its tree")
	}
	prog, err := Parse(src, Options{Filename: "src.js", Module: os.Getenv("MODULE") != ""})
	if err != nil {
		t.Log(err)
		return
	}
	t.Log(ast.Sprint(prog))
	if os.Getenv("RANGES") != "" {
		t.Log(ast.SprintRanges(prog))
	}
}

// TestDebugErrors prints this parser's verdict for each JSON-encoded
// [source, module] pair in the file $ERRORS, in the format of
// testdata/v8errors.js, to compare with V8 (a debugging aid).
func TestDebugErrors(t *testing.T) {
	file := os.Getenv("ERRORS")
	if file == "" {
		t.Skip("set ERRORS to a JSON file of [source, module] pairs")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var inputs [][2]any
	if err := json.Unmarshal(data, &inputs); err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		src := in[0].(string)
		module, _ := in[1].(bool)
		out := "OK"
		if _, err := Parse(src, Options{Filename: "test.js", Module: module}); err != nil {
			out = err.Error()
		}
		var buf strings.Builder
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(src)
		fmt.Printf("%s => %s\n", strings.TrimSpace(buf.String()), out)
	}
}

// TestDebugCorpus parses every .js/.mjs/.cjs file under $CORPUS (a
// debugging aid for real-world code): CommonJS files are wrapped in a
// function as node does, .mjs files parse as modules. It logs failures.
func TestDebugCorpus(t *testing.T) {
	root := os.Getenv("CORPUS")
	if root == "" {
		t.Skip("set CORPUS to a directory of JavaScript files")
	}
	n, failed := 0, 0
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".js") || strings.HasSuffix(path, ".mjs") || strings.HasSuffix(path, ".cjs")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		n++
		src := string(data)
		module := strings.HasSuffix(path, ".mjs")
		_, perr := Parse(src, Options{Filename: path, Module: module})
		if perr != nil && !module {
			// node's CommonJS wrapper; a hashbang stays first.
			body := src
			if strings.HasPrefix(body, "#!") {
				body = "//" + body[2:]
			}
			_, perr = Parse("(function (exports, require, module, __filename, __dirname) {"+body+"\n})", Options{Filename: path})
			if perr != nil {
				if _, merr := Parse(src, Options{Filename: path, Module: true}); merr == nil {
					perr = nil
				}
			}
		}
		if perr != nil {
			failed++
			t.Log(perr)
		}
		return nil
	})
	t.Logf("%d files, %d failed", n, failed)
}
