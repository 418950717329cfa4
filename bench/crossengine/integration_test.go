package main

import (
	"context"
	"os"
	"testing"
	"time"
)

// runOctane runs real Octane benchmarks once on one engine, the whole path
// from an Octane checkout to a score, and fails unless each passes its own
// result check with a positive score. It needs OCTANE_DIR (see README.md).
func runOctane(t *testing.T, r Runner, benches ...Benchmark) {
	t.Helper()
	dir := os.Getenv("OCTANE_DIR")
	if dir == "" {
		t.Skip("OCTANE_DIR is not set: skipping the Octane integration test (see README.md to fetch Octane)")
	}
	if testing.Short() {
		t.Skip("runs Octane benchmarks for a few seconds each")
	}
	scripts := map[string]Script{}
	for _, b := range benches {
		s, err := loadScript(dir, b)
		if err != nil {
			t.Fatal(err)
		}
		scripts[b.Name] = s
	}
	h := &Harness{
		Runners: []Runner{r}, Benchmarks: benches,
		Scripts: scripts, Runs: 1, Timeout: 5 * time.Minute, Grace: time.Second,
	}
	res := h.Run(context.Background())
	if len(res.Measurements) != len(benches) {
		t.Fatalf("%d measurements for %d benchmarks", len(res.Measurements), len(benches))
	}
	for _, m := range res.Measurements {
		if m.Error != "" || len(m.Scores) == 0 {
			t.Errorf("%s on %s: scores %v, error %s", m.Benchmark, r.Name(), m.Scores, m.Error)
			continue
		}
		for name, score := range m.Scores {
			if score <= 0 {
				t.Errorf("%s on %s: score %s = %v", m.Benchmark, r.Name(), name, score)
			}
		}
		t.Logf("%s on %s: %v in %.1fs", m.Benchmark, r.Name(), m.Scores, m.WallSeconds)
	}
}

// TestOctaneRichardsOnGoja runs the real Richards on goja.
func TestOctaneRichardsOnGoja(t *testing.T) {
	runOctane(t, gojaRunner{}, Benchmark{"Richards", "richards.js"})
}

// TestOctaneOnSonde runs the real Richards and DeltaBlue on Sonde (all
// eight pass: `go run . -engines sonde` runs the rest, which take minutes).
func TestOctaneOnSonde(t *testing.T) {
	runOctane(t, sondeRunner{}, Benchmark{"Richards", "richards.js"}, Benchmark{"DeltaBlue", "deltablue.js"})
}
