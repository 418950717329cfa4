package engine

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/sonde-js/sonde/engine/interp"
)

// ModuleLoader resolves an import: specifier as written, referrer the path
// of the importing module (or script). It returns the module's path, which
// is its identity in the isolate's module map and its name in stack traces
// and import.meta.url, and its source text. Built-in modules ("v8",
// "node:v8", …) never reach the loader. A returned error is thrown to
// JavaScript as an Error with its text.
type ModuleLoader = interp.ModuleLoader

// RunModule reads the ES module at path (a file path) and runs it with its
// imports, as node runs an .mjs file: modules are named by file: URL. The
// isolate's Options.ModuleLoader (FileModuleLoader when nil) loads the
// imports.
func (iso *Isolate) RunModule(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("run module: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("run module: %w", err)
	}
	return iso.RunModuleSource(string(src), FileURL(abs))
}

// RunModuleSource runs source as the ES module named path (its identity in
// the module map: imports resolve relative to it through the loader). A
// failure is a *JSError with Parse set when source itself does not parse
// and Resolution set when loading or linking an import failed.
func (iso *Isolate) RunModuleSource(source, path string) error {
	js := iso.JS()
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	phase, ok := js.RunModule(source, path)
	if ok {
		return nil
	}
	e := iso.takeException()
	switch phase {
	case interp.PhaseParse:
		e.Parse = true
	case interp.PhaseResolution:
		e.Resolution = true
	}
	return e
}

// FileURL returns the file: URL of an absolute file path, as node names
// ES modules.
func FileURL(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	return u.String()
}

// filePath returns the file path of a file: URL, or s itself when it is
// not one.
func filePath(s string) string {
	if !strings.HasPrefix(s, "file:") {
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		return strings.TrimPrefix(s, "file://")
	}
	return filepath.FromSlash(u.Path)
}

// FileModuleLoader loads ES modules from the file system as node does for
// relative and absolute specifiers ("./x.mjs", "../y.js", "/abs/z.mjs",
// "file:///…"): resolved against the referrer's directory, named by file:
// URL. Bare specifiers other than built-in modules are not found.
func FileModuleLoader(specifier, referrer string) (path, source string, err error) {
	var file string
	switch {
	case strings.HasPrefix(specifier, "file:"):
		file = filePath(specifier)
	case strings.HasPrefix(specifier, "./"), strings.HasPrefix(specifier, "../"), specifier == ".", specifier == "..":
		file = filepath.Join(filepath.Dir(filePath(referrer)), filepath.FromSlash(specifier))
	case filepath.IsAbs(specifier):
		file = specifier
	default:
		return "", "", fmt.Errorf("Cannot find package '%s' imported from %s", specifier, filePath(referrer))
	}
	src, rerr := os.ReadFile(file)
	if rerr != nil {
		return "", "", fmt.Errorf("Cannot find module '%s' imported from %s", file, filePath(referrer))
	}
	return FileURL(file), string(src), nil
}

// installModules gives the interpreter its module loader.
func (iso *Isolate) installModules() {
	l := iso.opts.ModuleLoader
	if l == nil {
		l = FileModuleLoader
	}
	iso.js.SetModuleLoader(l)
}

// RunMain runs a program's main file as node does: an .mjs file as an ES
// module, anything else as a script.
func (iso *Isolate) RunMain(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if strings.HasSuffix(abs, ".mjs") {
		return iso.RunModule(abs)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	_, err = iso.RunScript(string(src), abs)
	return err
}
