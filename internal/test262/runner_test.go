package test262

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeEngine acts out what a test's body asks for: "THROW" throws a
// Test262Error, "PARSE-ERROR" fails to parse, "HANG" runs until the
// deadline, "COMPLETE" prints the async completion. It records the jobs it
// saw and the most it ran at once.
type fakeEngine struct {
	caps    Capabilities
	mu      sync.Mutex
	jobs    []*Job
	running atomic.Int32
	peak    atomic.Int32
}

func (e *fakeEngine) Name() string               { return "fake" }
func (e *fakeEngine) Capabilities() Capabilities { return e.caps }
func (e *fakeEngine) Close() error               { return nil }

func (e *fakeEngine) Run(ctx context.Context, job *Job) Execution {
	n := e.running.Add(1)
	defer e.running.Add(-1)
	for {
		p := e.peak.Load()
		if n <= p || e.peak.CompareAndSwap(p, n) {
			break
		}
	}
	e.mu.Lock()
	e.jobs = append(e.jobs, job)
	e.mu.Unlock()
	time.Sleep(time.Millisecond) // let workers overlap
	body := job.Source
	switch {
	case strings.Contains(body, "PARSE-ERROR"):
		return Execution{Error: &ThrownError{Phase: PhaseParse, Name: "SyntaxError", Message: "unexpected token"}}
	case strings.Contains(body, "THROW"):
		return Execution{Error: &ThrownError{Phase: PhaseRuntime, Name: "Test262Error", Message: "thrown"}}
	case strings.Contains(body, "HANG"):
		<-ctx.Done()
		return Execution{TimedOut: true}
	case strings.Contains(body, "COMPLETE"):
		return Execution{Prints: []string{AsyncComplete}}
	}
	return Execution{}
}

func fakeSuite(t *testing.T) string {
	files := miniHarness()
	add := func(path, meta, body string) { files[path] = header(meta, body) }
	add("test/language/pass.js", "", "1;\n")
	add("test/language/throws.js", "", "THROW\n")
	add("test/language/neg.js", "negative:\n  phase: parse\n  type: SyntaxError\n", "PARSE-ERROR\n")
	add("test/language/neg-wrong.js", "negative:\n  phase: parse\n  type: SyntaxError\n", "THROW\n")
	add("test/language/strict-only.js", "flags: [onlyStrict]\n", "1;\n")
	add("test/language/module.js", "flags: [module]\n", "export {};\n")
	add("test/language/module_FIXTURE.js", "", "")
	add("test/built-ins/Array/async.js", "flags: [async]\n", "COMPLETE\n")
	add("test/built-ins/Array/async-silent.js", "flags: [async]\n", "\n")
	add("test/built-ins/Array/hang.js", "flags: [noStrict]\n", "HANG\n")
	add("test/built-ins/Array/agent.js", "flags: [noStrict]\n", "$262.agent.start('');\n")
	add("test/built-ins/Array/realm.js", "flags: [noStrict]\n", "$262.createRealm();\n")
	add("test/built-ins/Array/decorated.js", "features: [decorators]\n", "THROW\n")
	add("test/built-ins/Array/block.js", "flags: [CanBlockIsFalse]\n", "\n")
	files["test/built-ins/Array/broken.js"] = "/*---\nflags: [onlyStrict\n---*/\n"
	return writeTree(t, files)
}

func TestRun(t *testing.T) {
	root := fakeSuite(t)
	eng := &fakeEngine{caps: Capabilities{Host262: []string{Host262CreateRealm}, CanBlock: true}}
	var seen atomic.Int32
	results, err := Run(context.Background(), eng, Config{
		Root:     root,
		Paths:    []string{"test/language", "test/built-ins"},
		Workers:  4,
		Timeout:  50 * time.Millisecond,
		Skip:     DefaultSkipList(),
		OnResult: func(Result) { seen.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Status{
		"test/language/pass.js#non-strict":                Pass,
		"test/language/pass.js#strict":                    Pass,
		"test/language/throws.js#non-strict":              Fail,
		"test/language/throws.js#strict":                  Fail,
		"test/language/neg.js#non-strict":                 Pass,
		"test/language/neg.js#strict":                     Pass,
		"test/language/neg-wrong.js#non-strict":           Fail,
		"test/language/neg-wrong.js#strict":               Fail,
		"test/language/strict-only.js#strict":             Pass,
		"test/language/module.js#module":                  Pass,
		"test/built-ins/Array/async.js#non-strict":        Pass,
		"test/built-ins/Array/async.js#strict":            Pass,
		"test/built-ins/Array/async-silent.js#non-strict": Fail,
		"test/built-ins/Array/async-silent.js#strict":     Fail,
		"test/built-ins/Array/hang.js#non-strict":         Fail,
		"test/built-ins/Array/agent.js#non-strict":        Skip,
		"test/built-ins/Array/realm.js#non-strict":        Pass,
		"test/built-ins/Array/decorated.js#non-strict":    Skip,
		"test/built-ins/Array/decorated.js#strict":        Skip,
		"test/built-ins/Array/block.js#non-strict":        Skip,
		"test/built-ins/Array/block.js#strict":            Skip,
		"test/built-ins/Array/broken.js#non-strict":       Fail,
	}
	got := map[string]Result{}
	for i, r := range results {
		got[r.ID] = r
		if i > 0 && results[i-1].ID >= r.ID {
			t.Errorf("results not sorted: %s before %s", results[i-1].ID, r.ID)
		}
	}
	for id, status := range want {
		r, ok := got[id]
		if !ok {
			t.Errorf("%s: no result", id)
			continue
		}
		if r.Status != status {
			t.Errorf("%s: %s (%s), want %s", id, r.Status, r.Message, status)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d results, want %d", len(got), len(want))
	}
	if got["test/built-ins/Array/hang.js#non-strict"].Message != "timed out" {
		t.Errorf("hang: %q", got["test/built-ins/Array/hang.js#non-strict"].Message)
	}
	if m := got["test/built-ins/Array/agent.js#non-strict"].Message; !strings.Contains(m, "$262.agent") {
		t.Errorf("agent skip reason: %q", m)
	}
	if m := got["test/built-ins/Array/broken.js#non-strict"].Message; !strings.Contains(m, "broken.js") {
		t.Errorf("broken metadata message: %q", m)
	}
	if int(seen.Load()) != len(results) {
		t.Errorf("OnResult called %d times for %d results", seen.Load(), len(results))
	}
	// Skipped jobs never reach the engine; jobs carry the strict prefix.
	for _, j := range eng.jobs {
		if strings.Contains(j.Test.Path, "decorated") || strings.Contains(j.Test.Path, "agent") {
			t.Errorf("skipped job %s ran", j.ID())
		}
		if (j.Variant == Strict) != strings.HasPrefix(j.Source, StrictPrefix) {
			t.Errorf("%s: strict prefix wrong", j.ID())
		}
	}
	if limit := int32(Workers(4)); eng.peak.Load() > limit {
		t.Errorf("%d jobs ran at once, limit %d", eng.peak.Load(), limit)
	}
}

func TestRunMatchAndCancel(t *testing.T) {
	root := fakeSuite(t)
	g, err := ParseGlob("pass.js")
	if err != nil {
		t.Fatal(err)
	}
	results, err := Run(context.Background(), &fakeEngine{}, Config{Root: root, Paths: []string{"test"}, Match: g.Match})
	if err != nil || len(results) != 2 {
		t.Fatalf("match: %d results, %v", len(results), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	results, err = Run(ctx, &fakeEngine{}, Config{Root: root, Paths: []string{"test"}})
	if err != context.Canceled {
		t.Errorf("cancelled run: err %v", err)
	}
	for _, r := range results {
		if r.Status != Skip && r.Status != Fail {
			t.Errorf("cancelled run ran %s", r.ID)
		}
	}
}

func TestWorkers(t *testing.T) {
	n := runtime.GOMAXPROCS(0)
	if Workers(0) != n || Workers(n+5) != n || Workers(1) != 1 {
		t.Errorf("Workers: %d %d %d with GOMAXPROCS %d", Workers(0), Workers(n+5), Workers(1), n)
	}
}
