package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sonde-js/sonde/engine"
)

// sondeRunner runs scripts in a fresh Sonde isolate in this process,
// through the engine's Go API (engine.NewIsolate, Isolate.RunScript). Its
// console writes to Options.Stdout/Stderr; the driver prints with
// console.log when there is no print function.
type sondeRunner struct{}

func (sondeRunner) Name() string { return "sonde" }

func (sondeRunner) Describe() string {
	return "sonde (this repository's working tree, via replace ../..)"
}

func (sondeRunner) Available() error { return nil }

// Run creates an isolate, runs the script on this goroutine (which is then
// the isolate goroutine) and asks for termination at the next safepoint
// when ctx ends.
func (sondeRunner) Run(ctx context.Context, s Script) (string, error) {
	var out bytes.Buffer
	iso, err := engine.NewIsolate(engine.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		return "", fmt.Errorf("sonde: %w", err)
	}
	defer iso.Close()
	stop := context.AfterFunc(ctx, iso.TerminateExecution)
	defer stop()
	_, err = iso.RunScript(s.Source, s.Name)
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
