package ast

// ScopeKind says what introduced a scope.
type ScopeKind uint8

// The scope kinds.
const (
	ScopeScript       ScopeKind = iota // a script's top level (var and function names become global properties)
	ScopeModule                        // a module's top level
	ScopeFunction                      // a function (also arrows, methods, class member initializers)
	ScopeBlock                         // a block, a switch case block, or a for head with let/const
	ScopeCatch                         // a catch clause's parameter
	ScopeWith                          // the object environment of `with` (sloppy only)
	ScopeClass                         // a class body: the inner class-name binding and private names
	ScopeStaticBlock                   // a class static block (a var scope, `this` is the class)
	ScopeFunctionName                  // the own-name binding of a named function expression
)

var scopeKindNames = [...]string{"script", "module", "function", "block", "catch", "with", "class", "static", "funcname"}

// String returns a short lower-case name for the kind.
func (k ScopeKind) String() string {
	if int(k) < len(scopeKindNames) {
		return scopeKindNames[k]
	}
	return "ScopeKind(?)"
}

// DeclKind says how a variable was declared.
type DeclKind uint8

// The declaration kinds of variables.
const (
	DeclVar          DeclKind = iota // `var x`; also Annex B hoisted block functions' var binding
	DeclLet                          // `let x`
	DeclConst                        // `const x`
	DeclFunction                     // `function f() {}` at function/script top level or in a block
	DeclClass                        // `class C {}`
	DeclParam                        // a formal parameter
	DeclCatch                        // a catch parameter `catch (e)`
	DeclImport                       // an import binding (immutable, live)
	DeclFunctionName                 // a named function expression's own name (immutable)
	DeclClassName                    // a class's inner name binding (immutable)
	DeclArguments                    // the implicit `arguments` object of a function that uses it
	DeclPrivate                      // a private name `#x` declared in a class body
	DeclDefault                      // the module's "*default*" binding of `export default expr`
)

var declKindNames = [...]string{"var", "let", "const", "function", "class", "param", "catch", "import", "funcname", "classname", "arguments", "private", "default"}

// String returns a short lower-case name for the kind.
func (k DeclKind) String() string {
	if int(k) < len(declKindNames) {
		return declKindNames[k]
	}
	return "DeclKind(?)"
}

// Lexical reports whether the kind has a temporal dead zone (let, const,
// class, and the class inner name).
func (k DeclKind) Lexical() bool {
	return k == DeclLet || k == DeclConst || k == DeclClass || k == DeclClassName
}

// A Variable is one name declared in one scope.
type Variable struct {
	Name  string
	Kind  DeclKind
	Scope *Scope
	// Loc is the offset of the first declaration of the name.
	Loc Pos
	// Captured is true when the variable is referenced from a function
	// other than the one owning its scope (an inner closure, or any code
	// that a direct eval in reach could run), so it must live in a
	// context rather than a register.
	Captured bool
	// Assigned is true when the variable is written after its
	// declaration's initialization (assignment, update, for-in/of target).
	Assigned bool
	// Index is free for the compiler's use (a register or context slot);
	// the parser leaves it -1.
	Index int
	// FuncStmt, for DeclFunction, is the declaration whose value
	// initializes the variable on entry to the scope (the last one when a
	// sloppy scope repeats the name).
	FuncStmt *Function
	// HoistedTo, for a function declared in a block of sloppy code, is the
	// var-scoped variable of the same name that Annex B (B.3.3) copies the
	// function to when the declaration is evaluated; nil when not hoisted.
	//
	//	{ function f() {} }  f();  // works in sloppy scripts
	HoistedTo *Variable
}

// Immutable reports whether assignment to the variable is an error
// (TypeError in strict code or for const; silently ignored for a sloppy
// function-expression name).
func (v *Variable) Immutable() bool {
	return v.Kind == DeclConst || v.Kind == DeclImport || v.Kind == DeclFunctionName || v.Kind == DeclClassName
}

// A Scope is one lexical environment of the program, produced by scope
// analysis (parser.Analyze, run by parser.Parse).
type Scope struct {
	Kind     ScopeKind
	Parent   *Scope
	Children []*Scope
	// Vars lists the declared variables in declaration order.
	Vars []*Variable
	// Func is the function whose code this scope belongs to (for a
	// function scope, the function itself; Program.Top at the top level).
	Func *Function
	// Range is the source range the scope covers.
	Range Range
	// Strict is the strictness of code in this scope.
	Strict bool
	// CallsEval is true when a direct `eval(...)` occurs in this scope
	// (not in an inner function). A sloppy one can add var bindings to the
	// enclosing var scope at run time: CallsSloppyEval.
	CallsEval       bool
	CallsSloppyEval bool
	// InnerEval is true when this scope or a scope nested in it (inner
	// functions included) calls eval directly: every variable visible from
	// there must stay reachable by name.
	InnerEval bool
	// SloppyEvalVars is set on a var scope (function, static block) whose
	// code calls a sloppy direct eval: the eval code may add var bindings
	// to it at run time (kept in its context's extension object).
	SloppyEvalVars bool
	// EvalTop marks the top-level scope of direct eval code: its Parent is
	// the scope of the eval call in the caller's program.
	EvalTop bool

	// The following are set on function scopes only (Kind ScopeFunction,
	// ScopeScript, ScopeModule), for the function that provides the
	// binding: arrows and eval use their enclosing function's.

	// UsesThis is true when `this` (including implicitly by `super.x` or
	// `super()`) is used in this function or an arrow within it.
	UsesThis bool
	// ThisCaptured is true when an inner arrow function (or direct eval)
	// uses this function's `this`, new.target, arguments or super.
	ThisCaptured bool
	// UsesArguments is true when the function's `arguments` object is
	// referenced (the DeclArguments variable then exists in Vars).
	UsesArguments bool
	// UsesNewTarget is true when `new.target` refers to this function.
	UsesNewTarget bool
	// UsesSuperProperty and UsesSuperCall record `super.x` and `super()`
	// referring to this method or constructor.
	UsesSuperProperty, UsesSuperCall bool

	names map[string]*Variable
}

// smallScope is the number of variables up to which a scope looks names
// up by scanning Vars; larger scopes build a map (most scopes are small,
// and a map per block cost a quarter of parse time in BenchmarkParse).
const smallScope = 8

// Lookup returns the variable named name declared in this scope only, or nil.
func (s *Scope) Lookup(name string) *Variable {
	if s.names != nil {
		return s.names[name]
	}
	for _, v := range s.Vars {
		if v.Name == name {
			return v
		}
	}
	return nil
}

// Resolve returns the innermost variable named name visible from s,
// walking parent scopes; nil when no scope declares it (a global).
func (s *Scope) Resolve(name string) *Variable {
	for ; s != nil; s = s.Parent {
		if v := s.Lookup(name); v != nil {
			return v
		}
	}
	return nil
}

// Declare adds a variable to the scope and returns it; when the name is
// already declared there it returns the existing variable unchanged and
// false.
func (s *Scope) Declare(name string, kind DeclKind, loc Pos) (*Variable, bool) {
	if v := s.Lookup(name); v != nil {
		return v, false
	}
	return s.Add(&Variable{Name: name, Kind: kind, Loc: loc})
}

// NewScope returns a scope of the given kind nested in parent (which may be
// nil), registered among parent's Children.
func NewScope(kind ScopeKind, parent *Scope, r Range) *Scope {
	return new(Scope).Init(kind, parent, r)
}

// Init sets up a caller-allocated zero scope as NewScope does and returns
// it (the parser allocates scopes in chunks).
func (s *Scope) Init(kind ScopeKind, parent *Scope, r Range) *Scope {
	s.Kind, s.Parent, s.Range = kind, parent, r
	if parent != nil {
		parent.Children = append(parent.Children, s)
		s.Strict = parent.Strict
		s.Func = parent.Func
	}
	return s
}

// Add declares the caller-allocated variable v (Name and Kind set) in the
// scope, as Declare does: it sets v.Scope and v.Index (-1) and returns v
// and true, or the existing variable of that name and false.
func (s *Scope) Add(v *Variable) (*Variable, bool) {
	if w := s.Lookup(v.Name); w != nil {
		return w, false
	}
	v.Scope, v.Index = s, -1
	if s.Vars == nil {
		s.Vars = make([]*Variable, 0, 4)
	}
	s.Vars = append(s.Vars, v)
	if s.names != nil {
		s.names[v.Name] = v
	} else if len(s.Vars) > smallScope {
		s.names = make(map[string]*Variable, 2*len(s.Vars))
		for _, w := range s.Vars {
			s.names[w.Name] = w
		}
	}
	return v, true
}

// IsVarScope reports whether var declarations inside land in this scope
// (function, script, module, static block).
func (s *Scope) IsVarScope() bool {
	switch s.Kind {
	case ScopeScript, ScopeModule, ScopeFunction, ScopeStaticBlock:
		return true
	}
	return false
}

// VarScope returns the nearest scope, s or an ancestor, that holds var
// declarations.
func (s *Scope) VarScope() *Scope {
	for s != nil && !s.IsVarScope() {
		s = s.Parent
	}
	return s
}
