package jsregexp

import "unicode/utf16"

// parser compiles a pattern into a node tree, reporting V8's SyntaxError
// reasons. It follows ECMA-262 22.2.1 with the Annex B.1.2 grammar for
// patterns without u or v. Every node is built for a matching direction:
// lookbehind bodies are compiled backward (ECMA-262's direction
// parameter), everything else forward.
type parser struct {
	src     []rune // pattern characters: code units, or code points in u/v mode
	pos     int
	flags   Flags
	unicode bool       // u or v
	sets    bool       // v
	fold    *foldIndex // case folding table when i is set, else nil

	totalGroups int  // capturing groups in the whole pattern (prescan)
	hasNamed    bool // the pattern has a named group (enables \k without u)
	groups      int  // groups opened so far
	names       []string
	refs        []*backrefNode // \k references resolved after parsing
	depth       int

	idStart, idContinue charSet // loaded on the first group name
}

// parseError unwinds the parser with a SyntaxError reason.
type parseError string

func (p *parser) fail(reason string) { panic(parseError(reason)) }

// patternChars splits a pattern into its characters: code units without
// u or v, code points (surrogate pairs joined) with them.
func patternChars(pattern []uint16, unicode bool) []rune {
	if unicode {
		out := make([]rune, 0, len(pattern))
		for i := 0; i < len(pattern); i++ {
			c := rune(pattern[i])
			if utf16.IsSurrogate(c) && c < 0xDC00 && i+1 < len(pattern) {
				if r := utf16.DecodeRune(c, rune(pattern[i+1])); r != 0xFFFD {
					out = append(out, r)
					i++
					continue
				}
			}
			out = append(out, c)
		}
		return out
	}
	out := make([]rune, len(pattern))
	for i, u := range pattern {
		out[i] = rune(u)
	}
	return out
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) peek() rune {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return -1
}

func (p *parser) peekAt(i int) rune {
	if p.pos+i < len(p.src) {
		return p.src[p.pos+i]
	}
	return -1
}

func (p *parser) eat(c rune) bool {
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// parse compiles the whole pattern.
func (p *parser) parse() node {
	p.prescan()
	n := p.disjunction(false)
	if p.more() {
		if p.peek() == ')' {
			p.fail("Unmatched ')'")
		}
		p.fail("Unexpected character")
	}
	for _, r := range p.refs {
		r.group = -1
		for i, name := range p.names {
			if name == r.name {
				r.group = i + 1
			}
		}
		if r.group < 0 {
			p.fail("Invalid named capture referenced")
		}
	}
	return n
}

// prescan counts the capturing groups and notes named ones: they decide
// whether \N is a backreference and whether \k is one.
func (p *parser) prescan() {
	s := p.src
	class := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			if class == 0 || p.sets {
				class++
			}
		case ']':
			if class > 0 {
				class--
			}
		case '(':
			if class > 0 {
				continue
			}
			if i+1 < len(s) && s[i+1] == '?' {
				if i+3 < len(s) && s[i+2] == '<' && s[i+3] != '=' && s[i+3] != '!' {
					p.totalGroups++
					p.hasNamed = true
				}
				continue
			}
			p.totalGroups++
		}
	}
}

func (p *parser) disjunction(back bool) node {
	p.depth++
	if p.depth > 500 {
		p.fail("Regular expression too large")
	}
	alts := []node{p.alternative(back)}
	for p.eat('|') {
		alts = append(alts, p.alternative(back))
	}
	p.depth--
	if len(alts) == 1 {
		return alts[0]
	}
	return &altNode{alts: alts}
}

// alternative parses terms up to `|`, `)` or the end, merging adjacent
// literal characters into one string node.
func (p *parser) alternative(back bool) node {
	var terms []node
	for p.more() && p.peek() != '|' && p.peek() != ')' {
		t := p.term(back)
		if t == nil {
			continue
		}
		if lit, ok := t.(*litNode); ok && len(terms) > 0 {
			if prev, ok := terms[len(terms)-1].(*litNode); ok {
				prev.units = append(prev.units, lit.units...)
				continue
			}
		}
		terms = append(terms, t)
	}
	return newSeq(terms, back)
}

// term parses an assertion, or an atom with an optional quantifier.
func (p *parser) term(back bool) node {
	c := p.peek()
	switch c {
	case '^':
		p.pos++
		return &assertNode{kind: assertBegin, multiline: p.flags.Multiline}
	case '$':
		p.pos++
		return &assertNode{kind: assertEnd, multiline: p.flags.Multiline}
	case '\\':
		if d := p.peekAt(1); d == 'b' || d == 'B' {
			p.pos += 2
			words := wordSet
			if p.unicode && p.fold != nil {
				words = wordSetUnicodeIgnoreCase
			}
			k := assertWord
			if d == 'B' {
				k = assertNotWord
			}
			return &assertNode{kind: k, words: words}
		}
	case '(':
		if p.peekAt(1) == '?' && p.peekAt(2) == '<' && (p.peekAt(3) == '=' || p.peekAt(3) == '!') {
			negate := p.peekAt(3) == '!'
			p.pos += 4
			body := p.disjunction(true)
			if !p.eat(')') {
				p.fail("Unterminated group")
			}
			if p.atQuantifier() {
				p.fail("Invalid quantifier")
			}
			return &lookNode{body: body, negate: negate}
		}
	}
	groupsBefore := p.groups
	atom, quantifiable := p.atom(back)
	return p.quantifier(atom, quantifiable, groupsBefore)
}

// atQuantifier reports whether a quantifier starts at pos.
func (p *parser) atQuantifier() bool {
	switch p.peek() {
	case '*', '+', '?':
		return true
	case '{':
		_, _, n := p.braces()
		return n > 0
	}
	return false
}

// braces recognizes {n}, {n,} or {n,m} at pos, returning the bounds
// (max -1 for none; values saturate) and its length, 0 if absent.
func (p *parser) braces() (lo, hi, n int) {
	i := p.pos + 1
	readInt := func() (int, bool) {
		j := i
		v := 0
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			if v < 1<<40 {
				v = v*10 + int(p.src[i]-'0')
			}
			i++
		}
		return v, i > j
	}
	lo, ok := readInt()
	if !ok {
		return 0, 0, 0
	}
	hi = lo
	if i < len(p.src) && p.src[i] == ',' {
		i++
		var has bool
		hi, has = readInt()
		if !has {
			hi = -1
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, 0
	}
	return lo, hi, i + 1 - p.pos
}

// quantifier parses an optional quantifier after atom. groupsBefore is
// the number of groups opened before the atom (ECMA-262's parenIndex).
func (p *parser) quantifier(atom node, quantifiable bool, groupsBefore int) node {
	lo, hi := 0, 0
	switch p.peek() {
	case '*':
		lo, hi = 0, -1
		p.pos++
	case '+':
		lo, hi = 1, -1
		p.pos++
	case '?':
		lo, hi = 0, 1
		p.pos++
	case '{':
		l, h, n := p.braces()
		if n == 0 {
			if p.unicode {
				p.fail("Incomplete quantifier")
			}
			return atom
		}
		if h >= 0 && l > h {
			p.fail("numbers out of order in {} quantifier")
		}
		lo, hi = l, h
		p.pos += n
	default:
		return atom
	}
	if !quantifiable {
		p.fail("Invalid quantifier")
	}
	greedy := !p.eat('?')
	return newRepeat(atom, lo, hi, greedy, groupsBefore, p.groups-groupsBefore)
}

// atom parses an atom; quantifiable is false for u-mode lookaheads.
func (p *parser) atom(back bool) (n node, quantifiable bool) {
	c := p.peek()
	switch c {
	case '.':
		p.pos++
		set := lineTerminators.negate(p.maxChar())
		if p.flags.DotAll {
			set = charSet{{0, p.maxChar()}}
		}
		return &atomNode{set: set, back: back}, true
	case '\\':
		p.pos++
		return p.atomEscape(back), true
	case '(':
		return p.group(back)
	case ')':
		p.fail("Unmatched ')'")
	case '[':
		p.pos++
		if p.sets {
			return p.classSetAtom(back), true
		}
		set, invert := p.classBody()
		return p.setNode(set, invert, back), true
	case '*', '+', '?':
		p.fail("Nothing to repeat")
	case '{':
		if _, _, n := p.braces(); n > 0 {
			p.fail("Nothing to repeat")
		}
		if p.unicode {
			p.fail("Lone quantifier brackets")
		}
	case '}', ']':
		if p.unicode {
			p.fail("Lone quantifier brackets")
		}
	}
	p.pos++
	return p.charNode(c, back), true
}

// maxChar is the largest character: a code unit or a code point.
func (p *parser) maxChar() rune {
	if p.unicode {
		return maxCodePoint
	}
	return maxCodeUnit
}

// group parses a parenthesized group after seeing `(`.
func (p *parser) group(back bool) (node, bool) {
	p.pos++
	if !p.eat('?') {
		p.groups++
		idx := p.groups
		p.names = append(p.names, "")
		body := p.disjunction(back)
		if !p.eat(')') {
			p.fail("Unterminated group")
		}
		return &groupNode{index: idx, body: body, back: back}, true
	}
	switch {
	case p.eat(':'):
		body := p.disjunction(back)
		if !p.eat(')') {
			p.fail("Unterminated group")
		}
		return body, true
	case p.peek() == '=' || p.peek() == '!':
		negate := p.peek() == '!'
		p.pos++
		body := p.disjunction(false)
		if !p.eat(')') {
			p.fail("Unterminated group")
		}
		// Annex B: lookaheads are quantifiable without u or v.
		return &lookNode{body: body, negate: negate}, !p.unicode
	case p.eat('<'):
		name := p.groupName()
		for _, n := range p.names {
			if n == name {
				p.fail("Duplicate capture group name")
			}
		}
		p.groups++
		idx := p.groups
		p.names = append(p.names, name)
		body := p.disjunction(back)
		if !p.eat(')') {
			p.fail("Unterminated group")
		}
		return &groupNode{index: idx, body: body, back: back}, true
	}
	p.fail("Invalid group")
	return nil, false
}

// charNode matches one literal character: a string node when the match
// is exact, a set node under i (or for a lone surrogate in unicode mode,
// which must not match half of a pair).
func (p *parser) charNode(c rune, back bool) node {
	if p.fold == nil && !(p.unicode && c >= 0xD800 && c <= 0xDFFF) {
		var units []uint16
		if c > 0xFFFF {
			a, b := utf16.EncodeRune(c)
			units = []uint16{uint16(a), uint16(b)}
		} else {
			units = []uint16{uint16(c)}
		}
		return &litNode{units: units, back: back}
	}
	return p.setNode(charSet{{c, c}}, false, back)
}

// setNode matches one character of set (inverted if invert), closing the
// set over case variants under i.
func (p *parser) setNode(set charSet, invert bool, back bool) node {
	if p.fold != nil {
		set = p.fold.closeOver(set)
	}
	return &atomNode{set: set, invert: invert, back: back}
}
