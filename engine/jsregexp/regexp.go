package jsregexp

// Regexp is a compiled pattern. It is immutable and safe to share; each
// Exec builds its own matching state.
type Regexp struct {
	source []uint16
	flags  Flags
	prog   node
	groups int      // capturing groups, not counting group 0
	names  []string // names[i] is group i+1's name, "" if unnamed
}

// Compile parses pattern with flags (a string of dgimsuvy). Errors are
// *SyntaxError with V8's message.
func Compile(pattern []uint16, flags string) (re *Regexp, err error) {
	f, ok := parseFlags(flags)
	if !ok {
		return nil, &SyntaxError{Flags: flags, flagsError: true}
	}
	p := &parser{src: patternChars(pattern, f.unicodeMode()), flags: f, unicode: f.unicodeMode(), sets: f.UnicodeSets}
	if f.IgnoreCase {
		p.fold = foldNonUnicode
		if p.unicode {
			p.fold = foldUnicode
		}
	}
	defer func() {
		if r := recover(); r != nil {
			msg, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			re, err = nil, &SyntaxError{Pattern: append([]uint16(nil), pattern...), Flags: flags, Reason: string(msg)}
		}
	}()
	prog := p.parse()
	return &Regexp{source: append([]uint16(nil), pattern...), flags: f, prog: prog, groups: p.groups, names: p.names}, nil
}

// Source returns the pattern as given to Compile (shared: do not modify).
func (re *Regexp) Source() []uint16 { return re.source }

// Flags returns the flags.
func (re *Regexp) Flags() Flags { return re.flags }

// NumGroups returns the number of capturing groups (group 0, the whole
// match, not counted).
func (re *Regexp) NumGroups() int { return re.groups }

// GroupNames returns the capture group names in group order: element i
// is the name of group i+1, "" for an unnamed group (shared: do not
// modify).
func (re *Regexp) GroupNames() []string { return re.names }

// HasNamedGroups reports whether any group is named (exec results then
// carry a groups object).
func (re *Regexp) HasNamedGroups() bool {
	for _, n := range re.names {
		if n != "" {
			return true
		}
	}
	return false
}

// Exec runs the matching part of RegExpBuiltinExec (ECMA-262 22.2.7.2)
// on input from lastIndex: without g or y lastIndex is ignored (0); with
// y the match must start at lastIndex; otherwise the first match at or
// after it is found. Start positions advance by code unit, as in V8;
// in unicode mode with g or y a start inside a surrogate pair first
// tries the pair's start. The result holds a
// start,end pair of UTF-16 indices per group (group 0 first), -1 for an
// unmatched group; the caller updates lastIndex from match[1].
func (re *Regexp) Exec(input []uint16, lastIndex int) (match []int, ok bool) {
	match, ok, _ = re.ExecInterruptible(input, lastIndex, nil)
	return match, ok
}

// ExecInterruptible is Exec with an interrupt hook, polled every few
// thousand backtracking steps; when it returns true the match stops with
// ErrInterrupted. A match whose backtracking state outgrows the
// matcher's limit stops with ErrStackOverflow.
func (re *Regexp) ExecInterruptible(input []uint16, lastIndex int, interrupt func() bool) (match []int, ok bool, err error) {
	f := re.flags
	if !f.Global && !f.Sticky {
		lastIndex = 0
	}
	if lastIndex < 0 {
		lastIndex = 0
	}
	if lastIndex > len(input) {
		return nil, false, nil
	}
	unicode := f.unicodeMode()
	// V8 (irregexp) scans start positions code unit by code unit even in
	// unicode mode; with g or y a start between the halves of a pair
	// first tries the pair's start ("optionally step back to lead
	// surrogate").
	stepBack := unicode && (f.Global || f.Sticky)
	m := &machine{input: input, caps: make([]int, 2*(re.groups+1)), unicode: unicode, interrupt: interrupt}
	m.accept = m.acceptAt
	defer func() {
		if r := recover(); r != nil {
			a, isAbort := r.(matchAbort)
			if !isAbort {
				panic(r)
			}
			match, ok, err = nil, false, a.err
		}
	}()
	first := re.firstUnit()
	for start := lastIndex; start <= len(input); {
		if first >= 0 && !f.Sticky {
			// Skip to the next occurrence of the required first unit.
			i := start
			for i < len(input) && input[i] != uint16(first) {
				i++
			}
			if i == len(input) {
				return nil, false, nil
			}
			start = i
		}
		if stepBack && midPair(input, start) && re.try(m, start-1) {
			return m.caps, true, nil
		}
		if re.try(m, start) {
			return m.caps, true, nil
		}
		if f.Sticky {
			break
		}
		start++
	}
	return nil, false, nil
}

// try runs one match attempt starting at s, leaving the captures in m.
func (re *Regexp) try(m *machine, s int) bool {
	for i := range m.caps {
		m.caps[i] = -1
	}
	m.depth = 0
	m.start = s
	return re.prog.match(m, s, m.accept)
}

// firstUnit returns the code unit every match must begin with when the
// pattern starts with a literal string, else -1.
func (re *Regexp) firstUnit() int {
	n := re.prog
	if s, ok := n.(*seqNode); ok {
		n = s.terms[0]
	}
	if l, ok := n.(*litNode); ok && !l.back && len(l.units) > 0 {
		return int(l.units[0])
	}
	return -1
}
