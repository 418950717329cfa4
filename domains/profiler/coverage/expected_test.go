package coverage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The expectations in testdata/expected are node's answers for the corpus
// in testdata/corpus; testdata/gen.mjs regenerates them. These tests read
// them without node.

// expectation is one testdata/expected/<name>.json file.
type expectation struct {
	Script string               `json:"script"`
	Stdout string               `json:"stdout"`
	Modes  map[string]modeTakes `json:"modes"`
}

// modeTakes is what one mode's child process saw: two takes around the
// corpus' afterFirstTake hook.
type modeTakes struct {
	First  []scriptJSON `json:"first"`
	Second []scriptJSON `json:"second"`
}

// scriptJSON is a ScriptCoverage as recorded: no scriptId.
type scriptJSON struct {
	URL       string         `json:"url"`
	Functions []functionJSON `json:"functions"`
}

type functionJSON struct {
	FunctionName    string      `json:"functionName"`
	Ranges          []rangeJSON `json:"ranges"`
	IsBlockCoverage bool        `json:"isBlockCoverage"`
}

type rangeJSON struct {
	StartOffset int   `json:"startOffset"`
	EndOffset   int   `json:"endOffset"`
	Count       int64 `json:"count"`
}

// modeOf maps the expectation's mode names to V8's modes.
// bestEffortEagerFeedback is best-effort under node's
// --no-lazy-feedback-allocation: see the package documentation.
var modeOf = map[string]Mode{
	"blockCount":              BlockCount,
	"blockBinary":             BlockBinary,
	"functionCount":           PreciseCount,
	"functionBinary":          PreciseBinary,
	"bestEffort":              BestEffort,
	"bestEffortEagerFeedback": BestEffort,
}

// loadExpectations reads every expectation file, sorted by name.
func loadExpectations(t *testing.T) []expectation {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "expected", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []expectation
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var e expectation
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		base := strings.TrimSuffix(filepath.Base(file), ".json")
		if strings.TrimSuffix(strings.TrimSuffix(e.Script, ".mjs"), ".js") != base {
			t.Fatalf("%s: script is %q", file, e.Script)
		}
		out = append(out, e)
	}
	return out
}

// TestCorpusHasExpectations checks the corpus is as large as the issue
// asks and every corpus file has its expectation and the reverse.
func TestCorpusHasExpectations(t *testing.T) {
	corpus, err := filepath.Glob(filepath.Join("testdata", "corpus", "*js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(corpus) < 40 {
		t.Errorf("corpus has %d scripts, want at least 40", len(corpus))
	}
	want := map[string]bool{}
	for _, c := range corpus {
		want[filepath.Base(c)] = true
	}
	for _, e := range loadExpectations(t) {
		if !want[e.Script] {
			t.Errorf("expectation for %s has no corpus file", e.Script)
		}
		delete(want, e.Script)
	}
	for name := range want {
		t.Errorf("%s has no expectation: run node testdata/gen.mjs", name)
	}
}

// TestExpectationsWellFormed checks what V8's output always satisfies, so
// a broken regeneration (or a misread of V8) shows up here: every mode
// recorded, the corpus script first in precise modes, functions sorted and nested, blocks
// sorted, nested, inside their function, never empty, never duplicated,
// never an uncovered block in an uncovered parent; one range per function
// outside block modes; counts 0/1 in binary and best-effort modes.
func TestExpectationsWellFormed(t *testing.T) {
	for _, e := range loadExpectations(t) {
		for name := range modeOf {
			if _, ok := e.Modes[name]; !ok {
				t.Errorf("%s: mode %s missing", e.Script, name)
			}
		}
		for name, takes := range e.Modes {
			mode, ok := modeOf[name]
			if !ok {
				t.Errorf("%s: unknown mode %s", e.Script, name)
				continue
			}
			// Best-effort reports only live functions: the corpus script
			// may have none left.
			if mode.IsPrecise() && (len(takes.First) == 0 || takes.First[0].URL != e.Script) {
				t.Errorf("%s %s: first take does not start with the corpus script", e.Script, name)
			}
			for _, take := range [][]scriptJSON{takes.First, takes.Second} {
				for _, s := range take {
					checkScript(t, e.Script+" "+name+" "+s.URL, mode, s)
				}
			}
		}
	}
}

func checkScript(t *testing.T, where string, mode Mode, s scriptJSON) {
	t.Helper()
	if len(s.Functions) == 0 {
		t.Errorf("%s: script with no functions", where)
	}
	var enclosing []rangeJSON
	for i, f := range s.Functions {
		if len(f.Ranges) == 0 {
			t.Errorf("%s: %q has no ranges", where, f.FunctionName)
			continue
		}
		fr := f.Ranges[0]
		if fr.StartOffset >= fr.EndOffset || fr.StartOffset < 0 {
			t.Errorf("%s: %q has an empty range", where, f.FunctionName)
		}
		if i > 0 {
			p := s.Functions[i-1].Ranges[0]
			if p.StartOffset > fr.StartOffset || (p.StartOffset == fr.StartOffset && p.EndOffset < fr.EndOffset) {
				t.Errorf("%s: %q is out of order", where, f.FunctionName)
			}
		}
		for len(enclosing) > 0 && enclosing[len(enclosing)-1].EndOffset <= fr.StartOffset {
			enclosing = enclosing[:len(enclosing)-1]
		}
		if len(enclosing) > 0 && fr.EndOffset > enclosing[len(enclosing)-1].EndOffset {
			t.Errorf("%s: %q overlaps the function before it", where, f.FunctionName)
		}
		enclosing = append(enclosing, fr)

		if !mode.IsBlock() && (f.IsBlockCoverage || len(f.Ranges) != 1) {
			t.Errorf("%s: %q has block coverage in mode %v", where, f.FunctionName, mode)
		}
		if !f.IsBlockCoverage && len(f.Ranges) != 1 {
			t.Errorf("%s: %q has blocks but isBlockCoverage is false", where, f.FunctionName)
		}
		for _, r := range f.Ranges {
			if (mode.IsBinary() || mode == BestEffort) && r.Count > 1 {
				t.Errorf("%s: %q has count %d in mode %v", where, f.FunctionName, r.Count, mode)
			}
		}
		checkBlocks(t, where+" "+f.FunctionName, f.Ranges)
	}
}

// checkBlocks checks ranges[1:] against ranges[0], the function.
func checkBlocks(t *testing.T, where string, ranges []rangeJSON) {
	t.Helper()
	stack := []rangeJSON{ranges[0]}
	for i := 1; i < len(ranges); i++ {
		b := ranges[i]
		if b.StartOffset >= b.EndOffset {
			t.Errorf("%s: empty block %v", where, b)
		}
		if i > 1 {
			p := ranges[i-1]
			if p.StartOffset > b.StartOffset || (p.StartOffset == b.StartOffset && p.EndOffset <= b.EndOffset) {
				t.Errorf("%s: block %v out of order or duplicated", where, b)
			}
		}
		for len(stack) > 1 && stack[len(stack)-1].EndOffset <= b.StartOffset {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		if b.StartOffset < parent.StartOffset || b.EndOffset > parent.EndOffset {
			t.Errorf("%s: block %v not nested in %v", where, b, parent)
		}
		if b.Count == 0 && parent.Count == 0 {
			t.Errorf("%s: uncovered block %v in uncovered %v", where, b, parent)
		}
		stack = append(stack, b)
	}
}

// rawFromExpected rebuilds raw coverage from recorded output: each
// function with its count, and in block mode its blocks as full-range
// slots behind a function-scope slot. The output of a take fed back this
// way must come out unchanged: V8's normalization is a fixed point on its
// own output.
func rawFromExpected(scripts []scriptJSON) []Script {
	out := make([]Script, len(scripts))
	for i, s := range scripts {
		out[i] = Script{ID: i, URL: s.URL}
		for j, f := range s.Functions {
			r := f.Ranges[0]
			fn := Function{
				Start: r.StartOffset, End: r.EndOffset, Name: f.FunctionName,
				Count:    uint32(r.Count),
				TopLevel: j == 0 && r.StartOffset == 0 && f.FunctionName == "",
			}
			if f.IsBlockCoverage {
				fn.HasCoverageInfo = true
				fn.Slots = append(fn.Slots, Slot{FunctionLiteralPosition, FunctionLiteralPosition, uint32(r.Count)})
				for _, b := range f.Ranges[1:] {
					fn.Slots = append(fn.Slots, Slot{b.StartOffset, b.EndOffset, uint32(b.Count)})
				}
			}
			out[i].Functions = append(out[i].Functions, fn)
		}
	}
	return out
}

// toJSON renders protocol output in the recorded shape (no scriptId).
func toJSON(t *testing.T, scripts []ScriptData) []scriptJSON {
	t.Helper()
	out := []scriptJSON{}
	for _, s := range ToProtocol(scripts) {
		sj := scriptJSON{URL: s.URL}
		for _, f := range s.Functions {
			fj := functionJSON{FunctionName: f.FunctionName, IsBlockCoverage: f.IsBlockCoverage}
			for _, r := range f.Ranges {
				fj.Ranges = append(fj.Ranges, rangeJSON{int(r.StartOffset), int(r.EndOffset), r.Count})
			}
			sj.Functions = append(sj.Functions, fj)
		}
		out = append(out, sj)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExpectationsFixedPoint feeds every recorded take back through
// Collect in its mode and expects the same output.
func TestExpectationsFixedPoint(t *testing.T) {
	for _, e := range loadExpectations(t) {
		for name, takes := range e.Modes {
			for i, take := range [][]scriptJSON{takes.First, takes.Second} {
				got := toJSON(t, Collect(modeOf[name], rawFromExpected(take)).Scripts)
				if g, w := mustJSON(t, got), mustJSON(t, take); g != w {
					t.Errorf("%s %s take %d: not a fixed point\ngot  %s\nwant %s", e.Script, name, i+1, g, w)
				}
			}
		}
	}
}
