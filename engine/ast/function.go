package ast

// FuncKind says what syntax produced a function; Async and Generator on
// Function complete it (an async generator method is FuncMethod with both).
type FuncKind uint8

// The function kinds.
const (
	FuncNormal           FuncKind = iota // `function f() {}` (declaration or expression)
	FuncArrow                            // `x => x`, `async () => {}`
	FuncMethod                           // `{ m() {} }`, `class { *g() {} }`
	FuncGetter                           // `get x() {}`
	FuncSetter                           // `set x(v) {}`
	FuncClassConstructor                 // `class C { constructor() {} }` (Derived when C extends)
	FuncScript                           // the top level of a script (function literal 0)
	FuncModule                           // the top level of a module (function literal 0)
	FuncClassFieldInit                   // synthetic: a class's instance or static member initializer
)

var funcKindNames = [...]string{"function", "arrow", "method", "getter", "setter", "constructor", "script", "module", "initializer"}

// String returns a short lower-case name for the kind.
func (k FuncKind) String() string {
	if int(k) < len(funcKindNames) {
		return funcKindNames[k]
	}
	return "FuncKind(?)"
}

// A Param is one formal parameter: `a`, `a = 1`, `{b, c} = {}`, `...rest`.
type Param struct {
	Range
	Target Binding
	// Default is the default value; or none.
	Default Expr
	// Rest marks the last parameter `...rest`.
	Rest bool
}

// A Function is one function literal: a declaration, an expression, an
// arrow, a method, an accessor, a class constructor, the synthetic class
// member initializers, or the script/module top level.
type Function struct {
	// Range is the function's source text as Function.prototype.toString
	// returns it: from `function`/`async` (or the first token of a method
	// definition, such as `get`, `*`, `async` or the key; `static` is not
	// included) through the closing `}` (or the end of an arrow's
	// expression body). For FuncScript/FuncModule it is the whole source.
	Range
	// ID is the function-literal id: the pre-order index of this literal
	// in the script, 0 being the top level. Program.Functions[ID] == this.
	ID   int
	Kind FuncKind
	// Async and Generator complete Kind: `async function`, `function*`,
	// `async *m() {}`, `async () => {}`.
	Async, Generator bool
	// Derived marks the constructor of a class with an `extends` clause
	// (where `super()` is allowed).
	Derived bool
	// Strict is true when the function's code is strict: a "use strict"
	// directive here or outside, class code, module code.
	Strict bool
	// Expression is true for every function literal that is not a
	// declaration (function expressions, arrows, methods). A named function
	// expression's own name is a read-only binding in a scope of its own
	// (ScopeFunctionName) around the function scope:
	//
	//	(function f() { f = 1; /* ignored in sloppy code */ })
	Expression bool
	// Name is the function's own name (`f` in `function f(){}`); nil for
	// anonymous functions, methods, arrows. For methods and accessors the
	// key is on the Property. Name.Var is the variable a declaration
	// initializes, or a named expression's own DeclFunctionName binding.
	Name *Ident
	// SpecName is the value of the function's `name` property when the
	// syntax fixes it (the own name, or NamedEvaluation of a binding or a
	// non-computed key: `let f = () => {}` → "f", `{ get x() {} }` →
	// "get x", `export default function () {}` → "default"). It is empty
	// when the function is anonymous, or when ComputedName is set.
	SpecName string
	// ComputedName is true when the name comes from a computed key
	// (`{ [k]: function () {} }`, `{ get [k]() {} }`): the compiler sets
	// it at run time from the key (with "get "/"set " prefixes).
	ComputedName bool
	// InferredName is the name V8 shows for the function (its debug name,
	// in stack traces, profiles and coverage): SpecName when non-empty,
	// else the name V8's FuncNameInferrer gives from context:
	// `obj.f = function(){}` → "obj.f", `a.b.c = () => {}` → "a.b.c".
	// Empty when nothing gives a name.
	InferredName string
	// Params are the formal parameters; SimpleParams is true when all are
	// plain identifiers without defaults or rest (`function f(a, b)`).
	Params       []Param
	SimpleParams bool
	// ParamsLoc is the offset of the `(` of the parameter list, or of the
	// sole parameter of `x => ...`.
	ParamsLoc Pos
	// Body is the statement list. An arrow with an expression body has one
	// SReturn whose range is the expression's, and ExprBody set.
	Body     []Stmt
	ExprBody bool
	// BodyRange runs from `{` through `}` of the body (the expression range
	// for an expression body; the whole source for the top level). This is
	// the function range block coverage reports.
	BodyRange Range
	// Scope is the function scope: parameters, var declarations and the
	// body's top-level lexical declarations; filled by scope analysis.
	Scope *Scope
	// Class is the class a constructor, method, accessor or initializer
	// belongs to; nil otherwise.
	Class *Class
}

// A Class is a class declaration or expression.
type Class struct {
	// Range runs from the `class` keyword through `}`; it is also the
	// source text Function.prototype.toString returns for the class.
	Range
	// Name is the class's binding name; or nil (anonymous class expression
	// or `export default class {}`). Name.Var is the binding a declaration
	// creates in the enclosing scope; for an expression, the inner binding
	// in Scope (a declaration has that inner binding too: Scope.Lookup).
	Name *Ident
	// InferredName is Name's value, or the name given by context
	// (`let C = class {}` → "C").
	InferredName string
	// Extends is the heritage expression; or none.
	Extends Expr
	// Members lists the class elements in source order; the constructor
	// appears as PropertyConstructor.
	Members []Property
	// Constructor is the explicit constructor; nil when the class uses the
	// default one.
	Constructor *Function
	// InstanceInit is the synthetic function that runs instance field
	// initializers (V8's <instance_members_initializer>); nil when the
	// class has no instance fields. Its Scope encloses those initializers.
	InstanceInit *Function
	// StaticInit is the synthetic function that runs static field
	// initializers and static blocks (V8's <static_initializer>); nil when
	// there are none.
	StaticInit *Function
	// BodyLoc is the offset of `{` opening the class body.
	BodyLoc Pos
	// Scope is the class scope: the inner binding of the class name and
	// the private names; filled by scope analysis.
	Scope *Scope
}
