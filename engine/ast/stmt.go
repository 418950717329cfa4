package ast

// A Block is a braced statement list with its own lexical scope: the body
// of a try, catch or finally clause, or of a class static block. Its range
// runs from `{` through `}`.
type Block struct {
	Range
	Body []Stmt
	// Scope holds the block's let/const/class/function declarations;
	// filled by scope analysis.
	Scope *Scope
}

// An SBlock node represents a block statement `{ ... }`. The Stmt range
// runs from `{` through `}`.
type SBlock struct {
	Body []Stmt
	// Scope holds the block's lexical declarations; filled by scope
	// analysis, and nil when the block declares nothing block-scoped.
	Scope *Scope
}

// An SEmpty node represents the empty statement `;`.
type SEmpty struct{}

// An SExpr node represents an expression statement `f();`. Directive
// prologues ("use strict") are SExpr of EString too.
type SExpr struct {
	Value Expr
}

// VarKind is the declaration keyword of an SVarDecl or of a for-in/of head.
type VarKind uint8

// The declaration kinds.
const (
	VarNone  VarKind = iota // no declaration: `for (x of y)` assigns to x
	VarVar                  // `var`
	VarLet                  // `let`
	VarConst                // `const`
)

// A VarDecl is one declarator `a = 1` or `[a, b] = c` of a declaration.
type VarDecl struct {
	Range
	Target Binding
	// Init is the initializer; or none.
	Init Expr
}

// An SVarDecl node represents `var a = 1, b;`, `let [x] = y;`, `const c = 1;`.
type SVarDecl struct {
	Kind  VarKind
	Decls []VarDecl
}

// An SIf node represents `if (test) yes else no`.
//
// Block coverage (as V8 reports it): the then range is Yes.Range; the else
// range runs from Yes.End to No.End; the continuation starts at the end of
// the whole statement.
type SIf struct {
	Test Expr
	Yes  Stmt
	// No is the else branch; or none.
	No Stmt
	// ElseLoc is the offset of the `else` keyword; 0 when there is none.
	ElseLoc Pos
}

// An SFor node represents `for (init; test; update) body`.
type SFor struct {
	// Init is an SVarDecl, an SExpr, or none.
	Init Stmt
	// Test and Update are the header expressions; or none.
	Test, Update Expr
	// Body's range is the loop-body coverage range.
	Body Stmt
	// Scope holds let/const declared in Init (one copy per iteration);
	// filled by scope analysis, nil when Init declares nothing lexical.
	Scope *Scope
}

// A ForBinding is the left side of a for-in or for-of head:
// `for (var x in o)`, `for (const [a, b] of o)`, `for (o.p of it)`.
type ForBinding struct {
	Range
	// Kind is the declaration keyword, VarNone for an assignment target.
	Kind   VarKind
	Target Binding
	// Init is the Annex B initializer of `for (var x = 1 in o)` (sloppy
	// mode only); or none.
	Init Expr
}

// An SForIn node represents `for (left in right) body`.
type SForIn struct {
	Left  ForBinding
	Right Expr
	Body  Stmt
	// Scope holds let/const declared in Left; filled by scope analysis.
	Scope *Scope
}

// An SForOf node represents `for (left of right) body` and
// `for await (left of right) body`.
type SForOf struct {
	Await bool
	Left  ForBinding
	Right Expr
	Body  Stmt
	// Scope holds let/const declared in Left; filled by scope analysis.
	Scope *Scope
}

// An SWhile node represents `while (test) body`.
type SWhile struct {
	Test Expr
	Body Stmt
}

// An SDoWhile node represents `do body while (test)`.
type SDoWhile struct {
	Body Stmt
	Test Expr
}

// An SContinue node represents `continue` or `continue label`.
type SContinue struct {
	// Label is the target label; or nil.
	Label *Ident
}

// An SBreak node represents `break` or `break label`.
type SBreak struct {
	// Label is the target label; or nil.
	Label *Ident
}

// An SReturn node represents `return` or `return value`. In an arrow
// function with an expression body, the body is one SReturn whose range
// is the expression's.
type SReturn struct {
	// Value is the returned expression; or none.
	Value Expr
}

// An SThrow node represents `throw value`.
type SThrow struct {
	Value Expr
}

// A Catch is the `catch (param) { ... }` clause of a try statement. Its
// range runs from the `catch` keyword through `}`, the range V8 reports
// for catch-block coverage.
type Catch struct {
	Range
	// Param is the caught-value binding; or none for `catch { }`.
	Param Binding
	Body  Block
	// Scope holds the parameter's names; filled by scope analysis (Body
	// has its own scope for the block's declarations).
	Scope *Scope
}

// An STry node represents try/catch, try/finally and try/catch/finally.
type STry struct {
	Block Block
	// Catch is the catch clause; or nil.
	Catch *Catch
	// Finally is the finally block; or nil. Its range (from `{`) is V8's
	// finally-block coverage range.
	Finally *Block
	// FinallyLoc is the offset of the `finally` keyword; 0 when absent.
	FinallyLoc Pos
}

// A Case is one `case test:` or `default:` clause. Its range runs from
// the keyword to the end of its last statement (or its colon), the range
// V8 reports for case coverage.
type Case struct {
	Range
	// Test is the case expression; or none for `default:`.
	Test Expr
	Body []Stmt
}

// An SSwitch node represents `switch (disc) { cases }`.
type SSwitch struct {
	Disc  Expr
	Cases []Case
	// Scope holds lexical declarations of the case block (all cases share
	// one); filled by scope analysis.
	Scope *Scope
	// OpenBrace and CloseBrace are the offsets of the case block braces.
	OpenBrace, CloseBrace Pos
}

// An SLabeled node represents `label: body`.
type SLabeled struct {
	Label Ident
	Body  Stmt
}

// An SDebugger node represents `debugger;`.
type SDebugger struct{}

// An SWith node represents `with (object) body` (sloppy mode only).
type SWith struct {
	Object Expr
	Body   Stmt
	// Scope is the object environment's scope (Kind ScopeWith); filled by
	// scope analysis.
	Scope *Scope
}

// An SFunction node represents a function declaration
// `function f() {}`, `async function* g() {}`.
type SFunction struct {
	Fn *Function
}

// An SClass node represents a class declaration `class C {}`.
type SClass struct {
	Class *Class
}

// ImportKind says which form an ImportSpecifier takes.
type ImportKind uint8

// The import specifier forms.
const (
	ImportNamed     ImportKind = iota // `import {a as b} from "m"`, `import {"x y" as b} from "m"`
	ImportDefault                     // `import d from "m"` (Imported is "default")
	ImportNamespace                   // `import * as ns from "m"` (Imported is "*")
)

// An ImportSpecifier binds one local name of an import declaration.
type ImportSpecifier struct {
	Range
	Kind ImportKind
	// Imported is the exported name asked of the module: "default" for
	// ImportDefault, "*" for ImportNamespace.
	Imported string
	// Local is the binding created in the module scope.
	Local Ident
}

// An SImport node represents an import declaration:
// `import "m"`, `import d, {a, b as c} from "m"`, `import * as ns from "m"`.
type SImport struct {
	Specifiers []ImportSpecifier
	// Source is the module specifier string.
	Source string
	// Attributes are the import attributes of a `with { type: "json" }`
	// clause (nil without one).
	Attributes map[string]string
}

// An ExportSpecifier is one `local as exported` of an export list.
type ExportSpecifier struct {
	Range
	// Local is the local name (or the imported name when the export has a
	// `from` clause, in which case Local.Var is nil).
	Local Ident
	// Exported is the name other modules import.
	Exported Ident
}

// An SExportNamed node represents `export {a, b as c}` and
// `export {a as b} from "m"`.
type SExportNamed struct {
	Specifiers []ExportSpecifier
	// Source is the module specifier of a re-export; "" with HasSource
	// false for a local export list.
	Source    string
	HasSource bool
	// Attributes are the import attributes of the re-export's with
	// clause.
	Attributes map[string]string
}

// An SExportAll node represents `export * from "m"` and
// `export * as ns from "m"`.
type SExportAll struct {
	// Exported is the namespace export name; nil for a plain `export *`.
	Exported *Ident
	Source   string
	// Attributes are the import attributes of the with clause.
	Attributes map[string]string
}

// An SExportDecl node represents `export var/let/const ...`,
// `export function f() {}`, `export class C {}`. Decl is an SVarDecl,
// SFunction or SClass.
type SExportDecl struct {
	Decl Stmt
}

// An SExportDefault node represents `export default ...`. Exactly one of
// Decl (a hoisted SFunction or SClass, possibly anonymous) and Value (an
// expression, whose value is bound to the variable "*default*") is set.
type SExportDefault struct {
	Decl  Stmt
	Value Expr
	// Var is the module-scope variable holding the default export
	// ("*default*" unless Decl names a function or class); filled by
	// scope analysis.
	Var *Variable
}

func (*SBlock) isStmt()         {}
func (*SEmpty) isStmt()         {}
func (*SExpr) isStmt()          {}
func (*SVarDecl) isStmt()       {}
func (*SIf) isStmt()            {}
func (*SFor) isStmt()           {}
func (*SForIn) isStmt()         {}
func (*SForOf) isStmt()         {}
func (*SWhile) isStmt()         {}
func (*SDoWhile) isStmt()       {}
func (*SContinue) isStmt()      {}
func (*SBreak) isStmt()         {}
func (*SReturn) isStmt()        {}
func (*SThrow) isStmt()         {}
func (*STry) isStmt()           {}
func (*SSwitch) isStmt()        {}
func (*SLabeled) isStmt()       {}
func (*SDebugger) isStmt()      {}
func (*SWith) isStmt()          {}
func (*SFunction) isStmt()      {}
func (*SClass) isStmt()         {}
func (*SImport) isStmt()        {}
func (*SExportNamed) isStmt()   {}
func (*SExportAll) isStmt()     {}
func (*SExportDecl) isStmt()    {}
func (*SExportDefault) isStmt() {}
