package coverage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mailru/easyjson"
)

// summary renders collected coverage compactly: one line per function,
// "name start-end:count [blocks] B" with B for block coverage.
func summary(scripts []ScriptData) string {
	var b strings.Builder
	for _, s := range scripts {
		fmt.Fprintf(&b, "script %d %q\n", s.ID, s.URL)
		for _, f := range s.Functions {
			fmt.Fprintf(&b, "  %s %d-%d:%d", f.Name, f.Start, f.End, f.Count)
			for _, bl := range f.Blocks {
				fmt.Fprintf(&b, " %d-%d:%d", bl.Start, bl.End, bl.Count)
			}
			if f.HasBlockCoverage {
				b.WriteString(" B")
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func checkSummary(t *testing.T, got []ScriptData, want string) {
	t.Helper()
	want = strings.TrimLeft(want, "\n")
	if g := summary(got); g != want {
		t.Errorf("got\n%swant\n%s", g, want)
	}
}

// TestCollectNestingAndRelevance: functions come out outer before inner;
// a function is reported if it ran, if its reported parent ran, or if it
// has blocks; empty ranges never.
//
//	top level            [0, 100)  ran
//	  function a() {}    [10, 30)  never called: reported, parent ran
//	  function b() {     [40, 80)  never called: reported, parent ran
//	    function c() {}  [50, 60)  never called, parent b did not run: dropped
//	  }
//	  class K {}         [85, 85)  default constructor, empty range: dropped
func TestCollectNestingAndRelevance(t *testing.T) {
	s := Script{ID: 7, URL: "file:///x.js", Functions: []Function{
		{Start: 50, End: 60, Name: "c"},
		{Start: 85, End: 85, Name: "K", Count: 1},
		{Start: 40, End: 80, Name: "b"},
		{Start: 0, End: 100, Count: 1, TopLevel: true},
		{Start: 10, End: 30, Name: "a"},
	}}
	for _, mode := range []Mode{PreciseCount, PreciseBinary, BlockCount, BlockBinary, BestEffort} {
		checkSummary(t, Collect(mode, []Script{s}).Scripts, `
script 7 "file:///x.js"
   0-100:1
  a 10-30:0
  b 40-80:0
`)
	}
}

// TestCollectUnreportedParent: after a GC, best-effort finds no live
// closure of the top level (count 0, not reported); its inner functions
// are then reported only if they ran themselves.
func TestCollectUnreportedParent(t *testing.T) {
	s := Script{ID: 1, Functions: []Function{
		{Start: 0, End: 100, TopLevel: true},
		{Start: 10, End: 20, Name: "live", Count: 4},
		{Start: 12, End: 18, Name: "inner"},
		{Start: 30, End: 40, Name: "dead"},
	}}
	checkSummary(t, Collect(BestEffort, []Script{s}).Scripts, `
script 1 ""
  live 10-20:1
  inner 12-18:0
`)
}

// TestCollectIdenticalRanges: eval("function fromEval(n) {…}") makes a
// script whose top level has the same range as fromEval. The top level
// comes first; among others, higher counts first (v8:9212).
func TestCollectIdenticalRanges(t *testing.T) {
	s := Script{ID: 3, Functions: []Function{
		{Start: 0, End: 62, Name: "fromEval", Count: 2},
		{Start: 0, End: 62, Count: 1, TopLevel: true},
		{Start: 70, End: 80, Name: "low", Count: 1},
		{Start: 70, End: 80, Name: "high", Count: 3},
	}}
	checkSummary(t, Collect(PreciseCount, []Script{s}).Scripts, `
script 3 ""
   0-62:1
  fromEval 0-62:2
  high 70-80:3
  low 70-80:1
`)
}

// TestCollectBinaryReportsOnce: in binary modes a function that ran is
// reported as 1 the first time and 0 afterwards; Collect lists every
// function it saw run so the engine can mark it.
func TestCollectBinaryReportsOnce(t *testing.T) {
	scripts := []Script{{ID: 1, Functions: []Function{
		{Start: 0, End: 100, TopLevel: true, Count: 1},
		{Start: 10, End: 20, Name: "fresh", Count: 3},
		{Start: 30, End: 40, Name: "old", Count: 2, ReportedBinary: true},
		{Start: 50, End: 60, Name: "idle"},
	}}}
	res := Collect(PreciseBinary, scripts)
	checkSummary(t, res.Scripts, `
script 1 ""
   0-100:1
  fresh 10-20:1
  old 30-40:0
  idle 50-60:0
`)
	want := []FunctionRef{{0, 0}, {0, 1}, {0, 2}}
	if fmt.Sprint(res.Reported) != fmt.Sprint(want) {
		t.Errorf("reported %v, want %v", res.Reported, want)
	}
	if scripts[0].Functions[1].ReportedBinary {
		t.Error("Collect modified its input")
	}

	// The engine marks them; the next take (nothing ran since) reports
	// nothing in count modes, and 0 for what ran again in binary modes.
	for _, r := range res.Reported {
		scripts[r.Script].Functions[r.Function].ReportedBinary = true
	}
	scripts[0].Functions[1].Count = 5 // fresh ran again
	scripts[0].Functions[0].Count = 0
	scripts[0].Functions[2].Count = 0
	res = Collect(PreciseBinary, scripts)
	if len(res.Scripts) != 0 {
		t.Errorf("second take: %s", summary(res.Scripts))
	}
	if want := []FunctionRef{{0, 1}}; fmt.Sprint(res.Reported) != fmt.Sprint(want) {
		t.Errorf("second take reported %v, want %v", res.Reported, want)
	}
}

// TestCollectBlockBinaryRelevance: in block binary mode the function-scope
// counter sets the reported count, but whether the function is reported
// at all is decided on the feedback count after the binary rule (0 for a
// function already reported). So a function that ran again since its
// first report shows up only if it has blocks left or its parent counts —
// what node does on a second take (testdata/corpus/reset_after_take.js).
func TestCollectBlockBinaryRelevance(t *testing.T) {
	s := Script{ID: 1, Functions: []Function{
		{Start: 0, End: 100, TopLevel: true, HasCoverageInfo: true, Slots: []Slot{fs(0)}},
		{Start: 10, End: 30, Name: "noBlocks", Count: 1, ReportedBinary: true,
			HasCoverageInfo: true, Slots: []Slot{fs(1), S(15, 20, 1)}},
		{Start: 40, End: 60, Name: "withBlock", Count: 1, ReportedBinary: true,
			HasCoverageInfo: true, Slots: []Slot{fs(1), S(45, 50, 0)}},
	}}
	checkSummary(t, Collect(BlockBinary, []Script{s}).Scripts, `
script 1 ""
  withBlock 40-60:1 45-50:0 B
`)
}

// TestCollectModesIgnoreWhatTheyDoNotUse: only block modes read slots;
// best-effort clamps counts to 1.
func TestCollectModesIgnoreWhatTheyDoNotUse(t *testing.T) {
	s := Script{ID: 1, Functions: []Function{
		{Start: 0, End: 100, TopLevel: true, Count: 1, HasCoverageInfo: true, Slots: []Slot{fs(1), S(10, 20, 0)}},
		{Start: 30, End: 40, Name: "g", Count: 7, HasCoverageInfo: true, Slots: []Slot{fs(2), S(32, 35, 1)}},
	}}
	checkSummary(t, Collect(PreciseCount, []Script{s}).Scripts, `
script 1 ""
   0-100:1
  g 30-40:7
`)
	checkSummary(t, Collect(BestEffort, []Script{s}).Scripts, `
script 1 ""
   0-100:1
  g 30-40:1
`)
	checkSummary(t, Collect(BlockCount, []Script{s}).Scripts, `
script 1 ""
   0-100:1 10-20:0 B
  g 30-40:2 32-35:1 B
`)
}

// TestCollectScripts: scripts keep their order and ids; scripts with
// nothing to report are left out.
func TestCollectScripts(t *testing.T) {
	scripts := []Script{
		{ID: 5, URL: "a.js", Functions: []Function{{Start: 0, End: 10, TopLevel: true, Count: 1}}},
		{ID: 6, URL: "b.js", Functions: []Function{{Start: 0, End: 10, TopLevel: true}}},
		{ID: 7, URL: "", Functions: nil},
		{ID: 8, URL: "c.js", Functions: []Function{{Start: 0, End: 4, TopLevel: true, Count: 2}}},
	}
	checkSummary(t, Collect(PreciseCount, scripts).Scripts, `
script 5 "a.js"
   0-10:1
script 8 "c.js"
   0-4:2
`)
}

// TestToProtocol: the function's own range comes first, then its blocks;
// the script id is decimal; empty lists encode as [].
func TestToProtocol(t *testing.T) {
	got := ToProtocol([]ScriptData{
		{ID: 42, URL: "file:///a.js", Functions: []FunctionData{
			{Start: 0, End: 30, Count: 1, HasBlockCoverage: true, Blocks: []Block{B(10, 20, 0)}},
			{Start: 5, End: 9, Count: 2, Name: "f"},
		}},
		{ID: 43, URL: ""},
	})
	var parts []string
	for _, s := range got {
		b, err := easyjson.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	b := "[" + strings.Join(parts, ",") + "]"
	want := `[{"scriptId":"42","url":"file:///a.js","functions":[` +
		`{"functionName":"","ranges":[{"startOffset":0,"endOffset":30,"count":1},{"startOffset":10,"endOffset":20,"count":0}],"isBlockCoverage":true},` +
		`{"functionName":"f","ranges":[{"startOffset":5,"endOffset":9,"count":2}],"isBlockCoverage":false}]},` +
		`{"scriptId":"43","url":"","functions":[]}]`
	if b != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// TestAddCount: counts of several closures add up, saturating.
func TestAddCount(t *testing.T) {
	if got := AddCount(2, 3); got != 5 {
		t.Errorf("AddCount(2, 3) = %d", got)
	}
	if got := AddCount(^uint32(0)-1, 3); got != ^uint32(0) {
		t.Errorf("AddCount saturates to %d", got)
	}
}

// TestModeFor: startPreciseCoverage's flags select V8's modes.
func TestModeFor(t *testing.T) {
	for _, tt := range []struct {
		callCount, detailed bool
		want                Mode
	}{
		{true, true, BlockCount},
		{false, true, BlockBinary},
		{true, false, PreciseCount},
		{false, false, PreciseBinary},
	} {
		if got := ModeFor(tt.callCount, tt.detailed); got != tt.want {
			t.Errorf("ModeFor(%v, %v) = %v, want %v", tt.callCount, tt.detailed, got, tt.want)
		}
	}
}
