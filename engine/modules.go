package engine

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/heap"
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
		return "", "", ModuleNotFoundError(fmt.Sprintf("Cannot find package '%s' imported from %s", specifier, filePath(referrer)))
	}
	src, rerr := os.ReadFile(file)
	if rerr != nil {
		return "", "", ModuleNotFoundError(fmt.Sprintf("Cannot find module '%s' imported from %s", file, filePath(referrer)))
	}
	return FileURL(file), string(src), nil
}

// ModuleNotFoundError is a module loader's "not found": thrown to
// JavaScript as an Error with node's code ERR_MODULE_NOT_FOUND.
type ModuleNotFoundError string

func (e ModuleNotFoundError) Error() string { return string(e) }

// Code is node's error code.
func (e ModuleNotFoundError) Code() string { return "ERR_MODULE_NOT_FOUND" }

// installModules gives the interpreter its module loader.
func (iso *Isolate) installModules() {
	l := iso.opts.ModuleLoader
	if l == nil {
		l = FileModuleLoader
	}
	iso.js.SetModuleLoader(l)
	iso.js.SetCommonJSHook(iso.commonJSForImport)
	iso.js.SetImportMetaResolve(iso.importMetaResolve)
	iso.installBuiltinModules()
}

// importMetaResolve is import.meta.resolve as node has it for file:
// modules: a built-in module's node: URL, or the URL a relative or
// absolute specifier names from the referrer (whether or not the file
// exists).
func (iso *Isolate) importMetaResolve(spec, referrer string) (string, error) {
	if name, ok := iso.builtinName(spec); ok {
		return "node:" + name, nil
	}
	base, err := url.Parse(referrer)
	isRel := strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || strings.HasPrefix(spec, "/")
	if err != nil || !isRel && !strings.HasPrefix(spec, "file:") {
		return "", fmt.Errorf("Cannot find package '%s' imported from %s", spec, filePath(referrer))
	}
	ref, err := url.Parse(spec)
	if err != nil {
		return "", fmt.Errorf("Invalid module specifier '%s'", spec)
	}
	return base.ResolveReference(ref).String(), nil
}

// commonJSForImport makes a CommonJS file imported from an ES module a
// module whose default export is its module.exports, as node does (an
// .cjs file, or a .js file outside a "type": "module" package).
func (iso *Isolate) commonJSForImport(path string) (interp.SyntheticExports, bool) {
	file := filePath(path)
	if !strings.HasPrefix(path, "file:") || !isCommonJSFile(file) {
		return nil, false
	}
	return func(in *interp.Interp) ([]string, []heap.Handle, bool) {
		v, ok := iso.loadCommonJS(file, "", false)
		if !ok {
			return nil, nil, false
		}
		return []string{"default"}, []heap.Handle{iso.Heap.NewHandle(v)}, true
	}, true
}

// isCommonJSFile reports whether node runs file as CommonJS: .cjs, or
// .js (or another extension) outside a "type": "module" package; .mjs
// never.
func isCommonJSFile(file string) bool {
	switch filepath.Ext(file) {
	case ".mjs":
		return false
	case ".cjs":
		return true
	case ".js":
		return packageType(filepath.Dir(file)) != "module"
	}
	return true
}

// RunMain runs a program's main file as node does: an .mjs file, or a .js
// file in a "type": "module" package, as an ES module; anything else as a
// CommonJS module (RunCommonJS).
func (iso *Isolate) RunMain(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if !isCommonJSFile(abs) {
		return iso.RunModule(abs)
	}
	return iso.RunCommonJS(abs)
}

// ModuleEvaluationPending reports whether the last ES module run (by
// RunModule or RunMain) has a top-level await that has not settled: node
// then exits with status 13 once its event loop is empty.
func (iso *Isolate) ModuleEvaluationPending() bool {
	if iso.js == nil {
		return false
	}
	state, _ := iso.js.PromiseInfo(iso.js.ModuleEvaluation())
	return iso.js.IsPromise(iso.js.ModuleEvaluation()) && state == interp.PromisePending
}
