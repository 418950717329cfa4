// Command test262 runs the ECMAScript conformance suite (tc39/test262) on
// Sonde or, to validate the runner, on node, and reports pass rates.
//
//	test262 [flags]
//
// test262 is not vendored: point -test262 (or $TEST262_DIR) at a checkout.
// See -h for flags and the skip list. Exit status: 0 when the run completed
// (failing tests are normal), 1 when -baseline found regressions, 2 for
// usage or setup errors.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
