package jsregexp

import "sort"

// foldIndex maps each character with case variants to its class in a
// fold table. It is derived once from the generated tables and only read
// afterwards.
type foldIndex struct {
	chars   []rune  // sorted
	classes []int32 // class number of chars[i]
	table   [][]rune
}

var (
	foldNonUnicode = newFoldIndex(foldClassesNonUnicode)
	foldUnicode    = newFoldIndex(foldClassesUnicode)
)

func newFoldIndex(table [][]rune) *foldIndex {
	f := &foldIndex{table: table}
	for i, cls := range table {
		for _, c := range cls {
			f.chars = append(f.chars, c)
			f.classes = append(f.classes, int32(i))
		}
	}
	sort.Sort(byChar{f})
	return f
}

type byChar struct{ f *foldIndex }

func (b byChar) Len() int           { return len(b.f.chars) }
func (b byChar) Less(i, j int) bool { return b.f.chars[i] < b.f.chars[j] }
func (b byChar) Swap(i, j int) {
	b.f.chars[i], b.f.chars[j] = b.f.chars[j], b.f.chars[i]
	b.f.classes[i], b.f.classes[j] = b.f.classes[j], b.f.classes[i]
}

// class returns the characters case-equivalent to c (including c), or
// nil when c has no case variants.
func (f *foldIndex) class(c rune) []rune {
	i := sort.Search(len(f.chars), func(i int) bool { return f.chars[i] >= c })
	if i < len(f.chars) && f.chars[i] == c {
		return f.table[f.classes[i]]
	}
	return nil
}

// canon returns a representative of c's case class: two characters are
// equal under Canonicalize exactly when their representatives are.
func (f *foldIndex) canon(c rune) rune {
	if c < 0x80 {
		// ASCII classes are sorted with the upper-case letter first.
		if c >= 'a' && c <= 'z' {
			return c - 32
		}
		return c
	}
	if cls := f.class(c); cls != nil {
		return cls[0]
	}
	return c
}

// closeOver returns the set with every character's case variants added,
// so that membership of the input character alone decides a
// case-insensitive match ("exists a in A with Canonicalize(a) =
// Canonicalize(ch)").
func (f *foldIndex) closeOver(s charSet) charSet {
	var add charSet
	for _, cls := range f.table {
		in := false
		for _, c := range cls {
			if s.contains(c) {
				in = true
				break
			}
		}
		if in {
			for _, c := range cls {
				add = append(add, span{c, c})
			}
		}
	}
	if len(add) == 0 {
		return s
	}
	return s.union(add)
}
