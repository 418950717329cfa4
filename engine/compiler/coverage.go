package compiler

import (
	"unicode"
	"unicode/utf8"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// Block coverage: with Options.BlockCoverage the compiler gives a function
// the counters V8's bytecode generator gives it, with the same source
// ranges, so that V8's post-processing (domains/profiler/coverage) turns
// them into exactly what node reports:
//
//   - a function-scope counter (both positions FunctionCounterPos),
//     counted on each call (not on generator resumptions);
//   - a range per branch: then [Yes) and else [end of Yes, end of No) of
//     an if; ?: from its `?` and its `:`; the right operand of && || ??
//     from the operator; a loop body; a case clause; a catch clause from
//     `catch`; a finally clause from `finally`; an optional-chain link from
//     its `?.`;
//   - a continuation (a position singleton) after a block, an if, a loop, a
//     switch and a try statement, counted when control gets there, and
//     after return, break, continue and throw, never counted (the code
//     after them did not run), and after a yield, counted on resumption.
//
// Some continuations are dropped first, as V8's SourceRangeAstVisitor
// does: that of the last statement of a function body, of a block and of
// a case clause, of a try block, and, of several continuations at the
// same position, every one but the first in source pre-order (the
// enclosing statement's).

// covKind tells the continuations of one node apart: a try statement with
// both clauses has one after its catch clause and one after the finally.
type covKind uint8

const (
	covMain covKind = iota
	covCatch
	covTryBlock
)

// covKey names one continuation: the node (a statement's data or an
// *ast.EYield) and which of its continuations.
type covKey struct {
	node any
	kind covKind
}

// covPlan is the result of the continuation pass over one function.
type covPlan struct {
	src     string
	strict  bool
	removed map[covKey]bool
	seen    map[ast.Pos]bool
}

// planCoverage runs the continuation pass over fn's body (not into nested
// functions, which are planned when they are compiled).
func planCoverage(u *Unit, fn *ast.Function) *covPlan {
	p := &covPlan{src: u.Source, strict: fn.Strict, removed: map[covKey]bool{}, seen: map[ast.Pos]bool{}}
	if fn.ExprBody {
		// An arrow's expression body is a return V8 gives no range.
		for _, s := range fn.Body {
			p.removed[covKey{s.Data, covMain}] = true
		}
		return p
	}
	for _, prm := range fn.Params {
		p.binding(prm.Target)
		p.expr(prm.Default)
	}
	if fn.Kind == ast.FuncClassFieldInit && fn.Class != nil {
		for _, m := range fn.Class.Members {
			p.expr(m.Key)
			p.expr(m.Value)
			if m.Block != nil {
				p.stmts(m.Block.Body)
			}
		}
		return p
	}
	p.stmts(fn.Body)
	p.removeLast(fn.Body, false)
	return p
}

// cont registers the continuation of node at pos, dropping it when an
// enclosing or earlier node already has one there.
func (p *covPlan) cont(node any, kind covKind, pos ast.Pos) {
	if p.seen[pos] {
		p.removed[covKey{node, kind}] = true
		return
	}
	p.seen[pos] = true
}

func (p *covPlan) stmts(list []ast.Stmt) {
	for _, s := range list {
		p.stmt(s)
	}
}

// stmt visits s in V8's pre-order.
func (p *covPlan) stmt(s ast.Stmt) {
	switch x := s.Data.(type) {
	case *ast.SBlock:
		p.cont(x, covMain, s.End)
		p.stmts(x.Body)
		p.removeLast(x.Body, true)
	case *ast.SExpr:
		p.expr(x.Value)
	case *ast.SVarDecl:
		for _, d := range x.Decls {
			p.binding(d.Target)
			p.expr(d.Init)
		}
	case *ast.SIf:
		end := x.Yes.End
		if x.No.Data != nil {
			end = x.No.End
		}
		p.cont(x, covMain, end)
		p.expr(x.Test)
		p.stmt(x.Yes)
		if x.No.Data != nil {
			p.stmt(x.No)
		}
	case *ast.SFor:
		p.cont(x, covMain, x.Body.End)
		if x.Init.Data != nil {
			p.stmt(x.Init)
		}
		p.expr(x.Test)
		p.expr(x.Update)
		p.stmt(x.Body)
	case *ast.SForIn:
		p.cont(x, covMain, x.Body.End)
		p.binding(x.Left.Target)
		p.expr(x.Right)
		p.stmt(x.Body)
	case *ast.SForOf:
		p.cont(x, covMain, x.Body.End)
		p.binding(x.Left.Target)
		p.expr(x.Right)
		p.stmt(x.Body)
	case *ast.SWhile:
		p.cont(x, covMain, x.Body.End)
		p.expr(x.Test)
		p.stmt(x.Body)
	case *ast.SDoWhile:
		p.cont(x, covMain, x.Body.End)
		p.stmt(x.Body)
		p.expr(x.Test)
	case *ast.SReturn:
		p.cont(x, covMain, s.End)
		p.expr(x.Value)
	case *ast.SThrow:
		p.cont(x, covMain, s.End)
		p.expr(x.Value)
	case *ast.SBreak:
		p.cont(x, covMain, s.End)
	case *ast.SContinue:
		p.cont(x, covMain, s.End)
	case *ast.STry:
		// try/catch/finally is a try/finally around a try/catch.
		if x.Finally != nil {
			p.cont(x, covMain, x.Finally.End)
		}
		if x.Catch != nil {
			p.cont(x, covCatch, x.Catch.End)
		}
		p.cont(x, covTryBlock, x.Block.End) // always dropped
		p.stmts(x.Block.Body)
		p.removeLast(x.Block.Body, true)
		if x.Catch != nil {
			p.cont(&x.Catch.Body, covMain, x.Catch.Body.End)
			p.binding(x.Catch.Param)
			p.stmts(x.Catch.Body.Body)
			p.removeLast(x.Catch.Body.Body, true)
		}
		if x.Finally != nil {
			p.cont(x.Finally, covMain, x.Finally.End)
			p.stmts(x.Finally.Body)
			p.removeLast(x.Finally.Body, true)
		}
	case *ast.SSwitch:
		p.cont(x, covMain, s.End)
		p.expr(x.Disc)
		for _, cs := range x.Cases {
			p.expr(cs.Test)
			p.stmts(cs.Body)
			p.removeLast(cs.Body, true)
		}
	case *ast.SLabeled:
		p.stmt(x.Body)
	case *ast.SClass:
		p.class(x.Class)
	case *ast.SWith:
		p.expr(x.Object)
		p.stmt(x.Body)
	}
}

// removeLast drops the continuation of the last statement of a list.
// Empty statements and function declarations (V8 parses them as empty
// statements, except for sloppy-mode declarations in blocks) do not
// count.
func (p *covPlan) removeLast(list []ast.Stmt, inBlock bool) {
	for i := len(list) - 1; i >= 0; i-- {
		s := list[i]
		switch s.Data.(type) {
		case *ast.SEmpty:
			continue
		case *ast.SFunction:
			if p.strict || !inBlock {
				continue
			}
		}
		for {
			l, ok := s.Data.(*ast.SLabeled)
			if !ok {
				break
			}
			s = l.Body
		}
		if t, ok := s.Data.(*ast.STry); ok && t.Finally == nil {
			p.removed[covKey{t, covCatch}] = true
		} else {
			p.removed[covKey{s.Data, covMain}] = true
		}
		return
	}
}

// expr finds the yields of e (their continuations), not entering nested
// functions.
func (p *covPlan) expr(e ast.Expr) {
	if e.Data == nil {
		return
	}
	walkExpr(e, func(e ast.Expr) bool {
		switch x := e.Data.(type) {
		case *ast.EFunction:
			return false
		case *ast.EClass:
			p.class(x.Class)
			return false
		case *ast.EYield:
			p.cont(x, covMain, p.afterSemicolon(e.End))
		case *ast.EAwait:
			// V8 records a continuation after each suspension, await too.
			p.cont(x, covMain, p.afterSemicolon(e.End))
		}
		return true
	})
}

// class visits what of a class runs in the enclosing function: the
// heritage and computed keys.
func (p *covPlan) class(c *ast.Class) {
	p.expr(c.Extends)
	for _, m := range c.Members {
		if m.Computed {
			p.expr(m.Key)
		}
	}
}

func (p *covPlan) binding(b ast.Binding) {
	walkBinding(b, func(e ast.Expr) bool { p.expr(e); return false })
}

// afterSemicolon is V8's PositionAfterSemicolon for an expression ending
// at end: just past a `;` that follows (after blanks and comments), else
// end.
func (p *covPlan) afterSemicolon(end ast.Pos) ast.Pos {
	if i := skipBlanks(p.src, int(end)); i < len(p.src) && p.src[i] == ';' {
		return ast.Pos(i + 1)
	}
	return end
}

// skipBlanks returns the offset of the first character at or after i that
// is not white space, a line terminator or inside a comment.
func skipBlanks(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := i + 2
			for j+1 < len(src) && !(src[j] == '*' && src[j+1] == '/') {
				j++
			}
			i = j + 2
		case c >= 0x80:
			// Non-ASCII white space (NBSP, LS, PS, BOM, Zs).
			r, size := utf8.DecodeRuneInString(src[i:])
			if !isJSSpace(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// Counter emission.

// covSlot reserves a counter for the byte range [start, end), or returns
// -1 when block coverage is off.
func (c *funcCompiler) covSlot(start, end ast.Pos) int {
	if c.cov == nil {
		return -1
	}
	return c.b.Counter(c.pos(start), c.pos(end))
}

// covInc counts slot (from covSlot) here.
func (c *funcCompiler) covInc(slot int) {
	if slot >= 0 {
		c.b.IncCounter(slot)
	}
}

// covRange counts the range [start, end) here.
func (c *funcCompiler) covRange(start, end ast.Pos) { c.covInc(c.covSlot(start, end)) }

// covCont counts node's continuation at pos here, unless the continuation
// pass dropped it.
func (c *funcCompiler) covCont(node any, kind covKind, pos ast.Pos) {
	c.covInc(c.covContSlot(node, kind, pos))
}

// covContSlot reserves the counter of node's continuation at pos (-1 if
// dropped or coverage is off). A jump's continuation is reserved and never
// counted: the code after it did not run.
func (c *funcCompiler) covContSlot(node any, kind covKind, pos ast.Pos) int {
	if c.cov == nil || c.cov.removed[covKey{node, kind}] {
		return -1
	}
	return c.b.Counter(c.pos(pos), bytecode.NoCounterEnd)
}

// covFunction counts a call of the function.
func (c *funcCompiler) covFunction() {
	if c.cov != nil {
		c.b.IncCounter(c.b.Counter(bytecode.FunctionCounterPos, bytecode.FunctionCounterPos))
	}
}

// optionalLinkStart returns where the `?.` after target starts.
func (c *funcCompiler) optionalLinkStart(target ast.Expr) ast.Pos {
	return ast.Pos(skipBlanks(c.u.Source, int(target.End)))
}

// isJSSpace reports whether r is JavaScript white space or a line
// terminator outside ASCII.
func isJSSpace(r rune) bool {
	return r == 0xFEFF || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Zs, r)
}
