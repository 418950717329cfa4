package test262

import (
	"fmt"
	"path"
	"strings"
)

// Glob selects tests by path (the -run flag). It holds one or more patterns
// separated by commas; a test is selected if any pattern matches. A
// pattern is matched against the test's path relative to the test262 root
// ("test/built-ins/Array/from/…"): "*" and "?" and "[…]" work as in
// path.Match within one path segment, and "**" matches any number of
// segments. A pattern without "/" is matched against the file name only, and
// a pattern naming a directory selects everything under it.
type Glob struct {
	patterns []string
}

// ParseGlob checks and compiles a comma-separated list of patterns.
func ParseGlob(s string) (*Glob, error) {
	g := &Glob{}
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == "**" {
				continue
			}
			if _, err := path.Match(seg, ""); err != nil {
				return nil, fmt.Errorf("bad -run pattern %q: %w", p, err)
			}
		}
		g.patterns = append(g.patterns, strings.TrimSuffix(p, "/"))
	}
	if len(g.patterns) == 0 {
		return nil, fmt.Errorf("empty -run pattern")
	}
	return g, nil
}

// Match reports whether rel is selected.
func (g *Glob) Match(rel string) bool {
	for _, p := range g.patterns {
		if !strings.Contains(p, "/") {
			if ok, _ := path.Match(p, path.Base(rel)); ok {
				return true
			}
			continue
		}
		if matchSegments(strings.Split(p, "/"), strings.Split(rel, "/"), true) {
			return true
		}
	}
	return false
}

// matchSegments matches pattern segments against path segments; with
// prefix, a pattern that matches a leading directory matches everything
// under it.
func matchSegments(pat, segs []string, prefix bool) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:], prefix) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0 || prefix
}
