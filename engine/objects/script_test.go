package objects

import (
	"slices"
	"strconv"
	"testing"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func TestScript(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		src := f.NewStringFromGo("console.log(1)\n", heap.OldSpace)
		name := f.NewStringFromGo("file:///main.js", heap.OldSpace)
		script := f.NewScript(src, name, 42)
		v := script.Value()
		if got := f.InstanceType(v); got != layout.ScriptType {
			t.Fatalf("script is %v", got)
		}
		checkSize(t, f, "Script", v, layout.ScriptSize)
		if h.InYoungGeneration(v.Addr()) {
			t.Errorf("script is in the new space")
		}
		if f.ScriptSource(v) != src.Value() || f.ScriptName(v) != name.Value() || f.ScriptID(v) != 42 {
			t.Errorf("source, name or id not set")
		}
		if f.ScriptType(v) != ScriptTypeNormal || f.ScriptFlags(v) != 0 {
			t.Errorf("type %d flags %d", f.ScriptType(v), f.ScriptFlags(v))
		}
		if f.ScriptEvalFromShared(v) != f.Roots.Undefined || f.ScriptSourceMappingURL(v) != f.Roots.Undefined ||
			f.ScriptLineEnds(v) != f.Roots.Undefined {
			t.Errorf("optional fields not undefined")
		}

		sfi := f.NewSharedFunctionInfo(heap.Handle{}, script, 0, 1, 0, 0)
		url := f.NewStringFromGo("main.js.map", heap.NewSpace)
		other := f.NewStringFromGo("file:///other.js", heap.NewSpace)
		v = script.Value()
		f.SetScriptEvalFromShared(v, sfi.Value())
		f.SetScriptSourceMappingURL(v, url.Value())
		f.SetScriptName(v, other.Value())
		f.SetScriptType(v, ScriptTypeInspector)
		f.SetScriptFlags(v, ScriptIsModule|ScriptIsEval)
		h.CollectGarbage(false)
		h.CollectGarbage(true)
		v = script.Value()
		if f.ScriptEvalFromShared(v) != sfi.Value() || f.StringToGo(f.ScriptSourceMappingURL(v)) != "main.js.map" ||
			f.StringToGo(f.ScriptName(v)) != "file:///other.js" {
			t.Errorf("tagged fields did not stick")
		}
		if f.ScriptType(v) != ScriptTypeInspector || f.ScriptFlags(v) != ScriptIsModule|ScriptIsEval {
			t.Errorf("Smi fields did not stick")
		}

		anon := f.NewScript(heap.Handle{}, heap.Handle{}, 1)
		if f.ScriptSource(anon.Value()) != f.Roots.EmptyString || f.ScriptName(anon.Value()) != f.Roots.Undefined {
			t.Errorf("defaults of an anonymous empty script")
		}
	})
}

// lineEndSources are sources with every kind of line terminator, with and
// without a trailing one; wantEnds are V8's line ends for some of them.
var lineEndSources = []struct {
	src      string
	wantEnds []int
}{
	{"", []int{0}},
	{"a", []int{1}},
	{"line1\nline2\n", []int{5, 11, 12}},
	{"line1\nline2", []int{5, 11}},
	{"a\r\nb", []int{2, 4}},
	{"a\r\nbb\r\n\r\nccc", []int{2, 6, 8, 12}},
	{"x\ry\rz", []int{1, 3, 5}},
	{"a\r", []int{1, 2}},
	{"\r\n", []int{1, 2}},
	{"\n\n\n", []int{0, 1, 2, 3}},
	{"\n\r", []int{0, 1, 2}},
	{"α\u2028β\u2029γ\nδ", []int{1, 3, 5, 7}},
	{"one\r\ntwo\rthree\nfour\u2028five\u2029", nil},
	{"let s = 'é';\r\n// ünïcödé 😀\nf()", nil},
}

// naiveLineColumn is an independent reference: scan from the start.
func naiveLineColumn(u []uint16, off int) (line, column int) {
	start := 0
	for j := 0; j < off; j++ {
		c := u[j]
		if c == '\r' && j+1 < len(u) && u[j+1] == '\n' {
			continue
		}
		if c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 {
			line, start = line+1, j+1
		}
	}
	return line, off - start
}

func TestLineEnds(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		for i, tc := range lineEndSources {
			t.Run(strconv.Quote(tc.src), func(t *testing.T) {
				scope := h.OpenScope()
				defer scope.Close()
				u := utf16.Encode([]rune(tc.src))
				script := f.NewScript(f.NewStringFromGo(tc.src, heap.OldSpace), heap.Handle{}, i)
				checkLineEnds(t, f, script, u, tc.wantEnds)
			})
		}
	})
}

// checkLineEnds checks the script's line ends and the conversions between
// offsets and lines and columns against naiveLineColumn, for every offset.
func checkLineEnds(t *testing.T, f *Factory, script heap.Handle, u []uint16, wantEnds []int) {
	t.Helper()
	h := f.H
	f.InitLineEnds(script)
	ends := f.ScriptLineEnds(script.Value())
	if !f.Is(ends, layout.FixedArrayType) || h.InYoungGeneration(ends.Addr()) {
		t.Fatalf("line ends are not an old-space FixedArray")
	}
	var got []int
	for i := 0; i < f.Length(ends); i++ {
		got = append(got, f.Get(ends, i).SmiValue())
	}
	if wantEnds != nil && !slices.Equal(got, wantEnds) {
		t.Errorf("line ends %v, want %v", got, wantEnds)
	}
	if got[len(got)-1] != len(u) {
		t.Errorf("line ends %v do not end with the length %d", got, len(u))
	}
	if n := f.ScriptLineCount(script); n != len(got) {
		t.Errorf("%d lines, %d line ends", n, len(got))
	}
	for off := 0; off <= len(u); off++ {
		line, col := f.PositionToLineColumn(script, off)
		wl, wc := naiveLineColumn(u, off)
		if line != wl || col != wc {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, line, col, wl, wc)
		}
		if back := f.LineColumnToPosition(script, line, col); back != off {
			t.Errorf("line %d column %d: offset %d, want %d", line, col, back, off)
		}
	}
	// Out of range offsets are clamped.
	if line, col := f.PositionToLineColumn(script, -3); line != 0 || col != 0 {
		t.Errorf("offset -3: %d:%d", line, col)
	}
	wl, wc := naiveLineColumn(u, len(u))
	if line, col := f.PositionToLineColumn(script, len(u)+10); line != wl || col != wc {
		t.Errorf("offset past the end: %d:%d, want %d:%d", line, col, wl, wc)
	}
	// Computed once.
	f.InitLineEnds(script)
	if f.ScriptLineEnds(script.Value()) != ends {
		t.Errorf("line ends computed again")
	}
}

// A source that is a cons string, with a \r\n split across its halves, and
// a two-byte half.
func TestLineEndsOfConsSource(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		scope := f.H.OpenScope()
		defer scope.Close()
		left := f.NewStringFromGo("ab\r", heap.NewSpace)
		right := f.NewStringFromGo("\ncd\u2028e", heap.NewSpace)
		src, err := f.NewConsString(left, right)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			more := f.NewStringFromGo("\nline"+strconv.Itoa(i), heap.NewSpace)
			if src, err = f.NewConsString(src, more); err != nil {
				t.Fatal(err)
			}
		}
		text := "ab\r\ncd\u2028e\nline0\nline1\nline2"
		script := f.NewScript(src, heap.Handle{}, 9)
		checkLineEnds(t, f, script, utf16.Encode([]rune(text)), []int{3, 6, 8, 14, 20, 26})
	})
}

// A long source: the binary search against the naive scan, sampled.
func TestPositionToLineColumnLongSource(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	var b []byte
	terms := []string{"\n", "\r\n", "\r"}
	for i := 0; i < 3000; i++ {
		b = append(b, "x = "...)
		b = strconv.AppendInt(b, int64(i*i), 10)
		b = append(b, terms[i%3]...)
	}
	src := string(b)
	u := utf16.Encode([]rune(src))
	script := f.NewScript(f.NewStringFromGo(src, heap.OldSpace), heap.Handle{}, 1)
	if n := f.ScriptLineCount(script); n != 3001 {
		t.Fatalf("%d lines", n)
	}
	for off := 0; off <= len(u); off += 7 {
		line, col := f.PositionToLineColumn(script, off)
		if wl, wc := naiveLineColumn(u, off); line != wl || col != wc {
			t.Fatalf("offset %d: %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
}
