package interp

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
	"github.com/sonde-js/sonde/engine/parser"
)

// ModuleLoader resolves an import: specifier as written, referrer the path
// of the importing module (or script). It returns the module's path (its
// identity in the module map and its name in stack traces) and its source
// text. An error is thrown to JavaScript as an Error with its text.
type ModuleLoader func(specifier, referrer string) (path, source string, err error)

// SyntheticExports makes the exports of a module whose body is not
// JavaScript (a built-in module): it is called once, when the module is
// first imported, and returns the export names with their values in
// handles. A nil result with ok false leaves an exception pending.
type SyntheticExports func(in *Interp) (names []string, values []heap.Handle, ok bool)

// ModulePhase says where RunModule failed.
type ModulePhase int

// The phases of running a module graph.
const (
	// PhaseParse: the entry module's source does not parse.
	PhaseParse ModulePhase = iota
	// PhaseResolution: loading, parsing or linking the graph failed.
	PhaseResolution
	// PhaseRuntime: evaluation threw.
	PhaseRuntime
)

// moduleStatus is a module record's state (the spec's [[Status]]).
type moduleStatus uint8

const (
	modUnlinked moduleStatus = iota
	modLinking
	modLinked
	modEvaluating
	modEvaluatingAsync
	modEvaluated
)

// module is a module record: a source text module (rec set) or a
// synthetic one (built-in modules). Its bindings live in one context whose
// slots other modules' import bindings read.
type module struct {
	id     int
	path   string
	rec    *script // nil for a synthetic module
	status moduleStatus
	// requests are the module specifiers the module imports from, in
	// source order without repeats; deps the modules they resolve to.
	requests []string
	// requestTypes are the requests' import attribute types ("" or
	// "json").
	requestTypes []string
	deps         []*module
	// imports are the import entries; exports map an export name to the
	// context slot of a local binding, indirect re-exports of another
	// module's name ("*" for `export * as ns`), stars the `export *`
	// requests.
	imports     []importEntry
	exports     map[string]int
	exportOrder []string
	indirect    map[string]indirectExport
	stars       []int
	// synthetic makes the exports of a module without source.
	synthetic SyntheticExports
	// ctx is the module context, ns the namespace object (undefined until
	// asked for), meta the import.meta object, fn the top-level closure,
	// err the evaluation error (all GC roots).
	ctx, ns, meta, fn, err layout.Value
	hasErr                 bool
	// nsTarget is the namespace proxy's target (a GC root); nsBindings
	// the resolution of each of its exports.
	nsTarget   layout.Value
	nsBindings map[string]resolution
	// mirrors lists, per context slot, the namespace properties showing
	// that binding (kept up to date by RtModuleExportChanged).
	mirrors map[int][]nsMirror
	// dfsIndex and dfsAncestor drive evaluation's strongly connected
	// components (cycles evaluate as one); cycleRoot is the component's
	// root once evaluated.
	dfsIndex, dfsAncestor int
	cycleRoot             *module
	// hasTLA marks a module whose top level awaits. asyncEval marks one
	// that runs (or waits to run) asynchronously, in asyncEvalOrder;
	// pendingAsyncDeps counts the async imports it still waits for, and
	// asyncParents are the modules waiting for it.
	hasTLA, asyncEval bool
	asyncEvalOrder    int
	pendingAsyncDeps  int
	asyncParents      []*module
	// topPromise is the promise of an evaluation started at this module
	// (the host's, or import()'s); undefined until then (a GC root).
	topPromise layout.Value
}

type importEntry struct {
	request  int
	name     string // imported name, "*" for a namespace import
	local    *ast.Variable
	pos      ast.Pos
	specText string
}

type indirectExport struct {
	request int
	name    string
	pos     ast.Pos
}

// nsMirror is one namespace property that shows a binding.
type nsMirror struct {
	module int // the module whose namespace it is
	name   string
}

// resolution is a resolved export: a binding (module and slot) or a
// module's namespace (slot -1).
type resolution struct {
	m    *module
	slot int
}

type resolveStatus uint8

const (
	resolved resolveStatus = iota
	resolveNotFound
	resolveAmbiguous
	resolveCircular
)

// SetCommonJSHook sets the hook that says whether a loaded module path is
// a CommonJS module and, if so, makes its exports.
func (in *Interp) SetCommonJSHook(hook func(path string) (SyntheticExports, bool)) {
	in.commonJSHook = hook
}

// SetImportMetaResolve sets what import.meta.resolve(specifier) does for a
// module (it is absent when unset).
func (in *Interp) SetImportMetaResolve(resolve func(specifier, referrer string) (string, error)) {
	in.importMetaResolve = resolve
}

// SetModuleLoader sets the hook that resolves and reads imported modules.
func (in *Interp) SetModuleLoader(l ModuleLoader) { in.moduleLoader = l }

// RegisterSyntheticModule makes specifier (exactly as imported, for
// example "v8" or "node:v8") a module whose exports exports computes.
func (in *Interp) RegisterSyntheticModule(specifier string, exports SyntheticExports) {
	if in.syntheticModules == nil {
		in.syntheticModules = map[string]SyntheticExports{}
	}
	in.syntheticModules[specifier] = exports
}

// RunModule parses source as the module at path, loads and links the
// modules it imports through the module loader, and evaluates the graph.
// On failure the exception is pending and the phase says where it
// happened.
func (in *Interp) RunModule(source, path string) (ModulePhase, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	m, ok := in.moduleFromSource(source, path)
	if !ok {
		return PhaseParse, false
	}
	if !in.loadRequested(m) || !in.link(m) {
		return PhaseResolution, false
	}
	p, ok := in.evaluateModule(m)
	if !ok {
		return PhaseRuntime, false
	}
	in.lastModulePromise = p
	if state, result := in.PromiseInfo(p); state == PromiseRejected {
		// An async module that already failed: report it as the
		// evaluation's error.
		in.MarkPromiseHandled(p)
		in.Throw(result)
		return PhaseRuntime, false
	}
	return PhaseRuntime, true
}

// ModuleEvaluation returns the promise of the last RunModule's evaluation:
// pending while a top-level await has not settled.
func (in *Interp) ModuleEvaluation() layout.Value { return in.lastModulePromise }

// ModuleNamespace returns the namespace object of the module at path,
// which must have been run (for hosts: what import() resolves to).
func (in *Interp) ModuleNamespace(path string) (layout.Value, bool) {
	m := in.moduleMap[path]
	if m == nil {
		return in.ThrowError(Error, "module "+path+" is not loaded")
	}
	return in.namespaceOf(m), true
}

// moduleFromSource parses source as a module and records its entries, or
// returns the module already in the map under path.
func (in *Interp) moduleFromSource(source, path string) (*module, bool) {
	if m := in.moduleMap[path]; m != nil {
		return m, true
	}
	prog, ok := in.parse(source, path, parser.Options{Filename: path, Module: true}, true)
	if !ok {
		return nil, false
	}
	if compiler.HasTopLevelAwait(prog) {
		prog.Top.Async = true
	}
	rec := in.newScript(prog, source, path)
	in.f.SetScriptFlags(rec.script, in.f.ScriptFlags(rec.script)|objects.ScriptIsModule)
	if in.scriptHook != nil {
		in.scriptHook(rec.id)
	}
	m := in.newModule(path)
	m.rec = rec
	m.hasTLA = prog.Top.Async
	in.collectEntries(m, prog)
	return m, true
}

// newModule adds an empty module record to the map.
func (in *Interp) newModule(path string) *module {
	if in.moduleMap == nil {
		in.moduleMap = map[string]*module{}
	}
	m := &module{id: len(in.modules), path: path, exports: map[string]int{}, indirect: map[string]indirectExport{},
		mirrors: map[int][]nsMirror{}, ctx: in.undefined, ns: in.undefined, meta: in.undefined, fn: in.undefined, err: in.undefined,
		topPromise: in.undefined, nsTarget: in.undefined}
	in.modules = append(in.modules, m)
	in.moduleMap[path] = m
	return m
}

// collectEntries records a module's requests, import and export entries.
func (in *Interp) collectEntries(m *module, prog *ast.Program) {
	u := m.rec.unit
	_, slots := u.ModuleSlots()
	u.ImportSlots = map[*ast.Variable]int{}
	u.Exported = map[*ast.Variable]bool{}
	request := func(spec string, attrs map[string]string) int {
		typ := attrs["type"]
		for i, r := range m.requests {
			if r == spec && m.requestTypes[i] == typ {
				return i
			}
		}
		m.requests = append(m.requests, spec)
		m.requestTypes = append(m.requestTypes, typ)
		return len(m.requests) - 1
	}
	export := func(name string, v *ast.Variable) {
		if v == nil {
			return
		}
		if _, dup := m.exports[name]; !dup {
			m.exportOrder = append(m.exportOrder, name)
		}
		m.exports[name] = slots[v]
		u.Exported[v] = true
	}
	for _, s := range prog.Body {
		switch x := s.Data.(type) {
		case *ast.SImport:
			r := request(x.Source, x.Attributes)
			for _, sp := range x.Specifiers {
				m.imports = append(m.imports, importEntry{request: r, name: sp.Imported, local: sp.Local.Var, pos: sp.Start})
			}
		case *ast.SExportNamed:
			if x.HasSource {
				r := request(x.Source, x.Attributes)
				for _, sp := range x.Specifiers {
					m.indirect[sp.Exported.Name] = indirectExport{request: r, name: sp.Local.Name, pos: sp.Start}
					m.exportOrder = append(m.exportOrder, sp.Exported.Name)
				}
				continue
			}
			for _, sp := range x.Specifiers {
				v := sp.Local.Var
				if v != nil && v.Kind == ast.DeclImport {
					// `import {a} from "m"; export {a}` re-exports m's
					// binding.
					for _, ie := range m.imports {
						if ie.local == v {
							m.indirect[sp.Exported.Name] = indirectExport{request: ie.request, name: ie.name, pos: sp.Start}
							m.exportOrder = append(m.exportOrder, sp.Exported.Name)
						}
					}
					continue
				}
				export(sp.Exported.Name, v)
			}
		case *ast.SExportAll:
			r := request(x.Source, x.Attributes)
			if x.Exported != nil {
				m.indirect[x.Exported.Name] = indirectExport{request: r, name: "*", pos: s.Start}
				m.exportOrder = append(m.exportOrder, x.Exported.Name)
			} else {
				m.stars = append(m.stars, r)
			}
		case *ast.SExportDecl:
			switch d := x.Decl.Data.(type) {
			case *ast.SVarDecl:
				for _, decl := range d.Decls {
					for _, v := range boundVariables(decl.Target) {
						export(v.Name, v)
					}
				}
			case *ast.SFunction:
				if d.Fn.Name != nil {
					export(d.Fn.Name.Name, d.Fn.Name.Var)
				}
			case *ast.SClass:
				if d.Class.Name != nil {
					export(d.Class.Name.Name, d.Class.Name.Var)
				}
			}
		case *ast.SExportDefault:
			export("default", x.Var)
		}
	}
}

// boundVariables lists the variables a binding pattern declares.
func boundVariables(b ast.Binding) []*ast.Variable {
	var out []*ast.Variable
	var walk func(b ast.Binding)
	walk = func(b ast.Binding) {
		switch x := b.Data.(type) {
		case *ast.BIdentifier:
			if x.Var != nil {
				out = append(out, x.Var)
			}
		case *ast.BArray:
			for _, it := range x.Items {
				walk(it.Target)
			}
			walk(x.Rest)
		case *ast.BObject:
			for _, p := range x.Props {
				walk(p.Target)
			}
			walk(x.Rest)
		}
	}
	walk(b)
	return out
}

// loadRequested loads, depth first, every module m imports (and theirs).
func (in *Interp) loadRequested(m *module) bool {
	if m.deps != nil || len(m.requests) == 0 {
		return true
	}
	m.deps = make([]*module, len(m.requests))
	for i, spec := range m.requests {
		dep, ok := in.loadImportTyped(spec, m.path, m.requestTypes[i])
		if !ok {
			m.deps = nil
			return false
		}
		m.deps[i] = dep
	}
	for _, dep := range m.deps {
		if !in.loadRequested(dep) {
			return false
		}
	}
	return true
}

// loadImportTyped is loadImport with an import attribute type: "json"
// makes a JSON module (its default export the parsed value); any other
// type but "" is a SyntaxError.
func (in *Interp) loadImportTyped(spec, referrer, typ string) (*module, bool) {
	switch typ {
	case "":
		return in.loadImport(spec, referrer)
	case "json":
	default:
		h := in.h
		scope := h.OpenScope()
		e := h.NewHandle(in.NewError(TypeError, "Import attribute type \""+typ+"\" is unsupported"))
		in.SetErrorCode(e, "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED") // node 20's name
		in.throwValue(e.Value(), true)
		scope.Close()
		return nil, false
	}
	if in.moduleLoader == nil {
		in.ThrowError(Error, "Cannot find module '"+spec+"' imported from "+referrer)
		return nil, false
	}
	path, source, err := in.moduleLoader(spec, referrer)
	if err != nil {
		in.throwLoaderError(err)
		return nil, false
	}
	key := "\x00json:" + path
	if m := in.moduleMap[key]; m != nil {
		return m, true
	}
	m, ok := in.newSyntheticModule("json:"+path, func(in *Interp) ([]string, []heap.Handle, bool) {
		v, ok := in.parseJSONText(source)
		if !ok {
			return nil, nil, false
		}
		return []string{"default"}, []heap.Handle{in.h.NewHandle(v)}, true
	})
	if ok {
		in.moduleMap[key] = m
	}
	return m, ok
}

// parseJSONText parses source with the realm's JSON.parse.
func (in *Interp) parseJSONText(source string) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	jsonName, parseName := in.f.InternalizeGo("JSON"), in.f.InternalizeGo("parse")
	json, ok := in.GetNamed(in.intrinsics[GlobalObject], jsonName.Value())
	if !ok {
		scope.Close()
		return 0, false
	}
	jh := h.NewHandle(json)
	parse, ok := in.GetNamed(jh.Value(), parseName.Value())
	if !ok {
		scope.Close()
		return 0, false
	}
	ph := h.NewHandle(parse)
	text := in.NewString(source)
	v, ok := in.Call(ph.Value(), jh.Value(), text.Value())
	scope.Close() // v is returned at once, before any allocation
	return v, ok
}

// loadImport finds or loads the module specifier names from referrer.
func (in *Interp) loadImport(spec, referrer string) (*module, bool) {
	if mk := in.syntheticModules[spec]; mk != nil {
		if m := in.moduleMap["\x00"+spec]; m != nil {
			return m, true
		}
		return in.newSyntheticModule(spec, mk)
	}
	if in.moduleLoader == nil {
		in.ThrowError(Error, "Cannot find module '"+spec+"' imported from "+referrer)
		return nil, false
	}
	path, source, err := in.moduleLoader(spec, referrer)
	if err != nil {
		in.throwLoaderError(err)
		return nil, false
	}
	if m := in.moduleMap[path]; m != nil {
		return m, true
	}
	if strings.HasSuffix(path, ".json") {
		h := in.h
		scope := h.OpenScope()
		e := h.NewHandle(in.NewError(TypeError, "Module \""+path+"\" needs an import attribute of type \"json\""))
		in.SetErrorCode(e, "ERR_IMPORT_ASSERTION_TYPE_MISSING") // node 20's name
		in.throwValue(e.Value(), true)
		scope.Close()
		return nil, false
	}
	if in.commonJSHook != nil {
		if mk, ok := in.commonJSHook(path); ok {
			m, ok := in.newSyntheticModule(path, mk)
			return m, ok
		}
	}
	return in.moduleFromSource(source, path)
}

// throwLoaderError throws a module loader's error as an Error with its
// text, and node's code property when the error has a Code method.
func (in *Interp) throwLoaderError(err error) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	e := h.NewHandle(in.NewError(Error, err.Error()))
	var coded interface{ Code() string }
	if errors.As(err, &coded) {
		in.SetErrorCode(e, coded.Code())
	}
	in.throwValue(e.Value(), true)
}

// SetErrorCode gives error e node's code property; for node's own ERR_*
// codes the stack's header becomes "Name [CODE]: message", as node's
// internal errors show.
func (in *Interp) SetErrorCode(e heap.Handle, code string) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	in.DefineValue(e, "code", in.NewString(code), objects.AttrNone)
	if !strings.HasPrefix(code, "ERR_") {
		return
	}
	stackKey := h.NewHandle(in.names[NameStack])
	v, det, ok := f.GetOwnProperty(e.Value(), stackKey.Value())
	if !ok || det.Kind() != objects.KindData || !in.IsString(v) {
		return
	}
	stack := f.StringToGo(v)
	if name, rest, found := strings.Cut(stack, ": "); found && !strings.Contains(name, "\n") {
		f.DefineProperty(e, stackKey, in.NewString(name+" ["+code+"]: "+rest), det.Attributes())
	}
}

// newSyntheticModule makes a built-in module: a context holding each
// export, already evaluated.
func (in *Interp) newSyntheticModule(spec string, mk SyntheticExports) (*module, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	names, values, ok := mk(in)
	if !ok {
		return nil, false
	}
	m := in.newModule("\x00" + spec)
	m.path = spec
	in.moduleMap[spec] = m
	m.synthetic = mk
	nameHandles := []heap.Handle{f.InternalizeGo(".module")}
	for _, n := range names {
		nameHandles = append(nameHandles, f.InternalizeGo(n))
	}
	si := f.NewScopeInfo(objects.ModuleScope, nameHandles)
	ctx := f.NewBlockContext(si, h.NewHandle(in.intrinsics[NativeContext]), len(nameHandles))
	f.SetContextSlot(ctx.Value(), compiler.ModuleIDSlot, layout.Smi(m.id))
	for i, n := range names {
		slot := compiler.ModuleIDSlot + 1 + i
		f.SetContextSlot(ctx.Value(), slot, values[i].Value())
		if _, dup := m.exports[n]; !dup {
			m.exportOrder = append(m.exportOrder, n)
		}
		m.exports[n] = slot
	}
	m.ctx = ctx.Value()
	m.status = modEvaluated
	return m, true
}

// resolveExport finds the binding export name of m resolves to (the
// spec's ResolveExport), following re-exports and star exports.
func (in *Interp) resolveExport(m *module, name string, seen map[resolveKey]bool) (resolution, resolveStatus) {
	key := resolveKey{m, name}
	if seen[key] {
		return resolution{}, resolveCircular
	}
	seen[key] = true
	if slot, ok := m.exports[name]; ok {
		return resolution{m, slot}, resolved
	}
	if ie, ok := m.indirect[name]; ok {
		dep := m.deps[ie.request]
		if ie.name == "*" {
			return resolution{dep, -1}, resolved
		}
		return in.resolveExport(dep, ie.name, seen)
	}
	if name == "default" {
		return resolution{}, resolveNotFound
	}
	var star resolution
	found := false
	for _, r := range m.stars {
		res, st := in.resolveExport(m.deps[r], name, seen)
		switch st {
		case resolveAmbiguous:
			return res, st
		case resolved:
			if !found {
				star, found = res, true
			} else if star != res {
				return resolution{}, resolveAmbiguous
			}
		}
	}
	if found {
		return star, resolved
	}
	return resolution{}, resolveNotFound
}

type resolveKey struct {
	m    *module
	name string
}

// exportedNames lists every name m exports (the spec's
// GetExportedNames): its own, then those of its star exports except
// "default".
func (in *Interp) exportedNames(m *module, visited map[*module]bool) []string {
	if visited[m] {
		return nil
	}
	visited[m] = true
	names := append([]string(nil), m.exportOrder...)
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	for _, r := range m.stars {
		for _, n := range in.exportedNames(m.deps[r], visited) {
			if n != "default" && !have[n] {
				have[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// link instantiates every module of m's graph not yet linked: creates
// their contexts (bindings in the temporal dead zone, hoisted functions
// made), resolves their imports and re-exports, and compiles their top
// levels. A failure is a pending SyntaxError.
func (in *Interp) link(m *module) bool {
	var order []*module
	var visit func(m *module)
	visit = func(m *module) {
		if m.status != modUnlinked {
			return
		}
		m.status = modLinking
		order = append(order, m)
		for _, d := range m.deps {
			visit(d)
		}
	}
	visit(m)
	fail := func() bool {
		for _, x := range order {
			x.status = modUnlinked
		}
		return false
	}
	for _, x := range order {
		if !in.createModuleContext(x) {
			return fail()
		}
	}
	for _, x := range order {
		in.instantiateFunctions(x)
	}
	for _, x := range order {
		if !in.resolveImports(x) {
			return fail()
		}
	}
	for _, x := range order {
		if !in.compileModuleTop(x) {
			return fail()
		}
	}
	for _, x := range order {
		x.status = modLinked
	}
	return true
}

// createModuleContext makes m's context: the hole in lexical bindings,
// undefined in vars, the module id in its first slot.
func (in *Interp) createModuleContext(m *module) bool {
	if m.ctx != in.undefined {
		return true
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	names, slots := m.rec.unit.ModuleSlots()
	handles := make([]heap.Handle, len(names))
	for i, n := range names {
		handles[i] = f.InternalizeGo(n)
	}
	si := f.NewScopeInfo(objects.ModuleScope, handles)
	ctx := f.NewBlockContext(si, h.NewHandle(in.intrinsics[NativeContext]), len(names))
	f.SetContextSlot(ctx.Value(), compiler.ModuleIDSlot, layout.Smi(m.id))
	for v, slot := range slots {
		val := in.undefined
		if v.Kind.Lexical() || v.Kind == ast.DeclDefault || v.Kind == ast.DeclImport {
			val = in.hole
		}
		f.SetContextSlot(ctx.Value(), slot, val)
	}
	m.ctx = ctx.Value()
	return true
}

// resolveImports binds m's imports: a namespace import gets the namespace
// object, a named import the exporter's context (its slot is then read
// live), and checks m's re-exports resolve.
func (in *Interp) resolveImports(m *module) bool {
	if m.rec == nil {
		return true
	}
	f := in.f
	_, slots := m.rec.unit.ModuleSlots()
	for _, ie := range m.imports {
		dep := m.deps[ie.request]
		var res resolution
		if ie.name == "*" {
			res = resolution{dep, -1}
		} else {
			var st resolveStatus
			res, st = in.resolveExport(dep, ie.name, map[resolveKey]bool{})
			if st != resolved {
				return in.linkError(m, ie.request, ie.name, st, ie.pos)
			}
		}
		if res.slot < 0 {
			ns := in.namespaceOf(res.m)
			f.SetContextSlot(m.ctx, slots[ie.local], ns)
			continue
		}
		m.rec.unit.ImportSlots[ie.local] = res.slot
		f.SetContextSlot(m.ctx, slots[ie.local], res.m.ctx)
	}
	for name, ie := range m.indirect {
		if ie.name == "*" {
			continue
		}
		if _, st := in.resolveExport(m, name, map[resolveKey]bool{}); st != resolved {
			return in.linkError(m, ie.request, ie.name, st, ie.pos)
		}
	}
	return true
}

// linkError throws V8's SyntaxError for an import that does not resolve.
func (in *Interp) linkError(m *module, request int, name string, st resolveStatus, pos ast.Pos) bool {
	spec := m.requests[request]
	msg := "The requested module '" + spec + "' does not provide an export named '" + name + "'"
	switch st {
	case resolveAmbiguous:
		msg = "The requested module '" + spec + "' contains conflicting star exports for name '" + name + "'"
	case resolveCircular:
		msg = "Detected cycle while resolving name '" + name + "' in '" + spec + "'"
	}
	line, col := m.rec.unit.Lines.LineCol(pos)
	in.throwSyntaxError(SyntaxError, msg, m.path, m.rec.source, line+1, col+1)
	return false
}

// instantiateFunctions makes the closures of m's hoisted function
// declarations: they exist before any module of a cycle runs.
func (in *Interp) instantiateFunctions(m *module) {
	if m.rec == nil || m.fn != in.undefined {
		return
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	prog := m.rec.unit.Prog
	_, slots := m.rec.unit.ModuleSlots()
	ctx := h.NewHandle(m.ctx)
	bind := func(fn *ast.Function, v *ast.Variable) {
		s := h.OpenScope()
		defer s.Close()
		sfi := in.sharedFor(m.rec, fn.ID)
		cl := f.NewJSFunction(sfi, ctx, f.NewFeedbackCell(heap.Handle{}))
		f.SetContextSlot(ctx.Value(), slots[v], cl.Value())
	}
	for _, v := range prog.Top.Scope.Vars {
		if v.Kind == ast.DeclFunction && v.FuncStmt != nil {
			bind(v.FuncStmt, v)
		}
	}
	for _, s := range prog.Body {
		if x, ok := s.Data.(*ast.SExportDefault); ok && x.Var != nil {
			if d, ok := x.Decl.Data.(*ast.SFunction); ok && (d.Fn.Name == nil || d.Fn.Name.Var == nil) {
				bind(d.Fn, x.Var)
			}
		}
	}
}

// compileModuleTop compiles m's top level (after its imports are bound)
// and makes its closure over the module context.
func (in *Interp) compileModuleTop(m *module) bool {
	if m.rec == nil || m.fn != in.undefined {
		return true
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	sfi := in.sharedFor(m.rec, 0)
	if !in.compile(sfi) {
		return false
	}
	m.fn = f.NewJSFunction(sfi, h.NewHandle(m.ctx), f.NewFeedbackCell(heap.Handle{})).Value()
	_, ok := in.Call(m.fn, in.Bool(true)) // instantiation: returns at once
	return ok
}

// namespaceOf returns (creating once) m's namespace object, the spec's
// module namespace exotic object, made as a proxy with native traps over
// a target that holds one property per resolvable export (in code unit
// order; writable, enumerable, non-configurable) and Symbol.toStringTag
// "Module", non-extensible. The traps read the bindings themselves (live,
// with the temporal dead zone), refuse assignments and check
// definitions; the target's values are kept equal to the bindings (stores
// to exported bindings update them) so that inspection, which shows a
// proxy's target, sees current values.
func (in *Interp) namespaceOf(m *module) layout.Value {
	if m.ns != in.undefined {
		return m.ns
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	target := in.NewObject(in.null)
	handler := in.namespaceHandler(m)
	ns, ok := in.NewProxy(target.Value(), handler.Value())
	if !ok {
		panic("interp: namespace proxy: target and handler are objects")
	}
	m.ns, m.nsTarget = ns, target.Value()
	m.nsBindings = map[string]resolution{}
	names := in.exportedNames(m, map[*module]bool{})
	sort.Slice(names, func(i, j int) bool { return utf16Less(names[i], names[j]) })
	for _, name := range names {
		res, st := in.resolveExport(m, name, map[resolveKey]bool{})
		if st != resolved {
			continue
		}
		m.nsBindings[name] = res
		s := h.OpenScope()
		var v layout.Value
		if res.slot < 0 {
			v = in.namespaceOf(res.m)
		} else {
			v = f.ContextSlot(res.m.ctx, res.slot)
			if v == in.hole {
				v = in.undefined
			}
			res.m.mirrors[res.slot] = append(res.m.mirrors[res.slot], nsMirror{module: m.id, name: name})
		}
		vh := h.NewHandle(v)
		f.DefineProperty(target, f.InternalizeGo(name), vh, objects.AttrDontDelete)
		s.Close()
	}
	tag := in.NewString("Module")
	f.DefineProperty(target, h.NewHandle(in.intrinsics[SymbolToStringTag]), tag, objects.AttrReadOnly|objects.AttrDontEnum|objects.AttrDontDelete)
	f.PreventExtensions(target)
	return m.ns
}

// namespaceHandler makes the traps of m's namespace: get and
// getOwnPropertyDescriptor read the binding (a ReferenceError in its
// temporal dead zone), set fails, defineProperty accepts only what
// leaves the property as it is. The other internal methods forward to
// the target, which already behaves as the spec says.
func (in *Interp) namespaceHandler(m *module) heap.Handle {
	handler := in.NewObject(in.null)
	// binding reads export key of m: found false for a key that is not an
	// export (symbols included).
	binding := func(in *Interp, key layout.Value) (v layout.Value, found, ok bool) {
		if !in.IsString(key) {
			return 0, false, true
		}
		name := in.GoString(key)
		res, found := m.nsBindings[name]
		if !found {
			return 0, false, true
		}
		if res.slot < 0 {
			return in.namespaceOf(res.m), true, true
		}
		v = in.f.ContextSlot(res.m.ctx, res.slot)
		if v == in.hole {
			in.throwErrorValue(ReferenceError, "Cannot access '"+name+"' before initialization")
			return 0, true, false
		}
		return v, true, true
	}
	traps := []struct {
		name string
		n    int
		fn   Native
	}{
		{"get", 3, func(in *Interp, a Args) (layout.Value, bool) {
			v, found, ok := binding(in, a.Arg(1))
			if !ok {
				return 0, false
			}
			if !found {
				k, ok := in.ToPropertyKey(a.Arg(1))
				if !ok {
					return 0, false
				}
				return in.Get(a.Arg(0), k)
			}
			return v, true
		}},
		{"getOwnPropertyDescriptor", 2, func(in *Interp, a Args) (layout.Value, bool) {
			h := in.h
			scope := h.OpenScope()
			defer scope.Close()
			target, key := h.NewHandle(a.Arg(0)), a.Arg(1)
			v, found, ok := binding(in, key)
			if !ok {
				return 0, false
			}
			if !found {
				k, ok := in.ToPropertyKey(key)
				if !ok {
					return 0, false
				}
				d, found, ok := in.GetOwnPropertyDescriptor(target.Value(), k)
				if !ok {
					return 0, false
				}
				if !found {
					return in.undefined, true
				}
				return in.FromPropertyDescriptor(&d), true
			}
			d := in.NewDescriptor()
			d.Value = h.NewHandle(v)
			d.HasValue, d.HasWritable, d.HasEnumerable, d.HasConfigurable = true, true, true, true
			d.Writable, d.Enumerable = true, true
			return in.FromPropertyDescriptor(&d), true
		}},
		{"defineProperty", 3, func(in *Interp, a Args) (layout.Value, bool) {
			h := in.h
			scope := h.OpenScope()
			defer scope.Close()
			target, key := h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
			d, ok := in.ToPropertyDescriptor(a.Arg(2))
			if !ok {
				return 0, false
			}
			if in.IsSymbol(key.Value()) {
				k, _ := in.ToPropertyKey(key.Value())
				done, ok := in.DefineOwnProperty(target, in.HandleKey(k), &d)
				return in.Bool(done), ok
			}
			v, found, ok := binding(in, key.Value())
			if !ok {
				return 0, false
			}
			if !found || d.HasConfigurable && d.Configurable || d.HasEnumerable && !d.Enumerable ||
				d.IsAccessor() || d.HasWritable && !d.Writable {
				return in.Bool(false), true
			}
			if d.HasValue {
				return in.Bool(in.SameValue(d.Value.Value(), v)), true
			}
			return in.Bool(true), true
		}},
		{"set", 4, func(in *Interp, a Args) (layout.Value, bool) { return in.Bool(false), true }},
	}
	for _, t := range traps {
		in.DefineFunction(handler, t.name, t.n, t.fn)
	}
	return handler
}

// IsModuleNamespace reports whether v is a module namespace object (or
// the target behind one, which inspection shows in its place).
func (in *Interp) IsModuleNamespace(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	for _, m := range in.modules {
		if m.ns == v || m.nsTarget == v {
			return true
		}
	}
	return false
}

// NamespaceTarget returns the target of namespace object v (whose
// properties mirror the exports: what inspection shows), or 0 when v is
// not a namespace.
func (in *Interp) NamespaceTarget(v layout.Value) layout.Value {
	if !v.IsHeapObject() {
		return 0
	}
	for _, m := range in.modules {
		if m.ns == v {
			return m.nsTarget
		}
	}
	return 0
}

// utf16Less orders strings by UTF-16 code units, as Array.prototype.sort
// does by default.
func utf16Less(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// exportChanged updates the namespace properties mirroring the binding in
// slot of module id (RtModuleExportChanged).
func (in *Interp) exportChanged(value heap.Handle, id, slot int) {
	if id < 0 || id >= len(in.modules) {
		return
	}
	m := in.modules[id]
	for _, mir := range m.mirrors[slot] {
		ns := in.modules[mir.module].nsTarget
		if ns == in.undefined {
			continue
		}
		s := in.h.OpenScope()
		in.f.DefineProperty(in.h.NewHandle(ns), in.f.InternalizeGo(mir.name), value, objects.AttrDontDelete)
		s.Close()
	}
}

// evaluateModule runs m's graph depth first, each module after those it
// imports; a cycle runs as one component (the spec's Evaluate). Modules
// with top-level await, and those importing them, run asynchronously:
// the result is then a pending promise that settles when m has run. ok
// false is a synchronous failure (exception pending); the error sticks to
// every module of the failed component.
func (in *Interp) evaluateModule(m *module) (layout.Value, bool) {
	if (m.status == modEvaluatingAsync || m.status == modEvaluated) && m.cycleRoot != nil {
		m = m.cycleRoot
	}
	if m.topPromise != in.undefined {
		return m.topPromise, true
	}
	if m.status == modEvaluated && m.hasErr {
		in.Throw(m.err)
		return 0, false
	}
	var stack []*module
	if _, ok := in.innerEvaluate(m, &stack, 0); !ok {
		ex := in.exception
		for _, x := range stack {
			x.status = modEvaluated
			x.hasErr, x.err = true, ex
		}
		return 0, false
	}
	p := in.NewPromise()
	m.topPromise = p.Value()
	if !m.asyncEval {
		in.FulfillPromise(p.Value(), in.undefined)
	}
	return m.topPromise, true
}

func (in *Interp) innerEvaluate(m *module, stack *[]*module, index int) (int, bool) {
	switch m.status {
	case modEvaluatingAsync, modEvaluated:
		if m.hasErr {
			in.Throw(m.err)
			return index, false
		}
		return index, true
	case modEvaluating:
		return index, true
	}
	m.status = modEvaluating
	m.dfsIndex, m.dfsAncestor = index, index
	m.pendingAsyncDeps = 0
	index++
	*stack = append(*stack, m)
	for _, dep := range m.deps {
		var ok bool
		if index, ok = in.innerEvaluate(dep, stack, index); !ok {
			return index, false
		}
		if dep.status == modEvaluating {
			if dep.dfsAncestor < m.dfsAncestor {
				m.dfsAncestor = dep.dfsAncestor
			}
		} else {
			if dep.cycleRoot != nil {
				dep = dep.cycleRoot
			}
			if dep.hasErr {
				in.Throw(dep.err)
				return index, false
			}
		}
		if dep.asyncEval {
			m.pendingAsyncDeps++
			dep.asyncParents = append(dep.asyncParents, m)
		}
	}
	if m.pendingAsyncDeps > 0 || m.hasTLA {
		m.asyncEval = true
		in.asyncEvalCount++
		m.asyncEvalOrder = in.asyncEvalCount
		if m.pendingAsyncDeps == 0 {
			in.executeAsyncModule(m)
		}
	} else if m.fn != in.undefined {
		// V8 runs a module body as a generator: one entry creates it (our
		// instantiation call at link time), one resumes it (this one), so
		// coverage counts 2 for a module body.
		if _, ok := in.Call(m.fn, in.undefined); !ok {
			return index, false
		}
	}
	if m.dfsAncestor == m.dfsIndex {
		for {
			top := (*stack)[len(*stack)-1]
			*stack = (*stack)[:len(*stack)-1]
			top.status = modEvaluated
			if top.asyncEval {
				top.status = modEvaluatingAsync
			}
			top.cycleRoot = m
			if top == m {
				break
			}
		}
	}
	return index, true
}

// executeAsyncModule runs a module with top-level await: its top level
// returns a promise whose settlement continues the graph.
func (in *Interp) executeAsyncModule(m *module) {
	p, ok := in.Call(m.fn, in.undefined)
	if !ok {
		ex := in.exception
		in.ClearException()
		in.asyncModuleRejected(m, ex)
		return
	}
	in.PerformPromiseThenGo(p, func(in *Interp, v layout.Value) (layout.Value, bool) {
		in.asyncModuleFulfilled(m)
		return in.undefined, true
	}, func(in *Interp, reason layout.Value) (layout.Value, bool) {
		in.asyncModuleRejected(m, reason)
		return in.undefined, true
	})
}

// asyncModuleFulfilled is the spec's AsyncModuleExecutionFulfilled: m
// has run; the modules waiting only on it (and others now done) run, in
// the order they were reached.
func (in *Interp) asyncModuleFulfilled(m *module) {
	if m.status == modEvaluated {
		return
	}
	m.asyncEval = false
	m.status = modEvaluated
	if m.topPromise != in.undefined {
		in.FulfillPromise(m.topPromise, in.undefined)
	}
	var ready []*module
	in.gatherAvailableAncestors(m, &ready)
	sort.Slice(ready, func(i, j int) bool { return ready[i].asyncEvalOrder < ready[j].asyncEvalOrder })
	for _, r := range ready {
		if r.hasErr {
			continue
		}
		if r.hasTLA {
			in.executeAsyncModule(r)
			continue
		}
		if _, ok := in.Call(r.fn, in.undefined); !ok {
			ex := in.exception
			in.ClearException()
			in.asyncModuleRejected(r, ex)
			continue
		}
		r.asyncEval = false
		r.status = modEvaluated
		if r.topPromise != in.undefined {
			in.FulfillPromise(r.topPromise, in.undefined)
		}
	}
}

func (in *Interp) gatherAvailableAncestors(m *module, out *[]*module) {
	for _, p := range m.asyncParents {
		root := p
		if p.cycleRoot != nil {
			root = p.cycleRoot
		}
		if root.hasErr || p.pendingAsyncDeps == 0 {
			continue
		}
		already := false
		for _, x := range *out {
			if x == p {
				already = true
			}
		}
		if already {
			continue
		}
		p.pendingAsyncDeps--
		if p.pendingAsyncDeps == 0 {
			*out = append(*out, p)
			if !p.hasTLA {
				in.gatherAvailableAncestors(p, out)
			}
		}
	}
}

// asyncModuleRejected is AsyncModuleExecutionRejected: the error sticks
// to m and everything waiting on it.
func (in *Interp) asyncModuleRejected(m *module, reason layout.Value) {
	if m.status == modEvaluated && m.hasErr {
		return
	}
	m.hasErr, m.err = true, reason
	m.status = modEvaluated
	m.asyncEval = false
	for _, p := range m.asyncParents {
		in.asyncModuleRejected(p, reason)
	}
	if m.topPromise != in.undefined {
		in.RejectPromise(m.topPromise, reason)
	}
}

// importMeta returns (creating once) the import.meta object of module id:
// a null-prototype object with url.
func (in *Interp) importMeta(id int) (layout.Value, bool) {
	if id < 0 || id >= len(in.modules) {
		return in.ThrowError(SyntaxError, "Cannot use 'import.meta' outside a module")
	}
	m := in.modules[id]
	if m.meta != in.undefined {
		return m.meta, true
	}
	scope := in.h.OpenScope()
	defer scope.Close()
	meta := in.NewObject(in.null)
	for _, kv := range importMetaProperties(m.path) {
		if kv[0] == "url" && in.importMetaResolve != nil {
			referrer := m.path
			fn := in.NewNativeFunction("resolve", 1, func(in *Interp, a Args) (layout.Value, bool) {
				spec, ok := in.ToGoString(a.Arg(0))
				if !ok {
					return 0, false
				}
				url, err := in.importMetaResolve(spec, referrer)
				if err != nil {
					return in.ThrowError(Error, err.Error())
				}
				return in.NewString(url).Value(), true
			}, 0)
			in.DefineValue(meta, "resolve", fn, objects.AttrNone)
		}
		in.DefineValue(meta, kv[0], in.NewString(kv[1]), objects.AttrNone)
	}
	m.meta = meta.Value()
	return m.meta, true
}

// visitModuleRoots hands the GC the heap references of module records.
func (in *Interp) visitModuleRoots(visit func(*layout.Value)) {
	for _, m := range in.modules {
		visit(&m.ctx)
		visit(&m.ns)
		visit(&m.meta)
		visit(&m.fn)
		visit(&m.err)
		visit(&m.topPromise)
		visit(&m.nsTarget)
	}
}

// importMetaProperties lists import.meta's string properties for a module
// path: node's dirname and filename for a file: URL, and url.
func importMetaProperties(path string) [][2]string {
	var out [][2]string
	if file, ok := strings.CutPrefix(path, "file://"); ok {
		out = append(out, [2]string{"dirname", filepath.Dir(file)}, [2]string{"filename", file})
	}
	return append(out, [2]string{"url", path})
}

// dynamicImport is import(specifier) from the running script or module:
// it returns a promise and loads, links and evaluates the module in a job,
// resolving the promise with its namespace once it has run (its top-level
// await settled), or rejecting it with the failure.
func (in *Interp) dynamicImport(spec, options heap.Handle) (layout.Value, bool) {
	h := in.h
	referrer := ""
	// The referrer is the script or module of the innermost frame that is
	// not eval code (eval code imports as its caller does).
	for i := len(in.frames) - 1; i >= 0; i-- {
		fn := in.stack[int(in.frames[i].fp)+bytecode.FrameClosure]
		if !in.IsCallable(fn) {
			continue
		}
		if rec := in.scriptOf(in.f.FunctionShared(fn)); rec != nil && !rec.unit.Eval {
			referrer = rec.name
			break
		}
	}
	p := in.NewPromise()
	reject := func() (layout.Value, bool) {
		ex := in.exception
		in.ClearException()
		in.RejectPromise(p.Value(), ex)
		return p.Value(), true
	}
	s, ok := in.ToString(spec.Value())
	if !ok {
		return reject()
	}
	specifier := in.GoString(s)
	typ, ok := in.importOptions(options)
	if !ok {
		return reject()
	}
	pg := h.NewGlobal(p.Value())
	start := in.NewPromise()
	in.FulfillPromise(start.Value(), in.undefined)
	in.PerformPromiseThenGo(start.Value(), func(in *Interp, _ layout.Value) (layout.Value, bool) {
		in.finishDynamicImport(pg, specifier, referrer, typ)
		return in.undefined, true
	}, nil)
	return p.Value(), true
}

// importOptions checks import()'s second argument: undefined, or an
// object whose with (import attributes) is undefined or an object of
// string values.
func (in *Interp) importOptions(options heap.Handle) (typ string, ok bool) {
	if options.Value() == in.undefined {
		return "", true
	}
	if !in.IsObject(options.Value()) {
		in.ThrowError(TypeError, "The second argument to import() must be an object")
		return "", false
	}
	withName := in.f.InternalizeGo("with")
	with, ok := in.GetNamed(options.Value(), withName.Value())
	if !ok || with == in.undefined {
		return "", ok
	}
	if !in.IsObject(with) {
		in.ThrowError(TypeError, "The 'with' option must be an object")
		return "", false
	}
	// Every enumerable own string key's value must be a string (the
	// spec's EnumerableOwnProperties); "type" is the one we support.
	h, f := in.h, in.f
	wh := h.NewHandle(with)
	keys, ok := in.OwnPropertyKeys(wh.Value())
	if !ok {
		return "", false
	}
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		k := KeyOf(f.Get(keys.Value(), i))
		if !k.IsIndex && in.IsSymbol(k.Name) {
			s.Close()
			continue
		}
		kh := in.HandleKey(k)
		d, found, ok := in.GetOwnPropertyDescriptor(wh.Value(), kh.Key())
		if !ok {
			s.Close()
			return "", false
		}
		if !found || !d.Enumerable {
			s.Close()
			continue
		}
		v, ok := in.Get(wh.Value(), kh.Key())
		if !ok {
			s.Close()
			return "", false
		}
		if !in.IsString(v) {
			s.Close()
			in.ThrowError(TypeError, "Import attribute value must be a string")
			return "", false
		}
		if !kh.Key().IsIndex && in.GoString(kh.Key().Name) == "type" {
			typ = in.GoString(v)
		}
		s.Close()
	}
	return typ, true
}

// finishDynamicImport loads, links and evaluates the module of an
// import() and settles its promise (held by pg, released here).
func (in *Interp) finishDynamicImport(pg heap.Global, specifier, referrer, typ string) {
	reject := func() {
		ex := in.exception
		in.ClearException()
		p, _ := pg.Value()
		in.RejectPromise(p, ex)
		pg.Release()
	}
	m, ok := in.loadImportTyped(specifier, referrer, typ)
	if !ok || !in.loadRequested(m) || !in.link(m) {
		reject()
		return
	}
	ev, ok := in.evaluateModule(m)
	if !ok {
		reject()
		return
	}
	in.PerformPromiseThenGo(ev, func(in *Interp, _ layout.Value) (layout.Value, bool) {
		ns := in.namespaceOf(m)
		p, _ := pg.Value()
		in.ResolvePromise(p, ns)
		pg.Release()
		return in.undefined, true
	}, func(in *Interp, reason layout.Value) (layout.Value, bool) {
		p, _ := pg.Value()
		in.RejectPromise(p, reason)
		pg.Release()
		return in.undefined, true
	})
}
