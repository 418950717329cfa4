package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sonde-js/sonde/domains/profiler"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
)

const usage = `usage: inspector [heap flags] [--no-opt] script.js [args...]
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
	iopts, args, err := parseInspectFlags(args)
	if err != nil {
		fmt.Fprintln(stderr, "node:", err)
		return 9, nil
	}
	// Flags come before the script; what follows it is the script's.
	split := len(args)
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			split = i
			break
		}
	}
	flags, scriptArgs := args[:split], args[split:]
	rejections := engine.RejectionsThrow
	var heapFlags []string
	noOpt := false
	for _, f := range flags {
		if f == "--no-opt" || f == "--opt" {
			// V8's: --no-opt keeps every function in the interpreter.
			noOpt = f == "--no-opt"
			continue
		}
		if v, ok := strings.CutPrefix(f, "--unhandled-rejections="); ok {
			if !engine.ValidRejectionMode(v) {
				fmt.Fprintln(stderr, usage)
				return 9, fmt.Errorf("invalid value for --unhandled-rejections: %q", v)
			}
			rejections = engine.RejectionMode(v)
			continue
		}
		heapFlags = append(heapFlags, f)
	}
	hopts, rest, err := heap.ParseFlags(heapFlags, stderr)
	if err != nil {
		fmt.Fprintln(stderr, usage)
		return 9, err
	}
	if len(rest) > 0 {
		fmt.Fprintln(stderr, usage)
		return 9, fmt.Errorf("unknown flag %s", rest[0])
	}
	if len(scriptArgs) == 0 {
		fmt.Fprintln(stderr, usage)
		return 9, nil
	}
	path, err := filepath.Abs(scriptArgs[0])
	if err != nil {
		return 1, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return 1, err
	}
	exe, _ := os.Executable()
	argv := append([]string{exe, path}, scriptArgs[1:]...)
	var iso *engine.Isolate
	hopts.NearHeapLimit = sflags.nearHeapLimitHook(&iso, hopts.MaxSemiSpaceMiB, stderr)
	iso, err = engine.NewIsolate(engine.Options{Heap: hopts, Stdout: stdout, Stderr: stderr, ProfileHeapSnapshot: sflags.profile,
		Argv: argv, UnhandledRejections: rejections, NoOpt: noOpt})
	if err != nil {
		return 1, err
	}
	defer iso.Close()
	defer sflags.install(iso, stderr)()
	// One Profiler: NODE_V8_COVERAGE and an attached client share the
	// isolate's coverage mode.
	prof := profiler.New(iso, profiler.Options{})
	finishCoverage, err := startCoverage(prof, covDir, stderr)
	if err != nil {
		return 1, err
	}
	defer finishCoverage()
	ins, err := iopts.start(iso, prof, path, stderr)
	if err != nil {
		return 1, err
	}
	defer ins.close()
	err = runMain(iso, path, string(src))
	var jsErr *engine.JSError
	if exited, _ := iso.Exited(); !exited && errors.As(err, &jsErr) && jsErr.Terminated {
		// Runtime.terminateExecution stopped the main script: node ends
		// it silently with status 0, once the client has gone.
		ins.afterScript()
		return 0, nil
	}
	if err == nil {
		// The program ran: now its event loop, to completion.
		err = iso.RunEventLoop()
		if err == nil && iso.ModuleEvaluationPending() {
			return 13, nil // node's status for an unsettled top-level await
		}
	} else if exited, _ := iso.Exited(); !exited {
		err = iso.ReportUncaught(err)
	}
	// After the program and its event loop, a client still attached keeps
	// the process up ("Waiting for the debugger to disconnect..."); node
	// prints an uncaught error's report only after that.
	ins.afterScript()
	if exited, code := iso.Exited(); exited && err == nil {
		return code, nil
	}
	if err != nil {
		if errors.As(err, &jsErr) {
			if jsErr.Terminated {
				if exited, code := iso.Exited(); exited {
					return code, nil
				}
			}
			fmt.Fprint(stderr, jsErr.Report())
			if exited, code := iso.Exited(); exited {
				return code, nil
			}
			return 1, nil
		}
		return 1, err
	}
	return iso.ExitCode(), nil
}
