package test262

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Harness reads files from test262's harness/ directory, once each: every
// test evaluates assert.js and sta.js, so they are read from disk only the
// first time. Safe for concurrent use.
type Harness struct {
	dir   string
	mu    sync.Mutex
	files map[string]SourceFile
}

// NewHarness serves the harness files of the test262 checkout at root.
func NewHarness(root string) (*Harness, error) {
	dir, err := filepath.Abs(filepath.Join(root, "harness"))
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	return &Harness{dir: dir, files: map[string]SourceFile{}}, nil
}

// File returns the harness file with the given name ("assert.js").
func (h *Harness) File(name string) (SourceFile, error) {
	h.mu.Lock()
	f, ok := h.files[name]
	h.mu.Unlock()
	if ok {
		return f, nil
	}
	file := filepath.Join(h.dir, filepath.FromSlash(name))
	b, err := os.ReadFile(file)
	if err != nil {
		return SourceFile{}, fmt.Errorf("harness file %s: %w", name, err)
	}
	f = SourceFile{Path: file, Source: string(b)}
	h.mu.Lock()
	h.files[name] = f
	h.mu.Unlock()
	return f, nil
}
