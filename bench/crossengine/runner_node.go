package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// nodeBootstrap runs the script file named by the first argument as a
// classic script in node's global scope (vm.runInThisContext), as d8 and
// the in-process engines run it. Running the file as a CommonJS module
// instead would turn Octane's global variables into function locals and
// flatter node.
const nodeBootstrap = `const f = process.argv[1];` +
	`require('vm').runInThisContext(require('fs').readFileSync(f, 'utf8'), {filename: f});`

// nodeRunner runs scripts in a node subprocess, with extra V8 flags
// (--jitless for the interpreter-only yardstick).
type nodeRunner struct {
	name    string
	path    string
	flags   []string
	version string
	// coverage sets NODE_V8_COVERAGE (a directory of the run's own).
	coverage bool
}

func (r *nodeRunner) Name() string { return r.name }

func (r *nodeRunner) Describe() string {
	d := strings.TrimSpace(strings.Join(append([]string{"node " + r.version}, r.flags...), " "))
	if r.coverage {
		d = "NODE_V8_COVERAGE=dir " + d
	}
	return d
}

// Available checks that the node binary runs, and records its version.
func (r *nodeRunner) Available() error {
	path := r.path
	if path == "" {
		path = "node"
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return fmt.Errorf("%s --version: %w", path, err)
	}
	r.path = path
	r.version = strings.TrimSpace(string(out))
	return nil
}

// Run writes the script to a temporary file and runs node on it; ctx's end
// kills the process.
func (r *nodeRunner) Run(ctx context.Context, s Script) (string, error) {
	dir, err := os.MkdirTemp("", "crossengine-node-")
	if err != nil {
		return "", fmt.Errorf("%s: %w", r.name, err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, s.Name)
	if err := os.WriteFile(file, []byte(s.Source), 0o644); err != nil {
		return "", fmt.Errorf("%s: %w", r.name, err)
	}
	args := append(append([]string(nil), r.flags...), "-e", nodeBootstrap, file)
	cmd := exec.CommandContext(ctx, r.path, args...)
	if r.coverage {
		cmd.Env = append(os.Environ(), "NODE_V8_COVERAGE="+filepath.Join(dir, "coverage"))
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out // one writer: interleaved, never concurrent
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	if ctx.Err() != nil {
		return out.String(), fmt.Errorf("%s: %w", r.name, ctx.Err())
	}
	if err != nil {
		return out.String(), fmt.Errorf("%s %s: %w", r.path, strings.Join(r.flags, " "), err)
	}
	return out.String(), nil
}
