package profiler

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine"
)

// BenchmarkCoverageOverhead measures, in one run, what coverage costs:
// testdata/bench/kernels.js's suite() on our engine without coverage,
// with best-effort coverage (no state: the same code; a
// getBestEffortCoverage after each call is included), and with precise
// block-count coverage started before the script compiles (what
// NODE_V8_COVERAGE does); and the same suite under node, with and without
// NODE_V8_COVERAGE (JIT and --jitless). Each figure is the median of
// several calls after warm-up, in ms per suite() call; the ratios are the
// slowdowns. Run it once:
//
//	go test ./domains/profiler -run - -bench CoverageOverhead -benchtime 1x
func BenchmarkCoverageOverhead(b *testing.B) {
	src, err := os.ReadFile("testdata/bench/kernels.js")
	if err != nil {
		b.Fatal(err)
	}
	// The three isolates take turns, call by call, so that load on the
	// machine falls on each alike.
	const calls = 15
	modes := []string{"none", "bestEffort", "blockCount"}
	type run struct {
		iso   *engine.Isolate
		p     *Profiler
		c     *Client
		times []float64
	}
	runs := map[string]*run{}
	for _, mode := range modes {
		iso, err := engine.NewIsolate(engine.Options{Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		defer iso.Close()
		r := &run{iso: iso, p: New(iso, Options{})}
		r.c = r.p.NewClient(nil)
		r.c.Enable()
		if mode == "blockCount" {
			r.c.StartPrecise(true, true, false)
		}
		if _, err := iso.RunScript(string(src), "/bench/kernels.js"); err != nil {
			b.Fatal(err)
		}
		runs[mode] = r
	}
	sonde := func() {
		for i := 0; i < calls+2; i++ {
			for _, mode := range modes {
				r := runs[mode]
				t0 := time.Now()
				if _, err := r.iso.RunScript("suite()", "/bench/call.js"); err != nil {
					b.Fatal(err)
				}
				if mode == "bestEffort" {
					r.p.BestEffort()
				}
				if i >= 2 {
					r.times = append(r.times, float64(time.Since(t0).Microseconds())/1000)
				}
			}
		}
		if res, _, _ := runs["blockCount"].c.TakePrecise(); len(res) == 0 {
			b.Fatal("no coverage taken")
		}
	}
	nodeBin, nodeErr := exec.LookPath("node")
	node := func(coverage bool, flags ...string) float64 {
		if nodeErr != nil {
			return 0
		}
		var times []float64
		for i := 0; i < 5; i++ {
			args := append(append([]string{}, flags...), filepath.Join("testdata", "bench", "node_driver.js"), "20")
			cmd := exec.Command(nodeBin, args...)
			cmd.Env = os.Environ()
			if coverage {
				cmd.Env = append(cmd.Env, "NODE_V8_COVERAGE="+b.TempDir())
			}
			out, err := cmd.Output()
			if err != nil {
				b.Fatalf("node: %v", err)
			}
			var r struct{ MsPerSuite float64 }
			if err := json.Unmarshal(out, &r); err != nil {
				b.Fatalf("node: %v: %s", err, out)
			}
			times = append(times, r.MsPerSuite)
		}
		return median(times)
	}
	for i := 0; i < b.N; i++ {
		sonde()
		none, best, block := median(runs["none"].times), median(runs["bestEffort"].times), median(runs["blockCount"].times)
		n, nc := node(false), node(true)
		nj, njc := node(false, "--jitless"), node(true, "--jitless")
		b.ReportMetric(none, "sonde-ms")
		b.ReportMetric(best/none, "sonde-besteffort/none")
		b.ReportMetric(block/none, "sonde-blockcount/none")
		if nodeErr == nil {
			b.ReportMetric(n, "node-ms")
			b.ReportMetric(nc/n, "node-coverage/none")
			b.ReportMetric(njc/nj, "node-jitless-coverage/none")
		}
		b.Logf("ms per suite(): sonde %.1f, best-effort %.1f, block count %.1f | node %.2f, NODE_V8_COVERAGE %.2f | node --jitless %.1f, NODE_V8_COVERAGE %.1f",
			none, best, block, n, nc, nj, njc)
	}
}

func median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}
