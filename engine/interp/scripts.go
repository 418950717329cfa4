package interp

import (
	"errors"
	"math/big"
	"strings"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
	"github.com/sonde-js/sonde/engine/parser"
)

// script is a compiled script: its syntax tree (kept in Go memory for lazy
// compilation), its heap Script, and the table of SharedFunctionInfos of
// its function literals by literal id (one each, created on first use).
type script struct {
	id     int
	name   string
	source string
	unit   *compiler.Unit
	script layout.Value // the Script (a GC root)
	shared layout.Value // FixedArray of SharedFunctionInfo or undefined (a GC root)
	// cov is the coverage bookkeeping of each function literal.
	cov []literalCoverage
	// dynamicFunction marks the source of a Function constructor call,
	// whose function V8's coverage reports without a name.
	dynamicFunction bool
	// evalFrom, for direct eval code, is V8's eval origin of its frames:
	// "eval at f (file:line:col)".
	evalFrom string
	// evalCell is the FeedbackCell the closures of cached direct eval
	// code share (a GC root; undefined when not cached).
	evalCell layout.Value
}

// SFI flag bits the interpreter adds to those of package objects.
const (
	// sharedNotConstructor marks functions new may not be applied to.
	sharedNotConstructor = 1 << 16
	// sharedMethod marks methods, accessors and member initializers.
	sharedMethod = 1 << 17
	// sharedDerived marks the constructor of a class with extends.
	sharedDerived = 1 << 18
	// sharedTopLevel marks a script's top-level code.
	sharedTopLevel = 1 << 19
)

// ScriptInfo describes a compiled script.
type ScriptInfo struct {
	ID     int
	Name   string
	Source string
	Unit   *compiler.Unit
}

// Scripts returns every script compiled so far, in order.
func (in *Interp) Scripts() []ScriptInfo {
	out := make([]ScriptInfo, len(in.scripts))
	for i, s := range in.scripts {
		out[i] = ScriptInfo{s.id, s.name, s.source, s.unit}
	}
	return out
}

// CompileScript parses and compiles source as a classic script named name
// and returns the closure of its top-level code (in the current handle
// scope). A syntax error is thrown as a SyntaxError: the result is then
// false with the exception pending.
func (in *Interp) CompileScript(source, name string) (heap.Handle, bool) {
	return in.compileScript(source, name, false, false)
}

// EvalScript compiles and runs source as (indirect) eval code: like a
// script, but its top-level lexical bindings stay its own. It returns the
// completion value.
func (in *Interp) EvalScript(source string, strict bool) (layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	fn, ok := in.compileScript(source, "<anonymous>", true, strict)
	if !ok {
		return 0, false
	}
	if fr, ok := in.callerFrame(); ok {
		in.scripts[len(in.scripts)-1].evalFrom = in.evalOrigin(fr, -1)
	}
	return in.RunFunction(fn)
}

// EvalFunctionSource runs the source a Function constructor builds,
// "(function anonymous(…\n) {\n…\n})", as eval code, returning the
// function.
func (in *Interp) EvalFunctionSource(source string) (layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	fn, ok := in.compileScript(source, "<anonymous>", true, false)
	if !ok {
		return 0, false
	}
	rec := in.scripts[len(in.scripts)-1]
	rec.dynamicFunction = true
	if fr, ok := in.callerFrame(); ok {
		rec.evalFrom = in.evalOrigin(fr, -1)
	}
	return in.RunFunction(fn)
}

// parse parses source with opts; a syntax error is thrown as V8 throws
// it (SyntaxError, or RangeError for limits) and reported to the script
// hooks as a script that failed to parse.
func (in *Interp) parse(source, name string, opts parser.Options, module bool) (*ast.Program, bool) {
	prog, err := parser.Parse(source, opts)
	if err == nil {
		return prog, true
	}
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		kind := SyntaxError
		if se.RangeError {
			kind = RangeError
		}
		in.throwSyntaxError(kind, se.Msg, name, source, se.Line, se.Column)
		in.parseFailed(name, source, module)
	} else {
		in.ThrowError(SyntaxError, err.Error())
	}
	return nil, false
}

func (in *Interp) compileScript(source, name string, eval, strict bool) (heap.Handle, bool) {
	prog, ok := in.parse(source, name, parser.Options{Filename: name, Strict: strict}, false)
	if !ok {
		return heap.Handle{}, false
	}
	h, f := in.h, in.f
	rec := in.newScript(prog, source, name)
	rec.unit.Eval = eval
	if in.scriptHook != nil {
		in.scriptHook(rec.id)
	}
	sfi := in.sharedFor(rec, 0)
	if !in.compile(sfi) {
		return heap.Handle{}, false
	}
	ctx := h.NewHandle(in.intrinsics[NativeContext])
	cell := f.NewFeedbackCell(heap.Handle{})
	return f.NewJSFunction(sfi, ctx, cell), true
}

// newScript registers a parsed program as a script: its record (a GC
// root from here on), its heap Script and its table of shared function
// infos.
func (in *Interp) newScript(prog *ast.Program, source, name string) *script {
	f := in.f
	rec := &script{id: len(in.scripts) + 1, name: name, source: source,
		unit: compiler.NewUnit(prog, source), script: in.undefined, shared: in.undefined, evalCell: in.undefined,
		cov: make([]literalCoverage, len(prog.Functions))}
	for i := range rec.cov {
		rec.cov[i].countersConst = -1
	}
	in.scripts = append(in.scripts, rec) // rooted from here on
	src := f.NewStringFromGo(source, heap.OldSpace)
	nm := f.NewStringFromGo(name, heap.OldSpace)
	rec.script = f.NewScript(src, nm, rec.id).Value()
	rec.shared = f.NewFixedArray(len(prog.Functions), heap.OldSpace).Value()
	return rec
}

// scriptOf returns the script record of a SharedFunctionInfo, or nil for
// builtins.
func (in *Interp) scriptOf(sfi layout.Value) *script {
	s := in.f.SharedScript(sfi)
	if s == in.undefined {
		return nil
	}
	id := in.f.ScriptID(s)
	if id < 1 || id > len(in.scripts) {
		return nil
	}
	return in.scripts[id-1]
}

// sharedFor returns the SharedFunctionInfo of function literal id of rec,
// creating it on first use.
func (in *Interp) sharedFor(rec *script, id int) heap.Handle {
	f := in.f
	if v := f.Get(rec.shared, id); v != in.undefined {
		return in.h.NewHandle(v)
	}
	info := rec.unit.Info(id)
	name := f.InternalizeGo(info.Name)
	sfi := f.NewSharedFunctionInfo(name, in.h.NewHandle(rec.script), info.Start, info.End, id, info.Params)
	f.SetSharedFlags(sfi.Value(), sharedFlags(info.Flags))
	f.Set(rec.shared, id, sfi.Value())
	return sfi
}

// sharedFlags converts the compiler's function flags to SFI flag bits.
func sharedFlags(fl compiler.FuncFlags) int {
	flags := 0
	set := func(c compiler.FuncFlags, bit int) {
		if fl&c != 0 {
			flags |= bit
		}
	}
	set(compiler.FlagArrow, objects.SharedIsArrow)
	set(compiler.FlagStrict, objects.SharedIsStrict)
	set(compiler.FlagGenerator, objects.SharedIsGenerator)
	set(compiler.FlagAsync, objects.SharedIsAsync)
	set(compiler.FlagClassConstructor, objects.SharedIsClassConstructor)
	set(compiler.FlagDerived, sharedDerived)
	set(compiler.FlagMethod, sharedMethod)
	set(compiler.FlagTopLevel, sharedTopLevel)
	if fl&compiler.FlagConstructor == 0 {
		flags |= sharedNotConstructor
	}
	return flags
}

// compile gives sfi its bytecode unless it has some (a lazy compile on the
// first call). A construct the compiler does not support is thrown as a
// SyntaxError.
func (in *Interp) compile(sfi heap.Handle) bool {
	if in.f.SharedIsCompiled(sfi.Value()) {
		return true
	}
	rec := in.scriptOf(sfi.Value())
	if rec == nil {
		in.ThrowError(TypeError, "function has no code")
		return false
	}
	id := in.f.SharedFunctionLiteralID(sfi.Value())
	fn, err := rec.unit.Compile(id, in.compileOpts)
	if err != nil {
		var ce *compiler.Error
		if errors.As(err, &ce) {
			line, col := rec.unit.Lines.LineCol(ce.Pos)
			in.throwSyntaxError(SyntaxError, ce.Msg, rec.name, rec.source, line+1, col+1)
			return false
		}
		in.ThrowError(SyntaxError, err.Error())
		return false
	}
	in.install(sfi, fn, rec)
	return true
}

// Recompile discards the bytecode of every function compiled from the
// scripts so far, so that their next calls compile them again with the
// current compiler options (block coverage turned on or off).
func (in *Interp) Recompile() {
	in.dropOptimizedCode() // optimized code has the old bytecode's pcs
	for _, rec := range in.scripts {
		n := in.f.Length(rec.shared)
		for i := 1; i < n; i++ {
			if sfi := in.f.Get(rec.shared, i); sfi != in.undefined {
				in.f.SetSharedBytecode(sfi, in.undefined)
			}
		}
	}
}

// install materializes a compiled function on the heap: its constant pool
// (internalized strings, numbers, SharedFunctionInfos of nested literals,
// ScopeInfos), its BytecodeArray in the code space with the handler and
// source position tables, and links it from sfi.
func (in *Interp) install(sfi heap.Handle, fn *bytecode.Function, rec *script) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	pool := f.NewFixedArray(len(fn.Constants), heap.OldSpace)
	for i, c := range fn.Constants {
		s := h.OpenScope()
		v := in.constant(c, rec, sfi)
		f.Set(pool.Value(), i, v.Value())
		s.Close()
	}
	ba := f.NewBytecodeArray(fn.Code, fn.Registers*layout.TaggedSize, fn.Params+1, pool)
	if len(fn.Handlers) > 0 {
		t := f.NewByteArray(bytecode.EncodeHandlers(fn.Handlers), heap.OldSpace)
		f.SetBytecodeHandlerTable(ba.Value(), t.Value())
	}
	if len(fn.Positions) > 0 {
		t := f.NewByteArray(fn.Positions, heap.OldSpace)
		f.SetBytecodeSourcePositionTable(ba.Value(), t.Value())
	}
	f.SetSharedBytecode(sfi.Value(), ba.Value())
	if len(fn.Locals) > 0 {
		in.installLocals(sfi, fn.Locals)
	}
	if id := f.SharedFunctionLiteralID(sfi.Value()); id >= 0 && id < len(rec.cov) && f.SharedScript(sfi.Value()) == rec.script {
		rec.cov[id].ranges, rec.cov[id].countersConst = fn.CounterRanges, fn.CountersConstant
	}
}

// constant materializes one constant pool entry.
func (in *Interp) constant(c bytecode.Constant, rec *script, outer heap.Handle) heap.Handle {
	h, f := in.h, in.f
	switch c.Kind {
	case bytecode.ConstSmi:
		return h.NewHandle(layout.Smi(c.Int))
	case bytecode.ConstString:
		return f.InternalizeUTF16(c.Str)
	case bytecode.ConstNumber:
		n := f.NewHeapNumber(c.Num)
		return n
	case bytecode.ConstBigInt:
		x, _ := new(big.Int).SetString(c.Names[0], 10)
		return f.NewBigInt(x)
	case bytecode.ConstFunction:
		sfi := in.sharedFor(rec, c.Int)
		if c.Eager && !f.SharedIsCompiled(sfi.Value()) {
			// V8 compiles `(function …)` at once, guessing it is called
			// right away; coverage shows it (counters of a function
			// never called).
			if fn, err := rec.unit.Compile(c.Int, in.compileOpts); err == nil {
				in.install(sfi, fn, rec)
			}
		}
		return sfi
	case bytecode.ConstCounters:
		return f.NewByteArray(make([]byte, 4*c.Int), heap.OldSpace)
	case bytecode.ConstScopeInfo:
		names := make([]heap.Handle, len(c.Names))
		for i, n := range c.Names {
			names[i] = f.InternalizeGo(n)
		}
		if c.Modes != nil {
			return f.NewScopeInfoWithModes(objects.ScopeKind(c.Int), names, c.Modes)
		}
		return f.NewScopeInfo(objects.ScopeKind(c.Int), names)
	case bytecode.ConstUndefined:
		return h.NewHandle(in.undefined)
	case bytecode.ConstArray:
		arr := f.NewFixedArray(len(c.Elems), heap.OldSpace)
		for i, e := range c.Elems {
			s := h.OpenScope()
			v := in.constant(e, rec, outer)
			f.Set(arr.Value(), i, v.Value())
			s.Close()
		}
		return arr
	case bytecode.ConstDefaultConstructor:
		derived, fields := c.Int&1 != 0, c.Int&2 != 0
		name := f.InternalizeGo(c.Names[0])
		start, end := c.Elems[0].Int, c.Elems[1].Int
		sfi := f.NewSharedFunctionInfo(name, h.NewHandle(rec.script), start, end, -1, 0)
		flags := objects.SharedIsClassConstructor | objects.SharedIsStrict
		if derived {
			flags |= sharedDerived
		}
		f.SetSharedFlags(sfi.Value(), flags)
		in.install(sfi, compiler.DefaultConstructor(derived, fields), rec)
		return sfi
	}
	return h.NewHandle(in.undefined)
}

// DebugName returns the name stack traces and profiles show for a function:
// its name, else the name inferred from where it was defined.
func (in *Interp) DebugName(sfi layout.Value) string {
	name := in.f.StringToGo(in.f.SharedName(sfi))
	if name != "" {
		return name
	}
	if rec := in.scriptOf(sfi); rec != nil {
		if id := in.f.SharedFunctionLiteralID(sfi); id >= 0 && id < len(rec.unit.Prog.Functions) {
			return rec.unit.Prog.Functions[id].InferredName
		}
	}
	return ""
}

// functionAST returns the syntax tree of a function's literal, or nil.
func (in *Interp) functionAST(sfi layout.Value) (*script, *ast.Function) {
	rec := in.scriptOf(sfi)
	if rec == nil {
		return nil, nil
	}
	id := in.f.SharedFunctionLiteralID(sfi)
	if id < 0 || id >= len(rec.unit.Prog.Functions) {
		return rec, nil
	}
	return rec, rec.unit.Prog.Functions[id]
}

// FunctionSource returns Function.prototype.toString of fn: the source text
// of a function literal (of the whole class for a class constructor), or
// "function name() { [native code] }" for a builtin.
func (in *Interp) FunctionSource(fn layout.Value) string {
	f := in.f
	if !in.isFunction(fn) {
		return "function () { [native code] }"
	}
	sfi := f.FunctionShared(fn)
	rec := in.scriptOf(sfi)
	if rec == nil {
		name := f.StringToGo(f.SharedName(sfi))
		if strings.HasPrefix(name, "bound ") {
			name = "" // V8 prints bound functions without a name
		}
		return "function " + name + "() { [native code] }"
	}
	id := f.SharedFunctionLiteralID(sfi)
	if id >= 0 && id < len(rec.unit.Prog.Functions) {
		lit := rec.unit.Prog.Functions[id]
		r := lit.Range
		if lit.Kind == ast.FuncClassConstructor && lit.Class != nil {
			r = lit.Class.Range
		}
		return rec.source[r.Start:r.End]
	}
	start := rec.unit.Lines.ByteOffset(f.SharedStartPosition(sfi))
	end := rec.unit.Lines.ByteOffset(f.SharedEndPosition(sfi))
	return rec.source[start:end]
}
