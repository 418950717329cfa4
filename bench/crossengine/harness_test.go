package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeRunner answers with whatever its function prints; it records the
// order it was called in.
type fakeRunner struct {
	name        string
	unavailable error
	run         func(ctx context.Context, s Script, call int) (string, error)
	calls       atomic.Int32 // atomic: an abandoned (stuck) run may still be going
	log         *[]string
}

func (f *fakeRunner) Name() string     { return f.name }
func (f *fakeRunner) Describe() string { return "fake " + f.name }
func (f *fakeRunner) Available() error { return f.unavailable }
func (f *fakeRunner) Run(ctx context.Context, s Script) (string, error) {
	call := f.calls.Add(1)
	if f.log != nil {
		*f.log = append(*f.log, f.name)
	}
	return f.run(ctx, s, int(call))
}

// scores prints driver events for the given results.
func scores(kv ...any) string {
	var sb strings.Builder
	for i := 0; i < len(kv); i += 2 {
		fmt.Fprintf(&sb, "@octane result %s %v\n", kv[i], kv[i+1])
	}
	return sb.String() + "@octane done\n"
}

func fakeHarness(runners ...Runner) *Harness {
	bs := []Benchmark{{"Richards", "richards.js"}, {"Splay", "splay.js"}}
	scripts := map[string]Script{}
	for _, b := range bs {
		scripts[b.Name] = Script{Name: "octane-" + b.File}
	}
	return &Harness{Runners: runners, Benchmarks: bs, Scripts: scripts, Runs: 3, Timeout: time.Minute, Grace: time.Second}
}

func TestHarnessMediansRatiosAndErrors(t *testing.T) {
	var order []string
	jitless := &fakeRunner{name: "node-jitless", log: &order, run: func(_ context.Context, s Script, call int) (string, error) {
		run := (call + 1) / 2 // two scripts per run
		if s.Name == "octane-richards.js" {
			return scores("Richards", []int{100, 110, 90}[run-1]), nil
		}
		return scores("Splay", 400, "SplayLatency", 200), nil
	}}
	goja := &fakeRunner{name: "goja", log: &order, run: func(_ context.Context, s Script, call int) (string, error) {
		if s.Name == "octane-richards.js" {
			return scores("Richards", []int{50, 50, 55}[(call-1)/2]), nil
		}
		if call == 4 { // Splay in run 2 fails its own check
			return "@octane result SplayLatency 100\n@octane error Splay Error: Splay tree not sorted\n@octane done\n", nil
		}
		return scores("Splay", 100, "SplayLatency", 100), nil
	}}
	sonde := &fakeRunner{name: "sonde", unavailable: errors.New("no interpreter yet")}
	h := fakeHarness(jitless, goja, sonde)
	res := h.Run(context.Background())

	if len(res.Measurements) != 12 {
		t.Fatalf("%d measurements, want 12", len(res.Measurements))
	}
	if want := "node-jitless goja node-jitless goja goja node-jitless goja node-jitless node-jitless goja node-jitless goja"; strings.Join(order, " ") != want {
		t.Errorf("call order %v\nwant %s (engines alternate who goes first)", order, want)
	}
	if sonde.calls.Load() != 0 || res.Engines[2].Unavailable != "no interpreter yet" {
		t.Errorf("sonde: %d calls, status %+v", sonde.calls.Load(), res.Engines[2])
	}

	s := summarize(res)
	if len(s.Rows) != 3 || s.Rows[0].Name != "Richards" || s.Rows[1].Name != "Splay" || s.Rows[2].Name != "SplayLatency" {
		t.Fatalf("rows %+v", s.Rows)
	}
	rich := s.Rows[0]
	if c := rich.Cells["node-jitless"]; c.Median != 100 || c.Min != 90 || c.Max != 110 || math.Abs(c.Spread()-0.2) > 1e-9 {
		t.Errorf("node-jitless Richards %+v", c)
	}
	if r := rich.Ratios["goja/node-jitless"]; r != 0.5 {
		t.Errorf("goja/node-jitless on Richards = %v, want 0.5", r)
	}
	for _, row := range s.Rows[1:] {
		c := row.Cells["goja"]
		if c.OK() || c.ErrorRuns != 1 || !strings.Contains(c.Error, "Splay tree not sorted") {
			t.Errorf("goja %s: %+v, want an error from run 2", row.Name, c)
		}
	}
	if g := s.Geomeans["node-jitless"]; g.N != 3 || math.Abs(g.Value-math.Cbrt(100*400*200)) > 1e-9 {
		t.Errorf("node-jitless geomean %+v", g)
	}
	if g := s.Geomeans["goja"]; g.N != 1 || g.Value != 50 {
		t.Errorf("goja geomean %+v, want 50 over 1 row", g)
	}
	var keys []string
	for _, c := range s.Ratios {
		keys = append(keys, c.Key())
	}
	if strings.Join(keys, " ") != "goja/node-jitless sonde/node-jitless sonde/goja" {
		t.Errorf("ratio columns %v", keys)
	}

	var out bytes.Buffer
	writeReport(&out, res, s)
	report := out.String()
	for _, want := range []string{
		"Richards", "100 ±10%", "0.500", "error", "n/a", "not available: no interpreter yet",
		"goja Splay (1/3 runs failed)", "Splay tree not sorted", "Noise", "50.0 (1/3)",
		"goja/node-jitless    median 31.3%, worst 31.3% (Richards)",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestHarnessRunnerFailures(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	crash := &fakeRunner{name: "node-jitless", run: func(context.Context, Script, int) (string, error) {
		return "@octane result Richards 10\nSegmentation fault\n", errors.New("exit status 139")
	}}
	panics := &fakeRunner{name: "goja", run: func(context.Context, Script, int) (string, error) {
		panic("unimplemented opcode")
	}}
	stuck := &fakeRunner{name: "sonde", run: func(ctx context.Context, _ Script, _ int) (string, error) {
		<-release // ignores ctx
		return "", nil
	}}
	h := fakeHarness(crash, panics, stuck)
	h.Benchmarks = h.Benchmarks[:1]
	h.Runs = 2
	h.Timeout, h.Grace = 20*time.Millisecond, 20*time.Millisecond
	res := h.Run(context.Background())

	for _, m := range res.Measurements {
		var want string
		switch {
		case m.Engine == "node-jitless":
			want = "exit status 139\noutput tail:\nSegmentation fault"
		case m.Engine == "goja":
			want = "goja panicked: unimplemented opcode"
		case m.Run == 1:
			want = "did not stop within"
		default:
			want = "skipped: sonde did not stop"
		}
		if !strings.Contains(m.Error, want) {
			t.Errorf("%s run %d: error %q, want %q", m.Engine, m.Run, m.Error, want)
		}
	}
	if stuck.calls.Load() != 1 {
		t.Errorf("the stuck engine was called %d times, want 1", stuck.calls.Load())
	}
	s := summarize(res)
	if c := s.Rows[0].Cells["node-jitless"]; c.OK() {
		t.Error("a crashed run's score counted")
	}
}

func TestHarnessInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &fakeRunner{name: "goja", run: func(_ context.Context, _ Script, call int) (string, error) {
		if call == 2 {
			cancel()
		}
		return scores("Richards", 1), nil
	}}
	res := fakeHarness(r).Run(ctx)
	if !res.Interrupted || len(res.Measurements) != 2 {
		t.Errorf("interrupted=%v after %d measurements, want true after 2", res.Interrupted, len(res.Measurements))
	}
}

func TestRatioColumns(t *testing.T) {
	all := []EngineStatus{
		{Name: "node-jitless", Baseline: true}, {Name: "node", Reference: true},
		{Name: "goja", Baseline: true}, {Name: "sonde"},
	}
	var keys []string
	for _, c := range ratioColumns(all) {
		keys = append(keys, c.Key())
	}
	if got := strings.Join(keys, " "); got != "node/node-jitless goja/node-jitless sonde/node-jitless sonde/goja" {
		t.Errorf("columns %s", got)
	}
}

// TestRunCommandLine drives the command end to end on goja against a fake
// Octane checkout, with JSON output.
func TestRunCommandLine(t *testing.T) {
	dir := writeFakeOctane(t)
	jsonPath := filepath.Join(t.TempDir(), "out.json")
	var stdout, stderr bytes.Buffer
	err := run([]string{"-octane", dir, "-engines", "goja", "-bench", "richards", "-runs", "2", "-json", jsonPath}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "goja Richards (2/2 runs failed)") {
		t.Errorf("report:\n%s", stdout.String())
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Runs != 2 || len(rep.Measurements) != 2 || rep.Measurements[0].Scores["Good"] != 123 || rep.Host.CPUs == 0 {
		t.Errorf("json: %+v", rep)
	}
	if !strings.Contains(rep.Measurements[0].Error, "Bad: Error: wrong result") {
		t.Errorf("json error %q", rep.Measurements[0].Error)
	}
	if len(rep.Summary.Rows) == 0 || rep.Summary.Geomeans["goja"].N != 0 {
		t.Errorf("json summary %+v", rep.Summary)
	}
}

func TestFlags(t *testing.T) {
	t.Setenv("OCTANE_DIR", "")
	var stderr bytes.Buffer
	if err := run(nil, &stderr, &stderr); err == nil || !strings.Contains(err.Error(), "OCTANE_DIR") {
		t.Errorf("no Octane dir: err = %v", err)
	}
	if err := run([]string{"-octane", t.TempDir(), "-runs", "0"}, &stderr, &stderr); err == nil {
		t.Error("-runs 0 accepted")
	}
	if err := run([]string{"-octane", t.TempDir(), "-engines", "goja"}, &stderr, &stderr); err == nil || !strings.Contains(err.Error(), "base.js") {
		t.Errorf("empty Octane dir: err = %v", err)
	}
}

// TestReportGroupsRepeatedErrors: an engine failing every benchmark the
// same way gets one entry, whatever each script is called.
func TestReportGroupsRepeatedErrors(t *testing.T) {
	r := &fakeRunner{name: "sonde", run: func(_ context.Context, s Script, _ int) (string, error) {
		return "", fmt.Errorf("sonde: uncaught ReferenceError: Date is not defined at %s:38:10", s.Name)
	}}
	h := fakeHarness(r)
	h.Runs = 2
	res := h.Run(context.Background())
	var out bytes.Buffer
	writeReport(&out, res, summarize(res))
	want := "sonde Richards, Splay (4/4 runs failed):\n      sonde: uncaught ReferenceError: Date is not defined at <script>:38:10\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("report lacks\n%s\n%s", want, out.String())
	}
}
