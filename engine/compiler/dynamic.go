package compiler

import (
	"sort"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// Names that a `with` object or a sloppy direct eval's var declarations may
// supply at run time resolve dynamically: the runtime walks the context
// chain by name (each context's ScopeInfo names its slots; a with context
// holds its object, a var scope that a sloppy eval declared into holds
// those vars in its extension object), then the global scope. Everything
// else resolves statically as before: programs without `with` or sloppy
// direct eval (Program.Dynamic false) compile exactly as they did.
//
//	function f(o) { with (o) return x; }   // x: RtLookupLoad "x"
//	function g() { eval("var y = 1"); return y; }  // y: RtLookupLoad "y"

// NewEvalUnit wraps direct eval code parsed with parser.Options.Outer set
// to the scope of the call in outer's program: the scopes enclosing the
// call keep the layouts outer gave them, so the eval code finds the
// caller's variables in the contexts the caller made.
func NewEvalUnit(prog *ast.Program, source string, outer *Unit) *Unit {
	u := NewUnit(prog, source)
	u.Eval = true
	u.Outer = outer
	u.outerScopes = map[*ast.Scope]bool{}
	for s := prog.Top.Scope.Parent; s != nil; s = s.Parent {
		u.outerScopes[s] = true
	}
	if outer.wrapper != nil {
		u.outerScopes[outer.wrapper] = true
	}
	return u
}

// evalLocalVars reports whether s is the top scope of strict eval code,
// whose var and function declarations are its own (in its context).
func (u *Unit) evalLocalVars(s *ast.Scope) bool {
	for ; u != nil; u = u.Outer {
		if u.Eval && s == u.Prog.Top.Scope {
			return s.Strict && s.Kind == ast.ScopeScript
		}
	}
	return false
}

// evalCallerVars reports whether the unit is sloppy direct eval code
// whose vars go to a function's variable environment (rather than the
// global object): its var scope, or nil.
func (u *Unit) evalCallerVars() *ast.Scope {
	top := u.Prog.Top.Scope
	if !top.EvalTop || top.Strict {
		return nil
	}
	s := top.Parent
	for {
		vs := s.VarScope()
		if vs == nil || vs.Kind == ast.ScopeScript && !vs.EvalTop || vs.Kind == ast.ScopeModule {
			return nil
		}
		if !vs.EvalTop || vs.Strict {
			return vs
		}
		s = vs.Parent
	}
}

// dynamic reports whether a reference to v (nil: unresolved) from the
// current point resolves at run time: a with scope or a var scope a
// sloppy eval may declare into lies between, or v is a var of sloppy
// direct eval code (declared in its caller's variable environment).
func (c *funcCompiler) dynamic(v *ast.Variable) bool {
	var target *ast.Scope
	if v != nil {
		if v.Kind == ast.DeclPrivate {
			return false
		}
		target = v.Scope
		if target.EvalTop && !target.Strict && !v.Kind.Lexical() {
			return true
		}
	}
	for s := c.currentScope(); s != nil && s != target; s = s.Parent {
		if s.Kind == ast.ScopeWith || s.SloppyEvalVars {
			return true
		}
	}
	return false
}

// modes gives the assignment mode of each context slot name of a layout.
func (l *scopeLayout) modes() []byte {
	out := make([]byte, len(l.names))
	for v, slot := range l.slots {
		i := slot - objectsContextMinSlots
		switch {
		case v.Kind == ast.DeclFunctionName && !v.Scope.Strict:
			out[i] = bytecode.ModeSloppyConst
		case v.Immutable():
			out[i] = bytecode.ModeConst
		}
	}
	return out
}

// lookupRuntime calls runtime function id with the name constant and n-1
// more arguments that fill(first) stores from register first+1 on.
func (c *funcCompiler) lookupRuntime(id bytecode.RuntimeID, name string, n int, fill func(first int)) {
	b := c.b
	mark := c.tempMark()
	r := c.newTemps(n)
	if fill != nil {
		fill(r)
	}
	b.Emit(bytecode.LdaConstant, b.NameConstant(name))
	b.Emit(bytecode.Star, r)
	b.Emit(bytecode.CallRuntime, int(id), r, n)
	c.freeTemps(mark)
}

// loadDynamic loads a dynamically resolved name (typeof: no
// ReferenceError when it is not found).
func (c *funcCompiler) loadDynamic(name string, typeof bool) {
	id := bytecode.RtLookupLoad
	if typeof {
		id = bytecode.RtLookupLoadTypeof
	}
	c.lookupRuntime(id, name, 1, nil)
}

// storeDynamic assigns the accumulator to a dynamically resolved name,
// leaving it in the accumulator.
func (c *funcCompiler) storeDynamic(name string) {
	strict := 0
	if c.fn.Strict {
		strict = 1
	}
	c.lookupRuntime(bytecode.RtLookupStore, name, 3, func(r int) {
		c.b.Emit(bytecode.Star, r+1)
		c.b.Emit(bytecode.LdaSmi, strict)
		c.b.Emit(bytecode.Star, r+2)
	})
}

// callDynamic loads a dynamically resolved callee into callee and its
// receiver (the with object holding it, or undefined) into recv.
func (c *funcCompiler) callDynamic(name string, callee, recv int) {
	b := c.b
	mark := c.tempMark()
	r := c.newTemps(2)
	b.Emit(bytecode.LdaConstant, b.NameConstant(name))
	b.Emit(bytecode.Star, r)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtLookupCall), r, 2)
	b.Emit(bytecode.Star, callee)
	b.Emit(bytecode.Mov, r+1, recv)
	c.freeTemps(mark)
}

// withStmt compiles `with (object) body`: a with context holding the
// object for the body, in which free names resolve dynamically.
func (c *funcCompiler) withStmt(x *ast.SWith) {
	b := c.b
	c.expr(x.Object)
	if c.completion >= 0 {
		// UpdateEmpty(C, undefined): `1; with (o) {}` completes with undefined.
		mark := c.tempMark()
		t := c.newTemp()
		b.Emit(bytecode.Star, t)
		b.Emit(bytecode.LdaUndefined)
		b.Emit(bytecode.Star, c.completion)
		b.Emit(bytecode.Ldar, t)
		c.freeTemps(mark)
	}
	mark := c.tempMark()
	r := c.newTemps(2)
	b.Emit(bytecode.Star, r)
	c.pushScope(x.Scope)
	b.Emit(bytecode.LdaConstant, c.scopeInfoConstant(x.Scope))
	b.Emit(bytecode.Star, r+1)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtCreateWithContext), r, 2)
	c.freeTemps(mark)
	saved := c.newLocal()
	b.Emit(bytecode.PushContext, saved)
	c.scopes[len(c.scopes)-1].context = true
	c.pushContextEntry(saved)
	c.stmt(x.Body, nil)
	c.popControl()
	if b.Reachable() {
		b.Emit(bytecode.PopContext, saved)
	}
	c.popScope()
}

// EvalSite is the caller's side of one direct eval call.
type EvalSite struct {
	// Scope is the innermost scope at the call.
	Scope *ast.Scope
	// InParams marks a call in a parameter list.
	InParams bool
	// Pos is the call's position (a UTF-16 offset), for the eval origin
	// stack traces show.
	Pos int
}

// resolveDirectEval replaces the callee in register callee of a direct
// eval call `eval(args…)` (first argument in register arg, or none) by
// what RtResolveDirectEval gives: the eval code's closure, or the callee.
func (c *funcCompiler) resolveDirectEval(callee, arg int, hasArg, inParams bool, pos ast.Pos) {
	b := c.b
	site := len(c.u.EvalSites)
	c.u.EvalSites = append(c.u.EvalSites, EvalSite{c.currentScope(), inParams, c.pos(pos)})
	mark := c.tempMark()
	r := c.newTemps(3)
	b.Emit(bytecode.Mov, callee, r)
	if hasArg {
		b.Emit(bytecode.Mov, arg, r+1)
	} else {
		b.Emit(bytecode.LdaUndefined)
		b.Emit(bytecode.Star, r+1)
	}
	b.Emit(bytecode.LdaSmi, site)
	b.Emit(bytecode.Star, r+2)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtResolveDirectEval), r, 3)
	b.Emit(bytecode.Star, callee)
	c.freeTemps(mark)
}

// evalAnnexBStore stores the accumulator, a block function of sloppy eval
// code, to its var binding in the eval's variable environment (Annex B.3.3.3:
// the caller's var scope, or the global object), not to the first binding
// of the name on the scope chain (the block's own).
func (c *funcCompiler) evalAnnexBStore(name string) {
	vs := c.u.evalCallerVars()
	if vs == nil {
		c.storeVar(varLoc{kind: locGlobal, name: name}, false)
		return
	}
	b := c.b
	mark := c.tempMark()
	r := c.newTemps(3)
	b.Emit(bytecode.Star, r+1)
	b.Emit(bytecode.LdaConstant, b.NameConstant(name))
	b.Emit(bytecode.Star, r)
	b.Emit(bytecode.LdaSmi, c.contextDepth(vs))
	b.Emit(bytecode.Star, r+2)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtDeclareEvalFunction), r, 3)
	c.freeTemps(mark)
}

// evalArgPos gives RtResolveDirectEval the position V8's frames show while
// it runs (an early error of the eval code is thrown there): that of the
// last variable the arguments read, the first argument when it is a name
// (otherwise the callee's, already set).
func (c *funcCompiler) evalArgPos(args []ast.Expr) {
	if len(args) > 0 {
		if _, ok := args[0].Data.(*ast.EIdentifier); ok {
			c.exprPos(args[0].Start)
		}
	}
}

// importSlot returns the exporter's slot of import binding v, looked up
// in the unit that declares it (a module whose direct eval code reads it).
func (u *Unit) importSlot(v *ast.Variable) (int, bool) {
	for ; u != nil; u = u.Outer {
		if target, ok := u.ImportSlots[v]; ok {
			return target, true
		}
	}
	return 0, false
}

// exported reports whether a module variable is exported (by the unit
// declaring it).
func (u *Unit) exported(v *ast.Variable) bool {
	for ; u != nil; u = u.Outer {
		if u.Exported[v] {
			return true
		}
	}
	return false
}

// dynamicRef resolves a dynamically resolved name's reference base into a
// new temporary (RtLookupRef) so that the loads and stores of an
// assignment or update go to the binding found before its right-hand side
// ran, as References do: `with (o) x = (delete o.x, 1)` still writes o.x.
func (c *funcCompiler) dynamicRef(loc *varLoc) {
	if loc.kind != locDynamic {
		return
	}
	r := c.newTemp()
	c.lookupRuntime(bytecode.RtLookupRef, loc.name, 1, nil)
	c.b.Emit(bytecode.Star, r)
	loc.hasRef, loc.ref = true, r
}

// refRuntime calls RtLookupRefLoad or RtLookupRefStore with the
// reference base, the name, and what fill stores from register first+2.
func (c *funcCompiler) refRuntime(id bytecode.RuntimeID, loc varLoc, fill func(first int), n int) {
	b := c.b
	mark := c.tempMark()
	r := c.newTemps(n)
	if fill != nil {
		fill(r)
	}
	b.Emit(bytecode.Mov, loc.ref, r)
	b.Emit(bytecode.LdaConstant, b.NameConstant(loc.name))
	b.Emit(bytecode.Star, r+1)
	if id == bytecode.RtLookupRefStore {
		b.Emit(bytecode.Ldar, r+2)
	}
	b.Emit(bytecode.CallRuntime, int(id), r, n)
	c.freeTemps(mark)
}

// checkEvalGlobals emits RtCheckEvalGlobals for global eval code's var
// and function declarations: none is made when one cannot be (a global
// object that is not extensible, a non-configurable global property a
// function would replace).
func (c *funcCompiler) checkEvalGlobals(s *ast.Scope) {
	var decls []bytecode.Constant
	vars := append([]*ast.Variable(nil), s.Vars...)
	sort.SliceStable(vars, func(i, j int) bool { return vars[i].Loc < vars[j].Loc }) // source order, as V8 checks
	for _, v := range vars {
		fn := v.Kind == ast.DeclFunction && v.FuncStmt != nil
		if !fn && v.Kind != ast.DeclVar {
			continue
		}
		kind := 0
		if fn {
			kind = 1
		}
		decls = append(decls, bytecode.Constant{Kind: bytecode.ConstString, Str: utf16Of(v.Name)}, bytecode.Constant{Kind: bytecode.ConstSmi, Int: kind})
	}
	if len(decls) == 0 {
		return
	}
	b := c.b
	mark := c.tempMark()
	r := c.newTemp()
	b.Emit(bytecode.LdaConstant, b.Constant(bytecode.Constant{Kind: bytecode.ConstArray, Elems: decls}))
	b.Emit(bytecode.Star, r)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtCheckEvalGlobals), r, 1)
	c.freeTemps(mark)
}
