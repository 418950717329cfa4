package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heapsnapshot"
)

// snapshotFlags are node's heap snapshot flags:
//
//	--heapsnapshot-signal=SIGNAL        write a snapshot when SIGNAL arrives
//	--heapsnapshot-near-heap-limit=N    write up to N snapshots as the heap nears its limit
//	--profile-heap-snapshot             log each snapshot's generation and serialization times (V8's flag)
//
// Snapshots go to node's default file name in the working directory.
type snapshotFlags struct {
	signal        syscall.Signal
	nearHeapLimit int
	profile       bool
}

// signals are the names --heapsnapshot-signal accepts.
var signals = map[string]syscall.Signal{
	"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT,
	"SIGUSR1": syscall.SIGUSR1, "SIGUSR2": syscall.SIGUSR2, "SIGTERM": syscall.SIGTERM,
	"SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM, "SIGCHLD": syscall.SIGCHLD,
	"SIGCONT": syscall.SIGCONT, "SIGTSTP": syscall.SIGTSTP, "SIGTTIN": syscall.SIGTTIN,
	"SIGTTOU": syscall.SIGTTOU, "SIGWINCH": syscall.SIGWINCH, "SIGURG": syscall.SIGURG,
	"SIGPROF": syscall.SIGPROF, "SIGVTALRM": syscall.SIGVTALRM, "SIGXCPU": syscall.SIGXCPU,
	"SIGXFSZ": syscall.SIGXFSZ, "SIGIO": syscall.SIGIO, "SIGSYS": syscall.SIGSYS,
}

// parseSnapshotFlags takes the snapshot flags out of the options before the
// script name and returns the other arguments.
func parseSnapshotFlags(args []string) (snapshotFlags, []string, error) {
	var f snapshotFlags
	var rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "--") {
			rest = append(rest, args[i:]...) // the script and its arguments
			break
		}
		name, value, hasValue := strings.Cut(arg[2:], "=")
		name = strings.ReplaceAll(name, "_", "-")
		takeValue := func() error {
			if !hasValue {
				if i+1 >= len(args) {
					return fmt.Errorf("--%s requires an argument", name)
				}
				i++
				value = args[i]
			}
			return nil
		}
		switch name {
		case "heapsnapshot-signal":
			if err := takeValue(); err != nil {
				return f, nil, err
			}
			sig, ok := signals[strings.ToUpper(value)]
			if !ok {
				return f, nil, fmt.Errorf("--heapsnapshot-signal: unknown signal %q", value)
			}
			f.signal = sig
		case "heapsnapshot-near-heap-limit":
			if err := takeValue(); err != nil {
				return f, nil, err
			}
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return f, nil, fmt.Errorf("--heapsnapshot-near-heap-limit must not be negative")
			}
			f.nearHeapLimit = n
		case "profile-heap-snapshot":
			f.profile = true
		default:
			rest = append(rest, arg)
		}
	}
	return f, rest, nil
}

// nearHeapLimitHook returns the heap's NearHeapLimit callback for
// --heapsnapshot-near-heap-limit (nil without it). As node's, up to N
// times it raises the limit by the young generation's maximum size (three
// semi-spaces' worth, V8's figure) and writes a snapshot with internals and
// numeric values, then prints "Wrote snapshot to <path>" on stderr. The
// snapshot is posted to the next safepoint (the GC cannot take it from
// inside itself); past N the limit stays and the process dies with node's
// report.
func (f snapshotFlags) nearHeapLimitHook(iso **engine.Isolate, semiSpaceMiB int, stderr io.Writer) func(current, initial uint64) uint64 {
	if f.nearHeapLimit <= 0 {
		return nil
	}
	if semiSpaceMiB <= 0 {
		semiSpaceMiB = 16
	}
	youngMax := 3 * uint64(semiSpaceMiB) << 20
	taken := 0
	return func(current, initial uint64) uint64 {
		if taken >= f.nearHeapLimit || *iso == nil {
			return current
		}
		taken++
		i := *iso
		i.Post(func() {
			name, err := i.WriteHeapSnapshotFile("", engine.NodeSnapshotOptions(true, true))
			if err != nil {
				fmt.Fprintln(stderr, "inspector:", err)
				return
			}
			if abs, err := filepath.Abs(name); err == nil {
				name = abs
			}
			fmt.Fprintf(stderr, "Wrote snapshot to %s\n", name)
		})
		return current + youngMax
	}
}

// install starts what the flags ask for once the isolate exists; the
// returned function undoes it.
func (f snapshotFlags) install(iso *engine.Isolate, stderr io.Writer) (stop func()) {
	if f.signal == 0 {
		return func() {}
	}
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, f.signal)
	go func() {
		for {
			select {
			case <-ch:
				iso.Post(func() { writeSnapshot(iso, stderr) })
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// writeSnapshot writes a snapshot to node's default file name; a failure
// is reported, not fatal.
func writeSnapshot(iso *engine.Isolate, stderr io.Writer) {
	if _, err := iso.WriteHeapSnapshotFile("", heapsnapshot.Options{}); err != nil {
		fmt.Fprintln(stderr, "inspector:", err)
	}
}
