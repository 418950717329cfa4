package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// runScript runs src in a fresh isolate and returns what it printed.
func runScript(t testing.TB, name, src string, hopts heap.Options) (string, error) {
	t.Helper()
	return runWith(t, name, src, Options{Heap: hopts})
}

// runWith runs src in a fresh isolate made with opts (its console output
// captured, at most 64 KiB of it: a runaway print under a bug stays small).
func runWith(t testing.TB, name, src string, opts Options) (string, error) {
	t.Helper()
	var out capWriter
	opts.Stdout, opts.Stderr = &out, &out
	if opts.Argv == nil {
		opts.Argv = []string{"sonde", name} // as node's: executable, script
	}
	iso, err := NewIsolate(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	_, err = iso.RunScript(src, name)
	if err == nil {
		err = iso.RunEventLoop()
	}
	return out.String(), err
}

// TestScripts runs every script of testdata/scripts and compares its
// console output with node's (testdata/scripts/expected.json, regenerated
// by gen.js there).
func TestScripts(t *testing.T) {
	testScripts(t, Options{})
}

// TestScriptsUnderGCStress runs them again collecting garbage every few
// allocations and at every safepoint, verifying the heap after each GC: a
// value held across an allocation without a handle shows up here.
//
// The paranoid mode also checks, before every instruction, that the
// accumulator and every frame slot are valid values, which points at the
// instruction right after a stale value appeared.
func TestScriptsUnderGCStress(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, mode := range []struct {
		name string
		opts Options
	}{
		{"every97", Options{Heap: heap.Options{GCStressEvery: 97, VerifyHeap: true}}},
		{"every13compact", Options{Heap: heap.Options{GCStressEvery: 13, VerifyHeap: true, StressCompaction: true}}},
		{"safepoints", Options{Heap: heap.Options{GCStressSafepoints: true, StressCompaction: true}}},
		{"paranoid7", Options{Heap: heap.Options{GCStressEvery: 7, StressCompaction: true}, Paranoid: true}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel() // each mode its own isolates: the slow modes share the cores
			testScripts(t, mode.opts)
		})
	}
}

// TestScriptsOptimized runs them with tier-up budgets of one and two (every
// function optimized at its first or second call, every loop replaced on
// stack at its first back-edge), alone and under GC stress: optimized code
// must print exactly what the interpreter prints.
func TestScriptsOptimized(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts Options
	}{
		{"budget1", Options{tierUpBudget: 1}},
		{"budget2", Options{tierUpBudget: 2}},
		{"budget2every13compact", Options{tierUpBudget: 2, Heap: heap.Options{GCStressEvery: 13, VerifyHeap: true, StressCompaction: true}}},
		{"budget1safepoints", Options{tierUpBudget: 1, Heap: heap.Options{GCStressSafepoints: true, StressCompaction: true}}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			if testing.Short() && mode.name != "budget1" && mode.name != "budget2" {
				t.Skip("slow")
			}
			t.Parallel()
			testScripts(t, mode.opts)
		})
	}
}

func testScripts(t *testing.T, opts Options) {
	dir := filepath.Join("testdata", "scripts")
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]string
	if err := json.Unmarshal(data, &expected); err != nil {
		t.Fatal(err)
	}
	for name, want := range expected {
		t.Run(strings.TrimSuffix(name, ".js"), func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := runWith(t, name, string(src), opts)
			if err != nil {
				t.Fatalf("uncaught: %v\noutput so far:\n%s", err, got)
			}
			if got != want {
				t.Errorf("output differs from node's\n%s", lineDiff(got, want))
			}
		})
	}
}

// lineDiff shows the first differing lines of got and want.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var sb strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			sb.WriteString("line " + itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl + "\n")
			shown++
		}
	}
	return sb.String()
}

func heapOpts() heap.Options { return heap.Options{} }

// capWriter keeps at most 64 KiB of output (a runaway print under a bug).
type capWriter struct{ bytes.Buffer }

func (w *capWriter) Write(p []byte) (int, error) {
	if w.Len()+len(p) > 64<<10 {
		p = p[:max(0, 64<<10-w.Len())]
	}
	w.Buffer.Write(p)
	return len(p), nil
}
