package main

import (
	"context"
	"fmt"
	"strings"
)

// Runner runs a composed script on one JavaScript engine. Adding an engine
// is writing these four methods and one line in newRunner.
type Runner interface {
	// Name is the engine's name on the command line and in reports.
	Name() string
	// Describe says what exactly runs (binary, version, flags), for the
	// report.
	Describe() string
	// Available returns nil if the engine can run here, or why not.
	Available() error
	// Run executes s as a classic script in a fresh engine instance and
	// returns everything it printed, stdout and stderr interleaved where
	// possible. An uncaught exception, a crash or ctx's end is an error
	// (with the output so far). Run must stop soon after ctx is done.
	Run(ctx context.Context, s Script) (output string, err error)
}

// runnerConfig holds what runners need from the command line.
type runnerConfig struct {
	// NodePath is the node binary.
	NodePath string
}

// engineInfo describes an engine the harness knows.
type engineInfo struct {
	name string
	// reference engines are shown for context but are not what we compare
	// against: plain node has V8's JIT compilers, the interpreters do not.
	reference bool
	// baseline engines get a ratio column: every other engine's score
	// divided by theirs.
	baseline bool
	help     string
}

// engines lists the engines in report order.
var engines = []engineInfo{
	{name: "node-jitless", baseline: true, help: "node --jitless (V8's Ignition interpreter, no JIT): the main yardstick"},
	{name: "node", reference: true, help: "node with its JIT (reference only: not an interpreter)"},
	{name: "goja", baseline: true, help: "github.com/dop251/goja, in process"},
	{name: "sonde-noopt", baseline: true, help: "sonde with tier-up off (Options.NoOpt, V8's --no-opt): the interpreter alone, the yardstick of the optimized tier"},
	{name: "sonde", help: "this repository's engine, in process through its Go API"},
	{name: "node-coverage", reference: true, help: "node with NODE_V8_COVERAGE set (precise block-count coverage, JIT on)"},
	{name: "node-jitless-coverage", reference: true, help: "node --jitless with NODE_V8_COVERAGE set"},
	{name: "sonde-coverage", help: "sonde with precise block-count coverage started before the script (what NODE_V8_COVERAGE does), taken at the end"},
}

const defaultEngines = "node-jitless,node,goja,sonde"

// newRunner builds the runner for the named engine.
func newRunner(name string, cfg runnerConfig) (Runner, error) {
	switch name {
	case "node-jitless":
		return &nodeRunner{name: name, path: cfg.NodePath, flags: []string{"--jitless"}}, nil
	case "node":
		return &nodeRunner{name: name, path: cfg.NodePath}, nil
	case "goja":
		return gojaRunner{}, nil
	case "sonde":
		return sondeRunner{}, nil
	case "sonde-noopt":
		return sondeRunner{noOpt: true}, nil
	case "node-coverage":
		return &nodeRunner{name: name, path: cfg.NodePath, coverage: true}, nil
	case "node-jitless-coverage":
		return &nodeRunner{name: name, path: cfg.NodePath, flags: []string{"--jitless"}, coverage: true}, nil
	case "sonde-coverage":
		return sondeRunner{coverage: true}, nil
	}
	return nil, fmt.Errorf("unknown engine %q (have %s)", name, engineNames())
}

func engineInfoFor(name string) engineInfo {
	for _, e := range engines {
		if e.name == name {
			return e
		}
	}
	return engineInfo{name: name}
}

func engineNames() string {
	names := make([]string, len(engines))
	for i, e := range engines {
		names[i] = e.name
	}
	return strings.Join(names, ",")
}

// selectRunners builds the runners named in list (comma-separated), in
// the report order of engines whatever the order given.
func selectRunners(list string, cfg runnerConfig) ([]Runner, error) {
	want := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		if engineInfoFor(n).help == "" {
			return nil, fmt.Errorf("unknown engine %q (have %s)", n, engineNames())
		}
		want[n] = true
	}
	var out []Runner
	for _, e := range engines {
		if !want[e.name] {
			continue
		}
		r, err := newRunner(e.name, cfg)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no engines selected (have %s)", engineNames())
	}
	return out, nil
}
