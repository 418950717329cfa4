// Package ast defines the syntax tree of ECMAScript 2022 scripts and
// modules as produced by engine/parser (parser.Parse, ParseScript,
// ParseModule), the scope information scope analysis attaches to it,
// LineIndex, which turns byte offsets into UTF-16 offsets and line/column
// pairs, and Sprint, a compact printer for tests and debugging.
//
// # Shape
//
// The tree follows esbuild's shape with go/ast's discipline. Expr, Stmt
// and Binding are two-field values: a Range and a Data interface holding
// one pointer variant of a closed set (E*, S*, B*), tied to the interface by
// an unexported marker method. The compiler walks the tree with type
// switches on Data. A zero value (Data == nil) means "absent" in fields
// documented "or none".
//
// # Positions
//
// Every position is a Pos: a byte offset into the UTF-8 source. A Range is
// [Start, End), where End is just past the node's last token (trailing
// comments and an inserted semicolon are not included): the same
// convention as V8's source ranges, so block-coverage ranges come straight
// from the tree. Expressions include the parentheses written around them.
// A LineIndex, built once per source, converts offsets to UTF-16 offsets
// (what V8, CDP and Function.prototype.toString count) and to 0-based
// line and UTF-16 column.
//
// Block coverage positions, as V8 reports them:
//
//	function            Function.BodyRange ({ … }) / Function.Range
//	if                  SIf.Yes.Range (then); [SIf.Yes.End, SIf.No.End) (else); Stmt.End (continuation)
//	loops               body Stmt.Range; continuation at the loop's Stmt.End
//	return/break/…      continuation at the statement's End
//	?:                  [ECond.QuestionLoc, Yes.End) and [ECond.ColonLoc, No.End): from the `?` and `:` tokens
//	&& || ??            [EBinary.OpLoc, Right.End): from the operator (also in the n-ary chains a || b || c)
//	switch              Case.Range (keyword through last statement)
//	try                 STry.Block.Range, Catch.Range (from `catch`), Finally.Range (from `{`), FinallyLoc
//
// # Node kinds
//
// Expressions (Expr.Data):
//
//	EIdentifier    Name; Var (resolved variable or nil)
//	EPrivateName   Name ("#x"): left of `#x in o`, or a class member key
//	ENull          null
//	EBoolean       Value
//	ENumber        Value (float64)
//	EBigInt        Digits (decimal)
//	EString        Value ([]uint16, cooked); LegacyOctal; also non-computed property keys
//	ERegExp        Pattern, Flags (text; flags validated)
//	ETemplate      Tag (or none); Parts (Cooked []uint16, CookedInvalid, Raw); Exprs
//	EArray         Items (EHole for elisions, ESpread for spreads); CloseBracket
//	EHole          an elision in an array literal
//	ESpread        Value: `...x` in arrays and arguments
//	EObject        Props []Property; CloseBrace
//	EFunction      Fn *Function: function and arrow expressions, method values
//	EClass         Class *Class
//	EThis, ESuper, ENewTarget, EImportMeta
//	EImportCall    Specifier: import(x)
//	EUnary         Op (- + ! ~ typeof void delete), Value
//	EUpdate        Op (++ --), Prefix, Target
//	EBinary        Op (arithmetic, comparison, in, instanceof, && || ??), Left, Right
//	EAssign        Op (= += … ??=), Target Binding, Value
//	ECond          Test, Yes, No
//	ESequence      Exprs: a, b, c
//	EDot           Target, Name, NameLoc, Private (a.#x), Optional (a?.b)
//	EIndex         Target, Index, Optional (a?.[b])
//	ECall          Target, Args, Optional (f?.()), CloseParen, Pos (V8's call position)
//	ENew           Target, Args, HasArgs
//	EOptionalChain Chain: the whole chain a?.b.c, short-circuit boundary
//	EYield         Value (or none), Delegate (yield*)
//	EAwait         Value
//
// Property (object literal member or class element): Kind (Init, Method,
// Get, Set, Spread, StaticBlock, Constructor), Key (EString/ENumber/EBigInt/
// EPrivateName, or any Expr when Computed), Static, Shorthand, Value, Block
// (static block body).
//
// Statements (Stmt.Data):
//
//	SBlock         Body, Scope
//	SEmpty         ;
//	SExpr          Value (directives too)
//	SVarDecl       Kind (var/let/const), Decls []VarDecl{Target Binding, Init}
//	SIf            Test, Yes, No (or none), ElseLoc
//	SFor           Init (SVarDecl/SExpr/none), Test, Update, Body, Scope
//	SForIn         Left ForBinding{Kind, Target, Init (Annex B)}, Right, Body, Scope
//	SForOf         Await, Left, Right, Body, Scope
//	SWhile         Test, Body
//	SDoWhile       Body, Test
//	SContinue      Label (or nil)
//	SBreak         Label (or nil)
//	SReturn        Value (or none)
//	SThrow         Value
//	STry           Block, Catch *Catch{Param, Body, Scope} (or nil), Finally (or nil), FinallyLoc
//	SSwitch        Disc, Cases []Case{Test (none for default), Body}, Scope, OpenBrace, CloseBrace
//	SLabeled       Label, Body
//	SDebugger      debugger
//	SWith          Object, Body, Scope
//	SFunction      Fn: function declaration
//	SClass         Class: class declaration
//	SImport        Specifiers []ImportSpecifier{Kind, Imported, Local}, Source
//	SExportNamed   Specifiers []ExportSpecifier{Local, Exported}, Source, HasSource
//	SExportAll     Exported (or nil), Source
//	SExportDecl    Decl (SVarDecl/SFunction/SClass)
//	SExportDefault Decl (SFunction/SClass) or Value; Var (*default*)
//
// Bindings (Binding.Data), used by declarations, parameters, catch
// parameters, for-in/of heads and assignment targets:
//
//	BIdentifier    Name, Var
//	BArray         Items []ArrayItem{Target (none = elision), Default}, Rest (or none)
//	BObject        Props []PropertyBinding{Key, Computed, Shorthand, Target, Default}, Rest (or none)
//	BMember        Value (EDot/EIndex; ECall in sloppy code, Annex B): assignment targets only
//
// Functions and classes:
//
//	Function       Range (toString text), ID (pre-order literal index, 0 = top level),
//	               Kind (normal/arrow/method/getter/setter/constructor/script/module/initializer),
//	               Async, Generator, Derived, Strict, Expression, Name, SpecName,
//	               ComputedName, InferredName,
//	               Params []Param{Target, Default, Rest}, SimpleParams, ParamsLoc,
//	               Body, ExprBody, BodyRange, Scope, Class
//	Class          Range (also its toString text), Name, InferredName, Extends, Members []Property,
//	               Constructor, InstanceInit, StaticInit, BodyLoc, Scope
//	Program        Range, Module, Hashbang, Body, Top (= Functions[0]), Functions
//
// # Scopes
//
// Scope analysis gives every function (Function.Scope), block that declares
// something block-scoped (SBlock.Scope, nil otherwise), for head with
// let/const, catch clause, switch, with, class and static block a Scope
// (Kind, Parent, Children, Vars, Strict, direct eval, and on function
// scopes the use of this, arguments, new.target and super), and every
// identifier its Variable (EIdentifier.Var, BIdentifier.Var, Ident.Var):
// Name, Kind (var/let/const/function/class/param/catch/import/…),
// Captured (an inner closure or a direct eval reaches it, so it needs a
// context slot), Assigned, FuncStmt (the hoisted function declaration)
// and HoistedTo (Annex B's var copy of a block function).
// Variable.Index is left to the compiler. Choices:
//
//   - parameters, var declarations and the body's top-level lexical
//     declarations share the function scope; with non-simple parameters,
//     names in parameter expressions resolve past the body's declarations
//     (a separate var environment at run time is the compiler's to make);
//   - a named function expression's name lives in a ScopeFunctionName
//     scope between the function scope and the enclosing one;
//   - `arguments` is declared (DeclArguments) in a function scope only
//     when used; `var arguments` keeps the arguments object;
//   - class field initializers and static blocks belong to the synthetic
//     functions Class.InstanceInit and Class.StaticInit (kind
//     FuncClassFieldInit), which have function-literal ids as in V8;
//   - a sloppy direct eval marks every visible variable Captured and sets
//     CallsSloppyEval: names may then resolve dynamically at run time, as
//     inside `with` (ScopeWith).
//
// # Depth
//
// The parser bounds nesting (recursion and operator/member chains alike),
// so recursive walks over a tree are safe: deeper input is rejected with
// "Maximum call stack size exceeded".
package ast
