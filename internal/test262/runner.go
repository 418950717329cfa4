package test262

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"time"
)

// Config says which tests to run and how.
type Config struct {
	// Root is the test262 checkout.
	Root string
	// Paths are directories or files under Root to run (slash-separated,
	// relative to Root), e.g. "test/language".
	Paths []string
	// Match, if set, selects tests by path (see Glob).
	Match func(rel string) bool
	// Workers is how many jobs run at once; 0 means GOMAXPROCS, and more
	// than GOMAXPROCS is capped to it.
	Workers int
	// Timeout bounds each job; 0 means DefaultTimeout.
	Timeout time.Duration
	// Skip is the skip list; nil skips nothing (but tests needing host
	// features the engine lacks are still skipped).
	Skip *SkipList
	// OnResult, if set, is called for every result as it comes (one call at
	// a time), for progress reports.
	OnResult func(Result)
}

// DefaultTimeout is the per-job timeout when Config.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// Result is the verdict on one job.
type Result struct {
	// ID is JobID(Path, Variant).
	ID      string
	Path    string
	Variant Variant
	Outcome
	Duration time.Duration
}

// Workers returns the number of workers Run uses for a requested count.
func Workers(requested int) int {
	n := runtime.GOMAXPROCS(0)
	if requested > 0 && requested < n {
		return requested
	}
	return n
}

// Run runs the selected tests on eng and returns their results sorted by
// ID. It stops early, returning the results so far and ctx's error, if ctx
// is cancelled.
func Run(ctx context.Context, eng Engine, cfg Config) ([]Result, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	paths, err := Discover(cfg.Root, cfg.Paths, cfg.Match)
	if err != nil {
		return nil, err
	}
	h, err := NewHarness(cfg.Root)
	if err != nil {
		return nil, err
	}
	caps := eng.Capabilities()

	var (
		mu      sync.Mutex
		results []Result
	)
	emit := func(r Result) {
		mu.Lock()
		defer mu.Unlock()
		results = append(results, r)
		if cfg.OnResult != nil {
			cfg.OnResult(r)
		}
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range Workers(cfg.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range work {
				runTest(ctx, eng, caps, h, &cfg, rel, emit)
			}
		}()
	}
feed:
	for _, rel := range paths {
		select {
		case work <- rel:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	sort.Slice(results, func(i, j int) bool { return results[i].ID < results[j].ID })
	return results, ctx.Err()
}

// runTest loads, plans and runs one test file, emitting a result per job.
func runTest(ctx context.Context, eng Engine, caps Capabilities, h *Harness, cfg *Config, rel string, emit func(Result)) {
	t, err := LoadTest(cfg.Root, rel)
	if err != nil {
		// A test whose metadata cannot be read cannot be planned: report
		// it once, as a failure of the runner's input.
		emit(Result{ID: JobID(rel, NonStrict), Path: rel, Variant: NonStrict, Outcome: Outcome{Fail, err.Error()}})
		return
	}
	jobs, err := Plan(t, h)
	if err != nil {
		emit(Result{ID: JobID(rel, NonStrict), Path: rel, Variant: NonStrict, Outcome: Outcome{Fail, err.Error()}})
		return
	}
	skip := cfg.Skip.Reason(t)
	for _, job := range jobs {
		r := Result{ID: job.ID(), Path: rel, Variant: job.Variant}
		if reason := skip; reason != "" {
			r.Outcome = Outcome{Skip, reason}
		} else if reason := HostReason(job, caps); reason != "" {
			r.Outcome = Outcome{Skip, reason}
		} else if ctx.Err() != nil {
			return
		} else {
			r.Outcome, r.Duration = runJob(ctx, eng, job, cfg.Timeout)
		}
		emit(r)
	}
}

// runJob runs one job under its timeout and classifies the execution.
func runJob(ctx context.Context, eng Engine, job *Job, timeout time.Duration) (Outcome, time.Duration) {
	jctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	ex := eng.Run(jctx, job)
	return Classify(job, ex), time.Since(start)
}
