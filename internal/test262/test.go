package test262

import (
	"fmt"
	"os"
	"path/filepath"
)

// Test is one test262 file with its metadata.
type Test struct {
	// Path is the file's path relative to the test262 root, with forward
	// slashes ("test/language/…/x.js"): the test's stable name.
	Path string
	// File is the file's absolute path on this machine.
	File string
	// Source is the file's text, unmodified.
	Source string
	// Meta is the parsed frontmatter.
	Meta *Metadata
}

// LoadTest reads and parses the test at rel (slash-separated, relative to
// root).
func LoadTest(root, rel string) (*Test, error) {
	file, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", rel, err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", rel, err)
	}
	meta, err := ParseMetadata(string(b))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", rel, err)
	}
	return &Test{Path: rel, File: file, Source: string(b), Meta: meta}, nil
}
