package ast

import (
	"sort"
	"unicode/utf8"
)

// blockShift sets the granularity of the UTF-16 checkpoints: one every
// 256 bytes, so a conversion scans at most 255 bytes whatever the line
// length (minified code has megabyte-long lines).
const blockShift = 8

// A LineIndex converts byte offsets of one source text into UTF-16
// offsets (what JavaScript strings, CDP and V8 count) and into 0-based
// line and UTF-16 column numbers. Build it once per source with
// NewLineIndex; it is read-only afterwards and safe for concurrent use.
//
// Line terminators are those of ECMAScript: LF, CR, CRLF (one
// terminator), U+2028 and U+2029.
type LineIndex struct {
	src string
	// lineStarts[i] is the byte offset where line i begins.
	lineStarts []int32
	// blocks[k] is the UTF-16 length of the runes that start before byte
	// k<<blockShift; nil when the source is pure ASCII.
	blocks []int32
}

// NewLineIndex scans src once and returns its index.
func NewLineIndex(src string) *LineIndex {
	ix := &LineIndex{src: src, lineStarts: make([]int32, 1, len(src)/32+1)}
	ascii := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			ix.lineStarts = append(ix.lineStarts, int32(i+1))
		case c == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			ix.lineStarts = append(ix.lineStarts, int32(i+1))
		case c >= 0x80:
			ascii = false
			// U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
			if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
				ix.lineStarts = append(ix.lineStarts, int32(i+3))
				i += 2
			}
		}
	}
	if !ascii {
		n := len(src)>>blockShift + 1
		ix.blocks = make([]int32, n)
		var units int32
		for k := 0; k < n; k++ {
			ix.blocks[k] = units
			end := min((k+1)<<blockShift, len(src))
			units += int32(utf16Units(src[k<<blockShift : end]))
		}
	}
	return ix
}

// utf16Units counts the UTF-16 units of the runes that start in s (a rune
// straddling the end of s counts fully; a leading continuation byte does
// not count). Invalid bytes count one unit each, as U+FFFD.
func utf16Units(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			n++
		} else if c >= 0xF0 {
			n += 2
		} else if c >= 0xC0 {
			n++
		}
	}
	return n
}

// UTF16 returns the UTF-16 offset of byte offset off. An offset inside a
// multi-byte character maps to the character's start.
func (ix *LineIndex) UTF16(off Pos) int {
	o := int(off)
	if o > len(ix.src) {
		o = len(ix.src)
	}
	if o < 0 {
		o = 0
	}
	if ix.blocks == nil {
		return o
	}
	k := o >> blockShift
	return int(ix.blocks[k]) + utf16Units(ix.src[k<<blockShift:o])
}

// ByteOffset returns the byte offset of UTF-16 offset u (the inverse of
// UTF16; an offset inside a surrogate pair maps to the character's start).
func (ix *LineIndex) ByteOffset(u int) Pos {
	if u <= 0 {
		return 0
	}
	if ix.blocks == nil {
		return Pos(min(u, len(ix.src)))
	}
	k := sort.Search(len(ix.blocks), func(k int) bool { return int(ix.blocks[k]) > u }) - 1
	i := k << blockShift
	n := int(ix.blocks[k])
	// Skip continuation bytes that belong to a rune started in the previous block.
	for i < len(ix.src) && ix.src[i]&0xC0 == 0x80 {
		i++
	}
	for i < len(ix.src) {
		_, size := utf8.DecodeRuneInString(ix.src[i:])
		w := 1
		if ix.src[i] >= 0xF0 {
			w = 2
		}
		if n+w > u {
			break
		}
		n += w
		i += size
	}
	return Pos(i)
}

// Line returns the 0-based line containing byte offset off.
func (ix *LineIndex) Line(off Pos) int {
	return sort.Search(len(ix.lineStarts), func(i int) bool { return ix.lineStarts[i] > int32(off) }) - 1
}

// LineCol returns the 0-based line and the 0-based UTF-16 column of byte
// offset off, as CDP reports locations. (V8's error messages print line+1.)
func (ix *LineIndex) LineCol(off Pos) (line, col int) {
	line = ix.Line(off)
	return line, ix.UTF16(off) - ix.UTF16(Pos(ix.lineStarts[line]))
}

// LineStart returns the byte offset where 0-based line begins.
func (ix *LineIndex) LineStart(line int) Pos { return Pos(ix.lineStarts[line]) }

// LineCount returns the number of lines (one more than the number of line
// terminators).
func (ix *LineIndex) LineCount() int { return len(ix.lineStarts) }

// LineEnds16 returns the UTF-16 offset of every line terminator, and the
// source's UTF-16 length last, as V8's Script::line_ends holds them.
func (ix *LineIndex) LineEnds16() []int {
	ends := make([]int, 0, len(ix.lineStarts))
	for i := 1; i < len(ix.lineStarts); i++ {
		start := int(ix.lineStarts[i])
		// Back up over the terminator to its first byte.
		t := start - 1
		switch {
		case ix.src[t] == '\n' && t > 0 && ix.src[t-1] == '\r':
			t--
		case ix.src[t] == 0xA8 || ix.src[t] == 0xA9:
			t -= 2
		}
		ends = append(ends, ix.UTF16(Pos(t)))
	}
	return append(ends, ix.UTF16(Pos(len(ix.src))))
}
