package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/sonde-js/sonde/internal/test262"
)

// Exit statuses.
const (
	exitOK          = 0
	exitRegressions = 1
	exitSetup       = 2
)

// run is the whole command, testable: it parses args, runs the suite and
// writes the report to stdout and progress to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitSetup
	}
	eng, err := newEngine(o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "test262: %v\n", err)
		return exitSetup
	}
	defer eng.Close()

	var base *test262.Summary
	if o.baseline != "" {
		if base, err = test262.ReadSummary(o.baseline); err != nil {
			fmt.Fprintf(stderr, "test262: %v\n", err)
			return exitSetup
		}
	}

	workers := test262.Workers(o.workers)
	if o.workers > workers {
		fmt.Fprintf(stderr, "test262: -j %d capped to GOMAXPROCS=%d\n", o.workers, workers)
	}
	cfg := test262.Config{
		Root:     o.root,
		Paths:    o.dirs,
		Workers:  workers,
		Timeout:  o.timeout,
		Skip:     test262.DefaultSkipList(),
		OnResult: progress(stderr, o.verbose),
	}
	if o.run != nil {
		cfg.Match = o.run.Match
	}
	start := time.Now()
	results, err := test262.Run(ctx, eng, cfg)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "test262: %v\n", err)
		return exitSetup
	}
	fmt.Fprintln(stderr)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "test262: interrupted; reporting the tests that ran")
	}
	sum := test262.Summarize(engineName(eng), o.dirs, results, start, time.Since(start), workers)
	sum.Test262 = suiteVersion(o.root)
	if err := test262.WriteText(stdout, sum); err != nil {
		fmt.Fprintf(stderr, "test262: %v\n", err)
		return exitSetup
	}
	if o.jsonOut != "" {
		if err := sum.WriteJSON(o.jsonOut); err != nil {
			fmt.Fprintf(stderr, "test262: %v\n", err)
			return exitSetup
		}
	}
	if o.failures != "" {
		if err := writeFailures(o.failures, results); err != nil {
			fmt.Fprintf(stderr, "test262: %v\n", err)
			return exitSetup
		}
	}
	if base != nil {
		diff := test262.Compare(base, sum)
		fmt.Fprintln(stdout)
		if err := diff.Write(stdout); err != nil {
			fmt.Fprintf(stderr, "test262: %v\n", err)
			return exitSetup
		}
		if len(diff.Regressions) > 0 {
			return exitRegressions
		}
	}
	return exitOK
}

// newEngine creates the engine -engine names.
func newEngine(o *options, stderr io.Writer) (test262.Engine, error) {
	switch o.engine {
	case "node":
		return test262.NewNodeEngine(test262.NodeOptions{Node: o.node, Processes: test262.Workers(o.workers)})
	case "sonde":
		return newSondeEngine()
	}
	return nil, fmt.Errorf("unknown engine %q", o.engine)
}

// engineName is the engine's name with its version when it has one.
func engineName(eng test262.Engine) string {
	if v, ok := eng.(interface{ Version() string }); ok {
		return eng.Name() + " " + v.Version()
	}
	return eng.Name()
}

// progress returns an OnResult callback printing a progress line every 500
// jobs, and each failure when verbose.
func progress(w io.Writer, verbose bool) func(test262.Result) {
	var n, failed atomic.Int64
	return func(r test262.Result) {
		count := n.Add(1)
		if r.Status == test262.Fail {
			failed.Add(1)
			if verbose {
				fmt.Fprintf(w, "\rFAIL %s: %s\n", r.ID, r.Message)
			}
		}
		if count%500 == 0 {
			fmt.Fprintf(w, "\r%d jobs, %d failed", count, failed.Load())
		}
	}
}

// writeFailures writes the failure list to file.
func writeFailures(file string, results []test262.Result) error {
	f, err := os.Create(file)
	if err != nil {
		return fmt.Errorf("failures: %w", err)
	}
	if err := test262.WriteFailures(f, results); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("failures: %w", err)
	}
	return nil
}

// suiteVersion reads test262's version from its package.json, or "".
func suiteVersion(root string) string {
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return ""
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return ""
	}
	return pkg.Version
}
