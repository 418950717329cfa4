package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// gojaRunner runs scripts in a fresh goja runtime in this process.
type gojaRunner struct{}

func (gojaRunner) Name() string { return "goja" }

func (gojaRunner) Describe() string { return "goja " + moduleVersion("github.com/dop251/goja") }

func (gojaRunner) Available() error { return nil }

// Run gives the runtime the host functions Octane expects of a shell —
// print, console.log, and performance.now with node's sub-millisecond
// resolution (SplayLatency measures pauses with it; Date.now's
// milliseconds would blur them) — and interrupts it when ctx ends.
func (gojaRunner) Run(ctx context.Context, s Script) (string, error) {
	vm := goja.New()
	var out strings.Builder
	print := func(call goja.FunctionCall) goja.Value {
		for i, a := range call.Arguments {
			if i > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(a.String())
		}
		out.WriteByte('\n')
		return goja.Undefined()
	}
	start := time.Now()
	console, perf := vm.NewObject(), vm.NewObject()
	for _, err := range []error{
		vm.Set("print", print),
		console.Set("log", print),
		vm.Set("console", console),
		perf.Set("now", func() float64 { return float64(time.Since(start).Nanoseconds()) / 1e6 }),
		vm.Set("performance", perf),
	} {
		if err != nil {
			return "", fmt.Errorf("goja: host functions: %w", err)
		}
	}
	stop := context.AfterFunc(ctx, func() { vm.Interrupt(ctx.Err()) })
	defer stop()
	_, err := vm.RunScript(s.Name, s.Source)
	var interrupted *goja.InterruptedError
	if errors.As(err, &interrupted) {
		return out.String(), fmt.Errorf("goja: interrupted: %w", ctx.Err())
	}
	if err != nil {
		return out.String(), fmt.Errorf("goja: %w", err)
	}
	return out.String(), nil
}

// moduleVersion returns the version of a dependency built into this
// binary, or "(unknown version)".
func moduleVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == path {
				if d.Replace != nil {
					return d.Version + " => " + d.Replace.Path
				}
				return d.Version
			}
		}
	}
	return "(unknown version)"
}
