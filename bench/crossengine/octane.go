package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Benchmark is one Octane 2.0 suite: its name as BenchmarkSuite reports it
// and the file under the Octane checkout that defines it.
type Benchmark struct {
	Name string
	File string
}

// octaneClassic lists the classic Octane suites the harness runs, in
// Octane's own order (run.js). Each runs in a fresh engine instance with
// base.js, its file and our driver.
var octaneClassic = []Benchmark{
	{"Richards", "richards.js"},
	{"DeltaBlue", "deltablue.js"},
	{"Crypto", "crypto.js"},
	{"RayTrace", "raytrace.js"},
	{"EarleyBoyer", "earley-boyer.js"},
	{"RegExp", "regexp.js"},
	{"Splay", "splay.js"},
	{"NavierStokes", "navier-stokes.js"},
}

// driverSource is our replacement for Octane's run.js: it runs the loaded
// suites and prints one parseable line per event (see parse.go).
//
//go:embed driver.js
var driverSource string

// Script is a composed classic script, ready for any runner.
type Script struct {
	// Name is the script's URL in stack traces ("octane-richards.js").
	Name string
	// Source is the whole program text.
	Source string
	// Parts records where each piece starts, to map error lines back.
	Parts []Part
}

// Part is one file inside a composed script.
type Part struct {
	File      string
	StartLine int // 1-based line of the script where the file's first line is
}

// selectBenchmarks returns the benchmarks named in list (comma-separated,
// case-insensitive; empty means all), in Octane's order.
func selectBenchmarks(list string) ([]Benchmark, error) {
	if strings.TrimSpace(list) == "" {
		return append([]Benchmark(nil), octaneClassic...), nil
	}
	want := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		found := false
		for _, b := range octaneClassic {
			if strings.ToLower(b.Name) == n {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown benchmark %q (have %s)", n, benchmarkNames())
		}
		want[n] = true
	}
	var out []Benchmark
	for _, b := range octaneClassic {
		if want[strings.ToLower(b.Name)] {
			out = append(out, b)
		}
	}
	return out, nil
}

func benchmarkNames() string {
	names := make([]string, len(octaneClassic))
	for i, b := range octaneClassic {
		names[i] = b.Name
	}
	return strings.Join(names, ",")
}

// loadScript reads base.js and b's file from the Octane checkout at dir and
// composes them with the driver.
func loadScript(dir string, b Benchmark) (Script, error) {
	base, err := os.ReadFile(filepath.Join(dir, "base.js"))
	if err != nil {
		return Script{}, fmt.Errorf("octane %s: %w", b.Name, err)
	}
	body, err := os.ReadFile(filepath.Join(dir, b.File))
	if err != nil {
		return Script{}, fmt.Errorf("octane %s: %w", b.Name, err)
	}
	return compose(b, map[string]string{"base.js": string(base), b.File: string(body)}), nil
}

// compose concatenates base.js, the benchmark's file and the driver into
// one classic script, as Octane's run.js does with load() in d8: all three
// share the global scope. files maps file names to their text.
func compose(b Benchmark, files map[string]string) Script {
	s := Script{Name: "octane-" + strings.TrimSuffix(b.File, ".js") + ".js"}
	var sb strings.Builder
	line := 1
	add := func(name, text string) {
		header := "// ---- " + name + " ----\n"
		sb.WriteString(header)
		line++
		s.Parts = append(s.Parts, Part{File: name, StartLine: line})
		sb.WriteString(text)
		if !strings.HasSuffix(text, "\n") {
			sb.WriteString("\n")
			line++
		}
		line += strings.Count(text, "\n")
	}
	add("base.js", files["base.js"])
	add(b.File, files[b.File])
	add("driver.js", driverSource)
	s.Source = sb.String()
	return s
}

// Locate maps a 1-based line of the composed script to a file and its own
// line, for error messages.
func (s Script) Locate(line int) (file string, fileLine int) {
	for i := len(s.Parts) - 1; i >= 0; i-- {
		if line >= s.Parts[i].StartLine {
			return s.Parts[i].File, line - s.Parts[i].StartLine + 1
		}
	}
	return s.Name, line
}

// annotateLines follows each "<script name>:<line>" in text with the file
// and line it comes from ("octane-richards.js:38 [base.js:37]"), so that
// errors point into Octane's own files.
func (s Script) annotateLines(text string) string {
	if s.Name == "" || len(s.Parts) == 0 || !strings.Contains(text, s.Name+":") {
		return text
	}
	re := regexp.MustCompile(regexp.QuoteMeta(s.Name) + `:(\d+)(:\d+)?`)
	return re.ReplaceAllStringFunc(text, func(m string) string {
		sub := re.FindStringSubmatch(m)
		n, err := strconv.Atoi(sub[1])
		if err != nil {
			return m
		}
		file, line := s.Locate(n)
		return fmt.Sprintf("%s [%s:%d]", m, file, line)
	})
}
