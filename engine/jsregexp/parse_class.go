package jsregexp

import (
	"sort"
	"strings"
)

// classBody parses a character class after `[` without v: the u-mode or
// Annex B grammar. It returns the set and whether it is negated.
func (p *parser) classBody() (charSet, bool) {
	invert := p.eat('^')
	var set charSet
	for {
		if !p.more() {
			p.fail("Unterminated character class")
		}
		if p.eat(']') {
			return set, invert
		}
		lo, loSet := p.classAtom()
		if p.peek() == '-' && p.peekAt(1) >= 0 && p.peekAt(1) != ']' {
			p.pos++
			hi, hiSet := p.classAtom()
			if loSet != nil || hiSet != nil {
				if p.unicode {
					p.fail("Invalid character class")
				}
				// Annex B: [\d-z] is \d, `-` and z.
				set = set.union(p.atomSet(lo, loSet)).addRange('-', '-').union(p.atomSet(hi, hiSet))
				continue
			}
			if lo > hi {
				p.fail("Range out of order in character class")
			}
			set = set.addRange(lo, hi)
			continue
		}
		set = set.union(p.atomSet(lo, loSet))
	}
}

func (p *parser) atomSet(c rune, set charSet) charSet {
	if set != nil {
		return set
	}
	return charSet{{c, c}}
}

// classAtom parses one class atom: a character, or (non-nil set) a
// class escape such as \d.
func (p *parser) classAtom() (rune, charSet) {
	if !p.more() {
		p.fail("Unterminated character class")
	}
	c := p.peek()
	p.pos++
	if c != '\\' {
		return c, nil
	}
	if !p.more() {
		p.fail("\\ at end of pattern")
	}
	switch p.peek() {
	case 'b':
		p.pos++
		return 8, nil
	case '-':
		if p.unicode {
			p.pos++
			return '-', nil
		}
	}
	set, ch, isClass := p.characterEscape(true)
	if isClass {
		if set == nil {
			set = charSet{}
		}
		return 0, set
	}
	return ch, nil
}

// classVal is a v-mode class value: single characters and strings
// (other than one-character strings, which live in set).
type classVal struct {
	set  charSet
	strs []string // each a sequence of code points, encoded by runeString
}

func (a classVal) union(b classVal) classVal {
	out := classVal{set: a.set.union(b.set), strs: append([]string(nil), a.strs...)}
	for _, s := range b.strs {
		if !hasString(out.strs, s) {
			out.strs = append(out.strs, s)
		}
	}
	return out
}

func (a classVal) intersect(b classVal) classVal {
	out := classVal{set: a.set.intersect(b.set)}
	for _, s := range a.strs {
		if hasString(b.strs, s) {
			out.strs = append(out.strs, s)
		}
	}
	return out
}

func (a classVal) subtract(b classVal) classVal {
	out := classVal{set: a.set.subtract(b.set)}
	for _, s := range a.strs {
		if !hasString(b.strs, s) {
			out.strs = append(out.strs, s)
		}
	}
	return out
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// classSetAtom parses a v-mode class after `[` and builds its matcher:
// the strings longest first, then the single characters, then the empty
// string (ECMA-262 CompileAtom for classes with strings).
func (p *parser) classSetAtom(back bool) node {
	negate := p.eat('^')
	v := p.classContents()
	if negate {
		if len(v.strs) > 0 {
			p.fail("Negated character class may contain strings")
		}
		v = classVal{set: p.complement(v.set)}
	}
	if len(v.strs) == 0 {
		return p.setNode(v.set, false, back)
	}
	strs := append([]string(nil), v.strs...)
	sort.SliceStable(strs, func(i, j int) bool { return len(strs[i]) > len(strs[j]) })
	var alts []node
	hasEmpty := false
	for _, s := range strs {
		if s == "" {
			hasEmpty = true
			continue
		}
		var terms []node
		for _, r := range stringRunes(s) {
			terms = append(terms, p.charNode(r, back))
		}
		alts = append(alts, newSeq(terms, back))
	}
	if len(v.set) > 0 {
		alts = append(alts, p.setNode(v.set, false, back))
	}
	if hasEmpty {
		alts = append(alts, emptyNode{})
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return &altNode{alts: alts}
}

// classContents parses a ClassSetExpression up to and including the
// closing `]`: a union, an intersection (&&) or a subtraction (--).
func (p *parser) classContents() classVal {
	if p.eat(']') {
		return classVal{}
	}
	acc, single := p.classSetOperand(true)
	switch {
	case p.peek() == '&' && p.peekAt(1) == '&':
		if single == rangeOperand {
			p.fail("Invalid set operation in character class")
		}
		for p.peek() == '&' && p.peekAt(1) == '&' {
			p.pos += 2
			if p.peek() == '&' {
				p.fail("Invalid character in character class")
			}
			b, kind := p.classSetOperand(false)
			if kind == rangeOperand {
				p.fail("Invalid set operation in character class")
			}
			acc = acc.intersect(b)
		}
		p.endClass()
		return acc
	case p.peek() == '-' && p.peekAt(1) == '-':
		if single == rangeOperand {
			p.fail("Invalid set operation in character class")
		}
		for p.peek() == '-' && p.peekAt(1) == '-' {
			p.pos += 2
			b, _ := p.classSetOperand(false)
			acc = acc.subtract(b)
		}
		p.endClass()
		return acc
	}
	for {
		if !p.more() {
			p.fail("Unterminated character class")
		}
		if p.eat(']') {
			return acc
		}
		if p.peek() == '&' && p.peekAt(1) == '&' || p.peek() == '-' && p.peekAt(1) == '-' {
			p.fail("Invalid set operation in character class")
		}
		b, _ := p.classSetOperand(true)
		acc = acc.union(b)
	}
}

// endClass expects the `]` closing an intersection or subtraction.
func (p *parser) endClass() {
	if !p.more() {
		p.fail("Unterminated character class")
	}
	if !p.eat(']') {
		p.fail("Invalid set operation in character class")
	}
}

// operand kinds of classSetOperand.
const (
	plainOperand = iota
	charOperand  // a single ClassSetCharacter
	rangeOperand // a ClassSetRange
)

// classSetOperand parses a nested class, \q{…}, a class escape, or a
// character (with allowRange, possibly a range a-b).
func (p *parser) classSetOperand(allowRange bool) (classVal, int) {
	if !p.more() {
		p.fail("Unterminated character class")
	}
	c := p.peek()
	if c == '[' {
		p.pos++
		negate := p.eat('^')
		v := p.classContents()
		if negate {
			if len(v.strs) > 0 {
				p.fail("Negated character class may contain strings")
			}
			v = classVal{set: p.complement(v.set)}
		} else {
			v.set = p.maybeFold(v.set)
		}
		p.noRangeAfter(allowRange)
		return v, plainOperand
	}
	if c == '\\' {
		switch p.peekAt(1) {
		case 'q':
			p.pos += 2
			v := p.classStrings()
			p.noRangeAfter(allowRange)
			return v, plainOperand
		case 'd', 'D', 's', 'S', 'w', 'W', 'p', 'P':
			p.pos++
			set, _, _ := p.characterEscape(true)
			p.noRangeAfter(allowRange)
			return classVal{set: set}, plainOperand
		}
	}
	lo := p.classSetCharacter()
	if allowRange && p.peek() == '-' && p.peekAt(1) != '-' {
		p.pos++
		if !p.more() {
			p.fail("Unterminated character class")
		}
		if p.peek() == '\\' && strings.ContainsRune("qdDsSwWpP", p.peekAt(1)) || p.peek() == '[' {
			p.fail("Invalid character class")
		}
		hi := p.classSetCharacter()
		if lo > hi {
			p.fail("Range out of order in character class")
		}
		return classVal{set: charSet{{lo, hi}}}, rangeOperand
	}
	return classVal{set: charSet{{lo, lo}}}, charOperand
}

// noRangeAfter rejects `-` after an operand that cannot start a range.
func (p *parser) noRangeAfter(allowRange bool) {
	if allowRange && p.peek() == '-' && p.peekAt(1) != '-' {
		p.fail("Invalid character class")
	}
}

// classSetCharacter parses one ClassSetCharacter.
func (p *parser) classSetCharacter() rune {
	if !p.more() {
		p.fail("Unterminated character class")
	}
	c := p.peek()
	if c == '\\' {
		p.pos++
		if !p.more() {
			p.fail("\\ at end of pattern")
		}
		d := p.peek()
		if d == 'b' {
			p.pos++
			return 8
		}
		if d >= 0 && d < 0x80 && strings.IndexByte("&-!#%,:;<=>@`~", byte(d)) >= 0 {
			p.pos++
			return d
		}
		_, ch, _ := p.characterEscape(true)
		return ch
	}
	switch c {
	case '(', ')', '[', ']', '{', '}', '/', '-', '|':
		p.fail("Invalid character in character class")
	}
	if c >= 0 && c < 0x80 && strings.IndexByte("&!#$%*+,.:;<=>?@^`~", byte(c)) >= 0 && p.peekAt(1) == c {
		p.fail("Invalid set operation in character class")
	}
	p.pos++
	return c
}

// classStrings parses `{a|bc|…}` after \q; strings are case-folded under
// v+i.
func (p *parser) classStrings() classVal {
	if !p.eat('{') {
		p.fail("Invalid escape")
	}
	var v classVal
	var cur []rune
	flush := func() {
		if len(cur) == 1 {
			v.set = v.set.union(charSet{{cur[0], cur[0]}})
		} else {
			if p.fold != nil {
				for i, c := range cur {
					cur[i] = p.fold.canon(c)
				}
			}
			if s := runeString(cur); !hasString(v.strs, s) {
				v.strs = append(v.strs, s)
			}
		}
		cur = nil
	}
	for {
		if !p.more() {
			p.fail("Invalid escape")
		}
		switch p.peek() {
		case '}':
			p.pos++
			flush()
			return v
		case '|':
			p.pos++
			flush()
			continue
		}
		cur = append(cur, p.classSetCharacter())
	}
}

// runeString encodes code points (lone surrogates included, which a Go
// string conversion would replace) as a comparable string, three bytes
// per code point.
func runeString(rs []rune) string {
	b := make([]byte, 0, 3*len(rs))
	for _, r := range rs {
		b = append(b, byte(r>>16), byte(r>>8), byte(r))
	}
	return string(b)
}

// stringRunes decodes runeString.
func stringRunes(s string) []rune {
	rs := make([]rune, 0, len(s)/3)
	for i := 0; i+2 < len(s); i += 3 {
		rs = append(rs, rune(s[i])<<16|rune(s[i+1])<<8|rune(s[i+2]))
	}
	return rs
}
