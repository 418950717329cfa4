package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Script types, V8's Script::Type: what CDP and heap snapshots tell apart.
const (
	ScriptTypeNative    = 0
	ScriptTypeExtension = 1
	ScriptTypeNormal    = 2
	ScriptTypeWasm      = 3
	ScriptTypeInspector = 4
)

// Script flag bits, kept as a Smi in the script's flags field.
const (
	// ScriptIsModule marks an ES module (import/export, always strict).
	ScriptIsModule = 1 << iota
	// ScriptIsEval marks code compiled by eval or new Function; its
	// eval-from-shared field names the caller.
	ScriptIsEval
)

// NewScript allocates, in the old space, a compiled source text: source (a
// string; nil for the empty string), name (its URL, a string, or nil for
// undefined as for anonymous scripts) and id (CDP's scriptId). It is a
// normal script with no flags, no eval origin and no source map URL; its
// line ends are computed on first use.
func (f *Factory) NewScript(source, name heap.Handle, id int) heap.Handle {
	h := f.H
	a := h.Allocate(heap.OldSpace, layout.ScriptSize)
	u := f.Roots.Undefined
	h.SetField(a, layout.MapOffset, f.Roots.ScriptMap)
	h.SetField(a, layout.ScriptSourceOffset, valueOr(source, f.Roots.EmptyString))
	h.SetField(a, layout.ScriptNameOffset, valueOr(name, u))
	h.SetField(a, layout.ScriptIDOffset, layout.Smi(id))
	h.SetField(a, layout.ScriptLineEndsOffset, u)
	h.SetField(a, layout.ScriptTypeOffset, layout.Smi(ScriptTypeNormal))
	h.SetField(a, layout.ScriptEvalFromSharedOffset, u)
	h.SetField(a, layout.ScriptSourceMappingURLOffset, u)
	h.SetField(a, layout.ScriptFlagsOffset, layout.Smi(0))
	return h.HandleAddr(a)
}

// ScriptSource returns the script's source string.
func (f *Factory) ScriptSource(s layout.Value) layout.Value {
	return f.H.Field(s.Addr(), layout.ScriptSourceOffset)
}

// ScriptName returns the script's name (its URL), or undefined.
func (f *Factory) ScriptName(s layout.Value) layout.Value {
	return f.H.Field(s.Addr(), layout.ScriptNameOffset)
}

// SetScriptName sets the script's name (a string or undefined).
func (f *Factory) SetScriptName(s, name layout.Value) {
	f.H.SetField(s.Addr(), layout.ScriptNameOffset, name)
}

// ScriptID returns the script's id.
func (f *Factory) ScriptID(s layout.Value) int {
	return f.H.Field(s.Addr(), layout.ScriptIDOffset).SmiValue()
}

// ScriptType returns the script's type (ScriptTypeNormal…).
func (f *Factory) ScriptType(s layout.Value) int {
	return f.H.Field(s.Addr(), layout.ScriptTypeOffset).SmiValue()
}

// SetScriptType sets the script's type.
func (f *Factory) SetScriptType(s layout.Value, t int) {
	f.H.SetField(s.Addr(), layout.ScriptTypeOffset, layout.Smi(t))
}

// ScriptEvalFromShared returns the SharedFunctionInfo of the function whose
// eval created the script, or undefined.
func (f *Factory) ScriptEvalFromShared(s layout.Value) layout.Value {
	return f.H.Field(s.Addr(), layout.ScriptEvalFromSharedOffset)
}

// SetScriptEvalFromShared sets the eval origin (a SharedFunctionInfo or
// undefined).
func (f *Factory) SetScriptEvalFromShared(s, shared layout.Value) {
	f.H.SetField(s.Addr(), layout.ScriptEvalFromSharedOffset, shared)
}

// ScriptSourceMappingURL returns the URL of a `//# sourceMappingURL=`
// comment, or undefined.
func (f *Factory) ScriptSourceMappingURL(s layout.Value) layout.Value {
	return f.H.Field(s.Addr(), layout.ScriptSourceMappingURLOffset)
}

// SetScriptSourceMappingURL sets the source map URL (a string or undefined).
func (f *Factory) SetScriptSourceMappingURL(s, url layout.Value) {
	f.H.SetField(s.Addr(), layout.ScriptSourceMappingURLOffset, url)
}

// ScriptFlags returns the script's flag bits (ScriptIsModule…).
func (f *Factory) ScriptFlags(s layout.Value) int {
	return f.H.Field(s.Addr(), layout.ScriptFlagsOffset).SmiValue()
}

// SetScriptFlags replaces the script's flag bits.
func (f *Factory) SetScriptFlags(s layout.Value, flags int) {
	f.H.SetField(s.Addr(), layout.ScriptFlagsOffset, layout.Smi(flags))
}

// ScriptLineEnds returns the script's line ends (a FixedArray of Smi
// offsets, see InitLineEnds), or undefined until they are computed.
func (f *Factory) ScriptLineEnds(s layout.Value) layout.Value {
	return f.H.Field(s.Addr(), layout.ScriptLineEndsOffset)
}

// InitLineEnds computes the script's line ends unless it has them, as V8's
// Script::InitLineEnds: the offset of each line terminator (\n, \r, U+2028,
// U+2029; a \r\n pair counts once, at its \n), then the source length, in a
// FixedArray of Smis in the old space cached in the script. A source
// without a trailing newline still ends its last line at its length:
//
//	"a\r\nb"  →  [2, 4]
func (f *Factory) InitLineEnds(script heap.Handle) {
	if f.ScriptLineEnds(script.Value()) != f.Roots.Undefined {
		return
	}
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	src := f.Flatten(h.NewHandle(f.ScriptSource(script.Value()))).Value()
	a, n := src.Addr(), uint32(f.StringLength(src))
	var ends []int
	if f.IsOneByteString(src) {
		ends = lineEnds(h.Bytes(a, layout.SeqStringCharsOffset, n))
	} else {
		ends = lineEnds(h.Uint16s(a, layout.SeqStringCharsOffset, n))
	}
	arr := f.NewFixedArray(len(ends), heap.OldSpace)
	for i, e := range ends {
		h.SetField(arr.Addr(), fixedArraySlotOffset(i), layout.Smi(e))
	}
	h.SetField(script.Addr(), layout.ScriptLineEndsOffset, arr.Value())
}

// lineEnds returns the offsets of the line terminators of src, then its
// length. src may alias the heap: lineEnds does not allocate in it.
func lineEnds[T byte | uint16](src []T) []int {
	ends := make([]int, 0, 16)
	n := len(src)
	for i, c := range src {
		switch {
		case c == '\n':
		case c == '\r':
			if i+1 < n && src[i+1] == '\n' {
				continue // \r\n ends its line at the \n
			}
		case uint16(c) == 0x2028 || uint16(c) == 0x2029:
		default:
			continue
		}
		ends = append(ends, i)
	}
	return append(ends, n)
}

// PositionToLineColumn returns the 0-based line and column (in UTF-16 code
// units) of a source offset, as V8's Script::GetPositionInfo does: a line
// terminator belongs to the line it ends. Offsets before the start count as
// 0 and offsets past the end as the source length. It computes the line ends
// on first use, which allocates.
func (f *Factory) PositionToLineColumn(script heap.Handle, offset int) (line, column int) {
	f.InitLineEnds(script)
	h := f.H
	a := f.ScriptLineEnds(script.Value()).Addr()
	end := func(i int) int { return h.Field(a, fixedArraySlotOffset(i)).SmiValue() }
	n := h.Field(a, layout.FixedArrayLengthOffset).SmiValue()
	offset = min(max(offset, 0), end(n-1))
	// The first line whose end is at or after offset.
	lo, hi := 0, n-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if end(mid) < offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	start := 0
	if lo > 0 {
		start = end(lo-1) + 1
	}
	return lo, offset - start
}

// LineColumnToPosition returns the source offset of a 0-based line and
// column, the inverse of PositionToLineColumn (what breakpoints by line
// need). Lines past the last are clamped to it; the column is not checked
// against the line's length.
func (f *Factory) LineColumnToPosition(script heap.Handle, line, column int) int {
	f.InitLineEnds(script)
	h := f.H
	a := f.ScriptLineEnds(script.Value()).Addr()
	n := h.Field(a, layout.FixedArrayLengthOffset).SmiValue()
	line = min(max(line, 0), n-1)
	if line == 0 {
		return column
	}
	return h.Field(a, fixedArraySlotOffset(line-1)).SmiValue() + 1 + column
}

// ScriptLineCount returns the number of lines of the script's source (a
// source without a trailing newline still counts its last line). It computes
// the line ends on first use, which allocates.
func (f *Factory) ScriptLineCount(script heap.Handle) int {
	f.InitLineEnds(script)
	return f.Length(f.ScriptLineEnds(script.Value()))
}
