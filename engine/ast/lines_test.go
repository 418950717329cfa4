package ast

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestLineIndex(t *testing.T) {
	// "é" is 2 bytes / 1 unit, "😀" 4 bytes / 2 units, U+2028 3 bytes / 1 unit.
	src := "a = 'é';\r\nb = '😀'\u2028c\rd\n"
	ix := NewLineIndex(src)
	if ix.LineCount() != 5 {
		t.Fatalf("LineCount = %d, want 5", ix.LineCount())
	}
	for _, tc := range []struct {
		sub              string // the offset of this substring's first occurrence
		utf16, line, col int
	}{
		{"a", 0, 0, 0},
		{"'é'", 4, 0, 4},
		{";\r", 7, 0, 7},
		{"b", 10, 1, 0},
		{"'😀'", 14, 1, 4},
		{"\u2028", 18, 1, 8},
		{"c", 19, 2, 0},
		{"d", 21, 3, 0},
	} {
		off := Pos(strings.Index(src, tc.sub))
		if got := ix.UTF16(off); got != tc.utf16 {
			t.Errorf("UTF16(%q) = %d, want %d", tc.sub, got, tc.utf16)
		}
		if line, col := ix.LineCol(off); line != tc.line || col != tc.col {
			t.Errorf("LineCol(%q) = %d:%d, want %d:%d", tc.sub, line, col, tc.line, tc.col)
		}
		if got := ix.ByteOffset(tc.utf16); got != off {
			t.Errorf("ByteOffset(%d) = %d, want %d", tc.utf16, got, off)
		}
	}
	if got, want := ix.UTF16(Pos(len(src))), len(utf16.Encode([]rune(src))); got != want {
		t.Errorf("UTF16(len) = %d, want %d", got, want)
	}
	if got := ix.LineEnds16(); len(got) != 5 || got[0] != 8 || got[1] != 18 || got[2] != 20 || got[3] != 22 || got[4] != 23 {
		t.Errorf("LineEnds16 = %v", got)
	}
}

// TestLineIndexLongLine checks the checkpoints on a long non-ASCII line
// against a direct count.
func TestLineIndexLongLine(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 2000; i++ {
		b.WriteString([]string{"a", "é", "😀", "中"}[i%4])
	}
	src := b.String()
	ix := NewLineIndex(src)
	units := 0
	for i, r := range src {
		if got := ix.UTF16(Pos(i)); got != units {
			t.Fatalf("UTF16(%d) = %d, want %d", i, got, units)
		}
		if got := ix.ByteOffset(units); got != Pos(i) {
			t.Fatalf("ByteOffset(%d) = %d, want %d", units, got, i)
		}
		units += len(utf16.Encode([]rune{r}))
	}
}

func TestNumberToString(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", 1: "1", -1.5: "-1.5", 0.1: "0.1", 1e21: "1e+21", 1e20: "100000000000000000000",
		1.5e-7: "1.5e-7", 1e-6: "0.000001", 123456789012: "123456789012", 2e-7: "2e-7",
		1.7976931348623157e308: "1.7976931348623157e+308", 5e-324: "5e-324",
	} {
		if got := NumberToString(f); got != want {
			t.Errorf("NumberToString(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestOperators(t *testing.T) {
	if AssignCoalesce.String() != "??=" || AssignUShr.Binary() != BinUShr || BinExp.Precedence() <= BinMul.Precedence() {
		t.Error("operator table")
	}
	if !BinCoalesce.ShortCircuit() || BinAdd.ShortCircuit() {
		t.Error("ShortCircuit")
	}
}

func TestScopeDeclare(t *testing.T) {
	s := NewScope(ScopeFunction, nil, Range{})
	for i := 0; i < 20; i++ {
		name := string(rune('a' + i))
		if _, ok := s.Declare(name, DeclVar, Pos(i)); !ok {
			t.Fatalf("Declare(%s) reported a duplicate", name)
		}
	}
	if _, ok := s.Declare("c", DeclLet, 0); ok {
		t.Error("Declare of an existing name reported new")
	}
	inner := NewScope(ScopeBlock, s, Range{})
	if v := inner.Resolve("q"); v == nil || v.Scope != s || v.Index != -1 {
		t.Errorf("Resolve(q) = %+v", v)
	}
	if inner.VarScope() != s || len(s.Children) != 1 {
		t.Error("VarScope/Children")
	}
}
