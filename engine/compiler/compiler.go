package compiler

import (
	"fmt"
	"sort"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// funcCompiler compiles one function literal.
type funcCompiler struct {
	u    *Unit
	fn   *ast.Function
	b    *bytecode.Builder
	opts Options
	info FuncInfo
	// cov is the block-coverage plan, nil when coverage is off.
	cov *covPlan
	// noDynamic makes resolve ignore with and sloppy eval (a store to a
	// known binding).
	noDynamic bool

	// Registers: frame slot regBase+i is register i.
	regBase                    int
	nextReg, maxReg, localMark int

	regs         map[*ast.Variable]int
	paramSlots   map[*ast.Variable]int
	initialized  map[*ast.Variable]bool
	switchScopes map[*ast.Scope]bool
	scopes       []scopeEntry
	control      []*controlEntry
	// chains are the short-circuit targets of the optional chains being
	// compiled, innermost last.
	chains []*bytecode.Label

	// completion is the register holding a script's completion value, or -1.
	completion int
	// A generator's object and the registers its resumption sets (the
	// resume mode and the value sent), or -1.
	genReg, modeReg, sentReg int
	// locals is the generator function's table of named locals
	// (bytecode.Function.Locals).
	locals     []bytecode.Local
	err        error
	unresolved []string
}

func newFuncCompiler(u *Unit, fn *ast.Function, opts Options) *funcCompiler {
	info := u.Info(fn.ID)
	c := &funcCompiler{
		u: u, fn: fn, b: bytecode.NewBuilder(), opts: opts, info: info,
		regBase:      bytecode.FrameHeaderSize + info.Params,
		regs:         map[*ast.Variable]int{},
		paramSlots:   map[*ast.Variable]int{},
		initialized:  map[*ast.Variable]bool{},
		switchScopes: map[*ast.Scope]bool{},
		completion:   -1,
		genReg:       -1, modeReg: -1, sentReg: -1,
	}
	if opts.BlockCoverage {
		c.cov = planCoverage(u, fn)
	}
	return c
}

// Error is a compilation failure: a construct this compiler does not
// support yet, or a limit exceeded. Pos is a byte offset in the source.
type Error struct {
	Msg string
	Pos ast.Pos
}

func (e *Error) Error() string { return e.Msg }

// fail records the first compilation error.
func (c *funcCompiler) fail(format string, args ...any) {
	if c.err == nil {
		c.err = &Error{Msg: fmt.Sprintf(format, args...)}
	}
}

// unsupported records that a construct is not implemented yet.
func (c *funcCompiler) unsupported(what string, pos ast.Pos) {
	if c.err == nil {
		c.err = &Error{Msg: what + " is not supported yet", Pos: pos}
	}
}

// pos converts a byte offset to the UTF-16 offset positions are kept in.
func (c *funcCompiler) pos(p ast.Pos) int { return c.u.Lines.UTF16(p) }

// exprPos attaches an expression position to the next instruction.
func (c *funcCompiler) exprPos(p ast.Pos) { c.b.SetExpressionPosition(c.pos(p)) }

// stmtPos attaches a statement position to the next instruction.
func (c *funcCompiler) stmtPos(p ast.Pos) { c.b.SetStatementPosition(c.pos(p)) }

func (c *funcCompiler) compile() (*bytecode.Function, error) {
	fn := c.fn
	if c.err == nil {
		switch fn.Kind {
		case ast.FuncScript:
			if c.u.CommonJS {
				c.compileFunction()
			} else {
				c.compileScript()
			}
		case ast.FuncModule:
			c.compileModule()
		case ast.FuncClassFieldInit:
			c.compileFieldInit()
		default:
			c.compileFunction()
		}
	}
	out := c.b.Finish(c.info.DebugName, c.info.Params, c.maxReg)
	out.Locals = c.locals
	if c.err == nil {
		if err := c.b.Err(); err != nil {
			c.err = &Error{Msg: err.Error(), Pos: fn.Range.Start}
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	return out, nil
}

// compileScript compiles a script's top level: the script context for its
// lexical declarations, its var and function declarations on the global
// object, then its statements, returning the completion value.
func (c *funcCompiler) compileScript() {
	fn := c.fn
	s := fn.Scope
	c.pushScope(s)
	l := c.u.layout(s)
	if l.context && c.u.Eval {
		c.enterContext(false)
		for _, v := range s.Vars {
			if slot, ok := l.slots[v]; ok && v.Kind.Lexical() {
				c.b.Emit(bytecode.LdaTheHole)
				c.b.Emit(bytecode.StaCurrentContextSlot, slot)
			}
		}
		if l.thisSlot >= 0 {
			c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.thisSlot)
		}
	} else if l.context {
		r := c.newTemp()
		c.b.Emit(bytecode.LdaConstant, c.scopeInfoConstant(s))
		c.b.Emit(bytecode.Star, r)
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtNewScriptContext), r, 1)
		c.freeTemps(c.tempMark() - 1)
		saved := c.newLocal()
		c.b.Emit(bytecode.PushContext, saved)
		c.scopes[len(c.scopes)-1].context = true
		if l.thisSlot >= 0 {
			c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.thisSlot)
		}
	}
	if c.u.Eval && (c.u.evalLocalVars(s) || c.u.evalCallerVars() != nil) {
		c.evalDeclarations(s)
	} else {
		c.globalDeclarations(s)
	}
	c.completion = c.newLocal()
	c.b.Emit(bytecode.LdaUndefined)
	c.b.Emit(bytecode.Star, c.completion)
	c.covFunction()
	c.statements(fn.Body)
	if c.b.Reachable() {
		c.b.Emit(bytecode.Ldar, c.completion)
		c.b.Emit(bytecode.Return)
	}
}

// evalDeclarations instantiates the var and function declarations of
// eval code that are not global: strict eval code's own (in its context),
// or a sloppy direct eval's, added to its caller's variable environment.
func (c *funcCompiler) evalDeclarations(s *ast.Scope) {
	b := c.b
	if c.u.evalLocalVars(s) {
		for _, v := range s.Vars {
			if v.Kind == ast.DeclFunction && v.FuncStmt != nil {
				c.createClosure(v.FuncStmt)
				c.storeVar(c.resolve(v.Name, v), true)
			}
		}
		return
	}
	depth := c.contextDepth(c.u.evalCallerVars())
	for _, v := range s.Vars {
		mark := c.tempMark()
		switch v.Kind {
		case ast.DeclVar:
			r := c.newTemps(2)
			b.Emit(bytecode.LdaConstant, b.NameConstant(v.Name))
			b.Emit(bytecode.Star, r)
			b.Emit(bytecode.LdaSmi, depth)
			b.Emit(bytecode.Star, r+1)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtDeclareEvalVar), r, 2)
		case ast.DeclFunction:
			if v.FuncStmt == nil {
				break
			}
			r := c.newTemps(3)
			b.Emit(bytecode.LdaConstant, b.NameConstant(v.Name))
			b.Emit(bytecode.Star, r)
			c.createClosure(v.FuncStmt)
			b.Emit(bytecode.Star, r+1)
			b.Emit(bytecode.LdaSmi, depth)
			b.Emit(bytecode.Star, r+2)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtDeclareEvalFunction), r, 3)
		}
		c.freeTemps(mark)
	}
}

// globalDeclarations defines a script's (or global eval code's) var and
// function declarations on the global object.
func (c *funcCompiler) globalDeclarations(s *ast.Scope) {
	if c.u.Eval {
		c.checkEvalGlobals(s)
	}
	for _, v := range s.Vars {
		switch v.Kind {
		case ast.DeclVar:
			mark := c.tempMark()
			r := c.newTemp()
			c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(v.Name))
			c.b.Emit(bytecode.Star, r)
			c.b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineGlobalVar), r, 1)
			c.freeTemps(mark)
		case ast.DeclFunction:
			if v.FuncStmt == nil {
				continue
			}
			mark := c.tempMark()
			r := c.newTemps(2)
			c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(v.Name))
			c.b.Emit(bytecode.Star, r)
			c.createClosure(v.FuncStmt)
			c.b.Emit(bytecode.Star, r+1)
			c.b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineGlobalFunction), r, 2)
			c.freeTemps(mark)
		}
	}
}

// compileModule compiles a module's top level. Its context (every module
// binding, imports and hoisted functions already in place) is the
// closure's, made by the linker; the code runs the module's statements.
func (c *funcCompiler) compileModule() {
	fn := c.fn
	c.pushScope(fn.Scope)
	c.scopes[len(c.scopes)-1].context = true
	// The linker calls the top level once with a receiver other than
	// undefined, before evaluation, as V8 runs a module's function once
	// to instantiate it: that call only returns (coverage counts both
	// invocations, as V8's does).
	body := &bytecode.Label{}
	c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
	c.b.EmitJump(bytecode.JumpIfUndefined, body)
	c.b.Emit(bytecode.LdaUndefined)
	c.b.Emit(bytecode.Return)
	c.b.Bind(body)
	if !c.asyncFunction() {
		c.covFunction()
		c.statements(fn.Body)
		if c.b.Reachable() {
			c.b.Emit(bytecode.LdaUndefined)
			c.b.Emit(bytecode.Return)
		}
		return
	}
	// A module with top-level await evaluates as an async function: the
	// call returns its promise, which settles when the body completes.
	c.genReg, c.modeReg, c.sentReg = c.newLocal(), c.newLocal(), c.newLocal()
	asyncCtx := c.newLocal()
	c.b.Emit(bytecode.Mov, bytecode.FrameContext, asyncCtx)
	c.b.Emit(bytecode.CreateGeneratorObject)
	c.b.Emit(bytecode.Star, c.genReg)
	asyncStart := c.b.Offset()
	c.covFunction()
	c.statements(fn.Body)
	if c.b.Reachable() {
		c.b.Emit(bytecode.LdaUndefined)
		c.jumpOut(jumpReturn, -1)
	}
	end := c.b.Offset()
	c.b.Bind(&bytecode.Label{}) // the handler is reachable
	c.b.AddHandler(bytecode.Handler{Start: asyncStart, End: end, Target: end, Context: asyncCtx})
	c.asyncSettle(bytecode.RtAsyncFunctionReject)
}

// compileFunction compiles an ordinary function, arrow, method, accessor or
// class constructor: its contexts, parameters, hoisted declarations, body.
func (c *funcCompiler) compileFunction() {
	fn := c.fn
	s := fn.Scope
	asyncStart, asyncCtx := -1, -1
	if c.asyncFunction() {
		// An async function's object (its saved frame and promise) is made
		// first; everything after, parameters included, runs inside a
		// handler that rejects the promise.
		c.genReg, c.modeReg, c.sentReg = c.newLocal(), c.newLocal(), c.newLocal()
		asyncCtx = c.newLocal()
		c.b.Emit(bytecode.Mov, bytecode.FrameContext, asyncCtx)
		c.b.Emit(bytecode.CreateGeneratorObject)
		c.b.Emit(bytecode.Star, c.genReg)
		asyncStart = c.b.Offset()
	}
	defer func() {
		if asyncStart < 0 {
			return
		}
		if c.b.Reachable() {
			c.b.Emit(bytecode.LdaUndefined)
			c.jumpOut(jumpReturn, -1)
		}
		end := c.b.Offset()
		handler := c.b.Offset()
		c.b.Bind(&bytecode.Label{}) // the handler is reachable
		c.b.AddHandler(bytecode.Handler{Start: asyncStart, End: end, Target: handler, Context: asyncCtx})
		c.asyncSettle(bytecode.RtAsyncFunctionReject)
	}()
	// A named function expression's own name: a scope of its own between
	// the function and the enclosing code. It needs a context only when a
	// closure captures the name.
	if p := s.Parent; p != nil && p.Kind == ast.ScopeFunctionName {
		if c.pushScope(p) {
			c.enterContext(false)
			for _, v := range p.Vars {
				if slot, ok := c.u.layout(p).slots[v]; ok {
					c.b.Emit(bytecode.Ldar, bytecode.FrameClosure)
					c.b.Emit(bytecode.StaCurrentContextSlot, slot)
				}
			}
		}
	}
	// Simple parameters are bound to their argument slots.
	for i, p := range fn.Params {
		if p.Rest {
			break
		}
		if id, ok := p.Target.Data.(*ast.BIdentifier); ok && id.Var != nil && p.Default.Data == nil {
			c.paramSlots[id.Var] = bytecode.FrameHeaderSize + i
		}
	}
	hasContext := c.pushScope(s)
	l := c.u.layout(s)
	if fn.Generator {
		c.recordLocals(s)
	}
	if hasContext {
		c.enterContext(true)
		for _, v := range s.Vars {
			slot, inContext := l.slots[v]
			if r, ok := c.paramSlots[v]; ok && inContext && v.Kind == ast.DeclParam {
				c.b.Emit(bytecode.Ldar, r)
				c.b.Emit(bytecode.StaCurrentContextSlot, slot)
			}
		}
		if l.thisSlot >= 0 {
			if fn.Derived {
				c.b.Emit(bytecode.LdaTheHole)
			} else {
				c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
			}
			c.b.Emit(bytecode.StaCurrentContextSlot, l.thisSlot)
			c.b.Emit(bytecode.Ldar, bytecode.FrameNewTarget)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.newTargetSlot)
			c.b.Emit(bytecode.Ldar, bytecode.FrameClosure)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.funcSlot)
		}
	}
	c.initLexicals(s)
	c.covFunction()
	// arguments.
	for _, v := range s.Vars {
		if v.Kind == ast.DeclArguments {
			c.b.Emit(bytecode.CreateArguments)
			if mapsArguments(s) {
				c.mapArguments(l)
			}
			c.storeVar(c.resolve(v.Name, v), true)
		}
	}
	// Parameters that are not simple: defaults, patterns, rest.
	for i, p := range fn.Params {
		if p.Rest {
			c.b.Emit(bytecode.CreateRestParameter)
			r := c.newTemp()
			c.b.Emit(bytecode.Star, r)
			c.bindPattern(p.Target, r, bindInit)
			c.freeTemps(r - c.regBase)
			break
		}
		slot := bytecode.FrameHeaderSize + i
		if id, ok := p.Target.Data.(*ast.BIdentifier); ok && p.Default.Data == nil {
			if id.Var != nil && c.paramSlots[id.Var] != 0 {
				continue // bound above
			}
		}
		if p.Default.Data != nil {
			skip := &bytecode.Label{}
			c.b.Emit(bytecode.Ldar, slot)
			c.b.EmitJump(bytecode.JumpIfNotUndefined, skip)
			c.expr(p.Default)
			c.b.Emit(bytecode.Star, slot)
			c.b.Bind(skip)
		}
		c.bindPattern(p.Target, slot, bindInit)
	}
	// Hoisted function declarations.
	c.hoistFunctions(s)
	if fn.Kind == ast.FuncClassConstructor && !fn.Derived && fn.Class != nil && fn.Class.InstanceInit != nil {
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtInitializeInstance), bytecode.FrameReceiver, 1)
	}
	if fn.Generator {
		// The call itself only binds the parameters: it returns the
		// generator object, suspended before the body.
		c.genReg, c.modeReg, c.sentReg = c.newLocal(), c.newLocal(), c.newLocal()
		c.b.Emit(bytecode.CreateGeneratorObject)
		c.b.Emit(bytecode.Star, c.genReg)
		c.suspend()
	}
	c.statements(fn.Body)
	if fn.Derived && c.b.Reachable() {
		c.b.Emit(bytecode.LdaUndefined)
		c.emitReturn()
	}
}

// mapArguments turns the arguments object in the accumulator into a mapped
// one: RtMapArguments gets the context slot of each parameter (-1 for one
// whose name a later parameter takes), and aliases arguments[i] with it.
func (c *funcCompiler) mapArguments(l *scopeLayout) {
	params := c.fn.Params
	elems := make([]bytecode.Constant, len(params))
	for i, p := range params {
		slot := -1
		if id := p.Target.Data.(*ast.BIdentifier); id.Var != nil {
			if s, ok := l.slots[id.Var]; ok {
				slot = s
			}
			for _, q := range params[i+1:] {
				if q.Target.Data.(*ast.BIdentifier).Var == id.Var {
					slot = -1 // a later duplicate wins
				}
			}
		}
		elems[i] = bytecode.Constant{Kind: bytecode.ConstSmi, Int: slot}
	}
	r := c.newTemps(2)
	c.b.Emit(bytecode.Star, r)
	c.b.Emit(bytecode.LdaConstant, c.b.Constant(bytecode.Constant{Kind: bytecode.ConstArray, Elems: elems}))
	c.b.Emit(bytecode.Star, r+1)
	c.b.Emit(bytecode.CallRuntime, int(bytecode.RtMapArguments), r, 2)
	c.freeTemps(r - c.regBase)
}

// asyncFunction reports whether the function is an async function (not
// an async generator).
// recordLocals lists where each named variable of the function's scope s
// lives (c.locals), for the inspector: parameters and var/let/const in
// registers or in the function context, in V8's order (the parameters,
// `arguments`, then the rest in source order); the function's own name and
// the internal variables (named with a dot) are left out.
func (c *funcCompiler) recordLocals(s *ast.Scope) {
	l := c.u.layout(s)
	var params, args, rest []*ast.Variable
	for _, v := range s.Vars {
		switch {
		case v.Kind == ast.DeclFunctionName || v.Name == "" || v.Name[0] == '.':
		case v.Kind == ast.DeclParam:
			params = append(params, v)
		case v.Kind == ast.DeclArguments:
			args = append(args, v)
		default:
			rest = append(rest, v)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Loc < rest[j].Loc })
	for _, v := range append(append(params, args...), rest...) {
		if slot, ok := l.slots[v]; ok {
			c.locals = append(c.locals, bytecode.Local{Name: v.Name, Reg: -1, Slot: slot})
		} else if r, ok := c.regs[v]; ok {
			c.locals = append(c.locals, bytecode.Local{Name: v.Name, Reg: r, Slot: -1})
		}
	}
}

func (c *funcCompiler) asyncFunction() bool { return c.fn.Async && !c.fn.Generator }

// asyncGenerator reports whether the function is an async generator.
func (c *funcCompiler) asyncGenerator() bool { return c.fn.Async && c.fn.Generator }

// asyncSettle resolves (or rejects) the async function's promise with the
// accumulator and returns the promise.
func (c *funcCompiler) asyncSettle(rt bytecode.RuntimeID) {
	mark := c.tempMark()
	args := c.newTemps(2)
	c.b.Emit(bytecode.Star, args+1)
	c.b.Emit(bytecode.Mov, c.genReg, args)
	c.b.Emit(bytecode.CallRuntime, int(rt), args, 2)
	c.b.Emit(bytecode.Return)
	c.freeTemps(mark)
}

// await compiles `await` of the accumulator: the frame suspends until the
// value settles, then continues with it or throws the reason.
func (c *funcCompiler) await() { c.awaitWith(bytecode.RtAwait) }

// awaitWith is await through runtime function rt (RtAwait, RtAwaitYield).
func (c *funcCompiler) awaitWith(rt bytecode.RuntimeID) {
	b := c.b
	mark := c.tempMark()
	args := c.newTemps(2)
	b.Emit(bytecode.Star, args+1)
	b.Emit(bytecode.Mov, c.genReg, args)
	b.Emit(bytecode.CallRuntime, int(rt), args, 2)
	c.freeTemps(mark)
	b.Emit(bytecode.SuspendGenerator, c.genReg, c.modeReg, c.sentReg)
	next := &bytecode.Label{}
	b.Emit(bytecode.LdaSmi, resumeThrow)
	b.EmitJump(bytecode.JumpIfSmiEqual, next, c.modeReg)
	b.Emit(bytecode.Ldar, c.sentReg)
	done := &bytecode.Label{}
	b.EmitJump(bytecode.Jump, done)
	b.Bind(next)
	b.Emit(bytecode.Ldar, c.sentReg)
	b.Emit(bytecode.Throw)
	b.Bind(done)
}

// awaitExpr compiles `await value`.
func (c *funcCompiler) awaitExpr(e ast.Expr, x *ast.EAwait) {
	if c.genReg < 0 || !c.fn.Async {
		c.unsupported("await outside an async function", e.Start)
		return
	}
	c.expr(x.Value)
	c.stmtPos(e.Start)
	c.await()
	if c.cov != nil {
		c.covCont(x, covMain, c.cov.afterSemicolon(e.End))
	}
}

// Resume modes of a generator (what next, return and throw ask for).
const (
	resumeNext   = 0
	resumeReturn = 1
	resumeThrow  = 2
)

// suspend yields the accumulator and, on resumption, performs what the
// resume mode asks: continue with the sent value in the accumulator, throw
// it, or return it (through any finally blocks).
func (c *funcCompiler) suspend() {
	b := c.b
	b.Emit(bytecode.SuspendGenerator, c.genReg, c.modeReg, c.sentReg)
	next, throw := &bytecode.Label{}, &bytecode.Label{}
	b.Emit(bytecode.LdaSmi, resumeNext)
	b.EmitJump(bytecode.JumpIfSmiEqual, next, c.modeReg)
	b.Emit(bytecode.LdaSmi, resumeThrow)
	b.EmitJump(bytecode.JumpIfSmiEqual, throw, c.modeReg)
	b.Emit(bytecode.Ldar, c.sentReg)
	if c.asyncGenerator() {
		c.await()
	}
	c.jumpOut(jumpReturn, -1)
	b.Bind(throw)
	b.Emit(bytecode.Ldar, c.sentReg)
	b.Emit(bytecode.Throw)
	b.Bind(next)
	b.Emit(bytecode.Ldar, c.sentReg)
}

// yieldExpr compiles `yield value` and `yield* iterable`.
func (c *funcCompiler) yieldExpr(e ast.Expr, x *ast.EYield) {
	if c.genReg < 0 {
		c.fail("yield outside a generator")
		return
	}
	if !x.Delegate {
		if x.Value.Data != nil {
			c.expr(x.Value)
		} else {
			c.b.Emit(bytecode.LdaUndefined)
		}
		c.stmtPos(e.Start)
		if c.asyncGenerator() {
			c.awaitWith(bytecode.RtAwaitYield)
		}
		c.suspend()
		if c.cov != nil {
			c.covCont(x, covMain, c.cov.afterSemicolon(e.End))
		}
		return
	}
	c.yieldStar(e, x.Value)
	if c.cov != nil {
		c.covCont(x, covMain, c.cov.afterSemicolon(e.End))
	}
}

// yieldStar delegates to an inner iterator: each of its results is yielded,
// and what the generator is resumed with (next, throw, return) is passed on
// to the inner iterator's method of the same name.
func (c *funcCompiler) yieldStar(e ast.Expr, iterable ast.Expr) {
	b := c.b
	iter, next, recv, mode, res := c.newLocal(), c.newLocal(), c.newLocal(), c.newLocal(), c.newLocal()
	call := c.newTemps(3) // method, receiver, argument
	async := c.asyncGenerator()
	c.expr(iterable)
	c.exprPos(iterable.Start)
	if async {
		b.Emit(bytecode.Star, iter)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtGetAsyncIterator), iter, 1)
	} else {
		b.Emit(bytecode.GetIterator, b.FeedbackSlots(1))
	}
	b.Emit(bytecode.Star, iter)
	b.Emit(bytecode.LdaNamedProperty, iter, b.NameConstant("next"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, next)
	b.Emit(bytecode.LdaUndefined)
	b.Emit(bytecode.Star, recv)
	b.Emit(bytecode.LdaSmi, resumeNext)
	b.Emit(bytecode.Star, mode)

	loop, isNext, isReturn, called, ok, done, isRet := &bytecode.Label{}, &bytecode.Label{}, &bytecode.Label{},
		&bytecode.Label{}, &bytecode.Label{}, &bytecode.Label{}, &bytecode.Label{}
	b.Bind(loop)
	b.Emit(bytecode.Mov, iter, call+1)
	b.Emit(bytecode.Mov, recv, call+2)
	b.Emit(bytecode.LdaSmi, resumeNext)
	b.EmitJump(bytecode.JumpIfSmiEqual, isNext, mode)
	b.Emit(bytecode.LdaSmi, resumeReturn)
	b.EmitJump(bytecode.JumpIfSmiEqual, isReturn, mode)
	// Resumed with throw: the inner iterator's throw, or close it and fail.
	b.Emit(bytecode.LdaNamedProperty, iter, b.NameConstant("throw"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, call)
	b.EmitJump(bytecode.JumpIfNotNullish, called)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), iter, 1)
	c.throwTypeError("The iterator does not provide a 'throw' method")
	// Resumed with return: the inner iterator's return, or return at once.
	b.Bind(isReturn)
	b.Emit(bytecode.LdaNamedProperty, iter, b.NameConstant("return"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, call)
	b.EmitJump(bytecode.JumpIfNotNullish, called)
	b.Emit(bytecode.Ldar, recv)
	if async {
		c.await()
	}
	c.jumpOut(jumpReturn, -1)
	b.Bind(isNext)
	b.Emit(bytecode.Mov, next, call)
	b.Bind(called)
	c.exprPos(e.Start)
	b.Emit(bytecode.CallProperty, call, call+1, 1, b.FeedbackSlots(1))
	if async {
		c.await()
	}
	b.Emit(bytecode.Star, res)
	b.EmitJump(bytecode.JumpIfJSReceiver, ok)
	c.throwTypeError("Iterator result is not an object")
	b.Bind(ok)
	b.Emit(bytecode.LdaNamedProperty, res, b.NameConstant("done"), b.FeedbackSlots(2))
	b.EmitJump(bytecode.JumpIfToBooleanTrue, done)
	b.Emit(bytecode.LdaNamedProperty, res, b.NameConstant("value"), b.FeedbackSlots(2))
	b.Emit(bytecode.SuspendGenerator, c.genReg, c.modeReg, c.sentReg)
	b.Emit(bytecode.Mov, c.modeReg, mode)
	b.Emit(bytecode.Mov, c.sentReg, recv)
	if async {
		// An async generator resumed with return awaits the value first;
		// a rejection turns it into a throw (AsyncGeneratorUnwrapYield
		// Resumption).
		isRet, after := &bytecode.Label{}, &bytecode.Label{}
		b.Emit(bytecode.LdaSmi, resumeReturn)
		b.EmitJump(bytecode.JumpIfSmiEqual, isRet, mode)
		b.EmitJump(bytecode.JumpLoop, loop)
		b.Bind(isRet)
		ctx := c.newLocal()
		b.Emit(bytecode.Mov, bytecode.FrameContext, ctx)
		start := b.Offset()
		b.Emit(bytecode.Ldar, recv)
		c.await()
		b.Emit(bytecode.Star, recv)
		end := b.Offset()
		b.EmitJump(bytecode.Jump, after)
		handler := b.Offset()
		b.Bind(&bytecode.Label{})
		b.AddHandler(bytecode.Handler{Start: start, End: end, Target: handler, Context: ctx})
		b.Emit(bytecode.Star, recv)
		b.Emit(bytecode.LdaSmi, resumeThrow)
		b.Emit(bytecode.Star, mode)
		b.Bind(after)
	}
	b.EmitJump(bytecode.JumpLoop, loop)
	// The inner iterator is done: its value is the value of yield*, or the
	// generator's return value when it was resumed with return.
	b.Bind(done)
	b.Emit(bytecode.LdaNamedProperty, res, b.NameConstant("value"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, recv)
	b.Emit(bytecode.LdaSmi, resumeReturn)
	b.EmitJump(bytecode.JumpIfSmiEqual, isRet, mode)
	b.Emit(bytecode.Ldar, recv)
	end := &bytecode.Label{}
	b.EmitJump(bytecode.Jump, end)
	b.Bind(isRet)
	b.Emit(bytecode.Ldar, recv)
	if async {
		c.await()
	}
	c.jumpOut(jumpReturn, -1)
	b.Bind(end)
}

// compileFieldInit compiles a class's synthetic member initializer: it
// defines the instance fields on `this` (or, for the static initializer, the
// static fields on the class and runs the static blocks), in order.
func (c *funcCompiler) compileFieldInit() {
	fn := c.fn
	cls := fn.Class
	static := cls != nil && fn == cls.StaticInit
	hasContext := c.pushScope(fn.Scope)
	l := c.u.layout(fn.Scope)
	if hasContext {
		c.enterContext(true)
		if l.thisSlot >= 0 {
			c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.thisSlot)
			c.b.Emit(bytecode.Ldar, bytecode.FrameNewTarget)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.newTargetSlot)
			c.b.Emit(bytecode.Ldar, bytecode.FrameClosure)
			c.b.Emit(bytecode.StaCurrentContextSlot, l.funcSlot)
		}
	}
	c.initLexicals(fn.Scope)
	c.covFunction()
	if cls == nil {
		return
	}
	for _, m := range cls.Members {
		if m.Static != static {
			continue
		}
		switch m.Kind {
		case ast.PropertyInit:
			mark := c.tempMark()
			c.stmtPos(m.Range.Start)
			if _, ok := m.Key.Data.(*ast.EPrivateName); ok {
				args := c.newTemps(3)
				c.b.Emit(bytecode.Mov, bytecode.FrameReceiver, args)
				c.memberKey(m)
				c.b.Emit(bytecode.Star, args+1)
				if m.Value.Data != nil {
					c.expr(m.Value)
				} else {
					c.b.Emit(bytecode.LdaUndefined)
				}
				c.b.Emit(bytecode.Star, args+2)
				c.b.Emit(bytecode.CallRuntime, int(bytecode.RtDefinePrivate), args, 3)
				c.freeTemps(mark)
				continue
			}
			key := c.newTemp()
			c.propertyKey(m.Key, m.Computed)
			c.b.Emit(bytecode.Star, key)
			if m.Value.Data != nil {
				c.expr(m.Value)
			} else {
				c.b.Emit(bytecode.LdaUndefined)
			}
			c.b.Emit(bytecode.DefineKeyedOwnProperty, bytecode.FrameReceiver, key, 0)
			c.freeTemps(mark)
		case ast.PropertyStaticBlock:
			if m.Block != nil {
				c.block(m.Block.Body, m.Block.Scope)
			}
		}
	}
}

// hoistFunctions creates the closures of the function declarations of scope
// s and binds them, as on entry to a function body or block.
func (c *funcCompiler) hoistFunctions(s *ast.Scope) {
	for _, v := range s.Vars {
		if v.Kind != ast.DeclFunction || v.FuncStmt == nil {
			continue
		}
		c.createClosure(v.FuncStmt)
		c.storeVar(c.resolve(v.Name, v), true)
	}
}

// createClosure emits CreateClosure for a nested function literal.
func (c *funcCompiler) createClosure(fn *ast.Function) { c.createClosureEager(fn, false) }

// createClosureEager is createClosure, marking the literal for eager
// compilation (a parenthesized function expression, as V8 guesses).
func (c *funcCompiler) createClosureEager(fn *ast.Function, eager bool) {
	idx := c.b.Constant(bytecode.Constant{Kind: bytecode.ConstFunction, Int: fn.ID, Eager: eager})
	c.b.Emit(bytecode.CreateClosure, idx, c.b.Closure())
}
