package jsregexp

import "strings"

// Flags are a regular expression's flags.
type Flags struct {
	HasIndices  bool // d
	Global      bool // g
	IgnoreCase  bool // i
	Multiline   bool // m
	DotAll      bool // s
	Unicode     bool // u
	UnicodeSets bool // v
	Sticky      bool // y
}

// parseFlags validates a flags string as the RegExp constructor does:
// only dgimsuvy, each at most once, and not both u and v.
func parseFlags(s string) (Flags, bool) {
	var f Flags
	for i := 0; i < len(s); i++ {
		var p *bool
		switch s[i] {
		case 'd':
			p = &f.HasIndices
		case 'g':
			p = &f.Global
		case 'i':
			p = &f.IgnoreCase
		case 'm':
			p = &f.Multiline
		case 's':
			p = &f.DotAll
		case 'u':
			p = &f.Unicode
		case 'v':
			p = &f.UnicodeSets
		case 'y':
			p = &f.Sticky
		default:
			return f, false
		}
		if *p {
			return f, false
		}
		*p = true
	}
	if f.Unicode && f.UnicodeSets {
		return f, false
	}
	return f, true
}

// String returns the flags in the canonical order of
// RegExp.prototype.flags: "dgimsuvy".
func (f Flags) String() string {
	var b strings.Builder
	for _, x := range []struct {
		on bool
		c  byte
	}{{f.HasIndices, 'd'}, {f.Global, 'g'}, {f.IgnoreCase, 'i'}, {f.Multiline, 'm'},
		{f.DotAll, 's'}, {f.Unicode, 'u'}, {f.UnicodeSets, 'v'}, {f.Sticky, 'y'}} {
		if x.on {
			b.WriteByte(x.c)
		}
	}
	return b.String()
}

// unicodeMode reports whether the pattern matches code points (u or v).
func (f Flags) unicodeMode() bool { return f.Unicode || f.UnicodeSets }
