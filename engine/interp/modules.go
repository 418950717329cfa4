package interp

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/ast"
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
	deps     []*module
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
	// mirrors lists, per context slot, the namespace properties showing
	// that binding (kept up to date by RtModuleExportChanged).
	mirrors map[int][]nsMirror
	// dfsIndex and dfsAncestor drive evaluation's strongly connected
	// components (cycles evaluate as one).
	dfsIndex, dfsAncestor int
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
	if !in.evaluateModule(m) {
		return PhaseRuntime, false
	}
	return PhaseRuntime, true
}

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
	prog, err := parser.Parse(source, parser.Options{Filename: path, Module: true})
	if err != nil {
		var se *parser.SyntaxError
		if errors.As(err, &se) {
			kind := SyntaxError
			if se.RangeError {
				kind = RangeError
			}
			in.throwSyntaxError(kind, se.Msg, path, source, se.Line, se.Column)
		} else {
			in.ThrowError(SyntaxError, err.Error())
		}
		return nil, false
	}
	rec := in.newScript(prog, source, path)
	in.f.SetScriptFlags(rec.script, in.f.ScriptFlags(rec.script)|objects.ScriptIsModule)
	if in.scriptHook != nil {
		in.scriptHook(rec.id)
	}
	m := in.newModule(path)
	m.rec = rec
	in.collectEntries(m, prog)
	return m, true
}

// newModule adds an empty module record to the map.
func (in *Interp) newModule(path string) *module {
	if in.moduleMap == nil {
		in.moduleMap = map[string]*module{}
	}
	m := &module{id: len(in.modules), path: path, exports: map[string]int{}, indirect: map[string]indirectExport{},
		mirrors: map[int][]nsMirror{}, ctx: in.undefined, ns: in.undefined, meta: in.undefined, fn: in.undefined, err: in.undefined}
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
	request := func(spec string) int {
		for i, r := range m.requests {
			if r == spec {
				return i
			}
		}
		m.requests = append(m.requests, spec)
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
			r := request(x.Source)
			for _, sp := range x.Specifiers {
				m.imports = append(m.imports, importEntry{request: r, name: sp.Imported, local: sp.Local.Var, pos: sp.Start})
			}
		case *ast.SExportNamed:
			if x.HasSource {
				r := request(x.Source)
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
			r := request(x.Source)
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
		dep, ok := in.loadImport(spec, m.path)
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
		in.ThrowError(Error, err.Error())
		return nil, false
	}
	if m := in.moduleMap[path]; m != nil {
		return m, true
	}
	if in.commonJSHook != nil {
		if mk, ok := in.commonJSHook(path); ok {
			m, ok := in.newSyntheticModule(path, mk)
			return m, ok
		}
	}
	return in.moduleFromSource(source, path)
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

// namespaceOf returns (creating once) m's namespace object: a
// null-prototype, non-extensible object with one read-only enumerable
// property per resolvable export, in code unit order, and
// Symbol.toStringTag "Module". Its properties mirror the bindings: every
// store to an exported binding updates them.
func (in *Interp) namespaceOf(m *module) layout.Value {
	if m.ns != in.undefined {
		return m.ns
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	ns := in.NewObject(in.null)
	m.ns = ns.Value()
	names := in.exportedNames(m, map[*module]bool{})
	sort.Slice(names, func(i, j int) bool { return utf16Less(names[i], names[j]) })
	for _, name := range names {
		res, st := in.resolveExport(m, name, map[resolveKey]bool{})
		if st != resolved {
			continue
		}
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
		f.DefineProperty(ns, f.InternalizeGo(name), vh, objects.AttrReadOnly|objects.AttrDontDelete)
		s.Close()
	}
	tag := in.NewString("Module")
	f.DefineProperty(ns, h.NewHandle(in.intrinsics[SymbolToStringTag]), tag, objects.AttrReadOnly|objects.AttrDontEnum|objects.AttrDontDelete)
	f.PreventExtensions(ns)
	return m.ns
}

// IsModuleNamespace reports whether v is a module namespace object.
func (in *Interp) IsModuleNamespace(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	for _, m := range in.modules {
		if m.ns == v {
			return true
		}
	}
	return false
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
		ns := in.modules[mir.module].ns
		if ns == in.undefined {
			continue
		}
		s := in.h.OpenScope()
		in.f.DefineProperty(in.h.NewHandle(ns), in.f.InternalizeGo(mir.name), value, objects.AttrReadOnly|objects.AttrDontDelete)
		s.Close()
	}
}

// evaluateModule runs m's graph depth first, each module after those it
// imports; a cycle runs as one component. An error is kept on every
// module of the failed component and thrown again by later evaluations.
func (in *Interp) evaluateModule(m *module) bool {
	var stack []*module
	if _, ok := in.innerEvaluate(m, &stack, 0); !ok {
		for _, x := range stack {
			x.status = modEvaluated
			x.hasErr, x.err = true, in.exception
		}
		return false
	}
	return true
}

func (in *Interp) innerEvaluate(m *module, stack *[]*module, index int) (int, bool) {
	switch m.status {
	case modEvaluated:
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
	index++
	*stack = append(*stack, m)
	for _, dep := range m.deps {
		var ok bool
		if index, ok = in.innerEvaluate(dep, stack, index); !ok {
			return index, false
		}
		if dep.status == modEvaluating && dep.dfsAncestor < m.dfsAncestor {
			m.dfsAncestor = dep.dfsAncestor
		}
	}
	if m.fn != in.undefined {
		if _, ok := in.Call(m.fn, in.undefined); !ok {
			return index, false
		}
	}
	if m.dfsAncestor == m.dfsIndex {
		for {
			top := (*stack)[len(*stack)-1]
			*stack = (*stack)[:len(*stack)-1]
			top.status = modEvaluated
			if top == m {
				break
			}
		}
	}
	return index, true
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
