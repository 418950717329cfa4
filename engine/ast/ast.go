package ast

// Pos is a byte offset into the UTF-8 source text of one script or module.
// Every position in the tree is a Pos; line, column and UTF-16 offsets are
// derived on demand by a LineIndex, at the boundary where CDP needs them.
type Pos int32

// Range is the half-open byte range [Start, End) of a node in the source.
// End is the offset just past the last token the node consumed: trailing
// whitespace and comments are not included, and an automatically inserted
// semicolon adds nothing, exactly as V8's SourceRangeScope measures.
type Range struct {
	Start, End Pos
}

// Len returns the number of bytes the range covers.
func (r Range) Len() int { return int(r.End - r.Start) }

// Contains reports whether pos lies inside [Start, End).
func (r Range) Contains(pos Pos) bool { return r.Start <= pos && pos < r.End }

// Expr is an expression: its source range plus one of the E* variants.
// An expression's range includes the parentheses written around it, so
// `x ? (a) : b` has a consequent starting at `(` as V8's ranges do.
// A zero Expr (Data == nil) means "absent" wherever a field says "or none".
type Expr struct {
	Range
	Data E
}

// E is the closed set of expression variants (the E* types of this package).
type E interface{ isExpr() }

// Stmt is a statement: its source range plus one of the S* variants.
// A zero Stmt (Data == nil) means "absent" wherever a field says "or none".
type Stmt struct {
	Range
	Data S
}

// S is the closed set of statement variants (the S* types of this package).
type S interface{ isStmt() }

// Binding is a binding or assignment target: an identifier, an array or
// object destructuring pattern, or (in assignment patterns only) a member
// expression. A zero Binding (Data == nil) means "absent" wherever a field
// says "or none" (for example an elision in an array pattern).
type Binding struct {
	Range
	Data B
}

// B is the closed set of binding variants (the B* types of this package).
type B interface{ isBinding() }

// Ident is a name written in the source with its range: a declared name
// (function, class, import local), a label, or an export name.
type Ident struct {
	Range
	// Name is the identifier's string value, escapes decoded. When the
	// source spelled it without escapes, Name is a substring of the source.
	Name string
	// Var is the variable the name declares or refers to, filled by scope
	// analysis; nil for labels and export names.
	Var *Variable
}

// Program is the result of parsing one script or module.
type Program struct {
	Range
	// Module is true for a module goal (import/export, strict, top-level await).
	Module bool
	// Hashbang is the text of a leading `#!...` line without the line
	// terminator, or "".
	Hashbang string
	// Body is the statement list; directives are SExpr of EString.
	Body []Stmt
	// Top is function literal 0: the script or module top level, holding
	// the top-level scope, strictness and the body range.
	Top *Function
	// Functions lists every function literal by its ID (pre-order index):
	// Functions[0] == Top.
	Functions []*Function
	// Dynamic is true when some name may resolve at run time rather than
	// statically: the program has a `with` statement or a sloppy direct
	// eval, or it is direct eval code (whose caller may have either).
	Dynamic bool
}
