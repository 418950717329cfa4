package parser

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/ast"
)

// Scope analysis runs in two walks over the finished tree, sharing one
// traversal:
//
//   - declare: build every scope, declare every name (hoisting var and
//     function declarations), report redeclaration errors, number the
//     function literals in pre-order;
//   - resolve: bind each identifier to its variable, mark variables that
//     inner closures capture or code assigns, record uses of this,
//     arguments, new.target, super and direct eval.
//
// Two walks because a reference may precede its declaration:
//
//	function f() { x = 1; var x; }

// walkPass selects what the shared traversal does.
type walkPass uint8

const (
	passDeclare walkPass = iota
	passResolve
)

// analyzer holds the state of scope analysis.
type analyzer struct {
	p     *parser
	pass  walkPass
	scope *ast.Scope
	funcs []*ast.Function
	// paramScopes are the function scopes whose parameter lists are being
	// visited: names resolve there to parameters only.
	paramScopes []*ast.Scope
	// vars and scopes allocate in chunks (see slab).
	vars   slab[ast.Variable]
	scopes slab[ast.Scope]
	// simpleCatch marks catch scopes whose parameter is an identifier,
	// which a var of the same name may redeclare (Annex B.3.4).
	simpleCatch map[*ast.Scope]bool
	// prog is the program analyzed; outer is the caller's scope of direct
	// eval code (parser.Options.Outer), nil otherwise.
	prog  *ast.Program
	outer *ast.Scope
}

// analyze runs scope analysis over a parsed program.
func analyze(p *parser, prog *ast.Program) {
	a := &analyzer{p: p, simpleCatch: map[*ast.Scope]bool{}, prog: prog, outer: p.opts.Outer}
	top := prog.Top
	for a.pass = passDeclare; a.pass <= passResolve; a.pass++ {
		a.scope = nil
		a.function(top)
	}
	prog.Functions = a.funcs
	if a.outer != nil {
		prog.Dynamic = true
		if !top.Strict {
			a.checkEvalVars(top.Scope)
		}
	}
	if prog.Module {
		a.checkExports(prog)
	}
}

// declare declares name in scope s with a slab-allocated variable.
func (a *analyzer) declare(s *ast.Scope, name string, kind ast.DeclKind, loc ast.Pos) (*ast.Variable, bool) {
	if v := s.Lookup(name); v != nil {
		return v, false
	}
	return s.Add(a.vars.set(ast.Variable{Name: name, Kind: kind, Loc: loc}))
}

// newScope makes a slab-allocated scope.
func (a *analyzer) newScope(kind ast.ScopeKind, parent *ast.Scope, r ast.Range) *ast.Scope {
	return a.scopes.alloc().Init(kind, parent, r)
}

// fail reports an early error at r.
func (a *analyzer) fail(r ast.Range, msg string) {
	a.p.fail(int(r.Start), int(r.End), msg)
}

// redeclared reports "Identifier 'x' has already been declared".
func (a *analyzer) redeclared(name string, r ast.Range) {
	a.fail(r, fmt.Sprintf("Identifier '%s' has already been declared", name))
}

// redeclaredLater reports a conflict between a declaration at r and the
// existing variable w at whichever comes later in the source, as a
// parser reading in order would (`var x; let x` points at the let).
func (a *analyzer) redeclaredLater(name string, r ast.Range, w *ast.Variable) {
	if w.Loc > r.Start {
		r = ast.Range{Start: w.Loc, End: w.Loc + ast.Pos(len(name))}
	}
	a.redeclared(name, r)
}

// enter makes *slot the current scope, creating it in the declare pass.
func (a *analyzer) enter(slot **ast.Scope, kind ast.ScopeKind, r ast.Range) *ast.Scope {
	if a.pass == passDeclare {
		*slot = a.newScope(kind, a.scope, r)
	}
	a.scope = *slot
	return *slot
}

// leave returns to the parent scope.
func (a *analyzer) leave() { a.scope = a.scope.Parent }

// isLexicalDecl reports whether a variable blocks a var of the same name
// in its scope.
func isLexicalDecl(v *ast.Variable, fnTop bool) bool {
	switch v.Kind {
	case ast.DeclLet, ast.DeclConst, ast.DeclClass, ast.DeclImport, ast.DeclDefault:
		return true
	case ast.DeclFunction:
		return !fnTop
	}
	return false
}

// function analyzes a function literal (or the top level).
func (a *analyzer) function(fn *ast.Function) {
	if a.pass == passDeclare {
		fn.ID = len(a.funcs)
		a.funcs = append(a.funcs, fn)
	}
	outer := a.scope
	if fn.Expression && fn.Name != nil && fn.Kind == ast.FuncNormal {
		var ns *ast.Scope
		if a.pass == passDeclare {
			ns = a.newScope(ast.ScopeFunctionName, a.scope, fn.Range)
			fn.Name.Var, _ = a.declare(ns, fn.Name.Name, ast.DeclFunctionName, fn.Name.Start)
		} else {
			ns = fn.Scope.Parent
		}
		a.scope = ns
	}
	kind := ast.ScopeFunction
	switch fn.Kind {
	case ast.FuncScript:
		kind = ast.ScopeScript
	case ast.FuncModule:
		kind = ast.ScopeModule
	}
	s := a.enter(&fn.Scope, kind, fn.Range)
	if a.pass == passDeclare {
		s.Func = fn
		s.Strict = fn.Strict
		if fn.ID == 0 && a.outer != nil {
			// Direct eval code: its top level is nested in the caller's
			// scope (not registered among the caller's children).
			s.Parent, s.EvalTop = a.outer, true
		}
	}
	// Parameter expressions cannot see the body's declarations (they run
	// before the body's var environment exists):
	//
	//	var x = 1; function f(g = () => x) { var x = 2; return g(); }  // 1
	if !fn.SimpleParams {
		a.paramScopes = append(a.paramScopes, s)
	}
	for i := range fn.Params {
		prm := &fn.Params[i]
		a.binding(prm.Target, bindParam)
		a.expr(prm.Default)
	}
	if !fn.SimpleParams {
		a.paramScopes = a.paramScopes[:len(a.paramScopes)-1]
	}
	if fn.Kind == ast.FuncClassFieldInit {
		// Its expressions are visited from the class.
		a.scope = outer
		return
	}
	if a.pass == passDeclare {
		a.declareLexical(fn.Body, true)
	}
	a.stmts(fn.Body)
	a.scope = outer
}

// declaresLexical reports whether a statement list declares anything
// block-scoped (let, const, class, function).
func declaresLexical(list []ast.Stmt) bool {
	for _, s := range list {
		switch d := s.Data.(type) {
		case *ast.SVarDecl:
			if d.Kind != ast.VarVar {
				return true
			}
		case *ast.SClass, *ast.SFunction:
			return true
		case *ast.SLabeled:
			if declaresLexical([]ast.Stmt{d.Body}) {
				return true
			}
		}
	}
	return false
}

// bindMode says how a binding's identifiers are treated.
type bindMode uint8

const (
	bindVar     bindMode = iota // var: hoisted to the var scope
	bindLexical                 // let/const: declared by declareLexical
	bindParam                   // formal parameter
	bindCatch                   // catch parameter
	bindAssign                  // assignment target
	bindForVar                  // var in a for-of head (may not shadow a catch parameter)
)

// declareLexical declares the lexically scoped names of a statement list
// (let, const, class, function declarations in blocks; imports and
// "*default*" at module level) in the current scope. fnTop marks a
// function or script top level, where function declarations are var-like.
func (a *analyzer) declareLexical(list []ast.Stmt, fnTop bool) {
	for _, s := range list {
		a.declareLexicalStmt(s, fnTop)
	}
}

func (a *analyzer) declareLexicalStmt(s ast.Stmt, fnTop bool) {
	scope := a.scope
	switch d := s.Data.(type) {
	case *ast.SVarDecl:
		if d.Kind == ast.VarVar {
			return
		}
		kind := ast.DeclLet
		if d.Kind == ast.VarConst {
			kind = ast.DeclConst
		}
		for _, decl := range d.Decls {
			forEachBoundName(decl.Target, func(name string, r ast.Range) {
				a.declareLexicalName(name, kind, r, fnTop)
			})
		}
	case *ast.SClass:
		if d.Class.Name != nil {
			d.Class.Name.Var = a.declareLexicalName(d.Class.Name.Name, ast.DeclClass, d.Class.Name.Range, fnTop)
		}
	case *ast.SFunction:
		fn := d.Fn
		if scope.Kind == ast.ScopeModule {
			fnTop = false // module top-level functions are lexical
		}
		if fn.Name == nil {
			// export default function () {}
			v := a.declareLexicalName("*default*", ast.DeclDefault, fn.Range, fnTop)
			v.Kind = ast.DeclFunction
			v.FuncStmt = fn
			return
		}
		name := fn.Name.Name
		if fnTop {
			if v := scope.Lookup(name); v != nil {
				if isLexicalDecl(v, true) {
					a.redeclared(name, fn.Name.Range)
				}
				if v.Kind == ast.DeclVar {
					v.Kind = ast.DeclFunction
				}
				if v.Kind == ast.DeclFunction || v.Kind == ast.DeclArguments {
					v.FuncStmt = fn
				}
				fn.Name.Var = v
				return
			}
			v, _ := a.declare(scope, name, ast.DeclFunction, fn.Name.Start)
			v.FuncStmt = fn
			fn.Name.Var = v
			return
		}
		if v := scope.Lookup(name); v != nil {
			// Sloppy code may repeat plain function declarations in a block.
			if !scope.Strict && v.Kind == ast.DeclFunction && v.FuncStmt != nil && !v.FuncStmt.Async && !v.FuncStmt.Generator && !fn.Async && !fn.Generator {
				v.FuncStmt = fn
				fn.Name.Var = v
				return
			}
			a.redeclared(name, fn.Name.Range)
		}
		if scope.Kind == ast.ScopeBlock || scope.Kind == ast.ScopeCatch {
			a.checkCatchParamConflict(name, fn.Name.Range)
		}
		v, _ := a.declare(scope, name, ast.DeclFunction, fn.Name.Start)
		v.FuncStmt = fn
		fn.Name.Var = v
		if !scope.Strict && !fn.Async && !fn.Generator {
			a.annexBHoist(v, fn)
		}
	case *ast.SLabeled:
		// `l: function f() {}` (sloppy) declares f like a plain declaration.
		a.declareLexicalStmt(d.Body, fnTop)
	case *ast.SImport:
		for i := range d.Specifiers {
			sp := &d.Specifiers[i]
			sp.Local.Var = a.declareLexicalName(sp.Local.Name, ast.DeclImport, sp.Local.Range, fnTop)
		}
	case *ast.SExportDecl:
		a.declareLexicalStmt(d.Decl, fnTop)
	case *ast.SExportDefault:
		if d.Decl.Data != nil {
			a.declareLexicalStmt(d.Decl, fnTop)
			switch dd := d.Decl.Data.(type) {
			case *ast.SFunction:
				if dd.Fn.Name != nil {
					d.Var = dd.Fn.Name.Var
				} else {
					d.Var = scope.Lookup("*default*")
				}
			case *ast.SClass:
				if dd.Class.Name != nil {
					d.Var = dd.Class.Name.Var
				} else {
					d.Var = a.declareLexicalName("*default*", ast.DeclDefault, s.Range, fnTop)
				}
			}
		} else {
			d.Var = a.declareLexicalName("*default*", ast.DeclDefault, s.Range, fnTop)
		}
	}
}

// declareLexicalName declares a let/const/class/import name in the
// current scope, rejecting any other declaration of it there.
func (a *analyzer) declareLexicalName(name string, kind ast.DeclKind, r ast.Range, fnTop bool) *ast.Variable {
	scope := a.scope
	if v := scope.Lookup(name); v != nil {
		a.redeclared(name, r)
	}
	if scope.Kind == ast.ScopeBlock {
		a.checkCatchParamConflict(name, r)
	}
	v, _ := a.declare(scope, name, kind, r.Start)
	return v
}

// checkCatchParamConflict rejects a lexical declaration in a catch block
// that repeats a catch parameter: `catch (e) { let e; }`.
func (a *analyzer) checkCatchParamConflict(name string, r ast.Range) {
	if p := a.scope.Parent; p != nil && p.Kind == ast.ScopeCatch && a.scope.Range == p.Range {
		if p.Lookup(name) != nil {
			a.redeclared(name, r)
		}
	}
}

// annexBHoist gives a block-level function in sloppy code a var binding
// in the enclosing var scope (B.3.3), unless a var declaration of the
// name would be an early error there or it names a parameter.
func (a *analyzer) annexBHoist(v *ast.Variable, fn *ast.Function) {
	name := v.Name
	for s := a.scope.Parent; s != nil; s = s.Parent {
		if w := s.Lookup(name); w != nil {
			if s.IsVarScope() {
				switch w.Kind {
				case ast.DeclVar, ast.DeclFunction, ast.DeclArguments:
					if w.Kind == ast.DeclFunction && isLexicalDecl(w, s.IsVarScope()) {
						return
					}
					if name == "arguments" && w.Kind != ast.DeclFunction && ownsArguments(s) {
						return // the arguments object is needed: "arguments" is one of the parameterNames (B.3.2.1)
					}
					v.HoistedTo = w
				}
				return
			}
			if s.Kind == ast.ScopeCatch && a.simpleCatch[s] {
				continue // catch (f) { { function f() {} } } still hoists
			}
			return // `var f` here would be an early error (B.3.5: catch ({ f }))
		}
		if s.IsVarScope() {
			if s.Kind == ast.ScopeFunction && s.Func != nil && s.Func.Kind == ast.FuncClassFieldInit {
				return
			}
			if name == "arguments" && ownsArguments(s) {
				return // as above
			}
			w, _ := a.declare(s, name, ast.DeclVar, fn.Name.Start)
			v.HoistedTo = w
			return
		}
	}
}

// ownsArguments reports whether s is the scope of a function that has its
// own arguments object (not an arrow function's).
func ownsArguments(s *ast.Scope) bool {
	return s.Kind == ast.ScopeFunction && s.Func != nil && s.Func.Kind != ast.FuncArrow && s.Func.Kind != ast.FuncClassFieldInit
}

// declareVar declares a var name: it passes through block scopes (where a
// lexical declaration of the name is an error) to the var scope.
func (a *analyzer) declareVar(name string, r ast.Range, forOf bool) *ast.Variable {
	for s := a.scope; s != nil; s = s.Parent {
		if w := s.Lookup(name); w != nil {
			if s.IsVarScope() {
				if isLexicalDecl(w, s.Kind != ast.ScopeModule) {
					a.redeclaredLater(name, r, w)
				}
				return w
			}
			if s.Kind == ast.ScopeCatch {
				if !a.simpleCatch[s] {
					a.redeclaredLater(name, r, w)
				}
				continue
			}
			if s.Kind == ast.ScopeFunctionName || s.Kind == ast.ScopeClass {
				continue
			}
			a.redeclaredLater(name, r, w)
		}
		if s.IsVarScope() {
			v, _ := a.declare(s, name, ast.DeclVar, r.Start)
			return v
		}
	}
	return nil
}

// binding visits a binding: declares (declare pass) or resolves (resolve
// pass) its names, and visits its default values and computed keys.
func (a *analyzer) binding(b ast.Binding, mode bindMode) {
	switch d := b.Data.(type) {
	case nil:
	case *ast.BIdentifier:
		if a.pass == passDeclare {
			switch mode {
			case bindVar, bindForVar:
				d.Var = a.declareVar(d.Name, b.Range, mode == bindForVar)
			case bindParam:
				if v := a.scope.Lookup(d.Name); v != nil {
					d.Var = v // a sloppy duplicate parameter
				} else {
					d.Var, _ = a.declare(a.scope, d.Name, ast.DeclParam, b.Start)
				}
			case bindCatch:
				if a.scope.Lookup(d.Name) != nil {
					a.redeclared(d.Name, b.Range)
				}
				d.Var, _ = a.declare(a.scope, d.Name, ast.DeclCatch, b.Start)
			}
			return
		}
		switch mode {
		case bindAssign:
			d.Var = a.resolve(d.Name)
			if d.Var != nil {
				d.Var.Assigned = true
			}
		case bindLexical:
			d.Var = a.resolve(d.Name)
		case bindVar, bindForVar:
			// var x = 1 (or the catch parameter it shadows, Annex B).
			d.Var = a.resolve(d.Name)
		}
	case *ast.BArray:
		for _, it := range d.Items {
			a.binding(it.Target, mode)
			a.expr(it.Default)
		}
		a.binding(d.Rest, mode)
	case *ast.BObject:
		for _, pr := range d.Props {
			if pr.Computed {
				a.expr(pr.Key)
			}
			a.binding(pr.Target, mode)
			a.expr(pr.Default)
		}
		a.binding(d.Rest, mode)
	case *ast.BMember:
		a.expr(d.Value)
	}
}

// markAssigned marks every variable a binding names as assigned.
func markAssigned(b ast.Binding) {
	forEachBinding(b, func(v *ast.Variable) {
		if v != nil {
			v.Assigned = true
		}
	})
}

// forEachBinding calls fn with the variable of every identifier in b.
func forEachBinding(b ast.Binding, fn func(*ast.Variable)) {
	ast.EachIdentifier(b, func(id *ast.BIdentifier, _ ast.Range) { fn(id.Var) })
}

// stmts visits a statement list.
func (a *analyzer) stmts(list []ast.Stmt) {
	for _, s := range list {
		a.stmt(s)
	}
}

// block visits a braced block with its own scope. A block statement that
// declares nothing gets no scope (nil), unless it is a catch body.
func (a *analyzer) block(slot **ast.Scope, body []ast.Stmt, r ast.Range) {
	a.enter(slot, ast.ScopeBlock, r)
	if a.pass == passDeclare {
		a.declareLexical(body, false)
	}
	a.stmts(body)
	a.leave()
}

// stmt visits one statement.
func (a *analyzer) stmt(s ast.Stmt) {
	switch d := s.Data.(type) {
	case nil, *ast.SEmpty, *ast.SDebugger, *ast.SBreak, *ast.SContinue:
	case *ast.SBlock:
		if (a.pass == passDeclare && !declaresLexical(d.Body)) || (a.pass == passResolve && d.Scope == nil) {
			a.stmts(d.Body)
			return
		}
		a.block(&d.Scope, d.Body, s.Range)
	case *ast.SExpr:
		a.expr(d.Value)
	case *ast.SVarDecl:
		a.varDecl(d)
	case *ast.SIf:
		a.expr(d.Test)
		a.stmt(d.Yes)
		a.stmt(d.No)
	case *ast.SFor:
		lexical := false
		if vd, ok := d.Init.Data.(*ast.SVarDecl); ok && vd.Kind != ast.VarVar {
			lexical = true
			a.enter(&d.Scope, ast.ScopeBlock, s.Range)
			if a.pass == passDeclare {
				a.declareLexicalStmt(d.Init, false)
			}
		}
		a.stmt(d.Init)
		a.expr(d.Test)
		a.expr(d.Update)
		a.stmt(d.Body)
		if lexical {
			a.leave()
		}
	case *ast.SForIn:
		a.forInOf(&d.Left, d.Right, d.Body, &d.Scope, s.Range, false)
	case *ast.SForOf:
		a.forInOf(&d.Left, d.Right, d.Body, &d.Scope, s.Range, true)
	case *ast.SWhile:
		a.expr(d.Test)
		a.stmt(d.Body)
	case *ast.SDoWhile:
		a.stmt(d.Body)
		a.expr(d.Test)
	case *ast.SReturn:
		a.expr(d.Value)
	case *ast.SThrow:
		a.expr(d.Value)
	case *ast.STry:
		a.block(&d.Block.Scope, d.Block.Body, d.Block.Range)
		if c := d.Catch; c != nil {
			a.enter(&c.Scope, ast.ScopeCatch, c.Body.Range)
			if _, ok := c.Param.Data.(*ast.BIdentifier); ok {
				a.simpleCatch[c.Scope] = true
			}
			a.binding(c.Param, bindCatch)
			if a.pass == passResolve {
				forEachBinding(c.Param, func(*ast.Variable) {})
				a.resolveCatchParam(c.Param)
			}
			a.block(&c.Body.Scope, c.Body.Body, c.Body.Range)
			a.leave()
		}
		if d.Finally != nil {
			a.block(&d.Finally.Scope, d.Finally.Body, d.Finally.Range)
		}
	case *ast.SSwitch:
		a.expr(d.Disc)
		a.enter(&d.Scope, ast.ScopeBlock, ast.Range{Start: d.OpenBrace, End: d.CloseBrace + 1})
		if a.pass == passDeclare {
			for _, c := range d.Cases {
				a.declareLexical(c.Body, false)
			}
		}
		for _, c := range d.Cases {
			a.expr(c.Test)
			a.stmts(c.Body)
		}
		a.leave()
	case *ast.SLabeled:
		a.stmt(d.Body)
	case *ast.SWith:
		a.prog.Dynamic = true
		a.expr(d.Object)
		a.enter(&d.Scope, ast.ScopeWith, d.Body.Range)
		a.stmt(d.Body)
		a.leave()
	case *ast.SFunction:
		if a.pass == passResolve && d.Fn.Name != nil && d.Fn.Name.Var == nil {
			d.Fn.Name.Var = a.resolve(d.Fn.Name.Name)
		}
		a.function(d.Fn)
	case *ast.SClass:
		a.class(d.Class)
	case *ast.SImport:
	case *ast.SExportNamed:
	case *ast.SExportAll:
	case *ast.SExportDecl:
		a.stmt(d.Decl)
	case *ast.SExportDefault:
		if d.Decl.Data != nil {
			a.stmt(d.Decl)
		} else {
			a.expr(d.Value)
		}
	}
}

// resolveCatchParam binds the catch parameter identifiers.
func (a *analyzer) resolveCatchParam(b ast.Binding) {
	switch d := b.Data.(type) {
	case *ast.BIdentifier:
		d.Var = a.scope.Lookup(d.Name)
	case *ast.BArray:
		for _, it := range d.Items {
			a.resolveCatchParam(it.Target)
		}
		a.resolveCatchParam(d.Rest)
	case *ast.BObject:
		for _, pr := range d.Props {
			a.resolveCatchParam(pr.Target)
		}
		a.resolveCatchParam(d.Rest)
	}
}

// varDecl visits a var/let/const declaration.
func (a *analyzer) varDecl(d *ast.SVarDecl) {
	mode := bindLexical
	if d.Kind == ast.VarVar {
		mode = bindVar
	}
	for _, decl := range d.Decls {
		if a.pass == passDeclare && mode == bindLexical {
			// Declared by declareLexical; visit defaults only.
			a.binding(decl.Target, bindLexical)
		} else {
			a.binding(decl.Target, mode)
		}
		a.expr(decl.Init)
		if a.pass == passResolve && mode == bindVar && decl.Init.Data != nil {
			markAssigned(decl.Target)
		}
	}
}

// forInOf visits a for-in or for-of statement.
func (a *analyzer) forInOf(left *ast.ForBinding, right ast.Expr, body ast.Stmt, slot **ast.Scope, r ast.Range, isOf bool) {
	lexical := left.Kind == ast.VarLet || left.Kind == ast.VarConst
	if lexical {
		a.enter(slot, ast.ScopeBlock, r)
		if a.pass == passDeclare {
			kind := ast.DeclLet
			if left.Kind == ast.VarConst {
				kind = ast.DeclConst
			}
			forEachBoundName(left.Target, func(name string, nr ast.Range) {
				a.declareLexicalName(name, kind, nr, false)
			})
		}
		a.binding(left.Target, bindLexical)
	} else if left.Kind == ast.VarVar {
		mode := bindVar
		if isOf {
			mode = bindForVar
		}
		a.binding(left.Target, mode)
		if a.pass == passResolve {
			markAssigned(left.Target)
		}
	} else {
		a.binding(left.Target, bindAssign)
	}
	a.expr(left.Init)
	a.expr(right)
	a.stmt(body)
	if lexical {
		a.leave()
	}
}

// class visits a class declaration or expression.
func (a *analyzer) class(c *ast.Class) {
	if a.pass == passResolve && c.Name != nil && c.Name.Var == nil {
		c.Name.Var = a.resolve(c.Name.Name)
	}
	s := a.enter(&c.Scope, ast.ScopeClass, c.Range)
	if a.pass == passDeclare {
		s.Strict = true
		if c.Name != nil {
			v, _ := a.declare(s, c.Name.Name, ast.DeclClassName, c.Name.Start)
			if c.Name.Var == nil {
				c.Name.Var = v
			}
		}
		for _, m := range c.Members {
			if pn, ok := m.Key.Data.(*ast.EPrivateName); ok && !m.Computed {
				a.declare(s, pn.Name, ast.DeclPrivate, m.Key.Start)
			}
		}
	}
	a.expr(c.Extends)
	instanceSeen, staticSeen := false, false
	initScope := func(fn *ast.Function, seen *bool) {
		if !*seen {
			*seen = true
			if a.pass == passDeclare {
				fn.ID = len(a.funcs)
				a.funcs = append(a.funcs, fn)
				fs := a.newScope(ast.ScopeFunction, s, c.Range)
				fs.Func = fn
				fs.Strict = true
				fn.Scope = fs
			}
		}
	}
	for i := range c.Members {
		m := &c.Members[i]
		isField := m.Kind == ast.PropertyInit
		if isField && !m.Static && c.InstanceInit != nil {
			initScope(c.InstanceInit, &instanceSeen)
		}
		if (isField && m.Static || m.Kind == ast.PropertyStaticBlock) && c.StaticInit != nil {
			initScope(c.StaticInit, &staticSeen)
		}
		if m.Computed {
			a.expr(m.Key)
		}
		switch m.Kind {
		case ast.PropertyInit:
			if m.Value.Data == nil {
				continue
			}
			fn := c.InstanceInit
			if m.Static {
				fn = c.StaticInit
			}
			saved := a.scope
			a.scope = fn.Scope
			a.expr(m.Value)
			a.scope = saved
		case ast.PropertyStaticBlock:
			saved := a.scope
			a.scope = c.StaticInit.Scope
			b := m.Block
			a.enter(&b.Scope, ast.ScopeStaticBlock, b.Range)
			if a.pass == passDeclare {
				a.scope.Func = c.StaticInit
				a.declareLexical(b.Body, true)
			}
			a.stmts(b.Body)
			a.scope = saved
		default:
			a.expr(m.Value)
		}
	}
	a.leave()
}

// expr visits an expression.
func (a *analyzer) expr(e ast.Expr) {
	switch d := e.Data.(type) {
	case nil:
	case *ast.EIdentifier:
		if a.pass == passResolve {
			d.Var = a.resolve(d.Name)
		}
	case *ast.EArray:
		for _, it := range d.Items {
			a.expr(it)
		}
	case *ast.ESpread:
		a.expr(d.Value)
	case *ast.EObject:
		for _, pr := range d.Props {
			if pr.Computed {
				a.expr(pr.Key)
			}
			a.expr(pr.Value)
		}
	case *ast.EFunction:
		a.function(d.Fn)
	case *ast.EClass:
		a.class(d.Class)
	case *ast.ETemplate:
		a.expr(d.Tag)
		for _, x := range d.Exprs {
			a.expr(x)
		}
	case *ast.EThis:
		if a.pass == passResolve {
			a.useThis(func(s *ast.Scope) { s.UsesThis = true })
		}
	case *ast.ESuper:
	case *ast.ENewTarget:
		if a.pass == passResolve {
			a.useThis(func(s *ast.Scope) { s.UsesNewTarget = true })
		}
	case *ast.EImportCall:
		a.expr(d.Specifier)
		a.expr(d.Options)
	case *ast.EUnary:
		a.expr(d.Value)
	case *ast.EUpdate:
		a.expr(d.Target)
		if id, ok := d.Target.Data.(*ast.EIdentifier); ok && id.Var != nil {
			id.Var.Assigned = true
		}
	case *ast.EBinary:
		a.expr(d.Left)
		a.expr(d.Right)
	case *ast.EAssign:
		a.binding(d.Target, bindAssign)
		a.expr(d.Value)
	case *ast.ECond:
		a.expr(d.Test)
		a.expr(d.Yes)
		a.expr(d.No)
	case *ast.ESequence:
		for _, x := range d.Exprs {
			a.expr(x)
		}
	case *ast.EDot:
		a.superTarget(d.Target)
		a.expr(d.Target)
	case *ast.EIndex:
		a.superTarget(d.Target)
		a.expr(d.Target)
		a.expr(d.Index)
	case *ast.ECall:
		if _, ok := d.Target.Data.(*ast.ESuper); ok && a.pass == passResolve {
			a.useThis(func(s *ast.Scope) { s.UsesSuperCall = true; s.UsesThis = true; s.UsesNewTarget = true })
		}
		a.expr(d.Target)
		for _, x := range d.Args {
			a.expr(x)
		}
		if id, ok := d.Target.Data.(*ast.EIdentifier); ok && id.Name == "eval" && !d.Optional && a.pass == passResolve {
			a.directEval()
			n := len(a.paramScopes)
			d.EvalInParams = n > 0 && a.paramScopes[n-1].Func == a.scope.Func
		}
	case *ast.ENew:
		a.expr(d.Target)
		for _, x := range d.Args {
			a.expr(x)
		}
	case *ast.EOptionalChain:
		a.expr(d.Chain)
	case *ast.EYield:
		a.expr(d.Value)
	case *ast.EAwait:
		a.expr(d.Value)
	}
}

// superTarget records `super.x` on the home function.
func (a *analyzer) superTarget(e ast.Expr) {
	if _, ok := e.Data.(*ast.ESuper); ok && a.pass == passResolve {
		a.useThis(func(s *ast.Scope) { s.UsesSuperProperty = true; s.UsesThis = true })
	}
}

// thisScope returns the scope of the function providing `this` to the
// current code (skipping arrows) and whether an arrow was crossed.
func (a *analyzer) thisScope() (*ast.Scope, bool) {
	crossed := false
	fn := a.scope.Func
	for fn != nil && (fn.Kind == ast.FuncArrow || fn.Scope.EvalTop) {
		crossed = true
		fn = fn.Scope.Parent.Func
	}
	if fn == nil {
		return nil, crossed
	}
	return fn.Scope, crossed
}

// useThis applies mark to the this-providing function's scope.
func (a *analyzer) useThis(mark func(*ast.Scope)) {
	s, crossed := a.thisScope()
	if s == nil {
		return
	}
	mark(s)
	if crossed {
		s.ThisCaptured = true
	}
}

// resolve binds a name from the current scope outwards.
func (a *analyzer) resolve(name string) *ast.Variable {
	if name == "arguments" {
		if v := a.resolveArguments(); v != nil {
			return v
		}
	}
	withCrossed := false
	for s := a.scope; s != nil; s = s.Parent {
		v := s.Lookup(name)
		if v == nil || v.Kind != ast.DeclParam && v.Kind != ast.DeclArguments && a.inParams(s) {
			if s.Kind == ast.ScopeWith {
				withCrossed = true
			}
			continue
		}
		if v.Scope.Func != a.scope.Func || withCrossed {
			// Captured by a closure, or looked up by name at run time
			// (through a with object): it must live in a context.
			v.Captured = true
		}
		return v
	}
	return nil
}

// inParams reports whether s is a function scope whose parameters are
// being visited.
func (a *analyzer) inParams(s *ast.Scope) bool {
	for _, p := range a.paramScopes {
		if p == s {
			return true
		}
	}
	return false
}

// resolveArguments binds `arguments`: a variable of that name in scope,
// or the arguments object of the nearest non-arrow function.
func (a *analyzer) resolveArguments() *ast.Variable {
	crossed := false
	for s := a.scope; s != nil; s = s.Parent {
		if a.outer != nil && s == a.outer {
			// Past direct eval code: the caller's own analysis declared
			// the arguments object its eval may use.
			for ; s != nil; s = s.Parent {
				if v := s.Lookup("arguments"); v != nil {
					return v
				}
			}
			return nil
		}
		if v := s.Lookup("arguments"); v != nil {
			if s.Kind == ast.ScopeFunction && v.Kind == ast.DeclVar {
				v.Kind = ast.DeclArguments
				s.UsesArguments = true
			}
			if v.Scope.Func != a.scope.Func {
				v.Captured = true
			}
			return v
		}
		if s.Kind == ast.ScopeFunction && s.Func != nil {
			if s.Func.Kind == ast.FuncArrow {
				crossed = true
				continue
			}
			if s.Func.Kind == ast.FuncClassFieldInit {
				return nil
			}
			v, _ := a.declare(s, "arguments", ast.DeclArguments, s.Range.Start)
			s.UsesArguments = true
			if crossed {
				v.Captured = true
			}
			return v
		}
		if s.EvalTop {
			crossed = true
			continue
		}
		if s.Kind == ast.ScopeStaticBlock || s.Kind == ast.ScopeScript || s.Kind == ast.ScopeModule {
			return nil
		}
	}
	return nil
}

// directEval records a direct eval call in the current scope: every
// variable it can see must stay reachable by name.
func (a *analyzer) directEval() {
	a.scope.CallsEval = true
	if !a.scope.Strict {
		a.scope.CallsSloppyEval = true
		a.prog.Dynamic = true
		if vs := evalVarScope(a.scope); vs != nil && vs.Kind != ast.ScopeScript && vs.Kind != ast.ScopeModule {
			vs.SloppyEvalVars = true
		}
	}
	for s := a.scope; s != nil; s = s.Parent {
		s.InnerEval = true
		for _, v := range s.Vars {
			v.Captured = true
		}
	}
	a.useThis(func(s *ast.Scope) {
		s.UsesThis = true
		s.ThisCaptured = true
		if s.Func != nil && (s.Func.Kind == ast.FuncMethod || s.Func.Kind == ast.FuncGetter || s.Func.Kind == ast.FuncSetter ||
			s.Func.Kind == ast.FuncClassConstructor || s.Func.Kind == ast.FuncClassFieldInit) {
			s.UsesSuperProperty = true // the eval code may use super.x: the home object
		}
	})
	if s, _ := a.thisScope(); s != nil && s.Kind == ast.ScopeFunction && s.Func.Kind != ast.FuncClassFieldInit && !a.isOuter(s) {
		if v := s.Lookup("arguments"); v == nil {
			v, _ := a.declare(s, "arguments", ast.DeclArguments, s.Range.Start)
			v.Captured = true
			s.UsesArguments = true
		}
	}
}

// checkExports rejects local exports of names the module does not declare.
func (a *analyzer) checkExports(prog *ast.Program) {
	scope := prog.Top.Scope
	for _, s := range prog.Body {
		if d, ok := s.Data.(*ast.SExportNamed); ok && !d.HasSource {
			for i := range d.Specifiers {
				sp := &d.Specifiers[i]
				v := scope.Lookup(sp.Local.Name)
				if v == nil {
					a.fail(sp.Local.Range, fmt.Sprintf("Export '%s' is not defined in module", sp.Local.Name))
				}
				sp.Local.Var = v
			}
		}
	}
}

// isOuter reports whether s belongs to the caller of the direct eval code
// being analyzed (which analysis must not change).
func (a *analyzer) isOuter(s *ast.Scope) bool {
	for o := a.outer; o != nil; o = o.Parent {
		if o == s {
			return true
		}
	}
	return false
}

// evalVarScope returns the scope whose variable environment a sloppy
// direct eval called from s declares its vars in: the nearest var scope,
// passing through the top level of sloppy eval code (which has none of its
// own).
func evalVarScope(s *ast.Scope) *ast.Scope {
	for {
		vs := s.VarScope()
		if vs == nil || !vs.EvalTop || vs.Strict {
			return vs
		}
		s = vs.Parent
	}
}

// checkEvalVars applies EvalDeclarationInstantiation's early check to
// sloppy direct eval code: a var or function declared at its top level
// may not have the name of a lexical binding between the eval call and
// the caller's var scope (that scope included).
func (a *analyzer) checkEvalVars(top *ast.Scope) {
	vs := evalVarScope(top)
	for _, v := range top.Vars {
		if v.Kind != ast.DeclVar && v.Kind != ast.DeclFunction {
			continue
		}
		if v.Name == "arguments" && a.p.opts.EvalInParams && argumentsBound(vs) {
			a.fail(ast.Range{Start: v.Loc, End: v.Loc + ast.Pos(len(v.Name))}, "Identifier 'arguments' has already been declared")
		}
		for s := top.Parent; s != nil; s = s.Parent {
			if s == vs && a.p.opts.EvalInParams {
				// The body's declarations do not exist yet; the parameters
				// do, in an environment between the eval and its var scope.
				if w := s.Lookup(v.Name); w != nil && w.Kind == ast.DeclParam {
					a.fail(ast.Range{Start: v.Loc, End: v.Loc + ast.Pos(len(v.Name))}, fmt.Sprintf("Identifier '%s' has already been declared", v.Name))
				}
				break
			}
			if w := s.Lookup(v.Name); w != nil && s.Kind != ast.ScopeCatch && s.Kind != ast.ScopeFunctionName && (w.Kind.Lexical() || w.Kind == ast.DeclFunction && !s.IsVarScope()) {
				a.fail(ast.Range{Start: v.Loc, End: v.Loc + ast.Pos(len(v.Name))}, fmt.Sprintf("Identifier '%s' has already been declared", v.Name))
			}
			if s == vs {
				break
			}
		}
	}
}

// evalContext sets what direct eval code may use of its caller's function
// (new.target, super, arguments) from the caller's scope outer.
func evalContext(st *funcState, outer *ast.Scope) {
	s := outer
	for s != nil && s.Func != nil && (s.Func.Kind == ast.FuncArrow || s.Func.Scope.EvalTop) {
		s = s.Func.Scope.Parent
	}
	if s == nil || s.Func == nil {
		return
	}
	switch fn := s.Func; fn.Kind {
	case ast.FuncScript:
		// A CommonJS module's top level is a function body.
		st.newTarget = s.Func.Scope.Kind == ast.ScopeFunction
	case ast.FuncNormal:
		st.newTarget = true
	case ast.FuncMethod, ast.FuncGetter, ast.FuncSetter:
		st.newTarget, st.superProp = true, true
	case ast.FuncClassConstructor:
		st.newTarget, st.superProp, st.superCall = true, true, fn.Derived
	case ast.FuncClassFieldInit:
		st.newTarget, st.superProp, st.noArguments = true, true, true
	}
}

// argumentsBound reports whether `arguments` is bound while the parameters
// of the function of scope fs run: the arguments object of a non-arrow
// function, or a parameter of that name. Eval code called from the
// parameters may not declare a var of that name.
func argumentsBound(fs *ast.Scope) bool {
	if fs == nil || fs.Func == nil {
		return false
	}
	if fs.Func.Kind != ast.FuncArrow {
		return true
	}
	v := fs.Lookup("arguments")
	return v != nil && v.Kind == ast.DeclParam
}
