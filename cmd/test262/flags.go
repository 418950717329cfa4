package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/sonde-js/sonde/internal/test262"
)

// options are the command's parsed flags.
type options struct {
	root     string
	engine   string
	workers  int
	dirs     []string
	run      *test262.Glob
	timeout  time.Duration
	jsonOut  string
	baseline string
	failures string
	node     string
	verbose  bool
}

// errUsage reports bad flags; the usage has already been printed.
var errUsage = errors.New("usage")

// parseFlags parses args, printing usage to stderr on errors and for -h.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("test262", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs, run string
	fs.StringVar(&o.root, "test262", os.Getenv("TEST262_DIR"), "test262 checkout `dir` (default $TEST262_DIR)")
	fs.StringVar(&o.engine, "engine", "node", "engine to test: node or sonde")
	fs.IntVar(&o.workers, "j", 0, "parallel `workers` (default and maximum: GOMAXPROCS)")
	fs.StringVar(&dirs, "dirs", "test/language,test/built-ins", "comma-separated directories or files to run, relative to the checkout")
	fs.StringVar(&run, "run", "", "run only tests whose path matches one of these comma-separated `globs` (* within a path segment, ** across segments; a pattern without / matches file names)")
	fs.DurationVar(&o.timeout, "timeout", test262.DefaultTimeout, "per-test `timeout`")
	fs.StringVar(&o.jsonOut, "json", "", "write the machine-readable summary to `file`")
	fs.StringVar(&o.baseline, "baseline", "", "compare with a previous -json summary `file`; exit 1 on regressions")
	fs.StringVar(&o.failures, "failures", "", "write failing tests and why to `file`")
	fs.StringVar(&o.node, "node", "", "node `binary` for -engine node (default: node in PATH)")
	fs.BoolVar(&o.verbose, "v", false, "print each failure as it happens")
	fs.Usage = func() {
		fmt.Fprintf(stderr, `usage: test262 [flags]

Runs test262 on an engine and reports pass rates per directory.

Flags:
`)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nSkip list (tests skipped, and not counted in pass rates):\n%s", test262.DefaultSkipList().Describe())
		fmt.Fprintf(stderr, "Tests needing $262 features the engine lacks are skipped too, with the reason.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	bad := func(format string, a ...any) (*options, error) {
		fmt.Fprintf(stderr, "test262: "+format+"\n\n", a...)
		fs.Usage()
		return nil, errUsage
	}
	if fs.NArg() > 0 {
		return bad("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if o.root == "" {
		return bad("no test262 checkout: set -test262 or $TEST262_DIR")
	}
	if st, err := os.Stat(o.root); err != nil || !st.IsDir() {
		return bad("-test262 %s: not a directory", o.root)
	}
	if o.engine != "node" && o.engine != "sonde" {
		return bad("-engine %q: want node or sonde", o.engine)
	}
	if o.workers < 0 {
		return bad("-j %d: want a positive number", o.workers)
	}
	if o.timeout <= 0 {
		return bad("-timeout %s: want a positive duration", o.timeout)
	}
	for _, d := range strings.Split(dirs, ",") {
		if d = strings.TrimSpace(d); d != "" {
			o.dirs = append(o.dirs, d)
		}
	}
	if len(o.dirs) == 0 {
		return bad("-dirs is empty")
	}
	if run != "" {
		g, err := test262.ParseGlob(run)
		if err != nil {
			return bad("%v", err)
		}
		o.run = g
	}
	return o, nil
}
