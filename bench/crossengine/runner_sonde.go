package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sonde-js/sonde/domains/profiler"
	"github.com/sonde-js/sonde/engine"
)

// sondeRunner runs scripts in a fresh Sonde isolate in this process,
// through the engine's Go API (engine.NewIsolate, Isolate.RunScript). Its
// console writes to Options.Stdout/Stderr; the driver prints with
// console.log when there is no print function.
type sondeRunner struct {
	// coverage runs the script under precise block-count coverage
	// (domains/profiler, as NODE_V8_COVERAGE) and takes it at the end.
	coverage bool
	// noOpt turns tier-up off (engine.Options.NoOpt).
	noOpt bool
}

func (r sondeRunner) Name() string {
	if r.coverage {
		return "sonde-coverage"
	}
	if r.noOpt {
		return "sonde-noopt"
	}
	return "sonde"
}

func (r sondeRunner) Describe() string {
	if r.coverage {
		return "sonde with precise block-count coverage (this repository's working tree)"
	}
	if r.noOpt {
		return "sonde with tier-up off (--no-opt; this repository's working tree)"
	}
	return "sonde (this repository's working tree, via replace ../..)"
}

func (sondeRunner) Available() error { return nil }

// Run creates an isolate, runs the script on this goroutine (which is then
// the isolate goroutine) and asks for termination at the next safepoint
// when ctx ends.
func (r sondeRunner) Run(ctx context.Context, s Script) (string, error) {
	var out bytes.Buffer
	iso, err := engine.NewIsolate(engine.Options{Stdout: &out, Stderr: &out, NoOpt: r.noOpt})
	if err != nil {
		return "", fmt.Errorf("sonde: %w", err)
	}
	defer iso.Close()
	stop := context.AfterFunc(ctx, iso.TerminateExecution)
	defer stop()
	var cov *profiler.Client
	if r.coverage {
		cov = profiler.New(iso, profiler.Options{}).NewClient(nil)
		cov.Enable()
		if _, err := cov.StartPrecise(true, true, false); err != nil {
			return "", fmt.Errorf("sonde: coverage: %w", err)
		}
	}
	_, err = iso.RunScript(s.Source, s.Name)
	if cov != nil && err == nil {
		if res, _, cerr := cov.TakePrecise(); cerr != nil || len(res) == 0 {
			return out.String(), fmt.Errorf("sonde: coverage take: %v (%d scripts)", cerr, len(res))
		}
	}
	var jsErr *engine.JSError
	if errors.As(err, &jsErr) {
		if jsErr.Terminated && ctx.Err() != nil {
			return out.String(), fmt.Errorf("sonde: terminated: %w", ctx.Err())
		}
		first, _, _ := strings.Cut(jsErr.Error(), "\n")
		return out.String(), fmt.Errorf("sonde: uncaught %s at %s:%d:%d\n%s",
			first, jsErr.File, jsErr.Line, jsErr.Column, jsErr.Report())
	}
	if err != nil {
		return out.String(), fmt.Errorf("sonde: %w", err)
	}
	return out.String(), nil
}
