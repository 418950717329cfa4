package jsregexp

// cont is a matcher continuation: the rest of the pattern, given the
// position reached. It reports whether the whole match succeeded.
type cont func(pos int) bool

// node is a compiled pattern piece (ECMA-262's Matcher): it tries to
// match at pos and calls k for each way it can, in priority order,
// until k succeeds.
type node interface {
	match(m *machine, pos int, k cont) bool
}

// stepper is a node with at most one way to match; sequences run it
// inline without building a continuation.
type stepper interface {
	node
	step(m *machine, pos int) (int, bool)
}

// emptyNode matches the empty string.
type emptyNode struct{}

func (emptyNode) step(m *machine, pos int) (int, bool)   { return pos, true }
func (emptyNode) match(m *machine, pos int, k cont) bool { return k(pos) }

// atomNode matches one character in set (or not in it, if invert),
// reading forward or, in lookbehind, backward. Under i the set was
// closed over case variants when compiled.
type atomNode struct {
	set    charSet
	invert bool
	back   bool
}

func (a *atomNode) step(m *machine, pos int) (int, bool) {
	var c rune
	var np int
	if a.back {
		c, np = m.prev(pos)
	} else {
		c, np = m.next(pos)
	}
	if c < 0 || a.set.contains(c) == a.invert {
		return pos, false
	}
	return np, true
}

func (a *atomNode) match(m *machine, pos int, k cont) bool {
	np, ok := a.step(m, pos)
	return ok && k(np)
}

// litNode matches a string of code units exactly. In unicode mode it
// never holds a lone surrogate (see parser.charNode), so comparing code
// units equals comparing code points.
type litNode struct {
	units []uint16
	back  bool
}

func (l *litNode) step(m *machine, pos int) (int, bool) {
	n := len(l.units)
	start := pos
	if l.back {
		start = pos - n
	}
	if start < 0 || start+n > len(m.input) {
		return pos, false
	}
	in := m.input[start : start+n]
	for i, u := range l.units {
		if in[i] != u {
			return pos, false
		}
	}
	if l.back {
		return start, true
	}
	return start + n, true
}

func (l *litNode) match(m *machine, pos int, k cont) bool {
	np, ok := l.step(m, pos)
	return ok && k(np)
}

// assertion kinds.
const (
	assertBegin = iota
	assertEnd
	assertWord
	assertNotWord
)

// assertNode is ^, $, \b or \B.
type assertNode struct {
	kind      int
	multiline bool
	words     charSet // for \b and \B: WordCharacters
}

func (a *assertNode) step(m *machine, pos int) (int, bool) {
	in := m.input
	switch a.kind {
	case assertBegin:
		return pos, pos == 0 || a.multiline && isLineTerminator(rune(in[pos-1]))
	case assertEnd:
		return pos, pos == len(in) || a.multiline && isLineTerminator(rune(in[pos]))
	}
	before := pos > 0 && a.words.contains(rune(in[pos-1]))
	after := pos < len(in) && a.words.contains(rune(in[pos]))
	return pos, (before != after) == (a.kind == assertWord)
}

func (a *assertNode) match(m *machine, pos int, k cont) bool {
	_, ok := a.step(m, pos)
	return ok && k(pos)
}

// seqNode matches its terms one after another; in a lookbehind the terms
// are stored in reverse (MatchSequence with direction backward).
type seqNode struct {
	terms []node
	steps []stepper // steps[i] is terms[i] when it is a stepper
}

// newSeq builds a sequence of terms in source order for the direction.
func newSeq(terms []node, back bool) node {
	switch len(terms) {
	case 0:
		return emptyNode{}
	case 1:
		return terms[0]
	}
	if back {
		for i, j := 0, len(terms)-1; i < j; i, j = i+1, j-1 {
			terms[i], terms[j] = terms[j], terms[i]
		}
	}
	s := &seqNode{terms: terms, steps: make([]stepper, len(terms))}
	for i, t := range terms {
		if st, ok := t.(stepper); ok {
			s.steps[i] = st
		}
	}
	return s
}

func (s *seqNode) match(m *machine, pos int, k cont) bool { return s.from(m, 0, pos, k) }

func (s *seqNode) from(m *machine, i int, pos int, k cont) bool {
	for ; i < len(s.terms); i++ {
		if st := s.steps[i]; st != nil {
			np, ok := st.step(m, pos)
			if !ok {
				return false
			}
			pos = np
			continue
		}
		if i == len(s.terms)-1 {
			return s.terms[i].match(m, pos, k)
		}
		rest := i + 1
		return s.terms[i].match(m, pos, func(p int) bool { return s.from(m, rest, p, k) })
	}
	return k(pos)
}

// altNode tries its alternatives in order.
type altNode struct{ alts []node }

func (a *altNode) match(m *machine, pos int, k cont) bool {
	m.enter()
	for _, alt := range a.alts {
		if alt.match(m, pos, k) {
			return true
		}
	}
	m.leave()
	return false
}

// groupNode records capture group index around its body.
type groupNode struct {
	index int
	body  node
	back  bool
}

func (g *groupNode) match(m *machine, pos int, k cont) bool {
	m.enter()
	ok := g.body.match(m, pos, func(e int) bool {
		i := 2 * g.index
		s0, e0 := m.caps[i], m.caps[i+1]
		if g.back {
			m.caps[i], m.caps[i+1] = e, pos
		} else {
			m.caps[i], m.caps[i+1] = pos, e
		}
		if k(e) {
			return true
		}
		m.caps[i], m.caps[i+1] = s0, e0
		return false
	})
	if !ok {
		m.leave()
	}
	return ok
}

// lookNode is a lookahead or lookbehind (its body was compiled for the
// direction). Lookarounds are atomic: once the body matched, the rest of
// the pattern cannot backtrack into it.
type lookNode struct {
	body   node
	negate bool
}

func (l *lookNode) match(m *machine, pos int, k cont) bool {
	m.enter()
	depth := m.depth
	saved := append([]int(nil), m.caps...)
	matched := l.body.match(m, pos, func(int) bool { return true })
	m.depth = depth
	if l.negate {
		copy(m.caps, saved)
		if matched {
			m.leave()
			return false
		}
		return k(pos) || m.unwind()
	}
	if !matched {
		m.leave()
		return false
	}
	if k(pos) {
		return true
	}
	copy(m.caps, saved)
	m.leave()
	return false
}

// unwind undoes an enter on a failure path; it always returns false.
func (m *machine) unwind() bool {
	m.leave()
	return false
}

// backrefNode matches the text a group captured (nothing if the group
// is unset), comparing case-insensitively under i. name is set for \k
// until the parser resolves it to group.
type backrefNode struct {
	group   int
	name    string
	back    bool
	fold    *foldIndex
	unicode bool
}

func (b *backrefNode) step(m *machine, pos int) (int, bool) {
	s, e := m.caps[2*b.group], m.caps[2*b.group+1]
	if s < 0 || e < 0 {
		return pos, true
	}
	n := e - s
	start := pos
	if b.back {
		start = pos - n
	}
	if start < 0 || start+n > len(m.input) {
		return pos, false
	}
	end := pos + n
	if b.back {
		end = start
	}
	if b.fold == nil {
		for i := 0; i < n; i++ {
			if m.input[s+i] != m.input[start+i] {
				return pos, false
			}
		}
		if b.unicode && !b.aligned(m, start, start+n) {
			return pos, false
		}
		return end, true
	}
	for i, j := s, start; i < e; {
		c1, n1 := m.next(i)
		c2, n2 := m.next(j)
		if n1-i != n2-j || b.fold.canon(c1) != b.fold.canon(c2) {
			return pos, false
		}
		i, j = n1, n2
	}
	if b.unicode && !b.aligned(m, start, start+n) {
		return pos, false
	}
	return end, true
}

// aligned reports whether lo..hi does not split a surrogate pair at its
// ends (unicode mode matches whole code points).
func (b *backrefNode) aligned(m *machine, lo, hi int) bool {
	in := m.input
	if hi > lo && hi < len(in) && isLead(in[hi-1]) && isTrail(in[hi]) {
		return false
	}
	if lo > 0 && lo < len(in) && isLead(in[lo-1]) && isTrail(in[lo]) {
		return false
	}
	return true
}

func (b *backrefNode) match(m *machine, pos int, k cont) bool {
	np, ok := b.step(m, pos)
	return ok && k(np)
}

func isLead(u uint16) bool  { return u >= 0xD800 && u <= 0xDBFF }
func isTrail(u uint16) bool { return u >= 0xDC00 && u <= 0xDFFF }
