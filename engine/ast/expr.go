package ast

// An EIdentifier node represents a reference to a name: `x`.
type EIdentifier struct {
	// Name is the identifier's value with escapes decoded.
	Name string
	// Var is the variable the reference resolves to statically, filled by
	// scope analysis; nil when unresolved (a global, or a name that only a
	// sloppy direct eval or `with` could supply). A scope on the path with
	// CallsSloppyEval or Kind == ScopeWith makes the lookup dynamic anyway.
	Var *Variable
}

// An EPrivateName node represents `#x`: the left operand of `#x in obj`, or
// a class member key. Name includes the leading '#'.
type EPrivateName struct {
	Name string
}

// An ENull node represents `null`.
type ENull struct{}

// An EBoolean node represents `true` or `false`.
type EBoolean struct{ Value bool }

// An ENumber node represents a numeric literal: `1`, `0x1F`, `1_000`,
// `.5e3`, legacy octal `017` (sloppy only).
type ENumber struct {
	Value float64
}

// An EBigInt node represents a BigInt literal: `10n`, `0xffn`.
type EBigInt struct {
	// Digits is the literal's value in decimal, without sign, separators
	// or the `n` suffix: `0x10n` has Digits "16".
	Digits string
}

// An EString node represents a string literal; in object literals and
// classes it also represents a non-computed identifier or string key.
type EString struct {
	// Value is the cooked value in UTF-16 code units, since JavaScript
	// strings may hold lone surrogates (`"\uD800"`).
	Value []uint16
	// LegacyOctal is true when the literal used an octal or \8 \9 escape
	// (`"\07"`), which strict mode forbids.
	LegacyOctal bool
}

// An ERegExp node represents a regular-expression literal `/a+b/gu`.
// The pattern is kept as source text; the flags are validated.
type ERegExp struct {
	Pattern string
	Flags   string
}

// A TemplatePart is one quasi of a template literal: the text between
// `${...}` substitutions.
type TemplatePart struct {
	Range
	// Cooked is the string value with escapes interpreted, in UTF-16.
	Cooked []uint16
	// CookedInvalid is true when an escape was invalid (`\unicode`), which
	// is allowed only in tagged templates and makes the cooked value
	// undefined.
	CookedInvalid bool
	// Raw is the source text with CR and CRLF normalized to LF (String.raw).
	Raw string
}

// An ETemplate node represents a template literal `a${b}c`, or a tagged
// template tag`a${b}c` when Tag is present.
type ETemplate struct {
	// Tag is the tag expression; or none.
	Tag Expr
	// Parts has one more element than Exprs: Parts[0] Exprs[0] Parts[1] ...
	Parts []TemplatePart
	Exprs []Expr
}

// An EArray node represents an array literal `[a, , ...b]`. Elisions are
// EHole items and spreads are ESpread items.
type EArray struct {
	Items []Expr
	// CloseBracket is the offset of `]`.
	CloseBracket Pos
}

// An EHole node represents an elision in an array literal: the gap in `[a, , b]`.
type EHole struct{}

// An ESpread node represents `...x` in an array literal, in call or new
// arguments.
type ESpread struct {
	Value Expr
}

// PropertyKind says what an object-literal property or class member defines.
type PropertyKind uint8

// The property kinds.
const (
	PropertyInit        PropertyKind = iota // `a: 1`, `a` (shorthand), `"b": 2`, `[k]: v`; class field `x = 1`
	PropertyMethod                          // `m() {}`, `*g() {}`, `async m() {}`
	PropertyGet                             // `get x() {}`
	PropertySet                             // `set x(v) {}`
	PropertySpread                          // `...obj` in an object literal (Value only)
	PropertyStaticBlock                     // class `static { ... }` (Block only)
	PropertyConstructor                     // class `constructor() {}`
)

// A Property is one member of an object literal or class body.
type Property struct {
	Range
	Kind PropertyKind
	// Key is an EString (identifier name or string key), ENumber, EBigInt,
	// EPrivateName (class members only), or any expression when Computed.
	// None for PropertySpread and PropertyStaticBlock.
	Key      Expr
	Computed bool
	// Static marks a static class member.
	Static bool
	// Shorthand marks `{a}` in an object literal: Value is EIdentifier a.
	Shorthand bool
	// Value is the property value: an expression for PropertyInit (or none
	// for a class field without initializer), an EFunction for methods,
	// accessors and constructors, the spread operand for PropertySpread.
	Value Expr
	// Block is the body of a class static block `static { ... }`; nil
	// otherwise. Its Scope (Kind ScopeStaticBlock) is a var scope of its
	// own inside the class's StaticInit function.
	Block *Block
}

// An EObject node represents an object literal `{a: 1, b, ...c, m() {}}`.
type EObject struct {
	Props []Property
	// CloseBrace is the offset of `}`.
	CloseBrace Pos
}

// An EFunction node represents a function or arrow function expression, or
// a method/accessor value inside a Property.
type EFunction struct {
	Fn *Function
}

// An EClass node represents a class expression `class C extends B {}`.
type EClass struct {
	Class *Class
}

// An EThis node represents `this`.
type EThis struct{}

// An ESuper node represents `super`: only as the target of an EDot or
// EIndex (`super.x`, `super[k]`) or ECall (`super(...)`).
type ESuper struct{}

// An ENewTarget node represents `new.target`.
type ENewTarget struct{}

// An EImportMeta node represents `import.meta` (modules only).
type EImportMeta struct{}

// An EImportCall node represents dynamic `import(specifier)`.
type EImportCall struct {
	Specifier Expr
	// Options is the optional second argument (import attributes), or a
	// nil expression.
	Options Expr
}

// An EUnary node represents a prefix operator other than ++/--:
// `-x`, `+x`, `!x`, `~x`, `typeof x`, `void x`, `delete x`.
type EUnary struct {
	Op    UnaryOp
	Value Expr
}

// An EUpdate node represents `++x`, `--x`, `x++`, `x--`. Target is an
// EIdentifier, EDot or EIndex.
type EUpdate struct {
	Op     UpdateOp
	Prefix bool
	Target Expr
}

// An EBinary node represents a binary operator, including the short-circuit
// `&&`, `||` and `??` (whose Right range is the block-coverage range V8
// reports) and `in` with an EPrivateName left operand (`#x in obj`).
type EBinary struct {
	Op          BinaryOp
	Left, Right Expr
	// OpLoc is where the operator starts: V8's block-coverage range of a
	// logical operator's right side starts there (`|| b`), not at Right.
	OpLoc Pos
}

// An EAssign node represents an assignment `a = b`, `a.b += c`,
// `[a, b] = c`, `x ??= y`. Destructuring targets only occur with
// AssignEq; compound operators take a BIdentifier or BMember target.
type EAssign struct {
	Op     AssignOp
	Target Binding
	Value  Expr
}

// An ECond node represents `test ? yes : no`. The ranges of Yes and No are
// V8's then/else block-coverage ranges.
type ECond struct {
	Test, Yes, No Expr
	// QuestionLoc and ColonLoc are where `?` and `:` start: V8's
	// block-coverage ranges of the branches start there (`? a`, `: b`).
	QuestionLoc, ColonLoc Pos
}

// An ESequence node represents the comma operator `a, b, c`.
type ESequence struct {
	Exprs []Expr
}

// An EDot node represents `a.b`, `a?.b`, `a.#p`, `super.b`.
type EDot struct {
	Target Expr
	// Name is the property name; for a private name it includes '#'.
	Name     string
	NameLoc  Pos
	Private  bool
	Optional bool // `?.` written directly before this access
}

// An EIndex node represents `a[b]`, `a?.[b]`, `super[b]`.
type EIndex struct {
	Target   Expr
	Index    Expr
	Optional bool // `?.` written directly before this access
}

// An ECall node represents a call `f(a, ...b)`, `f?.()`, `super(a)`.
// A direct eval is an ECall whose Target is EIdentifier "eval" that is
// not optional; scope analysis marks it in Scope.CallsEval.
type ECall struct {
	Target   Expr
	Args     []Expr
	Optional bool // `?.` written directly before `(`
	// CloseParen is the offset of `)`.
	CloseParen Pos
	// Pos is where V8 reports the call in stack traces and errors: the
	// name right before `(` when that token is an identifier (`f()`,
	// `o.m()`, `o?.m()`), else the `(` itself (`(function () {})()`,
	// `o[k]()`, `f()()`, `o.default()`, `o.m?.()`).
	Pos Pos
	// EvalInParams marks a direct eval in a function's parameter list
	// (its code may not declare `var arguments`).
	EvalInParams bool
}

// An ENew node represents `new C(args)`; `new C` has no Args and
// HasArgs false.
type ENew struct {
	Target  Expr
	Args    []Expr
	HasArgs bool
}

// An EOptionalChain node wraps a whole optional chain `a?.b.c()`: when any
// Optional link inside finds null or undefined, the whole chain evaluates
// to undefined. Parentheses end a chain: `(a?.b).c` is EDot of a chain.
type EOptionalChain struct {
	Chain Expr
}

// An EYield node represents `yield`, `yield x`, `yield* x`.
type EYield struct {
	// Value is the operand; or none.
	Value    Expr
	Delegate bool
}

// An EAwait node represents `await x`.
type EAwait struct {
	Value Expr
}

func (*EIdentifier) isExpr()    {}
func (*EPrivateName) isExpr()   {}
func (*ENull) isExpr()          {}
func (*EBoolean) isExpr()       {}
func (*ENumber) isExpr()        {}
func (*EBigInt) isExpr()        {}
func (*EString) isExpr()        {}
func (*ERegExp) isExpr()        {}
func (*ETemplate) isExpr()      {}
func (*EArray) isExpr()         {}
func (*EHole) isExpr()          {}
func (*ESpread) isExpr()        {}
func (*EObject) isExpr()        {}
func (*EFunction) isExpr()      {}
func (*EClass) isExpr()         {}
func (*EThis) isExpr()          {}
func (*ESuper) isExpr()         {}
func (*ENewTarget) isExpr()     {}
func (*EImportMeta) isExpr()    {}
func (*EImportCall) isExpr()    {}
func (*EUnary) isExpr()         {}
func (*EUpdate) isExpr()        {}
func (*EBinary) isExpr()        {}
func (*EAssign) isExpr()        {}
func (*ECond) isExpr()          {}
func (*ESequence) isExpr()      {}
func (*EDot) isExpr()           {}
func (*EIndex) isExpr()         {}
func (*ECall) isExpr()          {}
func (*ENew) isExpr()           {}
func (*EOptionalChain) isExpr() {}
func (*EYield) isExpr()         {}
func (*EAwait) isExpr()         {}
