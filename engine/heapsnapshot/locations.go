package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// Locations tie closures, and objects made by a constructor, to the source
// position of the function: script id, 0-based line and column of the
// function's start (V8's ExtractLocation). DevTools shows them as the
// "file:line" link next to a node.

// location is a source position; ok is false for functions without a script.
type location struct {
	scriptID, line, column int32
	ok                     bool
}

// functionLocation returns where the function fn starts.
func (g *generator) functionLocation(fn layout.Value) location {
	h := g.h
	if !fn.IsHeapObject() || h.InstanceType(fn.Addr()) != layout.JSFunctionType {
		return location{}
	}
	sfi := h.Field(fn.Addr(), layout.JSFunctionSharedOffset)
	if sfi == g.lastSFI {
		return g.lastLoc
	}
	loc := g.sharedLocation(sfi)
	g.lastSFI, g.lastLoc = sfi, loc
	return loc
}

// sharedLocation returns where the function of a SharedFunctionInfo starts.
func (g *generator) sharedLocation(sfi layout.Value) location {
	h := g.h
	script := h.Field(sfi.Addr(), layout.SharedScriptOffset)
	if !script.IsHeapObject() || h.InstanceType(script.Addr()) != layout.ScriptType {
		return location{}
	}
	start := -1
	if g.s.functionStart != nil {
		start = g.s.functionStart(sfi)
	}
	if start < 0 {
		start = h.Field(sfi.Addr(), layout.SharedStartPositionOffset).SmiValue()
	}
	line, col := lineColumn(g.lineEnds(script), start)
	return location{
		scriptID: int32(h.Field(script.Addr(), layout.ScriptIDOffset).SmiValue()),
		line:     int32(line), column: int32(col), ok: true,
	}
}

// lineEnds returns a script's line ends, computed once per snapshot in Go
// memory: V8 computes them in its heap before its GC (PopulateLineEnds), but
// here that would cost a walk of the heap to find the scripts, and the heap
// must not change once the snapshot is under way.
func (g *generator) lineEnds(script layout.Value) []int32 {
	if ends, ok := g.scriptLines[script.Addr()]; ok {
		return ends
	}
	h := g.h
	src := h.Field(script.Addr(), layout.ScriptSourceOffset)
	var ends []int32
	if src.IsHeapObject() {
		n := uint32(h.Field(src.Addr(), layout.StringLengthOffset).SmiValue())
		switch h.InstanceType(src.Addr()) {
		case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType:
			ends = lineEndsOf(h.Bytes(src.Addr(), layout.SeqStringCharsOffset, n))
		case layout.InternalizedTwoByteStringType, layout.SeqTwoByteStringType:
			ends = lineEndsOf(h.Uint16s(src.Addr(), layout.SeqStringCharsOffset, n))
		case layout.ConsOneByteStringType, layout.ConsTwoByteStringType:
			ends = lineEndsOf(g.f.StringToUTF16(src))
		}
	}
	g.scriptLines[script.Addr()] = ends
	return ends
}

// lineEndsOf returns the offsets of the line terminators of src (\n, \r,
// U+2028, U+2029; \r\n once, at its \n), then its length, as V8's
// Script::InitLineEnds and objects.Factory.InitLineEnds.
func lineEndsOf[T byte | uint16](src []T) []int32 {
	var ends []int32
	n := len(src)
	for i, c := range src {
		switch {
		case c == '\n':
		case c == '\r':
			if i+1 < n && src[i+1] == '\n' {
				continue
			}
		case uint16(c) == 0x2028 || uint16(c) == 0x2029:
		default:
			continue
		}
		ends = append(ends, int32(i))
	}
	return append(ends, int32(n))
}

// lineColumn converts a source offset to a 0-based line and column, as
// objects.Factory.PositionToLineColumn (V8's Script::GetPositionInfo): a
// line terminator belongs to the line it ends.
func lineColumn(ends []int32, offset int) (line, column int) {
	n := len(ends)
	if n == 0 {
		return 0, 0
	}
	offset = min(max(offset, 0), int(ends[n-1]))
	lo, hi := 0, n-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(ends[mid]) < offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	start := 0
	if lo > 0 {
		start = int(ends[lo-1]) + 1
	}
	return lo, offset - start
}

// nodeLocation returns the location of the object at a, if it has one: a
// closure's own, or an object's constructor's.
func (g *generator) nodeLocation(a, m layout.Addr, t layout.InstanceType) location {
	switch {
	case t == layout.JSFunctionType:
		return g.functionLocation(a.Value())
	case t.IsJSObject():
		return g.constructor(a, m, t).loc
	}
	return location{}
}
