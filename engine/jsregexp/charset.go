package jsregexp

import "sort"

// maxCodeUnit and maxCodePoint bound the alphabet: non-unicode patterns
// match UTF-16 code units, u and v patterns match code points.
const (
	maxCodeUnit  = 0xFFFF
	maxCodePoint = 0x10FFFF
)

// span is an inclusive range of characters.
type span struct{ lo, hi rune }

// charSet is a set of characters as sorted, disjoint, non-adjacent spans.
// Sets are built while compiling and read-only while matching.
type charSet []span

// setOfRunes returns the set of the given single characters.
func setOfRunes(rs ...rune) charSet {
	var s charSet
	for _, r := range rs {
		s = s.addRange(r, r)
	}
	return s
}

// contains reports whether c is in the set (binary search).
func (s charSet) contains(c rune) bool {
	if len(s) < 8 {
		for _, sp := range s {
			if c < sp.lo {
				return false
			}
			if c <= sp.hi {
				return true
			}
		}
		return false
	}
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= c })
	return i < len(s) && s[i].lo <= c
}

// addRange returns the set with lo..hi added.
func (s charSet) addRange(lo, hi rune) charSet {
	if lo > hi {
		return s
	}
	return s.union(charSet{{lo, hi}})
}

// union returns the union of two sets.
func (s charSet) union(t charSet) charSet {
	if len(t) == 0 {
		return s
	}
	if len(s) == 0 {
		return append(charSet(nil), t...)
	}
	all := make([]span, 0, len(s)+len(t))
	all = append(all, s...)
	all = append(all, t...)
	sort.Slice(all, func(i, j int) bool { return all[i].lo < all[j].lo })
	out := charSet{all[0]}
	for _, sp := range all[1:] {
		last := &out[len(out)-1]
		if sp.lo <= last.hi+1 {
			if sp.hi > last.hi {
				last.hi = sp.hi
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// negate returns the complement of the set within 0..max.
func (s charSet) negate(max rune) charSet {
	var out charSet
	next := rune(0)
	for _, sp := range s {
		if sp.lo > max {
			break
		}
		if sp.lo > next {
			out = append(out, span{next, sp.lo - 1})
		}
		next = sp.hi + 1
	}
	if next <= max {
		out = append(out, span{next, max})
	}
	return out
}

// intersect returns the characters in both sets.
func (s charSet) intersect(t charSet) charSet {
	var out charSet
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo := max(s[i].lo, t[j].lo)
		hi := min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, span{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// subtract returns the characters of s not in t.
func (s charSet) subtract(t charSet) charSet {
	return s.intersect(t.negate(maxCodePoint))
}

// Character class escapes (ECMA-262 22.2.2.9 CharacterClassEscape).
var (
	digitSet = charSet{{'0', '9'}}
	wordSet  = charSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	// spaceSet is WhiteSpace plus LineTerminator.
	spaceSet = charSet{{0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680},
		{0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F},
		{0x3000, 0x3000}, {0xFEFF, 0xFEFF}}
	// lineTerminators are the characters `.` excludes and ^ $ see in m mode.
	lineTerminators = charSet{{0x0A, 0x0A}, {0x0D, 0x0D}, {0x2028, 0x2029}}
	// wordSetUnicodeIgnoreCase adds the characters that case-fold into
	// \w under u+i (or v+i): U+017F and U+212A (WordCharacters, 22.2.2.9.4).
	wordSetUnicodeIgnoreCase = wordSet.union(charSet{{0x17F, 0x17F}, {0x212A, 0x212A}})
)

func isLineTerminator(c rune) bool {
	return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029
}
