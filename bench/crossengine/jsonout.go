package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// Report is the -json output: the raw measurements, their summary, and
// enough about the machine and inputs to tell two reports apart.
type Report struct {
	Started        time.Time `json:"started"`
	Host           Host      `json:"host"`
	OctaneDir      string    `json:"octaneDir"`
	OctaneCommit   string    `json:"octaneCommit,omitempty"`
	TimeoutSeconds float64   `json:"timeoutSeconds"`
	Results
	Summary Summary `json:"summary"`
}

// Host describes the machine the figures come from.
type Host struct {
	GOOS      string `json:"goos"`
	GOARCH    string `json:"goarch"`
	CPUs      int    `json:"cpus"`
	GoVersion string `json:"goVersion"`
}

func currentHost() Host {
	return Host{GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, CPUs: runtime.NumCPU(), GoVersion: runtime.Version()}
}

// octaneCommit returns the commit of the Octane checkout at dir, or "" when
// it is not a git work tree (an extracted archive).
func octaneCommit(dir string) string {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// writeJSON writes r to path, indented.
func writeJSON(path string, r Report) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode results: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return nil
}
