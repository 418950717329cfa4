package main

import (
	"context"
	"os"
	"testing"
	"time"
)

// TestOctaneRichardsOnGoja runs the real Richards on goja: the whole path
// from an Octane checkout to a score. It needs OCTANE_DIR (see README.md).
func TestOctaneRichardsOnGoja(t *testing.T) {
	dir := os.Getenv("OCTANE_DIR")
	if dir == "" {
		t.Skip("OCTANE_DIR is not set: skipping the Octane integration test (see README.md to fetch Octane)")
	}
	if testing.Short() {
		t.Skip("runs Richards for a few seconds")
	}
	s, err := loadScript(dir, Benchmark{"Richards", "richards.js"})
	if err != nil {
		t.Fatal(err)
	}
	h := &Harness{
		Runners: []Runner{gojaRunner{}}, Benchmarks: []Benchmark{{"Richards", "richards.js"}},
		Scripts: map[string]Script{"Richards": s}, Runs: 1, Timeout: 5 * time.Minute, Grace: time.Second,
	}
	res := h.Run(context.Background())
	if len(res.Measurements) != 1 {
		t.Fatalf("%d measurements", len(res.Measurements))
	}
	m := res.Measurements[0]
	if m.Error != "" || m.Scores["Richards"] <= 0 {
		t.Fatalf("Richards on goja: scores %v, error %s", m.Scores, m.Error)
	}
	t.Logf("Richards on goja: %v in %.1fs", m.Scores["Richards"], m.WallSeconds)
}
