// Command crossengine runs the Octane 2.0 classic benchmarks on several
// JavaScript engines — node --jitless, node, goja and Sonde — in one
// invocation, and reports each engine's scores side by side with their
// ratios and geometric means. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "crossengine:", err)
		os.Exit(1)
	}
}

// config is the parsed command line.
type config struct {
	octaneDir  string
	engines    string
	bench      string
	runs       int
	timeout    time.Duration
	jsonPath   string
	nodePath   string
	noProgress bool
	cpuProfile string
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("crossengine", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.octaneDir, "octane", os.Getenv("OCTANE_DIR"), "Octane checkout (github.com/chromium/octane); default $OCTANE_DIR")
	fs.StringVar(&c.engines, "engines", defaultEngines, "engines to run, comma-separated: "+engineNames())
	fs.StringVar(&c.bench, "bench", "", "benchmarks to run, comma-separated (default all): "+benchmarkNames())
	fs.IntVar(&c.runs, "runs", 3, "runs per benchmark and engine; the report shows the median")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Minute, "time limit for one benchmark on one engine")
	fs.StringVar(&c.jsonPath, "json", "", "also write machine-readable results to this file")
	fs.StringVar(&c.nodePath, "node", "node", "node binary")
	fs.BoolVar(&c.noProgress, "q", false, "no progress lines on stderr")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a Go CPU profile of the whole run (in-process engines only) to this file")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: crossengine -octane DIR [flags]\n\n")
		for _, e := range engines {
			fmt.Fprintf(stderr, "  engine %-13s %s\n", e.name, e.help)
		}
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.octaneDir == "" {
		return c, errors.New("no Octane checkout: pass -octane DIR or set OCTANE_DIR (see README.md)")
	}
	if c.runs < 1 {
		return c, fmt.Errorf("-runs %d: need at least 1", c.runs)
	}
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	benches, err := selectBenchmarks(c.bench)
	if err != nil {
		return err
	}
	runners, err := selectRunners(c.engines, runnerConfig{NodePath: c.nodePath})
	if err != nil {
		return err
	}
	dir, err := filepath.Abs(c.octaneDir)
	if err != nil {
		return fmt.Errorf("octane dir: %w", err)
	}
	scripts := map[string]Script{}
	for _, b := range benches {
		s, err := loadScript(dir, b)
		if err != nil {
			return fmt.Errorf("%w (is -octane a checkout of github.com/chromium/octane?)", err)
		}
		scripts[b.Name] = s
	}

	h := &Harness{
		Runners: runners, Benchmarks: benches, Scripts: scripts,
		Runs: c.runs, Timeout: c.timeout, Grace: 30 * time.Second,
	}
	if !c.noProgress {
		h.Progress = stderr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	started := time.Now()
	res := h.Run(ctx)
	sum := summarize(res)
	writeReport(stdout, res, sum)
	if c.jsonPath != "" {
		rep := Report{
			Started: started, Host: currentHost(), OctaneDir: dir, OctaneCommit: octaneCommit(dir),
			TimeoutSeconds: c.timeout.Seconds(), Results: res, Summary: sum,
		}
		if err := writeJSON(c.jsonPath, rep); err != nil {
			return err
		}
	}
	if res.Interrupted {
		return errors.New("interrupted")
	}
	return nil
}
