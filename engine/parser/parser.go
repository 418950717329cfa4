// Package parser turns ECMAScript 2022 source text into the syntax tree of
// engine/ast, with every early error the specification requires reported
// as a *SyntaxError carrying V8's message text and position.
//
// Use:
//
//	prog, err := parser.ParseScript("app.js", src)  // Script goal
//	prog, err := parser.ParseModule("m.mjs", src)   // Module goal
//	prog, err := parser.Parse(src, parser.Options{Filename: "e.js", Strict: true})
//
// The result has exact byte ranges on every node, function-literal ids,
// V8-style inferred names, and scope information (see engine/ast). Any
// input ends in a tree or an error: never a panic, a hang, or a Go stack
// overflow (nesting is bounded: "Maximum call stack size exceeded").
//
// The parser is a recursive-descent parser over a one-token-lookahead
// lexer that rescans `/` as a regular expression and `}` as a template
// continuation when the grammar asks. Syntax errors unwind with a private
// sentinel panic that only the entry points recover. Arrow parameters and
// destructuring assignment use the cover grammars: the parser reads an
// expression, then converts it to a pattern when `=>` or `=` shows it was
// one. After parsing, scope analysis (scope.go) builds the scopes,
// resolves identifiers, numbers the function literals in pre-order and
// reports the scope-dependent early errors (redeclarations, undefined
// exports).
//
// Conformance is measured against tc39/test262 by TestTest262:
//
//	TEST262_DIR=/path/to/test262 go test ./engine/parser -run TestTest262 -v
//
// which parses every test under test/language, test/built-ins and
// test/annexB (skipping the proposals listed at skippedFeatures) and prints
// pass rates per directory. TestTest262Messages compares the messages with
// V8's (see testdata/v8messages.js).
package parser

import (
	"fmt"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/ast"
)

// Options select the goal and context of a parse.
type Options struct {
	// Filename is used in error messages.
	Filename string
	// Module selects the Module goal (strict, import/export, top-level
	// await); otherwise the Script goal.
	Module bool
	// Strict starts a script in strict mode, as strict eval code does.
	Strict bool
	// CommonJS parses a script that runs as the body of node's CommonJS
	// module wrapper function: a top-level return is allowed.
	CommonJS bool
	// Outer, for direct eval code, is the scope of the eval call in the
	// caller's syntax tree: names resolve through it (the caller's
	// variables), and new.target, super and arguments are allowed as in
	// the caller. Analysis reads the outer scopes; it does not add to them.
	Outer *ast.Scope
	// EvalInParams marks direct eval code called from a parameter list.
	EvalInParams bool
}

// SyntaxError is an early error: a message in V8's words and where it is.
type SyntaxError struct {
	// Msg is V8's message text, such as "Unexpected token ')'".
	Msg string
	// Start and End are the byte range of the offending token or construct.
	Start, End int
	// Filename, Line (1-based) and Column (1-based, in UTF-16 units) locate
	// Start for people.
	Filename     string
	Line, Column int
	// RangeError marks "Maximum call stack size exceeded": the input nests
	// deeper than the parser allows (V8 throws a RangeError there).
	RangeError bool
}

// Error formats the error as "file:line:column: SyntaxError: message".
func (e *SyntaxError) Error() string {
	kind := "SyntaxError"
	if e.RangeError {
		kind = "RangeError"
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Column, kind, e.Msg)
}

// maxDepth bounds the recursion of the parser, and so the nesting depth
// of the tree it builds (operator and member chains count one level per
// link): deeper input reports "Maximum call stack size exceeded" instead
// of overflowing Go's stack here or in a later recursive walk.
const maxDepth = 10000

// ParseScript parses src with the Script goal.
func ParseScript(filename, src string) (*ast.Program, error) {
	return Parse(src, Options{Filename: filename})
}

// ParseModule parses src with the Module goal.
func ParseModule(filename, src string) (*ast.Program, error) {
	return Parse(src, Options{Filename: filename, Module: true})
}

// Parse parses src and runs scope analysis. It returns the program or a
// *SyntaxError; it never panics on any input.
func Parse(src string, opts Options) (prog *ast.Program, err error) {
	p := &parser{opts: opts}
	p.lexer.init(src, opts.Module)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			prog = nil
			err = p.finishError()
		}
	}()
	prog = p.parseProgram()
	analyze(p, prog)
	return prog, nil
}

// finishError fills in the line and column of the recorded error.
func (p *parser) finishError() *SyntaxError {
	e := p.lexer.err
	if e == nil {
		e = &SyntaxError{Msg: "Invalid or unexpected token"}
	}
	e.Filename = p.opts.Filename
	ix := ast.NewLineIndex(p.src)
	line, col := ix.LineCol(ast.Pos(e.Start))
	e.Line, e.Column = line+1, col+1
	return e
}

// parser holds the state of one parse.
type parser struct {
	lexer
	opts Options
	fn   *funcState
	// coverInit is the offset of the first `a = 1` shorthand in an object
	// literal that may yet become a pattern (-1 when none is pending).
	coverInit int
	coverMsg  string
	// assignStart is the offset where the innermost AssignmentExpression
	// being parsed began: an arrow function must start there.
	assignStart int
	// lastAwait and lastYield are the offsets of the latest await and yield
	// expressions, to reject them in arrow parameters found later.
	lastAwait, lastYield int
	// arrowEnd is the end of the latest arrow function parsed without
	// parentheses; such an arrow cannot be an operand.
	arrowEnd int
	// trailingCommaAfterRest records array and object literals where a
	// spread is followed by a comma (invalid as a pattern).
	trailingCommaAfterRest map[any]bool
	// annexBCallTarget allows a call as a simple assignment target (set
	// around the checks where Annex B permits it: =, op=, ++/--, for-in/of).
	annexBCallTarget bool
	// badExportName is the offset of a string export name with a lone
	// surrogate (-1 when none), reported once the declaration is complete.
	badExportName int
	// labelRun counts the labels directly enclosing the statement being
	// parsed, so an iteration statement can mark them as loop labels.
	labelRun int
	// classes is the stack of class bodies being parsed (private names).
	classes []*classInfo
	// exports records module export names for duplicate detection.
	exports map[string]bool

	// Scratch stacks: a list being parsed (statements, arguments, array
	// items, properties) grows on top of its stack, nested lists above it,
	// and is copied out at its exact size when complete. This replaces
	// append growth per list (a fifth of parse time in BenchmarkParse).
	stmtStack []ast.Stmt
	exprStack []ast.Expr
	propStack []ast.Property
	// Slabs hand out the most frequent nodes from chunks, one allocation
	// per slabSize nodes instead of one per node (allocation dominates
	// BenchmarkParse). A chunk lives as long as any node in it, which is
	// as long as the tree.
	idents  slab[ast.EIdentifier]
	bidents slab[ast.BIdentifier]
	dots    slab[ast.EDot]
	calls   slab[ast.ECall]
	strs    slab[ast.EString]
	nums    slab[ast.ENumber]
	binops  slab[ast.EBinary]
	assigns slab[ast.EAssign]
	sexprs  slab[ast.SExpr]
	funcs   slab[ast.Function]
	efuncs  slab[ast.EFunction]
	rets    slab[ast.SReturn]
	vdecls  slab[ast.SVarDecl]
	states  slab[funcState]
	// keyCache shares the UTF-16 value of identifier property keys
	// (`{length: 1}`, `o = {push() {}}`): EString values are immutable.
	keyCache map[string][]uint16
}

// slabSize is the number of nodes per slab chunk.
const slabSize = 32

// slab is a chunked allocator of T values.
type slab[T any] struct{ free []T }

// alloc returns a pointer to a zeroed T.
func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.free = make([]T, slabSize)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// set allocates a T from the slab holding v's value.
func (s *slab[T]) set(v T) *T {
	x := s.alloc()
	*x = v
	return x
}

// popList returns the top of a scratch stack from base as an exact-size
// slice (nil when empty) and truncates the stack back to base.
func popList[T any](stack *[]T, base int) []T {
	s := *stack
	n := len(s) - base
	if n == 0 {
		return nil
	}
	out := make([]T, n)
	copy(out, s[base:])
	clear(s[base:])
	*stack = s[:base]
	return out
}

// keyString returns the shared UTF-16 value of an identifier key.
func (p *parser) keyString(name string) []uint16 {
	if v, ok := p.keyCache[name]; ok {
		return v
	}
	if p.keyCache == nil {
		p.keyCache = make(map[string][]uint16)
	}
	v := stringOf(name)
	p.keyCache[name] = v
	return v
}

// funcState is the parse context of one function body.
type funcState struct {
	parent *funcState
	fn     *ast.Function
	strict bool

	async, generator bool
	arrow            bool
	inParams         bool // parsing formal parameters
	returnOK         bool
	superProp        bool // super.x allowed
	superCall        bool // super() allowed
	newTarget        bool // new.target allowed
	noArguments      bool // class field initializer or static block
	staticBlock      bool // await reserved, no return
	module           bool // module top level
	awaitReserved    bool // `await` may not be an identifier (module code, inside async code's class fields…)

	labels   []label
	loops    int // enclosing iteration statements (in this function)
	switches int // enclosing switch statements
}

// label is one active statement label.
type label struct {
	name string
	loop bool
}

// privateUse is a reference to a private name, checked when its class
// body ends (names may be used before their declaration).
type privateUse struct {
	name string
	pos  int
}

// next advances to the next token.
func (p *parser) next() { p.lexer.next() }

// unexpected fails at the current token with V8's message for it.
func (p *parser) unexpected() {
	p.failToken(p.tok, p.start, p.end)
}

// failToken fails with V8's "Unexpected ..." message for token t at [start, end).
func (p *parser) failToken(t T, start, end int) {
	var msg string
	switch t {
	case TEOF:
		msg = "Unexpected end of input"
	case TIdentifier:
		switch {
		case p.fn != nil && p.fn.strict && isStrictReserved(p.name):
			msg = "Unexpected strict mode reserved word"
		case p.escaped && keywordKind(p.name) != TIdentifier:
			msg = "Keyword must not contain escaped characters"
		default:
			msg = fmt.Sprintf("Unexpected identifier '%s'", p.name)
		}
	case TPrivateName:
		msg = fmt.Sprintf("Unexpected identifier '%s'", p.name)
	case TNumber, TBigInt:
		msg = "Unexpected number"
	case TString:
		msg = "Unexpected string"
	case TNoSubstTemplate, TTemplateHead, TTemplateMiddle, TTemplateTail:
		msg = "Unexpected template string"
	case TRegExp:
		msg = "Unexpected regular expression"
	case TEnum:
		msg = "Unexpected reserved word"
	default:
		msg = fmt.Sprintf("Unexpected token '%s'", t)
	}
	p.fail(start, end, msg)
}

// expect consumes a token of kind t or fails.
func (p *parser) expect(t T) {
	if p.tok != t {
		p.unexpected()
	}
	p.next()
}

// eat consumes a token of kind t if present.
func (p *parser) eat(t T) bool {
	if p.tok == t {
		p.next()
		return true
	}
	return false
}

// isWord reports whether the current token is the unescaped contextual
// keyword word.
func (p *parser) isWord(word string) bool {
	return p.tok == TIdentifier && p.name == word && !p.escaped
}

// semicolon consumes a `;` or applies automatic semicolon insertion.
func (p *parser) semicolon() {
	switch {
	case p.tok == TSemicolon:
		p.next()
	case p.tok == TCloseBrace || p.tok == TEOF || p.nlBefore:
	default:
		p.unexpected()
	}
}

// peek returns the kind of the token after the current one and whether a
// line terminator precedes it, without consuming anything (it scans on a
// copy of the lexer).
func (p *parser) peek() (T, bool) {
	saved := p.lexer
	p.lexer.next()
	t, nl := p.tok, p.nlBefore
	p.lexer = saved
	return t, nl
}

// enter guards recursion depth.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		if p.lexer.err == nil {
			p.lexer.err = &SyntaxError{Msg: "Maximum call stack size exceeded", Start: p.start, End: p.end, RangeError: true}
		}
		panic(bailout{})
	}
}

// pos converts an int offset.
func pos(i int) ast.Pos { return ast.Pos(i) }

// rng builds a range.
func rng(start, end int) ast.Range { return ast.Range{Start: ast.Pos(start), End: ast.Pos(end)} }

// utf16String converts a cooked UTF-16 value to a Go string (lone
// surrogates become U+FFFD).
func utf16String(s []uint16) string {
	ascii := true
	for _, c := range s {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(s))
		for i, c := range s {
			b[i] = byte(c)
		}
		return string(b)
	}
	return string(utf16.Decode(s))
}

// wellFormed reports whether s has no lone surrogates.
func wellFormed(s []uint16) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0xD800 && c <= 0xDBFF {
			if i+1 < len(s) && s[i+1] >= 0xDC00 && s[i+1] <= 0xDFFF {
				i++
				continue
			}
			return false
		}
		if c >= 0xDC00 && c <= 0xDFFF {
			return false
		}
	}
	return true
}

// stringOf converts a Go string to UTF-16 for EString values.
func stringOf(s string) []uint16 {
	out := make([]uint16, 0, len(s))
	for _, r := range s {
		out = appendRune16(out, r)
	}
	return out
}
