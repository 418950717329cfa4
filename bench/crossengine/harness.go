package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Harness runs every selected benchmark on every selected engine, Runs
// times, in one process so that all figures come from the same machine
// state.
type Harness struct {
	Runners    []Runner
	Benchmarks []Benchmark
	// Scripts holds the composed script of each benchmark, by name.
	Scripts map[string]Script
	Runs    int
	// Timeout bounds one script on one engine.
	Timeout time.Duration
	// Grace is how long to wait past the timeout for an in-process engine
	// to stop before abandoning it (it is then skipped for the rest of the
	// invocation, since its goroutine may still burn CPU).
	Grace time.Duration
	// Progress receives one line per finished run (nil: none).
	Progress io.Writer
}

// EngineStatus is an engine as the report shows it.
type EngineStatus struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Reference   bool   `json:"reference,omitempty"`
	Baseline    bool   `json:"baseline,omitempty"`
	// Unavailable is why the engine did not run ("" if it did).
	Unavailable string `json:"unavailable,omitempty"`
}

// Measurement is one run of one benchmark's script on one engine.
type Measurement struct {
	Benchmark string `json:"benchmark"`
	Engine    string `json:"engine"`
	Run       int    `json:"run"`
	// Scores are the results the driver reported, by result name.
	Scores map[string]float64 `json:"scores,omitempty"`
	// Error is set when the benchmark failed: an exception, a failed
	// result check, a crash or a timeout. Its scores, if any, do not count.
	Error string `json:"error,omitempty"`
	// WallSeconds is the time to run the whole script (warmup, measured
	// runs, setup and teardown included).
	WallSeconds float64 `json:"wallSeconds"`
}

// Results is everything one invocation measured.
type Results struct {
	Engines    []EngineStatus `json:"engines"`
	Benchmarks []string       `json:"benchmarks"`
	// Scripts names each benchmark's composed script (its URL in errors).
	Scripts      map[string]string `json:"scripts"`
	Runs         int               `json:"runs"`
	Measurements []Measurement     `json:"measurements"`
	// Interrupted is set when the invocation was cut short (Ctrl-C).
	Interrupted bool `json:"interrupted,omitempty"`
}

// Run measures. For each run it goes through the benchmarks in order and
// runs each on every engine back to back, rotating which engine goes first
// from run to run, so that drifts in machine state spread over engines.
func (h *Harness) Run(ctx context.Context) Results {
	res := Results{Runs: h.Runs, Scripts: map[string]string{}}
	for _, b := range h.Benchmarks {
		res.Benchmarks = append(res.Benchmarks, b.Name)
		res.Scripts[b.Name] = h.Scripts[b.Name].Name
	}
	var live []Runner
	for _, r := range h.Runners {
		info := engineInfoFor(r.Name())
		st := EngineStatus{Name: r.Name(), Reference: info.reference, Baseline: info.baseline}
		if err := r.Available(); err != nil {
			st.Unavailable = err.Error()
		} else {
			live = append(live, r)
		}
		st.Description = r.Describe()
		res.Engines = append(res.Engines, st)
	}
	wedged := map[string]string{}
	for run := 1; run <= h.Runs; run++ {
		for _, b := range h.Benchmarks {
			for i := range live {
				if ctx.Err() != nil {
					res.Interrupted = true
					return res
				}
				r := live[(i+run-1)%len(live)]
				m := Measurement{Benchmark: b.Name, Engine: r.Name(), Run: run}
				if why, ok := wedged[r.Name()]; ok {
					m.Error = "skipped: " + why
				} else {
					o := h.runOne(ctx, r, h.Scripts[b.Name])
					m.WallSeconds = o.wall.Seconds()
					m.Scores, m.Error = interpret(o.out, o.err)
					m.Error = h.Scripts[b.Name].annotateLines(m.Error)
					if o.stuck {
						wedged[r.Name()] = fmt.Sprintf("%s did not stop %v after its timeout on %s run %d", r.Name(), h.Grace, b.Name, run)
					}
				}
				if ctx.Err() != nil && m.Error != "" {
					res.Interrupted = true
					return res // a run cut short by Ctrl-C is not a result
				}
				res.Measurements = append(res.Measurements, m)
				h.progress(run, m)
			}
		}
	}
	return res
}

// outcome is what one runner invocation gave.
type outcome struct {
	out  string
	err  error
	wall time.Duration
	// stuck marks an engine that ignored its timeout.
	stuck bool
}

// runOne runs s on r with the timeout, recovering a panic of an
// in-process engine.
func (h *Harness) runOne(ctx context.Context, r Runner, s Script) outcome {
	runtime.GC() // do not bill an in-process engine for the last one's garbage
	rctx, cancel := context.WithTimeout(ctx, h.Timeout)
	defer cancel()
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("%s panicked: %v\n%s", r.Name(), p, debug.Stack())}
			}
		}()
		o, e := r.Run(rctx, s)
		done <- result{o, e}
	}()
	select {
	case res := <-done:
		return outcome{out: res.out, err: res.err, wall: time.Since(start)}
	case <-rctx.Done():
	}
	select {
	case res := <-done:
		return outcome{out: res.out, err: res.err, wall: time.Since(start)}
	case <-time.After(h.Grace):
		err := fmt.Errorf("%s: %w, and it did not stop within %v", r.Name(), rctx.Err(), h.Grace)
		return outcome{err: err, wall: time.Since(start), stuck: true}
	}
}

// interpret turns what a runner printed and returned into scores and an
// error message. Any problem makes the run an error: a suite that threw or
// failed its check, an engine failure, or a driver that did not finish.
func interpret(out string, runErr error) (map[string]float64, string) {
	rep, perr := parseDriverOutput(out)
	var problems []string
	if perr != nil {
		problems = append(problems, perr.Error())
	}
	for _, name := range sortedKeys(rep.Errors) {
		problems = append(problems, name+": "+rep.Errors[name])
	}
	switch {
	case runErr != nil:
		problems = append(problems, runErr.Error())
	case !rep.Done:
		problems = append(problems, "the driver did not finish (no \"@octane done\")")
	case len(rep.Scores) == 0 && len(rep.Errors) == 0:
		problems = append(problems, "no scores reported")
	}
	if len(problems) > 0 && len(rep.Other) > 0 {
		problems = append(problems, "output tail:\n"+strings.Join(rep.Other, "\n"))
	}
	if len(rep.Scores) == 0 {
		rep.Scores = nil
	}
	return rep.Scores, strings.Join(problems, "\n")
}

func (h *Harness) progress(run int, m Measurement) {
	if h.Progress == nil {
		return
	}
	status := ""
	if m.Error != "" {
		first, _, _ := strings.Cut(m.Error, "\n")
		status = "ERROR " + first
	} else {
		var parts []string
		for _, name := range sortedKeys(m.Scores) {
			parts = append(parts, fmt.Sprintf("%s=%s", name, formatScore(m.Scores[name])))
		}
		status = strings.Join(parts, " ")
	}
	fmt.Fprintf(h.Progress, "run %d/%d  %-12s %-12s %6.1fs  %s\n", run, h.Runs, m.Benchmark, m.Engine, m.WallSeconds, status)
}
