package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/objects"
)

// scopeLayout says whether a scope has a context at run time and which
// context slot each of its context-allocated variables takes. It depends
// only on the syntax tree, so every function compiled from one Unit (and any
// recompilation) computes the same layout for a scope.
//
//	function counter() {
//	  let n = 0;            // captured: context slot 3 of counter's scope
//	  let t = 0;            // not captured: a register of counter
//	  return () => ++n;     // the arrow reads depth 0, slot 3 of its closure's context
//	}
type scopeLayout struct {
	context bool
	slots   map[*ast.Variable]int
	names   []string
	// thisSlot, newTargetSlot and funcSlot hold a non-arrow function's
	// receiver, new.target and closure when inner arrows use them; -1 when
	// absent.
	thisSlot, newTargetSlot, funcSlot int
}

// layout returns (computing once) the context layout of s.
func (u *Unit) layout(s *ast.Scope) *scopeLayout {
	if l, ok := u.layouts[s]; ok {
		return l
	}
	if u.outerScopes[s] {
		return u.Outer.layout(s)
	}
	l := &scopeLayout{slots: map[*ast.Variable]int{}, thisSlot: -1, newTargetSlot: -1, funcSlot: -1}
	evalLocal := u.evalLocalVars(s)
	// A mapped arguments object aliases the parameters: they live in the
	// context, where it reaches them.
	mapped := mapsArguments(s)
	add := func(name string) int {
		i := objectsContextMinSlots + len(l.names)
		l.names = append(l.names, name)
		return i
	}
	if s.Kind == ast.ScopeModule {
		// Every module binding lives in the module context, which the
		// linker creates before the module runs (imports and exports
		// reach it from other modules); the first slot holds the
		// module's id.
		add(".module")
	}
	for _, v := range s.Vars {
		switch {
		case s.Kind == ast.ScopeModule:
			l.slots[v] = add(v.Name)
		case s.Kind == ast.ScopeScript:
			// Top-level lexical bindings live in the script context,
			// where later scripts find them; var and function
			// declarations are global object properties.
			if v.Kind.Lexical() || evalLocal {
				l.slots[v] = add(v.Name)
			}
		case v.Captured || v.Kind == ast.DeclPrivate || v.Kind == ast.DeclParam && mapped:
			// Private names are used from the class's methods, other
			// functions, whether or not the analysis marked them.
			l.slots[v] = add(v.Name)
		}
	}
	if s.ThisCaptured && s.Func != nil && s.Func.Kind != ast.FuncArrow && (s.Kind == ast.ScopeFunction || s.Kind == ast.ScopeScript) {
		l.thisSlot = add("this")
		if s.Kind == ast.ScopeFunction {
			l.newTargetSlot = add(".new.target")
			l.funcSlot = add(".function")
		}
	}
	l.context = len(l.names) > 0 || s.Kind == ast.ScopeWith || s.SloppyEvalVars
	u.layouts[s] = l
	return l
}

// mapsArguments reports whether function scope s gets a mapped arguments
// object (CreateMappedArgumentsObject): a sloppy, non-arrow function with a
// simple, non-empty parameter list whose `arguments` object exists (it is
// referenced, or a sloppy direct eval may reference it).
func mapsArguments(s *ast.Scope) bool {
	fn := s.Func
	if s.Kind != ast.ScopeFunction || fn == nil || s.Strict || fn.Strict || fn.Kind == ast.FuncArrow || len(fn.Params) == 0 || !s.UsesArguments {
		return false
	}
	for _, p := range fn.Params {
		if _, ok := p.Target.Data.(*ast.BIdentifier); !ok || p.Rest || p.Default.Data != nil {
			return false
		}
	}
	for _, v := range s.Vars {
		if v.Kind == ast.DeclArguments {
			return true
		}
	}
	return false
}

// objectsContextMinSlots is the first variable slot of a context.
const objectsContextMinSlots = 3

// scopeInfoKind maps an ast scope kind to the ScopeInfo kind V8 shows.
func scopeInfoKind(s *ast.Scope) objects.ScopeKind {
	switch s.Kind {
	case ast.ScopeScript:
		if s.EvalTop {
			return objects.EvalScope
		}
		return objects.ScriptScope
	case ast.ScopeModule:
		return objects.ModuleScope
	case ast.ScopeFunction:
		return objects.FunctionScope
	case ast.ScopeCatch:
		return objects.CatchScope
	case ast.ScopeWith:
		return objects.WithScope
	case ast.ScopeClass:
		return objects.ClassScope
	}
	return objects.BlockScope
}

// scopeInfoConstant returns the constant pool index of s's ScopeInfo.
func (c *funcCompiler) scopeInfoConstant(s *ast.Scope) int {
	l := c.u.layout(s)
	k := scopeInfoKind(s)
	if c.u.Eval && s == c.u.Prog.Top.Scope {
		k = objects.EvalScope
	}
	var modes []byte
	if c.u.Prog.Dynamic {
		modes = l.modes()
	}
	return c.b.Constant(bytecode.Constant{Kind: bytecode.ConstScopeInfo, Int: int(k), Names: l.names, Modes: modes})
}

// locKind says where a variable lives.
type locKind uint8

const (
	locRegister locKind = iota
	locContext
	locGlobal
	locClosure // a named function expression's own name, read from the frame
	locImport  // an import binding: slot of another module's context (held in slot)
	locDynamic // looked up by name at run time (with, sloppy direct eval)
)

// varLoc is a resolved variable reference.
type varLoc struct {
	kind       locKind
	reg        int // frame slot for locRegister
	depth      int // context depth for locContext
	slot       int // context slot for locContext and locImport
	target     int // the exporter's context slot for locImport
	v          *ast.Variable
	name       string
	holeCheck  bool // a let/const/class read that may hit the TDZ
	immutable  bool
	sloppyName bool // a sloppy function-expression name: assignment is ignored
	// hasRef, for locDynamic, says register ref holds the binding's
	// reference base (RtLookupRef), resolved before a right-hand side.
	hasRef bool
	ref    int
}

// scopeEntry is one scope active at the current point of the function being
// compiled, innermost last.
type scopeEntry struct {
	s       *ast.Scope
	context bool // its context is pushed (or, for outer scopes, exists)
}

// resolve finds where the variable named by an identifier lives, seen from
// the current point of the function.
func (c *funcCompiler) resolve(name string, v *ast.Variable) varLoc {
	if v == nil {
		if v = c.u.wrapperVar(name); v == nil {
			if c.u.Prog.Dynamic && c.dynamic(nil) {
				return varLoc{kind: locDynamic, name: name}
			}
			return varLoc{kind: locGlobal, name: name}
		}
	}
	if c.u.Prog.Dynamic && !c.noDynamic && c.dynamic(v) {
		return varLoc{kind: locDynamic, name: name, v: v}
	}
	loc := varLoc{v: v, name: name, immutable: v.Immutable()}
	if v.Scope.Kind == ast.ScopeScript && !v.Kind.Lexical() && !c.u.evalLocalVars(v.Scope) {
		return varLoc{kind: locGlobal, name: name, v: v}
	}
	l := c.u.layout(v.Scope)
	if slot, ok := l.slots[v]; ok {
		if target, ok := c.u.importSlot(v); ok {
			loc.kind, loc.slot, loc.target = locImport, slot, target
			loc.depth = c.contextDepth(v.Scope)
			loc.holeCheck = true
			return loc
		}
		loc.kind, loc.slot = locContext, slot
		loc.depth = c.contextDepth(v.Scope)
		loc.holeCheck = v.Kind.Lexical() && !c.knownInitialized(v)
		if v.Kind == ast.DeclFunctionName && !v.Scope.Strict {
			loc.sloppyName = true
		}
		return loc
	}
	if v.Kind == ast.DeclFunctionName {
		loc.kind, loc.reg = locClosure, bytecode.FrameClosure
		loc.sloppyName = !c.fn.Strict
		return loc
	}
	if r, ok := c.regs[v]; ok {
		loc.kind, loc.reg = locRegister, r
		loc.holeCheck = v.Kind.Lexical() && !c.knownInitialized(v)
		return loc
	}
	// A variable of a scope not entered here: an early reference the
	// analysis did not mark captured. Treat it as global so that the
	// program still runs (and report it, for the compiler's own tests).
	c.unresolved = append(c.unresolved, name)
	return varLoc{kind: locGlobal, name: name, v: v}
}

// knownInitialized reports whether a lexical variable certainly holds a
// value here: it is a register (or own-context) variable of this function
// whose declaration was compiled before this point, outside a switch (whose
// cases may skip declarations).
func (c *funcCompiler) knownInitialized(v *ast.Variable) bool {
	return c.initialized[v] && !c.switchScopes[v.Scope]
}

// contextDepth counts the contexts between the current point and the
// context of scope target: the current function's pushed contexts, then
// the contexts of the scopes enclosing the function literal.
func (c *funcCompiler) contextDepth(target *ast.Scope) int {
	depth := 0
	for i := len(c.scopes) - 1; i >= 0; i-- {
		e := c.scopes[i]
		if e.s == target {
			return depth
		}
		if e.context {
			depth++
		}
	}
	// Outside this function: walk the syntactic parents of the function's
	// outermost scope.
	var s *ast.Scope
	if len(c.scopes) > 0 {
		s = c.scopes[0].s.Parent
	}
	for ; s != nil; s = s.Parent {
		if s == target {
			return depth
		}
		if c.u.layout(s).context {
			depth++
		}
	}
	c.fail("internal error: variable scope not found")
	return depth
}

// pushScope enters scope s: it allocates registers for its non-captured
// variables and reports whether s has a context (which the caller creates
// and pushes with enterContext).
func (c *funcCompiler) pushScope(s *ast.Scope) bool {
	l := c.u.layout(s)
	c.scopes = append(c.scopes, scopeEntry{s: s})
	if s.Kind != ast.ScopeScript {
		for _, v := range s.Vars {
			if _, inContext := l.slots[v]; inContext {
				continue
			}
			if _, ok := c.regs[v]; ok {
				continue
			}
			if v.Kind == ast.DeclFunctionName {
				continue
			}
			if v.Kind == ast.DeclParam && c.paramSlots[v] != 0 {
				c.regs[v] = c.paramSlots[v]
				continue
			}
			c.regs[v] = c.newLocal()
		}
	}
	return l.context
}

// popScope leaves the innermost scope.
func (c *funcCompiler) popScope() {
	c.scopes = c.scopes[:len(c.scopes)-1]
}

// enterContext creates the context of the innermost scope (a function or
// block context) and pushes it, saving the outer context in a register. It
// returns that register (to pop back to).
func (c *funcCompiler) enterContext(function bool) int {
	e := &c.scopes[len(c.scopes)-1]
	si := c.scopeInfoConstant(e.s)
	if function {
		c.b.Emit(bytecode.CreateFunctionContext, si, len(c.u.layout(e.s).names))
	} else {
		c.b.Emit(bytecode.CreateBlockContext, si)
	}
	saved := c.newLocal()
	c.b.Emit(bytecode.PushContext, saved)
	e.context = true
	return saved
}

// initLexicals stores the hole into the scope's let/const/class variables
// (their temporal dead zone) and undefined is already in the rest.
func (c *funcCompiler) initLexicals(s *ast.Scope) {
	l := c.u.layout(s)
	for _, v := range s.Vars {
		if !v.Kind.Lexical() {
			continue
		}
		if slot, ok := l.slots[v]; ok {
			if s.Kind == ast.ScopeScript {
				continue // NewScriptContext fills the holes
			}
			c.b.Emit(bytecode.LdaTheHole)
			c.b.Emit(bytecode.StaCurrentContextSlot, slot)
		} else if r, ok := c.regs[v]; ok {
			c.b.Emit(bytecode.LdaTheHole)
			c.b.Emit(bytecode.Star, r)
		}
	}
}

// newLocal allocates a register that lives until the function ends (a
// variable, a saved context).
func (c *funcCompiler) newLocal() int {
	r := c.newTemp()
	c.localMark = c.nextReg
	return r
}

// newTemp allocates a temporary register; release it (and every later one)
// with freeTemps.
func (c *funcCompiler) newTemp() int {
	r := c.regBase + c.nextReg
	c.nextReg++
	if c.nextReg > c.maxReg {
		c.maxReg = c.nextReg
	}
	return r
}

// newTemps allocates n consecutive temporaries and returns the first.
func (c *funcCompiler) newTemps(n int) int {
	first := c.regBase + c.nextReg
	for i := 0; i < n; i++ {
		c.newTemp()
	}
	return first
}

// tempMark returns the allocation point to free back to.
func (c *funcCompiler) tempMark() int { return c.nextReg }

// freeTemps releases the temporaries allocated since mark (never locals).
func (c *funcCompiler) freeTemps(mark int) {
	c.nextReg = max(mark, c.localMark)
}

// currentScope returns the innermost scope at the current point.
func (c *funcCompiler) currentScope() *ast.Scope {
	if len(c.scopes) > 0 {
		return c.scopes[len(c.scopes)-1].s
	}
	return c.fn.Scope
}

// loadPrivateName loads the private symbol of `#name` as seen here.
func (c *funcCompiler) loadPrivateName(name string, pos ast.Pos) bool {
	v := c.currentScope().Resolve(name)
	if v == nil || v.Kind != ast.DeclPrivate {
		c.fail("Private field '%s' must be declared in an enclosing class", name)
		return false
	}
	c.loadVar(c.resolve(name, v))
	return true
}
