package engine

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// Local measuring tool (not committed): thread CPU time of fixed iterations
// of Octane suites, tier-up off vs on, interleaved, best of R.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestOctaneLocal(t *testing.T) {
	suites := os.Getenv("OCT_SUITES")
	if suites == "" {
		t.Skip()
	}
	runtime.LockOSThread()
	base, _ := os.ReadFile("/tmp/octane/base.js")
	type cfg struct {
		file string
		n    int
	}
	all := map[string]cfg{"Richards": {"richards.js", 40}, "DeltaBlue": {"deltablue.js", 40}, "RayTrace": {"raytrace.js", 6}, "EarleyBoyer": {"earley-boyer.js", 3}, "Crypto": {"crypto.js", 3}, "NavierStokes": {"navier-stokes.js", 3}, "Splay": {"splay.js", 3}}
	for _, name := range splitComma(suites) {
		c := all[name]
		src, _ := os.ReadFile("/tmp/octane/" + c.file)
		best := [2]time.Duration{1 << 62, 1 << 62}
		for r := 0; r < 5; r++ {
			for mode := 0; mode < 2; mode++ {
				iso, err := NewIsolate(Options{NoOpt: mode == 0})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := iso.RunScript(string(base)+"\n"+string(src)+`
var __s = BenchmarkSuite.suites[0];
for (const b of __s.benchmarks) b.Setup();
function __go(n) { for (let i = 0; i < n; i++) for (const b of __s.benchmarks) b.run(); }
__go(`+fmt.Sprint(c.n)+`);`, "s.js"); err != nil {
					t.Fatal(err)
				}
				t0 := threadCPU()
				if _, err := iso.RunScript(fmt.Sprintf("__go(%d)", c.n*3), "go.js"); err != nil {
					t.Fatal(err)
				}
				d := threadCPU() - t0
				best[mode] = min(best[mode], d)
				iso.Close()
			}
		}
		fmt.Printf("%-12s noopt %8.1fms  opt %8.1fms  ratio %.3f\n", name, float64(best[0])/1e6, float64(best[1])/1e6, float64(best[0])/float64(best[1]))
	}
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
