package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
)

const usage = `usage: inspector [heap flags] script.js [args...]
       inspector run [heap flags] script.js [args...]`

// run executes the command line and returns the exit status: 0, 1 for an
// uncaught exception, 9 for bad usage (node's code for invalid arguments).
func run(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) > 0 && args[0] == "run" {
		args = args[1:]
	}
	sflags, args, err := parseSnapshotFlags(args)
	if err != nil {
		fmt.Fprintln(stderr, usage)
		return 9, err
	}
	covDir, args := coverageFlag(args, os.Getenv("NODE_V8_COVERAGE"))
	hopts, rest, err := heap.ParseFlags(args, stderr)
	if err != nil {
		fmt.Fprintln(stderr, usage)
		return 9, err
	}
	if len(rest) == 0 || strings.HasPrefix(rest[0], "-") {
		fmt.Fprintln(stderr, usage)
		if len(rest) > 0 {
			return 9, fmt.Errorf("unknown flag %s", rest[0])
		}
		return 9, nil
	}
	path, err := filepath.Abs(rest[0])
	if err != nil {
		return 1, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return 1, err
	}
	var iso *engine.Isolate
	hopts.NearHeapLimit = sflags.nearHeapLimitHook(&iso, stderr)
	iso, err = engine.NewIsolate(engine.Options{Heap: hopts, Stdout: stdout, Stderr: stderr, ProfileHeapSnapshot: sflags.profile})
	if err != nil {
		return 1, err
	}
	defer iso.Close()
	defer sflags.install(iso, stderr)()
	finishCoverage, err := startCoverage(iso, covDir, stderr)
	if err != nil {
		return 1, err
	}
	defer finishCoverage()
	if err := runMain(iso, path, string(src)); err != nil {
		var jsErr *engine.JSError
		if errors.As(err, &jsErr) {
			fmt.Fprint(stderr, jsErr.Report())
			return 1, nil
		}
		return 1, err
	}
	return 0, nil
}

// stripHashbang blanks a leading #! line, as node does for scripts.
func stripHashbang(src string) string {
	if !strings.HasPrefix(src, "#!") {
		return src
	}
	if i := strings.IndexAny(src, "\r\n"); i >= 0 {
		return strings.Repeat(" ", i) + src[i:]
	}
	return ""
}
