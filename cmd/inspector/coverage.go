package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sonde-js/sonde/domains/profiler"
)

// coverageFlag takes --coverage-dir=DIR (or --coverage-dir DIR) out of
// args; without it the directory is $NODE_V8_COVERAGE, as in node. The
// result is "" when coverage files are not asked for.
func coverageFlag(args []string, env string) (dir string, rest []string) {
	dir = env
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			// The script and its arguments follow.
			return dir, append(rest, args[i:]...)
		}
		switch {
		case strings.HasPrefix(a, "--coverage-dir="):
			dir = strings.TrimPrefix(a, "--coverage-dir=")
		case a == "--coverage-dir" && i+1 < len(args):
			dir = args[i+1]
			i++
		default:
			rest = append(rest, a)
		}
	}
	return dir, rest
}

// startCoverage starts node's NODE_V8_COVERAGE collection with prof when
// dir is set and returns what to call at exit (which writes the file).
func startCoverage(prof *profiler.Profiler, dir string, stderr io.Writer) (finish func(), err error) {
	if dir == "" {
		return func() {}, nil
	}
	w, err := profiler.StartFileCoverage(prof, dir)
	if err != nil {
		return nil, err
	}
	return func() {
		if err := w.Finish(); err != nil {
			fmt.Fprintln(stderr, "inspector:", err)
		}
	}, nil
}
