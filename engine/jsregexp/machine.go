package jsregexp

// machine is the state of one match attempt: the input, the capture
// registers and the budget counters. Nodes read and write it while
// backtracking; it is never shared between goroutines.
type machine struct {
	input   []uint16
	caps    []int // start,end per group (group 0 included); -1 unset
	unicode bool  // read code points (u and v modes)

	start  int  // where the current attempt began
	accept cont // the final continuation: records group 0

	steps     int
	interrupt func() bool
	depth     int
}

// acceptAt ends a successful attempt at end, recording group 0.
func (m *machine) acceptAt(end int) bool {
	m.caps[0], m.caps[1] = m.start, end
	return true
}

// pollEvery is how many steps pass between polls of the interrupt hook.
const pollEvery = 1 << 12

// maxDepth bounds nested continuations (roughly: quantifier iterations
// that may still be backtracked into), so a huge backtracking state
// fails with ErrStackOverflow instead of exhausting the Go stack.
const maxDepth = 200_000

// matchAbort unwinds a match that was interrupted or ran out of depth.
type matchAbort struct{ err error }

// tick counts a step and polls the interrupt hook now and then.
func (m *machine) tick() {
	m.steps++
	if m.steps&(pollEvery-1) == 0 && m.interrupt != nil && m.interrupt() {
		panic(matchAbort{ErrInterrupted})
	}
}

// enter and leave bracket a node that calls a continuation.
func (m *machine) enter() {
	m.depth++
	if m.depth > maxDepth {
		panic(matchAbort{ErrStackOverflow})
	}
	m.tick()
}

func (m *machine) leave() { m.depth-- }

// next reads the character at pos going forward: a code unit, or in
// unicode mode a code point (a surrogate pair read as one). It returns
// -1 at the end of the input, and in unicode mode between the halves of
// a pair, where V8 matches no character (only assertions and empty
// matches succeed there).
func (m *machine) next(pos int) (rune, int) {
	in := m.input
	if pos >= len(in) {
		return -1, pos
	}
	c := rune(in[pos])
	if m.unicode && c >= 0xD800 && c <= 0xDFFF {
		if c <= 0xDBFF {
			if pos+1 < len(in) && isTrail(in[pos+1]) {
				return 0x10000 + (c-0xD800)<<10 + (rune(in[pos+1]) - 0xDC00), pos + 2
			}
		} else if pos > 0 && isLead(in[pos-1]) {
			return -1, pos
		}
	}
	return c, pos + 1
}

// prev reads the character ending at pos going backward (lookbehind),
// with next's rules.
func (m *machine) prev(pos int) (rune, int) {
	in := m.input
	if pos <= 0 {
		return -1, pos
	}
	c := rune(in[pos-1])
	if m.unicode && c >= 0xD800 && c <= 0xDFFF {
		if c >= 0xDC00 {
			if pos-2 >= 0 && isLead(in[pos-2]) {
				return 0x10000 + (rune(in[pos-2])-0xD800)<<10 + (c - 0xDC00), pos - 2
			}
		} else if pos < len(in) && isTrail(in[pos]) {
			return -1, pos
		}
	}
	return c, pos - 1
}

// midPair reports whether pos splits a surrogate pair.
func midPair(in []uint16, pos int) bool {
	return pos > 0 && pos < len(in) && isLead(in[pos-1]) && isTrail(in[pos])
}
