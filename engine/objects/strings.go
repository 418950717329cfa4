package objects

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Strings are sequences of UTF-16 code units, as in JavaScript. A sequential
// string stores them one byte each (when every unit is at most 0xFF) or two
// bytes each; a cons string is the lazy concatenation of two strings,
// flattened on demand; internalized strings are the unique sequential strings
// of the string table (string_table.go).

const (
	// MaxStringLength is the longest string, in code units: V8's
	// String::kMaxLength with pointer compression.
	MaxStringLength = 1<<29 - 24
	// consMinLength is V8's ConsString::kMinLength: a shorter concatenation
	// is copied flat at once.
	consMinLength = 13
)

// ErrInvalidStringLength reports a string that would exceed MaxStringLength;
// JavaScript throws it as RangeError "Invalid string length".
//
//lint:ignore ST1005 the text is V8's message, shown to JavaScript verbatim
var ErrInvalidStringLength = errors.New("Invalid string length")

// stringState is the factory's string machinery: the string table and the
// pseudo-random sequence that gives symbols their hashes.
type stringState struct {
	// readOnly lists the internalized strings made during bootstrap.
	readOnly []layout.Value
	// table is the weak string table of internalized strings.
	table stringTable
	// symbolRandom is the state of the symbol-hash sequence.
	symbolRandom uint32
	// stack is scratch space for walking cons trees without recursion.
	stack []layout.Value
}

// setUpStrings fills the string table with the read-only strings and
// registers it with the heap as a weak root.
func (f *Factory) setUpStrings() {
	st := &f.strings
	st.symbolRandom = symbolRandomSeed
	st.table.init()
	for _, v := range st.readOnly {
		hash := f.StringHash(v)
		if _, ok := f.lookupSeq(v, hash); !ok {
			st.table.add(v, hash)
		}
	}
	f.H.AddOldWeakRoots(st.table.sweep)
}

// --- Types -------------------------------------------------------------

// IsString reports whether v is a string.
func (f *Factory) IsString(v layout.Value) bool {
	return v.IsHeapObject() && f.H.InstanceType(v.Addr()).IsString()
}

// IsOneByteString reports whether the string v is stored (or, for a cons,
// made of strings stored) one byte per code unit.
func (f *Factory) IsOneByteString(v layout.Value) bool {
	switch f.H.InstanceType(v.Addr()) {
	case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType, layout.ConsOneByteStringType:
		return true
	}
	return false
}

// IsConsString reports whether the string v is a cons string.
func (f *Factory) IsConsString(v layout.Value) bool {
	t := f.H.InstanceType(v.Addr())
	return t == layout.ConsOneByteStringType || t == layout.ConsTwoByteStringType
}

// IsFlatString reports whether the string v is sequential: its code units
// are stored in the object itself.
func (f *Factory) IsFlatString(v layout.Value) bool { return !f.IsConsString(v) }

// StringLength returns the length of the string v in UTF-16 code units.
func (f *Factory) StringLength(v layout.Value) int {
	return f.H.Field(v.Addr(), layout.StringLengthOffset).SmiValue()
}

// --- Creation ----------------------------------------------------------

// allocateSeqString allocates a sequential string of n code units with its
// header written, hash not computed, and its padding zeroed; the caller
// writes the characters before the next allocation.
func (f *Factory) allocateSeqString(n int, oneByte, internalized bool, space heap.Space) layout.Addr {
	if n > MaxStringLength {
		panic("objects: string longer than MaxStringLength")
	}
	h := f.H
	r := &f.Roots
	var m layout.Value
	chars := uint32(n)
	switch {
	case oneByte && internalized:
		m = r.InternalizedOneByteStringMap
	case oneByte:
		m = r.SeqOneByteStringMap
	case internalized:
		m, chars = r.InternalizedTwoByteStringMap, 2*chars
	default:
		m, chars = r.SeqTwoByteStringMap, 2*chars
	}
	end := layout.SeqStringCharsOffset + chars
	size := layout.AlignObject(end)
	a := h.Allocate(space, size)
	h.SetField(a, layout.MapOffset, m)
	h.SetField(a, layout.NameRawHashOffset, layout.Smi(0))
	h.SetField(a, layout.StringLengthOffset, layout.Smi(n))
	if pad := size - end; pad > 0 {
		clear(h.Bytes(a, end, pad))
	}
	return a
}

// NewStringFromGo converts the UTF-8 text s (invalid bytes become U+FFFD) to
// a UTF-16 string in space: one-byte when every code unit is at most 0xFF.
// The empty string is the EmptyString root.
func (f *Factory) NewStringFromGo(s string, space heap.Space) heap.Handle {
	if s == "" {
		return f.H.NewHandle(f.Roots.EmptyString)
	}
	h := f.H
	if isASCII(s) {
		a := f.allocateSeqString(len(s), true, false, space)
		copy(h.Bytes(a, layout.SeqStringCharsOffset, uint32(len(s))), s)
		return h.HandleAddr(a)
	}
	n, oneByte := utf16Measure(s)
	a := f.allocateSeqString(n, oneByte, false, space)
	if oneByte {
		writeLatin1(h.Bytes(a, layout.SeqStringCharsOffset, uint32(n)), s)
	} else {
		writeUTF16(h.Uint16s(a, layout.SeqStringCharsOffset, uint32(n)), s)
	}
	return h.HandleAddr(a)
}

// NewStringFromUTF16 copies the code units u into a new string in space,
// one-byte when every unit is at most 0xFF. Empty input gives EmptyString.
func (f *Factory) NewStringFromUTF16(u []uint16, space heap.Space) heap.Handle {
	if len(u) == 0 {
		return f.H.NewHandle(f.Roots.EmptyString)
	}
	h := f.H
	oneByte := isLatin1(u)
	a := f.allocateSeqString(len(u), oneByte, false, space)
	if oneByte {
		narrow(h.Bytes(a, layout.SeqStringCharsOffset, uint32(len(u))), u)
	} else {
		copy(h.Uint16s(a, layout.SeqStringCharsOffset, uint32(len(u))), u)
	}
	return h.HandleAddr(a)
}

// NewConsString concatenates a and b as V8 does: an empty side gives the
// other; a result shorter than ConsString::kMinLength is copied flat; else a
// cons string (one-byte only when both sides are) points to both. A result
// longer than MaxStringLength is ErrInvalidStringLength.
func (f *Factory) NewConsString(a, b heap.Handle) (heap.Handle, error) {
	la, lb := f.StringLength(a.Value()), f.StringLength(b.Value())
	if la == 0 {
		return b, nil
	}
	if lb == 0 {
		return a, nil
	}
	n := la + lb
	if n > MaxStringLength {
		return heap.Handle{}, ErrInvalidStringLength
	}
	oneByte := f.IsOneByteString(a.Value()) && f.IsOneByteString(b.Value())
	h := f.H
	if n < consMinLength {
		s := f.allocateSeqString(n, oneByte, false, heap.NewSpace)
		f.writeChars(s, 0, oneByte, a.Value())
		f.writeChars(s, la, oneByte, b.Value())
		return h.HandleAddr(s), nil
	}
	c := h.AllocateYoung(layout.ConsStringSize)
	m := f.Roots.ConsTwoByteStringMap
	if oneByte {
		m = f.Roots.ConsOneByteStringMap
	}
	h.SetField(c, layout.MapOffset, m)
	h.SetField(c, layout.NameRawHashOffset, layout.Smi(0))
	h.SetField(c, layout.StringLengthOffset, layout.Smi(n))
	h.SetField(c, layout.ConsStringFirstOffset, a.Value())
	h.SetField(c, layout.ConsStringSecondOffset, b.Value())
	return h.HandleAddr(c), nil
}

// ConsFirst returns the first part of the cons string v.
func (f *Factory) ConsFirst(v layout.Value) layout.Value {
	return f.H.Field(v.Addr(), layout.ConsStringFirstOffset)
}

// ConsSecond returns the second part of the cons string v.
func (f *Factory) ConsSecond(v layout.Value) layout.Value {
	return f.H.Field(v.Addr(), layout.ConsStringSecondOffset)
}

// Flatten returns a sequential string with the contents of s: s itself when
// it is sequential. A cons string is copied, as V8 does, into a new
// sequential string that becomes its first part, its second part becoming
// the empty string, so later reads through the cons are cheap.
func (f *Factory) Flatten(s heap.Handle) heap.Handle {
	h := f.H
	v := s.Value()
	if !f.IsConsString(v) {
		return s
	}
	// An already flattened cons: its first part holds the contents.
	for f.IsConsString(v) && f.StringLength(f.ConsSecond(v)) == 0 {
		v = f.ConsFirst(v)
	}
	if !f.IsConsString(v) {
		return h.NewHandle(v)
	}
	if v != s.Value() {
		s = h.NewHandle(v)
	}
	space := heap.OldSpace
	if h.InYoungGeneration(v.Addr()) {
		space = heap.NewSpace
	}
	oneByte := f.IsOneByteString(v)
	flat := f.allocateSeqString(f.StringLength(v), oneByte, false, space)
	v = s.Value()
	f.writeChars(flat, 0, oneByte, v)
	h.SetField(flat, layout.NameRawHashOffset, h.Field(v.Addr(), layout.NameRawHashOffset))
	h.SetField(v.Addr(), layout.ConsStringFirstOffset, flat.Value())
	h.SetField(v.Addr(), layout.ConsStringSecondOffset, f.Roots.EmptyString)
	return h.HandleAddr(flat)
}

// --- Walking cons trees ------------------------------------------------

// segments iterates the sequential strings (leaves) of a string in order,
// with an explicit stack instead of recursion so that deep cons chains
// cannot exhaust the Go stack. It must not live across an allocation.
type segments struct {
	f     *Factory
	stack []layout.Value
}

// stringSegments starts an iteration over v, reusing the factory's scratch stack.
func (f *Factory) stringSegments(v layout.Value) segments {
	return segments{f: f, stack: append(f.strings.stack[:0], v)}
}

// done hands the (possibly grown) scratch stack back to the factory.
func (it *segments) done() {
	if cap(it.stack) <= 1<<16 {
		it.f.strings.stack = it.stack[:0]
	}
}

// next returns the next non-empty sequential string, or false at the end.
func (it *segments) next() (layout.Value, bool) {
	h := it.f.H
	for n := len(it.stack); n > 0; n = len(it.stack) {
		v := it.stack[n-1]
		it.stack = it.stack[:n-1]
		for {
			a := v.Addr()
			t := h.InstanceType(a)
			if t != layout.ConsOneByteStringType && t != layout.ConsTwoByteStringType {
				break
			}
			if second := h.Field(a, layout.ConsStringSecondOffset); h.Field(second.Addr(), layout.StringLengthOffset) != 0 {
				it.stack = append(it.stack, second)
			}
			v = h.Field(a, layout.ConsStringFirstOffset)
		}
		if h.Field(v.Addr(), layout.StringLengthOffset) != 0 {
			return v, true
		}
	}
	return 0, false
}

// writeChars copies the code units of the string src into the sequential
// string dst starting at unit index at. It does not allocate. A two-byte
// source written to a one-byte destination must hold only Latin-1 units.
func (f *Factory) writeChars(dst layout.Addr, at int, dstOneByte bool, src layout.Value) {
	h := f.H
	if !f.IsConsString(src) {
		f.copySeq(dst, at, dstOneByte, src)
		return
	}
	it := f.stringSegments(src)
	for leaf, ok := it.next(); ok; leaf, ok = it.next() {
		f.copySeq(dst, at, dstOneByte, leaf)
		at += h.Field(leaf.Addr(), layout.StringLengthOffset).SmiValue()
	}
	it.done()
}

// copySeq copies the sequential string src into dst at unit index at.
func (f *Factory) copySeq(dst layout.Addr, at int, dstOneByte bool, src layout.Value) {
	h := f.H
	a := src.Addr()
	n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
	srcOneByte := f.IsOneByteString(src)
	switch {
	case dstOneByte && srcOneByte:
		copy(h.Bytes(dst, layout.SeqStringCharsOffset+uint32(at), n), h.Bytes(a, layout.SeqStringCharsOffset, n))
	case dstOneByte:
		narrow(h.Bytes(dst, layout.SeqStringCharsOffset+uint32(at), n), h.Uint16s(a, layout.SeqStringCharsOffset, n))
	case srcOneByte:
		d := h.Uint16s(dst, layout.SeqStringCharsOffset+2*uint32(at), n)
		for i, c := range h.Bytes(a, layout.SeqStringCharsOffset, n) {
			d[i] = uint16(c)
		}
	default:
		copy(h.Uint16s(dst, layout.SeqStringCharsOffset+2*uint32(at), n), h.Uint16s(a, layout.SeqStringCharsOffset, n))
	}
}

// --- Reading -----------------------------------------------------------

// CharCodeAt returns the UTF-16 code unit at index i (0 <= i < length) of
// the string v, flat or cons, without allocating.
func (f *Factory) CharCodeAt(v layout.Value, i int) uint16 {
	h := f.H
	for {
		a := v.Addr()
		switch h.InstanceType(a) {
		case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType:
			return uint16(h.U8(a, layout.SeqStringCharsOffset+uint32(i)))
		case layout.InternalizedTwoByteStringType, layout.SeqTwoByteStringType:
			return h.U16(a, layout.SeqStringCharsOffset+2*uint32(i))
		case layout.ConsOneByteStringType, layout.ConsTwoByteStringType:
			first := h.Field(a, layout.ConsStringFirstOffset)
			if n := h.Field(first.Addr(), layout.StringLengthOffset).SmiValue(); i >= n {
				i -= n
				v = h.Field(a, layout.ConsStringSecondOffset)
			} else {
				v = first
			}
		default:
			panic("objects: CharCodeAt of a non-string")
		}
	}
}

// StringToUTF16 returns a copy of the code units of the string v.
func (f *Factory) StringToUTF16(v layout.Value) []uint16 {
	return f.appendUTF16(make([]uint16, 0, f.StringLength(v)), v)
}

// appendUTF16 appends the code units of the string v to dst.
func (f *Factory) appendUTF16(dst []uint16, v layout.Value) []uint16 {
	it := f.stringSegments(v)
	for leaf, ok := it.next(); ok; leaf, ok = it.next() {
		dst = f.appendSeqUTF16(dst, leaf)
	}
	it.done()
	return dst
}

func (f *Factory) appendSeqUTF16(dst []uint16, v layout.Value) []uint16 {
	h := f.H
	a := v.Addr()
	n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
	if f.IsOneByteString(v) {
		for _, c := range h.Bytes(a, layout.SeqStringCharsOffset, n) {
			dst = append(dst, uint16(c))
		}
		return dst
	}
	return append(dst, h.Uint16s(a, layout.SeqStringCharsOffset, n)...)
}

// StringToGo converts the string v to UTF-8; lone surrogates become U+FFFD.
func (f *Factory) StringToGo(v layout.Value) string {
	h := f.H
	a := v.Addr()
	n := uint32(f.StringLength(v))
	switch h.InstanceType(a) {
	case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType:
		return latin1ToGo(h.Bytes(a, layout.SeqStringCharsOffset, n))
	case layout.InternalizedTwoByteStringType, layout.SeqTwoByteStringType:
		return utf16ToGo(h.Uint16s(a, layout.SeqStringCharsOffset, n))
	}
	return utf16ToGo(f.StringToUTF16(v))
}

// StringEquals reports whether the strings a and b have the same code
// units, whatever their representations.
func (f *Factory) StringEquals(a, b layout.Value) bool {
	if a == b {
		return true
	}
	h := f.H
	n := h.Field(a.Addr(), layout.StringLengthOffset)
	if n != h.Field(b.Addr(), layout.StringLengthOffset) {
		return false
	}
	ha, hb := h.Field(a.Addr(), layout.NameRawHashOffset), h.Field(b.Addr(), layout.NameRawHashOffset)
	if ha != 0 && hb != 0 && ha != hb {
		return false
	}
	if !f.IsConsString(a) && !f.IsConsString(b) {
		return f.seqRangeEqual(a, 0, b, 0, n.SmiValue())
	}
	ia, ib := segments{f: f, stack: []layout.Value{a}}, segments{f: f, stack: []layout.Value{b}}
	var la, lb layout.Value
	var oa, ob, na, nb int // offsets into and lengths of the current leaves
	for left := n.SmiValue(); left > 0; {
		if oa == na {
			la, _ = ia.next()
			oa, na = 0, f.StringLength(la)
		}
		if ob == nb {
			lb, _ = ib.next()
			ob, nb = 0, f.StringLength(lb)
		}
		k := min(na-oa, nb-ob)
		if !f.seqRangeEqual(la, oa, lb, ob, k) {
			return false
		}
		oa, ob, left = oa+k, ob+k, left-k
	}
	return true
}

// seqRangeEqual compares n code units of the sequential strings a (from
// index i) and b (from index j).
func (f *Factory) seqRangeEqual(a layout.Value, i int, b layout.Value, j int, n int) bool {
	h := f.H
	oa, ob := f.IsOneByteString(a), f.IsOneByteString(b)
	switch {
	case oa && ob:
		return string(h.Bytes(a.Addr(), layout.SeqStringCharsOffset+uint32(i), uint32(n))) ==
			string(h.Bytes(b.Addr(), layout.SeqStringCharsOffset+uint32(j), uint32(n)))
	case !oa && !ob:
		return string(h.Bytes(a.Addr(), layout.SeqStringCharsOffset+2*uint32(i), 2*uint32(n))) ==
			string(h.Bytes(b.Addr(), layout.SeqStringCharsOffset+2*uint32(j), 2*uint32(n)))
	case oa:
		return latin1EqualsUTF16(h.Bytes(a.Addr(), layout.SeqStringCharsOffset+uint32(i), uint32(n)),
			h.Uint16s(b.Addr(), layout.SeqStringCharsOffset+2*uint32(j), uint32(n)))
	default:
		return latin1EqualsUTF16(h.Bytes(b.Addr(), layout.SeqStringCharsOffset+uint32(j), uint32(n)),
			h.Uint16s(a.Addr(), layout.SeqStringCharsOffset+2*uint32(i), uint32(n)))
	}
}

// --- Hashing -----------------------------------------------------------

// StringHash returns the hash of the string v, computed over its UTF-16 code
// units (so one-byte and two-byte storage of the same text agree) and cached
// in its hash field, except in read-only strings, whose hash was computed
// before the space was sealed.
func (f *Factory) StringHash(v layout.Value) uint32 {
	h := f.H
	a := v.Addr()
	if raw := h.Field(a, layout.NameRawHashOffset); raw != 0 {
		return uint32(raw.SmiValue())
	}
	field := f.computeStringHash(v)
	if !h.InReadOnlySpace(a) {
		h.SetField(a, layout.NameRawHashOffset, field)
	}
	return uint32(field.SmiValue())
}

// computeStringHash computes (without caching) the hash field of the string v.
func (f *Factory) computeStringHash(v layout.Value) layout.Value {
	h := f.H
	a := v.Addr()
	n := uint32(h.Field(a, layout.StringLengthOffset).SmiValue())
	switch h.InstanceType(a) {
	case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType:
		return finishHash(hashOneByte(h.Bytes(a, layout.SeqStringCharsOffset, n)))
	case layout.InternalizedTwoByteStringType, layout.SeqTwoByteStringType:
		return finishHash(hashTwoByte(h.Uint16s(a, layout.SeqStringCharsOffset, n)))
	}
	var buf [128]uint16
	return finishHash(hashTwoByte(f.appendUTF16(buf[:0], v)))
}

// NameHash returns the hash of a property key: a string's content hash, or
// a symbol's random hash.
func (f *Factory) NameHash(v layout.Value) uint32 {
	h := f.H
	if raw := h.Field(v.Addr(), layout.NameRawHashOffset); raw != 0 {
		return uint32(raw.SmiValue())
	}
	return f.StringHash(v)
}

// --- Go-side text helpers ----------------------------------------------

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf16Measure returns the UTF-16 length of s and whether every code unit
// fits in one byte.
func utf16Measure(s string) (n int, oneByte bool) {
	oneByte = true
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			n += 2
			oneByte = false
		case r > 0xFF:
			n++
			oneByte = false
		default:
			n++
		}
	}
	return n, oneByte
}

// writeLatin1 stores the code points of s, all at most 0xFF, into dst.
func writeLatin1(dst []byte, s string) {
	i := 0
	for _, r := range s {
		dst[i] = byte(r)
		i++
	}
}

// writeUTF16 stores the UTF-16 encoding of s into dst.
func writeUTF16(dst []uint16, s string) {
	i := 0
	for _, r := range s {
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			dst[i], dst[i+1] = uint16(r1), uint16(r2)
			i += 2
			continue
		}
		dst[i] = uint16(r)
		i++
	}
}

// isLatin1 reports whether every unit of u is at most 0xFF.
func isLatin1(u []uint16) bool {
	var or uint16
	for _, c := range u {
		or |= c
	}
	return or <= 0xFF
}

// narrow stores the Latin-1 units of u into dst.
func narrow(dst []byte, u []uint16) {
	dst = dst[:len(u)]
	for i, c := range u {
		dst[i] = byte(c)
	}
}

func latin1EqualsUTF16(b []byte, u []uint16) bool {
	u = u[:len(b)]
	for i, c := range b {
		if uint16(c) != u[i] {
			return false
		}
	}
	return true
}

// latin1ToGo converts Latin-1 code units to UTF-8.
func latin1ToGo(b []byte) string {
	extra := 0
	for _, c := range b {
		extra += int(c >> 7)
	}
	if extra == 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b)+extra)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// utf16ToGo converts UTF-16 code units to UTF-8, lone surrogates to U+FFFD.
func utf16ToGo(u []uint16) string {
	out := make([]byte, 0, len(u)+len(u)/2)
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		switch {
		case c < utf8.RuneSelf:
			out = append(out, byte(c))
			continue
		case utf16.IsSurrogate(c):
			if c < 0xDC00 && i+1 < len(u) {
				if r := utf16.DecodeRune(c, rune(u[i+1])); r != utf8.RuneError {
					out = utf8.AppendRune(out, r)
					i++
					continue
				}
			}
			c = utf8.RuneError
		}
		out = utf8.AppendRune(out, c)
	}
	return unsafe.String(unsafe.SliceData(out), len(out))
}
