package heapsnapshot

import (
	"io"
	"math/bits"
	"unicode/utf8"
)

// jsonWriter streams the snapshot's JSON in chunks of exactly chunk bytes
// (the last one shorter), each one Write call: the CDP layer sends each as
// one HeapProfiler.addHeapSnapshotChunk, as node does with 102400-character
// chunks. The output is pure ASCII (every other character is \u-escaped), so
// a chunk boundary never splits a character. Numbers are formatted by hand:
// this is the hot path of serialization.
type jsonWriter struct {
	out     io.Writer
	buf     []byte
	chunk   int
	err     error
	first   bool  // the next row is the first of its array: no comma
	written int64 // bytes handed to out
}

func newJSONWriter(out io.Writer, chunk int) *jsonWriter {
	return &jsonWriter{out: out, chunk: chunk, buf: make([]byte, 0, chunk+16<<10)}
}

// maybeFlush writes out every full chunk in the buffer.
func (w *jsonWriter) maybeFlush() {
	for len(w.buf) >= w.chunk {
		if w.err == nil {
			_, w.err = w.out.Write(w.buf[:w.chunk])
			w.written += int64(w.chunk)
		}
		w.buf = w.buf[:copy(w.buf, w.buf[w.chunk:])]
	}
}

// finish writes out what is left.
func (w *jsonWriter) finish() error {
	w.maybeFlush()
	if len(w.buf) > 0 && w.err == nil {
		_, w.err = w.out.Write(w.buf)
		w.written += int64(len(w.buf))
	}
	w.buf = w.buf[:0]
	return w.err
}

// raw appends s as is.
func (w *jsonWriter) raw(s string) {
	w.buf = append(w.buf, s...)
	w.maybeFlush()
}

// number appends a decimal number.
func (w *jsonWriter) number(v uint64) {
	w.buf = appendUint(w.buf, v)
	w.maybeFlush()
}

// startArray begins an array of rows.
func (w *jsonWriter) startArray(s string) {
	w.raw(s)
	w.first = true
}

// rowRoom is more than any row takes: 7 numbers of at most 10 digits, their
// separators and the newline. The buffer always has that much room past its
// length: it is flushed whenever it reaches a chunk, and has 16 KiB beyond.
const rowRoom = 7*11 + 2

// row returns the buffer extended by rowRoom bytes and where the row starts
// (after its separator).
func (w *jsonWriter) row() ([]byte, int) {
	b := w.buf
	n := len(b)
	b = b[:n+rowRoom]
	if w.first {
		w.first = false
		return b, n
	}
	b[n] = ','
	return b, n + 1
}

// endRow keeps the row's i bytes and flushes full chunks.
func (w *jsonWriter) endRow(b []byte, i int) {
	w.buf = b[:i]
	if i >= w.chunk {
		w.maybeFlush()
	}
}

// node appends a node row: type, name, id, self_size, edge_count,
// trace_node_id (0), detachedness (0).
func (w *jsonWriter) node(t nodeType, name, id, size, edges, trace uint32) {
	b, i := w.row()
	i = putUint32(b, i, uint32(t))
	b[i] = ','
	i = putUint32(b, i+1, name)
	b[i] = ','
	i = putUint32(b, i+1, id)
	b[i] = ','
	i = putUint32(b, i+1, size)
	b[i] = ','
	i = putUint32(b, i+1, edges)
	b[i] = ','
	i = putUint32(b, i+1, trace)
	i += copy(b[i:], ",0\n")
	w.endRow(b, i)
}

// edge appends an edge row: type, name_or_index, to_node.
func (w *jsonWriter) edge(t, name, to uint32) {
	b, i := w.row()
	b[i] = byte('0' + t) // edge types are one digit
	b[i+1] = ','
	i = putUint32(b, i+2, name)
	b[i] = ','
	i = putUint32(b, i+1, to)
	b[i] = '\n'
	w.endRow(b, i+1)
}

// location appends a location row: object_index, script_id, line, column.
func (w *jsonWriter) location(node uint32, l location) {
	b, i := w.row()
	i = putUint32(b, i, node)
	b[i] = ','
	i = putUint32(b, i+1, uint32(l.scriptID))
	b[i] = ','
	i = putUint32(b, i+1, uint32(l.line))
	b[i] = ','
	i = putUint32(b, i+1, uint32(l.column))
	b[i] = '\n'
	w.endRow(b, i+1)
}

// stringStart begins a strings-table entry (",\n\"", as V8 writes them).
func (w *jsonWriter) stringStart() { w.buf = append(w.buf, ",\n\""...) }

// stringEnd ends a strings-table entry.
func (w *jsonWriter) stringEnd() {
	w.buf = append(w.buf, '"')
	w.maybeFlush()
}

const hexDigits = "0123456789ABCDEF"

// appendEscapedByte appends one Latin-1 character or UTF-16 code unit as V8's
// serializer does: \b \f \n \r \t \" \\ by name, other control characters
// and everything beyond ASCII as \uXXXX.
func appendEscapedUnit(b []byte, c uint16) []byte {
	switch {
	case c >= 0x20 && c < 0x80 && c != '"' && c != '\\':
		return append(b, byte(c))
	case c == '"' || c == '\\':
		return append(b, '\\', byte(c))
	case c == '\b':
		return append(b, '\\', 'b')
	case c == '\f':
		return append(b, '\\', 'f')
	case c == '\n':
		return append(b, '\\', 'n')
	case c == '\r':
		return append(b, '\\', 'r')
	case c == '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', hexDigits[c>>12], hexDigits[c>>8&15], hexDigits[c>>4&15], hexDigits[c&15])
}

// needsEscape is true for the bytes a JSON string cannot hold as they are.
var needsEscape = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\'
	}
	return
}()

// appendLatin1 appends one-byte characters, copying runs that need no escape.
func appendLatin1(b, s []byte) []byte {
	start := 0
	for i, c := range s {
		if needsEscape[c] {
			b = append(b, s[start:i]...)
			b = appendEscapedUnit(b, uint16(c))
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

// appendUTF16 appends two-byte characters (lone surrogates included: JSON
// \u escapes carry them).
func appendUTF16(b []byte, s []uint16) []byte {
	for _, c := range s {
		b = appendEscapedUnit(b, c)
	}
	return b
}

// appendGoString appends UTF-8 text, characters beyond the BMP as surrogate
// pairs.
func appendGoString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			b = appendEscapedUnit(b, uint16(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0x10000 {
			r -= 0x10000
			b = appendEscapedUnit(b, uint16(0xD800+r>>10))
			b = appendEscapedUnit(b, uint16(0xDC00+r&0x3FF))
		} else {
			b = appendEscapedUnit(b, uint16(r))
		}
	}
	return b
}

// digitPairs holds "00" to "99" for two-digits-at-a-time formatting.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// uint32Digits returns the number of decimal digits of v.
func uint32Digits(v uint32) int {
	// bits.Len32 gives ⌊log2⌋+1; ×1233>>12 approximates ×log10(2).
	n := (bits.Len32(v) * 1233) >> 12
	if v >= pow10[n] {
		n++
	}
	return max(n, 1)
}

var pow10 = [...]uint32{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000}

// putUint32 writes v in decimal at b[i:], which must have room, and returns
// the index after it. Hot path: two digits per 32-bit division, no copy.
func putUint32(b []byte, i int, v uint32) int {
	end := i + uint32Digits(v)
	j := end
	for v >= 100 {
		q := v / 100
		r := (v - q*100) * 2
		j -= 2
		b[j+1] = digitPairs[r+1]
		b[j] = digitPairs[r]
		v = q
	}
	if v >= 10 {
		b[j-1] = digitPairs[v*2+1]
		b[j-2] = digitPairs[v*2]
	} else {
		b[j-1] = byte('0' + v)
	}
	return end
}

// appendUint32 appends v in decimal.
func appendUint32(b []byte, v uint32) []byte {
	n := len(b)
	b = append(b, "0000000000"[:uint32Digits(v)]...)
	putUint32(b, n, v)
	return b
}

// appendUint appends v in decimal.
func appendUint(b []byte, v uint64) []byte {
	if v <= 1<<32-1 {
		return appendUint32(b, uint32(v))
	}
	var tmp [20]byte
	i := len(tmp)
	for v > 0 {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}
