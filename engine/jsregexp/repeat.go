package jsregexp

// newRepeat builds a quantified atom: a starNode when the atom is a
// single character or fixed string (no captures, never empty), else the
// general repeatNode. max is -1 for no upper bound.
func newRepeat(atom node, min, max int, greedy bool, parenIndex, parenCount int) node {
	if max == 0 {
		// x{0} matches empty, but its captures still exist (unset).
		return emptyNode{}
	}
	if min == 1 && max == 1 {
		return atom
	}
	switch a := atom.(type) {
	case *atomNode:
		return &starNode{atom: a, min: min, max: max, greedy: greedy}
	case *litNode:
		if len(a.units) > 0 {
			return &starNode{atom: a, min: min, max: max, greedy: greedy, width: len(a.units)}
		}
	}
	return &repeatNode{body: atom, min: min, max: max, greedy: greedy, parenIndex: parenIndex, parenCount: parenCount}
}

// repeatNode is ECMA-262's RepeatMatcher: each iteration resets the
// captures inside the atom, and once the minimum is met an iteration
// that matched the empty string fails.
type repeatNode struct {
	body                   node
	min, max               int
	greedy                 bool
	parenIndex, parenCount int
}

func (r *repeatNode) match(m *machine, pos int, k cont) bool {
	return r.rep(m, pos, r.min, r.max, k)
}

func (r *repeatNode) rep(m *machine, x int, min, max int, k cont) bool {
	if max == 0 {
		return k(x)
	}
	m.enter()
	d := func(y int) bool {
		if min == 0 && y == x {
			return false
		}
		min2, max2 := min, max
		if min2 > 0 {
			min2--
		}
		if max2 > 0 {
			max2--
		}
		return r.rep(m, y, min2, max2, k)
	}
	if min != 0 {
		return r.iterate(m, x, d) || m.unwind()
	}
	if !r.greedy {
		return k(x) || r.iterate(m, x, d) || m.unwind()
	}
	return r.iterate(m, x, d) || k(x) || m.unwind()
}

// iterate runs one iteration of the body with its captures reset.
func (r *repeatNode) iterate(m *machine, x int, d cont) bool {
	if r.parenCount == 0 {
		return r.body.match(m, x, d)
	}
	lo, hi := 2*(r.parenIndex+1), 2*(r.parenIndex+r.parenCount+1)
	saved := append([]int(nil), m.caps[lo:hi]...)
	for i := lo; i < hi; i++ {
		m.caps[i] = -1
	}
	if r.body.match(m, x, d) {
		return true
	}
	copy(m.caps[lo:hi], saved)
	return false
}

// starNode repeats a single-character or fixed-string atom with a loop
// instead of nested continuations, so long runs cost no stack. width is
// the atom's length in code units when fixed (strings), 0 for a
// character, whose width varies in unicode mode.
type starNode struct {
	atom     stepper
	min, max int
	greedy   bool
	width    int
}

func (s *starNode) match(m *machine, pos int, k cont) bool {
	m.enter()
	if s.greedy {
		if s.greedyMatch(m, pos, k) {
			return true
		}
	} else if s.lazyMatch(m, pos, k) {
		return true
	}
	m.leave()
	return false
}

func (s *starNode) greedyMatch(m *machine, pos int, k cont) bool {
	p := pos
	n := 0
	for s.max < 0 || n < s.max {
		np, ok := s.atom.step(m, p)
		if !ok {
			break
		}
		p = np
		n++
		if n&(pollEvery-1) == 0 {
			m.tick()
		}
	}
	if n < s.min {
		return false
	}
	back := false
	if a, ok := s.atom.(*atomNode); ok {
		back = a.back
	} else {
		back = s.atom.(*litNode).back
	}
	for {
		m.tick()
		if k(p) {
			return true
		}
		if n == s.min {
			return false
		}
		n--
		// Step back over one iteration. A character's width is
		// recovered by reading it again in the opposite direction;
		// surrogate pairs split the same way in both directions.
		switch {
		case s.width > 0 && back:
			p += s.width
		case s.width > 0:
			p -= s.width
		case back:
			_, p = m.next(p)
		default:
			_, p = m.prev(p)
		}
	}
}

func (s *starNode) lazyMatch(m *machine, pos int, k cont) bool {
	p := pos
	n := 0
	for ; n < s.min; n++ {
		np, ok := s.atom.step(m, p)
		if !ok {
			return false
		}
		p = np
	}
	for {
		m.tick()
		if k(p) {
			return true
		}
		if s.max >= 0 && n >= s.max {
			return false
		}
		np, ok := s.atom.step(m, p)
		if !ok {
			return false
		}
		p = np
		n++
	}
}
