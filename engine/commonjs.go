package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// commonJS is an isolate's CommonJS loader (node's require): the module
// cache, the require stack, and the exports of the built-in modules loaded
// so far.
type commonJS struct {
	// cache is require.cache: filename → module object.
	cache heap.Global
	// parents maps a module's filename to the filename of the module
	// that first required it (node's "Require stack").
	parents map[string]string
	// builtins holds the exports of each built-in module by name.
	builtins map[string]heap.Global
	// main is require.main (undefined until a main module runs).
	main heap.Global
}

// cjs returns the isolate's CommonJS loader, creating it on first use.
func (iso *Isolate) cjs() *commonJS {
	if iso.commonJS == nil {
		js := iso.JS()
		scope := iso.Heap.OpenScope()
		defer scope.Close()
		iso.commonJS = &commonJS{
			cache:    iso.Heap.NewGlobal(js.NewObject(js.Null()).Value()),
			parents:  map[string]string{},
			builtins: map[string]heap.Global{},
			main:     iso.Heap.NewGlobal(js.Undefined()),
		}
	}
	return iso.commonJS
}

// RunCommonJS runs the file at path as node runs a main CommonJS module:
// the body of the module wrapper function, with require, module, exports,
// __filename and __dirname, `this` being module.exports.
func (iso *Isolate) RunCommonJS(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	iso.JS()
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	if _, ok := iso.loadCommonJS(abs, "", true); !ok {
		return iso.takeException()
	}
	return nil
}

// loadCommonJS returns the exports of the module at filename, running it
// first unless it is in the cache (a module still running returns its
// exports so far: cycles see partial exports).
func (iso *Isolate) loadCommonJS(filename, parent string, main bool) (layout.Value, bool) {
	js, h := iso.js, iso.Heap
	c := iso.cjs()
	scope := h.OpenScope()
	defer scope.Close()
	cacheV, _ := c.cache.Value()
	cache := h.NewHandle(cacheV)
	if m, ok := iso.getProp(cache, filename); ok && js.IsObject(m) {
		return iso.getProp(h.NewHandle(m), "exports")
	}
	src, err := os.ReadFile(filename)
	if err != nil {
		return iso.throwNodeError("Cannot find module '"+filename+"'", "MODULE_NOT_FOUND")
	}
	if _, seen := c.parents[filename]; !seen && parent != "" {
		c.parents[filename] = parent
	}
	module := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	exports := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	id := filename
	if main {
		id = "."
	}
	dir := filepath.Dir(filename)
	iso.setProp(module, "id", js.NewString(id))
	iso.setProp(module, "path", js.NewString(dir))
	iso.setProp(module, "exports", exports)
	iso.setProp(module, "filename", js.NewString(filename))
	iso.setProp(module, "loaded", h.NewHandle(js.Bool(false)))
	iso.setProp(module, "children", js.NewArray(nil))
	iso.setProp(module, "paths", js.NewArray(nil))
	if main {
		c.main.Release()
		c.main = h.NewGlobal(module.Value())
	}
	iso.setProp(cache, filename, module)
	if parent != "" {
		if pm, ok := iso.getProp(cache, parent); ok && js.IsObject(pm) {
			if ch, ok := iso.getProp(h.NewHandle(pm), "children"); ok && js.IsArray(ch) {
				iso.Factory.ArrayPush(h.NewHandle(ch), module)
			}
		}
	}
	ok := false
	defer func() {
		if !ok {
			// A module that threw leaves the cache, as in node.
			s := h.OpenScope()
			key := js.InternalizeGo(filename)
			js.Delete(cache.Value(), interp.NameKey(key.Value()), false)
			s.Close()
		}
	}()
	if strings.HasSuffix(filename, ".json") {
		v, parsed := iso.parseJSON(string(src), filename)
		if !parsed {
			return 0, false
		}
		iso.setProp(module, "exports", h.NewHandle(v))
	} else {
		require := iso.newRequire(filename)
		params := [5]heap.Handle{exports, require, module, js.NewString(filename), js.NewString(dir)}
		fn, compiled := js.CompileCommonJS(stripHashbang(string(src)), filename, params)
		if !compiled {
			return 0, false
		}
		if _, ran := js.Call(fn.Value(), exports.Value()); !ran {
			return 0, false
		}
	}
	ok = true
	iso.setProp(module, "loaded", h.NewHandle(js.Bool(true)))
	return iso.getProp(module, "exports")
}

// parseJSON parses a required .json file with JSON.parse; a syntax error's
// message is prefixed with the file name, as node does.
func (iso *Isolate) parseJSON(src, filename string) (layout.Value, bool) {
	js, h := iso.js, iso.Heap
	global := h.NewHandle(js.GlobalObject())
	j, ok := iso.getProp(global, "JSON")
	if !ok {
		return 0, false
	}
	jh := h.NewHandle(j)
	parse, ok := iso.getProp(jh, "parse")
	if !ok {
		return 0, false
	}
	ph := h.NewHandle(parse)
	text := js.NewString(src)
	v, ok := js.Call(ph.Value(), jh.Value(), text.Value())
	if !ok {
		ex := h.NewHandle(js.Exception())
		if js.IsObject(ex.Value()) {
			if msg, found := iso.getProp(ex, "message"); found && js.IsString(msg) {
				iso.setProp(ex, "message", js.NewString(filename+": "+js.GoString(msg)))
			}
		}
		return 0, false
	}
	return v, true
}

// newRequire makes the require function of the module at filename, with
// require.resolve, require.cache and require.main.
func (iso *Isolate) newRequire(filename string) heap.Handle {
	js, h := iso.js, iso.Heap
	c := iso.cjs()
	require := js.NewNativeFunction("require", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return iso.require(a.Arg(0), filename)
	}, 0)
	resolve := js.NewNativeFunction("resolve", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		spec, ok := iso.specifierArg(a.Arg(0))
		if !ok {
			return 0, false
		}
		if name, builtin := iso.builtinName(spec); builtin {
			return in.NewString(name).Value(), true
		}
		file, found := resolveCommonJS(spec, filepath.Dir(filename))
		if !found {
			return iso.notFound(spec, filename)
		}
		return in.NewString(file).Value(), true
	}, 0)
	js.DefineValue(require, "resolve", resolve, objects.AttrNone)
	cache, _ := c.cache.Value()
	js.DefineValue(require, "cache", h.NewHandle(cache), objects.AttrNone)
	main, _ := c.main.Value()
	js.DefineValue(require, "main", h.NewHandle(main), objects.AttrNone)
	return require
}

// require is require(spec) called from the module at referrer.
func (iso *Isolate) require(arg layout.Value, referrer string) (layout.Value, bool) {
	spec, ok := iso.specifierArg(arg)
	if !ok {
		return 0, false
	}
	if name, builtin := iso.builtinName(spec); builtin {
		return iso.builtinExports(name)
	}
	if strings.HasPrefix(spec, "node:") {
		return iso.throwNodeError("No such built-in module: "+spec, "ERR_UNKNOWN_BUILTIN_MODULE")
	}
	file, found := resolveCommonJS(spec, filepath.Dir(referrer))
	if !found {
		return iso.notFound(spec, referrer)
	}
	if strings.HasSuffix(file, ".mjs") {
		return iso.throwNodeError("require() of ES Module "+file+" from "+referrer+" not supported.", "ERR_REQUIRE_ESM")
	}
	return iso.loadCommonJS(file, referrer, false)
}

// specifierArg checks require's argument is a non-empty string.
func (iso *Isolate) specifierArg(v layout.Value) (string, bool) {
	js := iso.js
	if !js.IsString(v) {
		_, ok := iso.throwTypeErrorCode("The \"id\" argument must be of type string. Received "+describeReceived(js, v), "ERR_INVALID_ARG_TYPE")
		return "", ok
	}
	s := js.GoString(v)
	if s == "" {
		_, ok := iso.throwTypeErrorCode("The argument 'id' must be a non-empty string. Received ''", "ERR_INVALID_ARG_VALUE")
		return "", ok
	}
	return s, true
}

// notFound throws node's MODULE_NOT_FOUND error with the require stack.
func (iso *Isolate) notFound(spec, referrer string) (layout.Value, bool) {
	c := iso.cjs()
	var stack []string
	for f := referrer; f != "" && len(stack) < 100; f = c.parents[f] {
		stack = append(stack, f)
	}
	msg := "Cannot find module '" + spec + "'"
	if len(stack) > 0 {
		msg += "\nRequire stack:\n- " + strings.Join(stack, "\n- ")
	}
	js, h := iso.js, iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	e := h.NewHandle(js.NewError(interp.Error, msg))
	js.SetErrorCode(e, "MODULE_NOT_FOUND")
	vals := make([]layout.Value, 0, len(stack))
	arr := js.NewArray(vals)
	for _, f := range stack {
		iso.Factory.ArrayPush(arr, js.NewString(f))
	}
	iso.setProp(e, "requireStack", arr)
	return js.Throw(e.Value())
}

// throwNodeError throws an Error with node's code property.
func (iso *Isolate) throwNodeError(msg, code string) (layout.Value, bool) {
	js, h := iso.js, iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	e := h.NewHandle(js.NewError(interp.Error, msg))
	js.SetErrorCode(e, code)
	return js.Throw(e.Value())
}

// describeReceived renders a wrong argument as node's ERR_INVALID_ARG_TYPE
// message does ("type number (1)", "undefined").
func describeReceived(js *interp.Interp, v layout.Value) string {
	switch {
	case v == js.Undefined():
		return "undefined"
	case v == js.Null():
		return "null"
	case js.IsCallable(v):
		return "function"
	case js.IsObject(v):
		return "an instance of Object"
	}
	t := js.GoString(js.TypeOf(v))
	s, _ := js.ToGoString(v)
	return "type " + t + " (" + s + ")"
}

// resolveCommonJS finds the file a require specifier names from dir, as
// node's resolution does for relative, absolute and package specifiers:
// the exact file, then with .js, .json appended, then a directory's
// package.json main or index.js / index.json; package specifiers are
// looked up in node_modules directories from dir upwards.
func resolveCommonJS(spec, dir string) (string, bool) {
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == ".." || filepath.IsAbs(spec) {
		p := spec
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(spec))
		}
		return resolveFileOrDir(p)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if filepath.Base(d) != "node_modules" {
			if f, ok := resolveFileOrDir(filepath.Join(d, "node_modules", filepath.FromSlash(spec))); ok {
				return f, true
			}
		}
		if parent := filepath.Dir(d); parent == d {
			return "", false
		}
	}
}

func resolveFileOrDir(p string) (string, bool) {
	if f, ok := resolveFile(p); ok {
		return f, true
	}
	return resolveDir(p)
}

func resolveFile(p string) (string, bool) {
	for _, ext := range []string{"", ".js", ".json"} {
		if st, err := os.Stat(p + ext); err == nil && st.Mode().IsRegular() {
			return p + ext, true
		}
	}
	return "", false
}

func resolveDir(p string) (string, bool) {
	if data, err := os.ReadFile(filepath.Join(p, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(data, &pkg) == nil && pkg.Main != "" {
			m := filepath.Join(p, filepath.FromSlash(pkg.Main))
			if f, ok := resolveFile(m); ok {
				return f, true
			}
			if f, ok := resolveIndex(m); ok {
				return f, true
			}
		}
	}
	return resolveIndex(p)
}

func resolveIndex(p string) (string, bool) {
	return resolveFile(filepath.Join(p, "index"))
}

// packageType returns the "type" of the package.json nearest to dir
// ("module" or "commonjs", "" if none says).
func packageType(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "package.json")); err == nil {
			var pkg struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(data, &pkg) == nil {
				return pkg.Type
			}
			return ""
		}
		if parent := filepath.Dir(d); parent == d {
			return ""
		}
	}
}

// getProp reads obj[name] (running getters).
func (iso *Isolate) getProp(obj heap.Handle, name string) (layout.Value, bool) {
	n := iso.js.InternalizeGo(name)
	return iso.js.GetNamed(obj.Value(), n.Value())
}

// setProp defines obj's own enumerable data property name.
func (iso *Isolate) setProp(obj heap.Handle, name string, v heap.Handle) {
	iso.js.DefineValue(obj, name, v, objects.AttrNone)
}

// stripHashbang blanks a leading #! line, as node does.
func stripHashbang(src string) string {
	if !strings.HasPrefix(src, "#!") {
		return src
	}
	if i := strings.IndexAny(src, "\r\n"); i >= 0 {
		return strings.Repeat(" ", i) + src[i:]
	}
	return ""
}

// runCommonJSSource runs source as the main CommonJS module named name
// (tests: the file need not exist).
func (iso *Isolate) runCommonJSSource(source, name string) error {
	js, h := iso.JS(), iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	iso.cjs()
	module := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	exports := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	iso.setProp(module, "exports", exports)
	params := [5]heap.Handle{exports, iso.newRequire(name), module, js.NewString(name), js.NewString(filepath.Dir(name))}
	fn, ok := js.CompileCommonJS(source, name, params)
	if ok {
		_, ok = js.Call(fn.Value(), exports.Value())
	}
	if !ok {
		return iso.takeException()
	}
	return nil
}
