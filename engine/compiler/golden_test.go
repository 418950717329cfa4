package compiler

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/parser"
)

var update = flag.Bool("update", false, "rewrite the golden disassembly files")

// TestGolden compiles each testdata/golden/*.js and compares the
// disassembly of every function literal with the .golden file beside it
// (go test -run TestGolden -update rewrites them). Files named
// coverage_*.js are compiled with block coverage counters.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.js"))
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := disassembleAll(t, string(src), Options{BlockCoverage: strings.HasPrefix(name, "coverage_")})
			golden := strings.TrimSuffix(file, ".js") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("disassembly differs from %s:\n%s", golden, got)
			}
		})
	}
}

func disassembleAll(t *testing.T, src string, opts Options) string {
	t.Helper()
	prog, err := parser.Parse(src, parser.Options{Filename: "golden.js"})
	if err != nil {
		t.Fatal(err)
	}
	u := NewUnit(prog, src)
	var sb strings.Builder
	for id := range prog.Functions {
		fn, err := u.Compile(id, opts)
		if err != nil {
			t.Fatalf("function %d: %v", id, err)
		}
		if err := bytecode.Verify(fn); err != nil {
			t.Fatalf("function %d does not verify: %v", id, err)
		}
		sb.WriteString(bytecode.Disassemble(fn))
		sb.WriteString("\n")
	}
	return sb.String()
}

// TestCompileCorpus compiles every function of the engine's test scripts
// and verifies the bytecode (jump targets, registers, constants).
func TestCompileCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "scripts", "*.js"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(file) == "gen.js" {
			continue
		}
		disassembleAll(t, string(src), Options{})
		disassembleAll(t, string(src), Options{BlockCoverage: true})
	}
}
