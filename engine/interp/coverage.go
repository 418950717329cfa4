package interp

import (
	"encoding/binary"
	"strings"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/layout"
)

// Code coverage, as V8 keeps it (src/debug/debug-coverage.cc): invocation
// counts on feedback vectors, and, for functions compiled while a block
// mode is on, block counters the bytecode increments (IncBlockCounter).
// The interpreter gathers the raw counts; domains/profiler/coverage turns
// them into what V8 reports.

// CoverageMode is V8's debug::CoverageMode.
type CoverageMode uint8

// The coverage modes.
const (
	// CoverageBestEffort keeps no state: counts are read from the live
	// functions' feedback vectors.
	CoverageBestEffort CoverageMode = iota
	// CoveragePreciseCount pins every feedback vector (so no count is lost
	// to the GC) and resets counts after each collection.
	CoveragePreciseCount
	// CoveragePreciseBinary is CoveragePreciseCount reporting each
	// function's execution once.
	CoveragePreciseBinary
	// CoverageBlockCount also compiles block counters into functions
	// compiled from now on.
	CoverageBlockCount
	// CoverageBlockBinary is CoverageBlockCount reporting 0/1.
	CoverageBlockBinary
)

func (m CoverageMode) precise() bool { return m != CoverageBestEffort }
func (m CoverageMode) block() bool   { return m == CoverageBlockCount || m == CoverageBlockBinary }
func (m CoverageMode) binary() bool  { return m == CoveragePreciseBinary || m == CoverageBlockBinary }

// coverageState is the interpreter's coverage bookkeeping.
type coverageState struct {
	mode CoverageMode
	// vectors are the feedback vectors pinned in a precise mode (GC roots):
	// those that existed when the mode started and every one made since.
	vectors []layout.Value
	// listed reports that vectors is in use (V8's
	// feedback_vectors_for_profiling_tools is an ArrayList).
	listed bool
}

// literalCoverage is what the interpreter remembers of one function
// literal for coverage.
type literalCoverage struct {
	// ranges are the source ranges of the block counters of the literal's
	// current bytecode; countersConst is the constant pool index of the
	// counters, -1 when it has none.
	ranges        []bytecode.CounterRange
	countersConst int
	// reportedBinary is V8's has_reported_binary_coverage.
	reportedBinary bool
}

// CoverageSlot is one block counter: its range (UTF-16 offsets; End is
// bytecode.NoCounterEnd for a continuation, both are
// bytecode.FunctionCounterPos for the function-scope counter) and count.
type CoverageSlot struct {
	Start, End int
	Count      uint32
}

// CoverageFunction is the raw coverage of one function literal that has a
// SharedFunctionInfo (the top level, and each literal of a function that
// has been compiled).
type CoverageFunction struct {
	// Literal is the function literal id in its script.
	Literal int
	// Start and End are V8's function range (UTF-16, End exclusive).
	Start, End int
	Name       string
	TopLevel   bool
	// Count is the invocation count (saturating).
	Count uint32
	// HasCoverageInfo reports block counters; Slots are their counts, in
	// allocation order.
	HasCoverageInfo bool
	Slots           []CoverageSlot
	ReportedBinary  bool
}

// CoverageScript is the raw coverage of one script.
type CoverageScript struct {
	ID  int
	URL string
	// Functions are in literal order.
	Functions []CoverageFunction
}

// CoverageMode returns the current coverage mode.
func (in *Interp) CoverageMode() CoverageMode { return in.cov.mode }

// SelectCoverageMode switches coverage modes as V8's Coverage::SelectMode
// does. Entering a precise mode clears every invocation count and pins
// every feedback vector (and those made later); a binary mode also
// forgets which functions were reported. Block modes make later
// compilations emit block counters (functions compiled before keep their
// bytecode, as in V8). Best-effort unpins the vectors and drops the block
// counters.
func (in *Interp) SelectCoverageMode(mode CoverageMode) {
	f := in.f
	if mode.precise() {
		vectors := []layout.Value{}
		in.h.ForEachObject(func(a layout.Addr) {
			if in.h.InstanceType(a) != layout.FeedbackVectorType {
				return
			}
			v := a.Value()
			f.SetInvocationCount(v, 0)
			f.SetOptimizedCode(v, in.undefined) // tier-up is off in precise modes (tierup.go)
			if !in.cov.listed && in.scriptOf(f.FeedbackVectorShared(v)) != nil {
				vectors = append(vectors, v)
			}
		})
		if !in.cov.listed {
			in.cov.vectors, in.cov.listed = vectors, true
		}
		in.dropOptimizedCode()
		if mode.binary() {
			for _, rec := range in.scripts {
				for i := range rec.cov {
					rec.cov[i].reportedBinary = false
				}
			}
		}
	} else {
		in.cov.vectors, in.cov.listed = nil, false
		for _, rec := range in.scripts {
			for i := range rec.cov {
				rec.cov[i].ranges, rec.cov[i].countersConst = nil, -1
			}
		}
	}
	in.cov.mode = mode
	in.compileOpts = compiler.Options{BlockCoverage: mode.block()}
}

// pinVector pins a new feedback vector in a precise mode.
func (in *Interp) pinVector(v layout.Value) {
	if in.cov.listed {
		in.cov.vectors = append(in.cov.vectors, v)
	}
}

// CollectCoverage returns the raw coverage of every script, oldest first.
// In a precise mode it then resets the counts (invocation counts and
// block counters), so the next collection shows what ran in between; in
// the binary modes it also unpins the vectors collected so far, as V8
// does. It does not allocate on the JS heap.
func (in *Interp) CollectCoverage() []CoverageScript {
	return in.collectCoverage(in.cov.mode.precise())
}

// PeekCoverage returns the raw coverage as CollectCoverage does but resets
// nothing: what V8's best-effort collection does while a precise mode is
// on (Profiler.getBestEffortCoverage during precise coverage).
func (in *Interp) PeekCoverage() []CoverageScript { return in.collectCoverage(false) }

func (in *Interp) collectCoverage(reset bool) []CoverageScript {
	f, h := in.f, in.h
	counts := map[layout.Value]uint32{}
	live := map[layout.Value]bool{} // best-effort: SFIs with a live closure
	add := func(sfi layout.Value, n int) {
		if n < 0 {
			n = 0
		}
		counts[sfi] = addCount(counts[sfi], uint32(n))
	}
	if in.cov.listed {
		for _, v := range in.cov.vectors {
			add(f.FeedbackVectorShared(v), f.InvocationCount(v))
			if reset {
				f.SetInvocationCount(v, 0)
			}
		}
	} else {
		h.ForEachObject(func(a layout.Addr) {
			if h.InstanceType(a) != layout.JSFunctionType {
				return
			}
			live[f.FunctionShared(a.Value())] = true
			fv := f.FunctionFeedbackVector(a.Value())
			if fv == in.undefined || h.InstanceType(fv.Addr()) != layout.FeedbackVectorType {
				return
			}
			add(f.FunctionShared(a.Value()), f.InvocationCount(fv))
		})
	}
	out := make([]CoverageScript, 0, len(in.scripts))
	for _, rec := range in.scripts {
		cs := CoverageScript{ID: rec.id, URL: rec.url()}
		for id := range rec.unit.Prog.Functions {
			sfi := f.Get(rec.shared, id)
			if sfi == in.undefined {
				continue
			}
			if !reset && !f.SharedIsCompiled(sfi) && !live[sfi] {
				// Best-effort coverage does not report a function that
				// never ran and has no live closure (node's answers show
				// no such function, even inside a covered one).
				continue
			}
			info := rec.unit.Info(id)
			fn := CoverageFunction{
				Literal: id, Start: info.Start, End: info.End,
				Name:     info.DebugName,
				TopLevel: id == 0,
				Count:    counts[sfi],
			}
			if rec.dynamicFunction && id == 1 {
				fn.Name = ""
			}
			lc := &rec.cov[id]
			fn.ReportedBinary = lc.reportedBinary
			if lc.countersConst >= 0 && f.SharedIsCompiled(sfi) {
				pool := f.BytecodeConstantPool(f.SharedBytecode(sfi))
				data := f.ByteArrayBytes(f.Get(pool, lc.countersConst))
				fn.HasCoverageInfo = true
				fn.Slots = make([]CoverageSlot, len(lc.ranges))
				for i, r := range lc.ranges {
					fn.Slots[i] = CoverageSlot{Start: r.Start, End: r.End, Count: binary.LittleEndian.Uint32(data[4*i:])}
				}
				if reset {
					clear(data)
				}
			}
			cs.Functions = append(cs.Functions, fn)
		}
		out = append(out, cs)
	}
	if reset && in.cov.mode.binary() {
		in.cov.vectors = in.cov.vectors[:0]
	}
	return out
}

// SetReportedBinary records that a function's execution has been reported
// in a binary mode (V8's set_has_reported_binary_coverage).
func (in *Interp) SetReportedBinary(scriptID, literal int) {
	if scriptID < 1 || scriptID > len(in.scripts) {
		return
	}
	rec := in.scripts[scriptID-1]
	if literal >= 0 && literal < len(rec.cov) {
		rec.cov[literal].reportedBinary = true
	}
}

// addCount adds saturating at the largest uint32.
func addCount(a, b uint32) uint32 {
	if a > ^uint32(0)-b {
		return ^uint32(0)
	}
	return a + b
}

// incBlockCounter counts an execution of a block: counter c of the
// counters in constant pool entry idx of the running function.
func (in *Interp) incBlockCounter(fp, idx, c int) {
	data := in.f.ByteArrayBytes(in.constantAt(fp, idx))
	if n := binary.LittleEndian.Uint32(data[4*c:]); n != ^uint32(0) {
		binary.LittleEndian.PutUint32(data[4*c:], n+1)
	}
}

// url is the script's URL as the inspector reports it: its //# sourceURL
// if it names one, else its name ("" for eval code).
func (s *script) url() string {
	if u := sourceURL(s.source); u != "" {
		return u
	}
	if s.unit.Eval {
		return ""
	}
	return s.name
}

// sourceURL returns the value of the last `//# sourceURL=` (or `//@`)
// magic comment of source, or "". Only comments starting a line are
// seen (so a string holding such text is not taken for one).
func sourceURL(source string) string {
	url := ""
	for _, line := range strings.Split(source, "\n") {
		line = strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(line, "//# sourceURL=") && !strings.HasPrefix(line, "//@ sourceURL=") {
			continue
		}
		v := line[len("//# sourceURL="):]
		if j := strings.IndexAny(v, " \t\r\"'"); j >= 0 {
			v = v[:j]
		}
		url = v
	}
	return url
}

// CoverageHooks are what node's v8.takeCoverage() and v8.stopCoverage()
// do: the embedder that writes NODE_V8_COVERAGE files sets them
// (domains/profiler's FileWriter, wired by cmd/inspector). Unset, both
// calls do nothing, as in node without NODE_V8_COVERAGE.
type CoverageHooks struct {
	// Take writes the coverage collected so far to a new file and resets
	// the counters.
	Take func() error
	// Stop stops collecting; no file is written at exit.
	Stop func() error
}

// SetCoverageHooks installs the v8.takeCoverage/v8.stopCoverage hooks.
func (in *Interp) SetCoverageHooks(h CoverageHooks) { in.covHooks = h }

// TakeCoverage runs the Take hook (v8.takeCoverage()), if any.
func (in *Interp) TakeCoverage() error {
	if in.covHooks.Take == nil {
		return nil
	}
	return in.covHooks.Take()
}

// StopCoverage runs the Stop hook (v8.stopCoverage()), if any.
func (in *Interp) StopCoverage() error {
	if in.covHooks.Stop == nil {
		return nil
	}
	return in.covHooks.Stop()
}
