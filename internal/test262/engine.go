package test262

import (
	"context"
	"sort"
	"strings"
)

// Engine executes test262 jobs. Implementations must be safe for concurrent
// use: the Runner calls Run from several goroutines at once, one job per
// goroutine.
type Engine interface {
	// Name identifies the engine in reports ("node", "sonde").
	Name() string
	// Capabilities says which host features the engine provides, so the
	// runner can skip tests that need others.
	Capabilities() Capabilities
	// Run executes one job and reports what happened. It must return by
	// ctx's deadline (the per-job timeout), reporting TimedOut, and must not
	// judge the result: Classify does that.
	Run(ctx context.Context, job *Job) Execution
	// Close releases the engine's resources (processes, isolates).
	Close() error
}

// Capabilities are the host features an engine offers tests.
type Capabilities struct {
	// Host262 lists the $262 properties the engine defines (see the
	// Host262* constants).
	Host262 []string
	// CanBlock is the main agent's [[CanBlock]]: whether Atomics.wait may
	// block it. Tests flagged CanBlockIsTrue or CanBlockIsFalse run only
	// when it matches.
	CanBlock bool
}

// Has reports whether the engine defines $262.<prop>.
func (c Capabilities) Has(prop string) bool { return contains(c.Host262, prop) }

// $262 properties (INTERPRETING.md, "Host-Defined Functions").
const (
	Host262CreateRealm          = "createRealm"
	Host262DetachArrayBuffer    = "detachArrayBuffer"
	Host262EvalScript           = "evalScript"
	Host262GC                   = "gc"
	Host262Global               = "global"
	Host262Agent                = "agent"
	Host262IsHTMLDDA            = "IsHTMLDDA"
	Host262AbstractModuleSource = "AbstractModuleSource"
)

// Phase is when an error happened: while parsing (early errors included),
// while resolving and linking modules, or while evaluating.
type Phase string

// Phases, as spelled in negative frontmatter.
const (
	PhaseParse      Phase = "parse"
	PhaseResolution Phase = "resolution"
	PhaseRuntime    Phase = "runtime"
)

// Variant is one way of running a test.
type Variant string

// Variants (INTERPRETING.md, "Strict Mode" and "flags").
const (
	// NonStrict runs the source as is, as a global script.
	NonStrict Variant = "non-strict"
	// Strict runs the source prefixed with `"use strict";` and a newline.
	Strict Variant = "strict"
	// Module runs the source as module code.
	Module Variant = "module"
	// Raw runs the source unmodified with no harness files.
	Raw Variant = "raw"
)

// Job is one test in one variant, ready to execute: evaluate each Prelude
// file as a global script in a fresh realm, then Source (as a script, or as a
// module if Module), then, if Async, run the event loop until the test
// prints its completion or the job's deadline passes.
type Job struct {
	Test    *Test
	Variant Variant
	// Prelude are harness files to evaluate first, in order.
	Prelude []SourceFile
	// Source is the test's text as it must be evaluated (with the strict
	// prefix for the Strict variant).
	Source string
	// File is the test's absolute path: the script's name, and the base
	// against which module specifiers ("./x_FIXTURE.js") resolve.
	File string
	// Module says to evaluate Source as module code.
	Module bool
	// Async says the test reports completion through print.
	Async bool
	// Uses262 says the test or its prelude refers to $262: the engine must
	// install it in the test's realm (engines may install it always).
	Uses262 bool
	// Host262 lists the $262 properties the test uses.
	Host262 []string
}

// SourceFile is a named script text.
type SourceFile struct {
	// Path is the file's absolute path.
	Path string
	// Source is the file's text.
	Source string
}

// ID names a job in reports: the test's path and its variant.
func (j *Job) ID() string { return JobID(j.Test.Path, j.Variant) }

// JobID names the run of the test at path in a variant.
func JobID(path string, v Variant) string { return path + "#" + string(v) }

// Execution is what happened when an engine ran a job, before any
// judgement.
type Execution struct {
	// Error is the uncaught exception that ended the run, if any: from
	// parsing the test (PhaseParse), from loading, parsing or linking its
	// modules (PhaseResolution), or from evaluating it, including a
	// rejected top-level await (PhaseRuntime). Errors in the prelude are
	// reported as HostError instead.
	Error *ThrownError
	// Prints are the strings passed to print, in order.
	Prints []string
	// TimedOut says the job's deadline passed before it finished.
	TimedOut bool
	// HostError describes a failure of the host rather than of the test
	// (the engine crashed, a harness file did not evaluate, …).
	HostError string
}

// ThrownError describes an uncaught exception.
type ThrownError struct {
	Phase Phase `json:"phase"`
	// Name is the name of the thrown value's constructor ("SyntaxError",
	// "Test262Error"); empty for primitives.
	Name string `json:"name"`
	// Message is the error's message, or the thrown primitive as a string.
	Message string `json:"message"`
}

// requirements reports whether a job's sources refer to $262 and which of
// its properties they use: the "$262.x" references in the test and its
// prelude, plus what the test's features imply.
func requirements(t *Test, prelude []SourceFile) (uses bool, props []string) {
	set := map[string]bool{}
	scan := func(src string) {
		for {
			j := strings.Index(src, "$262")
			if j < 0 {
				return
			}
			uses = true
			src = src[j+len("$262"):]
			if len(src) > 0 && src[0] == '.' {
				k := 1
				for k < len(src) && isIdentByte(src[k]) {
					k++
				}
				if k > 1 {
					set[src[1:k]] = true
				}
			}
		}
	}
	scan(t.Source)
	for _, f := range prelude {
		scan(f.Source)
	}
	for _, feature := range t.Meta.Features {
		if prop := featureNeed(feature); prop != "" {
			uses = true
			set[prop] = true
		}
	}
	for k := range set {
		props = append(props, k)
	}
	sort.Strings(props)
	return uses, props
}

// featureNeed maps a test262 feature to the $262 property it implies, if
// any.
func featureNeed(feature string) string {
	switch feature {
	case "cross-realm":
		return Host262CreateRealm
	case "IsHTMLDDA":
		return Host262IsHTMLDDA
	case "host-gc-required":
		return Host262GC
	case "source-phase-imports-module-source":
		return Host262AbstractModuleSource
	}
	return ""
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
