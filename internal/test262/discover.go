package test262

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Discover lists the test files under the given paths (slash-separated,
// relative to root; each a directory or a single file), sorted and without
// duplicates. Module fixtures (names containing "_FIXTURE") and non-.js
// files are not tests and are left out. If match is non-nil, only paths it
// accepts are returned.
func Discover(root string, paths []string, match func(rel string) bool) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(rel string) {
		if !isTestFile(rel) || seen[rel] || (match != nil && !match(rel)) {
			return
		}
		seen[rel] = true
		out = append(out, rel)
	}
	for _, p := range paths {
		p = path.Clean(filepath.ToSlash(p))
		full := filepath.Join(root, filepath.FromSlash(p))
		info, err := os.Stat(full)
		if err != nil {
			return nil, fmt.Errorf("discover %s: %w", p, err)
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(full, func(file string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, err := filepath.Rel(root, file)
			if err != nil {
				return err
			}
			add(filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("discover %s: %w", p, err)
		}
	}
	sort.Strings(out)
	return out, nil
}

// isTestFile reports whether a path names a test rather than a fixture or
// another file.
func isTestFile(rel string) bool {
	base := path.Base(rel)
	return strings.HasSuffix(base, ".js") && !strings.Contains(base, "_FIXTURE")
}
