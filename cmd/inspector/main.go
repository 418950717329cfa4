// Command inspector runs JavaScript on Sonde's engine, as node does:
//
//	inspector [heap flags] script.js [args…]
//	inspector run [heap flags] script.js [args…]
//
// The program runs, then its event loop to completion (timers,
// immediates, promise jobs). An uncaught exception, from the script, a
// callback or an unhandled rejection (--unhandled-rejections=throw, the
// default; strict, warn, warn-with-error-code and none as node has them),
// is printed to stderr as node prints it, and the exit status is 1;
// otherwise it is process.exit's code or process.exitCode. Heap flags are node's (--max-old-space-size=N,
// --max-semi-space-size=N, --verify-heap, --gc-interval=N,
// --stress-gc-safepoints, --stress-compaction, --trace-gc). Heap snapshot
// flags: --heapsnapshot-signal=SIGNAL, --heapsnapshot-near-heap-limit=N and
// V8's --profile-heap-snapshot (see snapshotflags.go).
package main

import (
	"fmt"
	"os"
)

func main() {
	code, err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "inspector:", err)
	}
	os.Exit(code)
}
