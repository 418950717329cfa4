package ast

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// Sprint renders a node compactly as an S-expression, for tests and
// debugging: `a.b = f(1)` prints as (= (. a b) (call f 1)). It accepts
// *Program, Stmt, Expr, Binding, *Function and *Class. Positions are not
// printed; SprintRanges prints them too.
func Sprint(node any) string {
	pr := printer{}
	pr.node(node)
	return pr.b.String()
}

// SprintRanges renders like Sprint, with each statement and expression
// followed by @start:end.
func SprintRanges(node any) string {
	pr := printer{ranges: true}
	pr.node(node)
	return pr.b.String()
}

type printer struct {
	b      strings.Builder
	ranges bool
}

func (pr *printer) s(parts ...string) {
	for _, s := range parts {
		pr.b.WriteString(s)
	}
}

func (pr *printer) rng(r Range) {
	if pr.ranges {
		pr.s("@", strconv.Itoa(int(r.Start)), ":", strconv.Itoa(int(r.End)))
	}
}

func (pr *printer) node(n any) {
	switch n := n.(type) {
	case *Program:
		pr.stmts(n.Body, "; ")
	case Stmt:
		pr.stmt(n)
	case Expr:
		pr.expr(n)
	case Binding:
		pr.binding(n)
	case *Function:
		pr.fn(n)
	case *Class:
		pr.class(n)
	default:
		pr.s("?")
	}
}

func (pr *printer) stmts(list []Stmt, sep string) {
	for i, s := range list {
		if i > 0 {
			pr.s(sep)
		}
		pr.stmt(s)
	}
}

func (pr *printer) list(prefix string, exprs []Expr) {
	pr.s("(", prefix)
	for _, e := range exprs {
		pr.s(" ")
		pr.expr(e)
	}
	pr.s(")")
}

func (pr *printer) opt(e Expr) {
	if e.Data == nil {
		pr.s("_")
	} else {
		pr.expr(e)
	}
}

func (pr *printer) optStmt(s Stmt) {
	if s.Data == nil {
		pr.s("_")
	} else {
		pr.stmt(s)
	}
}

func (pr *printer) stmt(s Stmt) {
	switch d := s.Data.(type) {
	case nil:
		pr.s("_")
	case *SBlock:
		pr.s("(block")
		for _, x := range d.Body {
			pr.s(" ")
			pr.stmt(x)
		}
		pr.s(")")
	case *SEmpty:
		pr.s("(empty)")
	case *SExpr:
		pr.expr(d.Value)
	case *SVarDecl:
		pr.varDecl(d)
	case *SIf:
		pr.s("(if ")
		pr.expr(d.Test)
		pr.s(" ")
		pr.stmt(d.Yes)
		if d.No.Data != nil {
			pr.s(" ")
			pr.stmt(d.No)
		}
		pr.s(")")
	case *SFor:
		pr.s("(for ")
		pr.optStmt(d.Init)
		pr.s(" ")
		pr.opt(d.Test)
		pr.s(" ")
		pr.opt(d.Update)
		pr.s(" ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SForIn:
		pr.s("(for-in ")
		pr.forBinding(d.Left)
		pr.s(" ")
		pr.expr(d.Right)
		pr.s(" ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SForOf:
		if d.Await {
			pr.s("(for-await-of ")
		} else {
			pr.s("(for-of ")
		}
		pr.forBinding(d.Left)
		pr.s(" ")
		pr.expr(d.Right)
		pr.s(" ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SWhile:
		pr.s("(while ")
		pr.expr(d.Test)
		pr.s(" ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SDoWhile:
		pr.s("(do ")
		pr.stmt(d.Body)
		pr.s(" ")
		pr.expr(d.Test)
		pr.s(")")
	case *SContinue:
		pr.s("(continue")
		if d.Label != nil {
			pr.s(" ", d.Label.Name)
		}
		pr.s(")")
	case *SBreak:
		pr.s("(break")
		if d.Label != nil {
			pr.s(" ", d.Label.Name)
		}
		pr.s(")")
	case *SReturn:
		pr.s("(return")
		if d.Value.Data != nil {
			pr.s(" ")
			pr.expr(d.Value)
		}
		pr.s(")")
	case *SThrow:
		pr.s("(throw ")
		pr.expr(d.Value)
		pr.s(")")
	case *STry:
		pr.s("(try ")
		pr.block(d.Block)
		if d.Catch != nil {
			pr.s(" (catch ")
			if d.Catch.Param.Data != nil {
				pr.binding(d.Catch.Param)
				pr.s(" ")
			}
			pr.block(d.Catch.Body)
			pr.s(")")
		}
		if d.Finally != nil {
			pr.s(" (finally ")
			pr.block(*d.Finally)
			pr.s(")")
		}
		pr.s(")")
	case *SSwitch:
		pr.s("(switch ")
		pr.expr(d.Disc)
		for _, c := range d.Cases {
			if c.Test.Data == nil {
				pr.s(" (default")
			} else {
				pr.s(" (case ")
				pr.expr(c.Test)
			}
			for _, x := range c.Body {
				pr.s(" ")
				pr.stmt(x)
			}
			pr.s(")")
		}
		pr.s(")")
	case *SLabeled:
		pr.s("(label ", d.Label.Name, " ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SDebugger:
		pr.s("(debugger)")
	case *SWith:
		pr.s("(with ")
		pr.expr(d.Object)
		pr.s(" ")
		pr.stmt(d.Body)
		pr.s(")")
	case *SFunction:
		pr.fn(d.Fn)
	case *SClass:
		pr.class(d.Class)
	case *SImport:
		pr.s("(import ", strconv.Quote(d.Source))
		for _, sp := range d.Specifiers {
			switch sp.Kind {
			case ImportDefault:
				pr.s(" (default ", sp.Local.Name, ")")
			case ImportNamespace:
				pr.s(" (* ", sp.Local.Name, ")")
			default:
				pr.s(" (", sp.Imported, " ", sp.Local.Name, ")")
			}
		}
		pr.s(")")
	case *SExportNamed:
		pr.s("(export")
		for _, sp := range d.Specifiers {
			pr.s(" (", sp.Local.Name, " ", sp.Exported.Name, ")")
		}
		if d.HasSource {
			pr.s(" from ", strconv.Quote(d.Source))
		}
		pr.s(")")
	case *SExportAll:
		pr.s("(export *")
		if d.Exported != nil {
			pr.s(" as ", d.Exported.Name)
		}
		pr.s(" from ", strconv.Quote(d.Source), ")")
	case *SExportDecl:
		pr.s("(export ")
		pr.stmt(d.Decl)
		pr.s(")")
	case *SExportDefault:
		pr.s("(export-default ")
		if d.Decl.Data != nil {
			pr.stmt(d.Decl)
		} else {
			pr.expr(d.Value)
		}
		pr.s(")")
	default:
		pr.s("?stmt")
	}
	pr.rng(s.Range)
}

func (pr *printer) block(b Block) {
	pr.s("(block")
	for _, x := range b.Body {
		pr.s(" ")
		pr.stmt(x)
	}
	pr.s(")")
	pr.rng(b.Range)
}

var varKindNames = [...]string{"assign", "var", "let", "const"}

func (pr *printer) varDecl(d *SVarDecl) {
	pr.s("(", varKindNames[d.Kind])
	for _, decl := range d.Decls {
		pr.s(" ")
		if decl.Init.Data != nil {
			pr.s("(")
			pr.binding(decl.Target)
			pr.s(" ")
			pr.expr(decl.Init)
			pr.s(")")
		} else {
			pr.binding(decl.Target)
		}
	}
	pr.s(")")
}

func (pr *printer) forBinding(f ForBinding) {
	if f.Kind != VarNone {
		pr.s("(", varKindNames[f.Kind], " ")
		pr.binding(f.Target)
		if f.Init.Data != nil {
			pr.s(" ")
			pr.expr(f.Init)
		}
		pr.s(")")
		return
	}
	pr.binding(f.Target)
}

func (pr *printer) binding(b Binding) {
	switch d := b.Data.(type) {
	case nil:
		pr.s("_")
	case *BIdentifier:
		pr.s(d.Name)
	case *BMember:
		pr.expr(d.Value)
	case *BArray:
		pr.s("[")
		for i, it := range d.Items {
			if i > 0 {
				pr.s(" ")
			}
			pr.withDefault(it.Target, it.Default)
		}
		if d.Rest.Data != nil {
			if len(d.Items) > 0 {
				pr.s(" ")
			}
			pr.s("(... ")
			pr.binding(d.Rest)
			pr.s(")")
		}
		pr.s("]")
	case *BObject:
		pr.s("{")
		for i, prop := range d.Props {
			if i > 0 {
				pr.s(" ")
			}
			if prop.Shorthand {
				pr.withDefault(prop.Target, prop.Default)
				continue
			}
			pr.s("(")
			pr.key(prop.Key, prop.Computed)
			pr.s(": ")
			pr.withDefault(prop.Target, prop.Default)
			pr.s(")")
		}
		if d.Rest.Data != nil {
			if len(d.Props) > 0 {
				pr.s(" ")
			}
			pr.s("(... ")
			pr.binding(d.Rest)
			pr.s(")")
		}
		pr.s("}")
	}
}

func (pr *printer) withDefault(b Binding, def Expr) {
	if def.Data == nil {
		pr.binding(b)
		return
	}
	pr.s("(= ")
	pr.binding(b)
	pr.s(" ")
	pr.expr(def)
	pr.s(")")
}

func (pr *printer) key(k Expr, computed bool) {
	if computed {
		pr.s("[")
		pr.expr(k)
		pr.s("]")
		return
	}
	if s, ok := k.Data.(*EString); ok {
		pr.s(string(utf16.Decode(s.Value)))
		return
	}
	pr.expr(k)
}

func quote16(s []uint16) string {
	return strconv.Quote(string(utf16.Decode(s)))
}

func (pr *printer) expr(e Expr) {
	switch d := e.Data.(type) {
	case nil:
		pr.s("_")
	case *EIdentifier:
		pr.s(d.Name)
	case *EPrivateName:
		pr.s(d.Name)
	case *ENull:
		pr.s("null")
	case *EBoolean:
		pr.s(strconv.FormatBool(d.Value))
	case *ENumber:
		pr.s(NumberToString(d.Value))
	case *EBigInt:
		pr.s(d.Digits, "n")
	case *EString:
		pr.s(quote16(d.Value))
	case *ERegExp:
		pr.s("/", d.Pattern, "/", d.Flags)
	case *ETemplate:
		if d.Tag.Data != nil {
			pr.s("(tagged ")
			pr.expr(d.Tag)
		} else {
			pr.s("(template")
		}
		for i, part := range d.Parts {
			pr.s(" ")
			if part.CookedInvalid {
				pr.s("undefined")
			} else {
				pr.s(quote16(part.Cooked))
			}
			if d.Tag.Data != nil {
				pr.s("/", strconv.Quote(part.Raw))
			}
			if i < len(d.Exprs) {
				pr.s(" ")
				pr.expr(d.Exprs[i])
			}
		}
		pr.s(")")
	case *EArray:
		pr.list("array", d.Items)
	case *EHole:
		pr.s("hole")
	case *ESpread:
		pr.s("(... ")
		pr.expr(d.Value)
		pr.s(")")
	case *EObject:
		pr.s("(object")
		for _, prop := range d.Props {
			pr.s(" ")
			pr.prop(prop)
		}
		pr.s(")")
	case *EFunction:
		pr.fn(d.Fn)
	case *EClass:
		pr.class(d.Class)
	case *EThis:
		pr.s("this")
	case *ESuper:
		pr.s("super")
	case *ENewTarget:
		pr.s("new.target")
	case *EImportMeta:
		pr.s("import.meta")
	case *EImportCall:
		pr.s("(import ")
		pr.expr(d.Specifier)
		pr.s(")")
	case *EUnary:
		pr.s("(", d.Op.String(), " ")
		pr.expr(d.Value)
		pr.s(")")
	case *EUpdate:
		if d.Prefix {
			pr.s("(", d.Op.String(), "pre ")
		} else {
			pr.s("(", d.Op.String(), "post ")
		}
		pr.expr(d.Target)
		pr.s(")")
	case *EBinary:
		pr.s("(", d.Op.String(), " ")
		pr.expr(d.Left)
		pr.s(" ")
		pr.expr(d.Right)
		pr.s(")")
	case *EAssign:
		pr.s("(", d.Op.String(), " ")
		pr.binding(d.Target)
		pr.s(" ")
		pr.expr(d.Value)
		pr.s(")")
	case *ECond:
		pr.s("(? ")
		pr.expr(d.Test)
		pr.s(" ")
		pr.expr(d.Yes)
		pr.s(" ")
		pr.expr(d.No)
		pr.s(")")
	case *ESequence:
		pr.list(",", d.Exprs)
	case *EDot:
		op := "."
		if d.Optional {
			op = "?."
		}
		pr.s("(", op, " ")
		pr.expr(d.Target)
		pr.s(" ", d.Name, ")")
	case *EIndex:
		op := "[]"
		if d.Optional {
			op = "?.[]"
		}
		pr.s("(", op, " ")
		pr.expr(d.Target)
		pr.s(" ")
		pr.expr(d.Index)
		pr.s(")")
	case *ECall:
		op := "call"
		if d.Optional {
			op = "?.call"
		}
		pr.s("(", op, " ")
		pr.expr(d.Target)
		for _, a := range d.Args {
			pr.s(" ")
			pr.expr(a)
		}
		pr.s(")")
	case *ENew:
		pr.s("(new ")
		pr.expr(d.Target)
		for _, a := range d.Args {
			pr.s(" ")
			pr.expr(a)
		}
		pr.s(")")
	case *EOptionalChain:
		pr.s("(chain ")
		pr.expr(d.Chain)
		pr.s(")")
	case *EYield:
		if d.Delegate {
			pr.s("(yield* ")
		} else {
			pr.s("(yield")
			if d.Value.Data != nil {
				pr.s(" ")
			}
		}
		if d.Value.Data != nil {
			pr.expr(d.Value)
		}
		pr.s(")")
	case *EAwait:
		pr.s("(await ")
		pr.expr(d.Value)
		pr.s(")")
	default:
		pr.s("?expr")
	}
	pr.rng(e.Range)
}

var propKindNames = [...]string{"init", "method", "get", "set", "spread", "static-block", "constructor"}

func (pr *printer) prop(p Property) {
	switch p.Kind {
	case PropertySpread:
		pr.s("(... ")
		pr.expr(p.Value)
		pr.s(")")
		return
	case PropertyStaticBlock:
		pr.s("(static ")
		pr.block(*p.Block)
		pr.s(")")
		return
	}
	if p.Shorthand {
		pr.s("(shorthand ")
		pr.expr(p.Value)
		pr.s(")")
		return
	}
	pr.s("(")
	if p.Static {
		pr.s("static ")
	}
	pr.s(propKindNames[p.Kind], " ")
	pr.key(p.Key, p.Computed)
	if p.Value.Data != nil {
		pr.s(" ")
		pr.expr(p.Value)
	}
	pr.s(")")
}

func (pr *printer) fn(f *Function) {
	pr.s("(")
	if f.Async {
		pr.s("async ")
	}
	switch f.Kind {
	case FuncArrow:
		pr.s("arrow")
	case FuncNormal:
		pr.s("function")
	default:
		pr.s(f.Kind.String())
	}
	if f.Generator {
		pr.s("*")
	}
	if f.Name != nil {
		pr.s(" ", f.Name.Name)
	}
	pr.s(" (")
	for i, prm := range f.Params {
		if i > 0 {
			pr.s(" ")
		}
		if prm.Rest {
			pr.s("(... ")
			pr.binding(prm.Target)
			pr.s(")")
			continue
		}
		pr.withDefault(prm.Target, prm.Default)
	}
	pr.s(")")
	if f.ExprBody {
		pr.s(" ")
		pr.expr(f.Body[0].Data.(*SReturn).Value)
	} else {
		for _, s := range f.Body {
			pr.s(" ")
			pr.stmt(s)
		}
	}
	pr.s(")")
}

func (pr *printer) class(c *Class) {
	pr.s("(class")
	if c.Name != nil {
		pr.s(" ", c.Name.Name)
	}
	if c.Extends.Data != nil {
		pr.s(" (extends ")
		pr.expr(c.Extends)
		pr.s(")")
	}
	for _, m := range c.Members {
		pr.s(" ")
		pr.prop(m)
	}
	pr.s(")")
}
