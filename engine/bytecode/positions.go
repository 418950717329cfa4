package bytecode

// The source position table maps bytecode offsets to source positions
// (UTF-16 offsets into the script's source): for stack traces, the CPU
// profiler's positionTicks and the debugger. Entries are in bytecode order;
// each is a statement position (where a statement starts) or an expression
// position (the call, property access or operator that may throw). The
// position of an instruction is that of the last entry at or before it.
//
// Encoding, per entry: uvarint(pc - previous pc), then
// uvarint(zigzag(pos - previous pos) << 1 | isStatement).

// Position is one entry of a source position table.
type Position struct {
	PC, Pos   int
	Statement bool
}

// PositionTableBuilder encodes a table.
type PositionTableBuilder struct {
	buf         []byte
	lastPC      int
	lastPos     int
	lastEntryPC int
	any         bool
}

// Add appends an entry. Entries must come in increasing pc order; a second
// entry for one pc replaces an expression entry by a statement entry only
// by appending (the decoder keeps the last).
func (b *PositionTableBuilder) Add(pc, pos int, statement bool) {
	if b.any && pc == b.lastEntryPC && pos == b.lastPos {
		return
	}
	b.buf = appendUvarint(b.buf, uint64(pc-b.lastPC))
	d := int64(pos - b.lastPos)
	z := uint64(d<<1) ^ uint64(d>>63)
	s := uint64(0)
	if statement {
		s = 1
	}
	b.buf = appendUvarint(b.buf, z<<1|s)
	b.lastPC, b.lastPos, b.lastEntryPC, b.any = pc, pos, pc, true
}

// Bytes returns the encoded table.
func (b *PositionTableBuilder) Bytes() []byte { return b.buf }

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func uvarint(b []byte, i int) (uint64, int) {
	var v uint64
	var shift uint
	for {
		c := b[i]
		i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, i
		}
		shift += 7
	}
}

// PositionIterator walks an encoded table in order.
type PositionIterator struct {
	table []byte
	i     int
	cur   Position
}

// NewPositionIterator starts a walk of table.
func NewPositionIterator(table []byte) PositionIterator { return PositionIterator{table: table} }

// Next advances to the next entry, reporting false at the end.
func (it *PositionIterator) Next() bool {
	if it.i >= len(it.table) {
		return false
	}
	var dpc, z uint64
	dpc, it.i = uvarint(it.table, it.i)
	z, it.i = uvarint(it.table, it.i)
	it.cur.PC += int(dpc)
	it.cur.Statement = z&1 != 0
	z >>= 1
	it.cur.Pos += int(int64(z>>1) ^ -int64(z&1))
	return true
}

// Position returns the current entry.
func (it *PositionIterator) Position() Position { return it.cur }

// DecodePositions returns every entry of table.
func DecodePositions(table []byte) []Position {
	var out []Position
	it := NewPositionIterator(table)
	for it.Next() {
		out = append(out, it.Position())
	}
	return out
}

// SourcePosition returns the source position of the instruction at pc: the
// last entry at or before it, or -1 when there is none.
func SourcePosition(table []byte, pc int) int {
	pos := -1
	it := NewPositionIterator(table)
	for it.Next() {
		if it.cur.PC > pc {
			break
		}
		pos = it.cur.Pos
	}
	return pos
}
