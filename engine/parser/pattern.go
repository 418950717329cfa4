package parser

import (
	"github.com/sonde-js/sonde/engine/ast"
)

// parseBindingTarget parses a BindingIdentifier or BindingPattern for a
// declaration of the given kind (VarLet and VarConst reject the name let).
func (p *parser) parseBindingTarget(kind ast.VarKind) ast.Binding {
	p.enter()
	r := p.parseBindingTargetBody(kind)
	p.depth--
	return r
}

// parseBindingTargetBody is parseBindingTarget without the depth accounting (no defer: a syntax
// error abandons the whole parse, so nothing needs unwinding).
func (p *parser) parseBindingTargetBody(kind ast.VarKind) ast.Binding {
	start := p.start
	lexical := kind == ast.VarLet || kind == ast.VarConst
	switch p.tok {
	case TIdentifier:
		name := p.name
		p.checkBindingName(name, p.start, p.end, lexical)
		p.next()
		return ast.Binding{Range: rng(start, p.prevEnd), Data: p.bidents.set(ast.BIdentifier{Name: name})}
	case TOpenBracket:
		p.next()
		a := &ast.BArray{}
		for p.tok != TCloseBracket {
			if p.tok == TComma {
				p.next()
				a.Items = append(a.Items, ast.ArrayItem{})
				continue
			}
			if p.tok == TDotDotDot {
				restStart := p.start
				p.next()
				a.Rest = p.parseBindingTarget(kind)
				if p.tok != TCloseBracket {
					if p.tok == TAssign {
						p.fail(restStart, p.end, "Invalid destructuring assignment target")
					}
					p.fail(restStart, p.end, "Rest element must be last element")
				}
				break
			}
			item := ast.ArrayItem{Target: p.parseBindingTarget(kind)}
			if p.eat(TAssign) {
				item.Default = p.parseAssign(false)
				p.nameBindingDefault(item.Target, item.Default)
			}
			a.Items = append(a.Items, item)
			if p.tok != TCloseBracket {
				p.expect(TComma)
			}
		}
		p.next()
		return ast.Binding{Range: rng(start, p.prevEnd), Data: a}
	case TOpenBrace:
		p.next()
		o := &ast.BObject{}
		for p.tok != TCloseBrace {
			if p.tok == TDotDotDot {
				p.next()
				if p.tok != TIdentifier {
					p.unexpected()
				}
				o.Rest = p.parseBindingTarget(kind)
				if p.tok != TCloseBrace {
					p.fail(p.start, p.end, "Rest element must be last element")
				}
				break
			}
			pstart := p.start
			k := p.parsePropertyKey(false)
			prop := ast.PropertyBinding{Key: k.key, Computed: k.computed}
			if p.eat(TColon) {
				prop.Target = p.parseBindingTarget(kind)
			} else {
				if !k.ident || k.computed || k.identTok != TIdentifier {
					if k.ident && k.identTok != TIdentifier {
						p.failToken(k.identTok, k.start, k.end)
					}
					p.unexpected()
				}
				if k.escaped && keywordKind(k.name) != TIdentifier {
					p.fail(k.start, k.end, "Keyword must not contain escaped characters")
				}
				saved := p.escaped
				p.escaped = false
				p.checkBindingName(k.name, k.start, k.end, lexical)
				p.escaped = saved
				prop.Shorthand = true
				prop.Target = ast.Binding{Range: k.key.Range, Data: p.bidents.set(ast.BIdentifier{Name: k.name})}
			}
			if p.eat(TAssign) {
				prop.Default = p.parseAssign(false)
				p.nameBindingDefault(prop.Target, prop.Default)
			}
			prop.Range = rng(pstart, p.prevEnd)
			o.Props = append(o.Props, prop)
			if p.tok != TCloseBrace {
				p.expect(TComma)
			}
		}
		p.next()
		return ast.Binding{Range: rng(start, p.prevEnd), Data: o}
	}
	p.unexpected()
	return ast.Binding{}
}

// nameBindingDefault gives an anonymous function default its binding name.
func (p *parser) nameBindingDefault(target ast.Binding, value ast.Expr) {
	if id, ok := target.Data.(*ast.BIdentifier); ok {
		p.nameValue(value, id.Name, false)
	}
}

// toSimpleTarget converts the target of a compound assignment (or of `=`
// when it is not a literal) to a Binding: an identifier or member access.
func (p *parser) toSimpleTarget(e ast.Expr, msg string, opStart, opEnd int) ast.Binding {
	switch d := e.Data.(type) {
	case *ast.EIdentifier:
		if p.fn.strict && (d.Name == "eval" || d.Name == "arguments") {
			p.fail(int(e.Start), int(e.End), "Unexpected eval or arguments in strict mode")
		}
		return ast.Binding{Range: e.Range, Data: p.bidents.set(ast.BIdentifier{Name: d.Name})}
	case *ast.EDot, *ast.EIndex:
		return ast.Binding{Range: e.Range, Data: &ast.BMember{Value: e}}
	case *ast.ECall:
		// Annex B web compatibility: `f() = 1` in sloppy code is a run-time
		// ReferenceError (after the call), not an early error.
		if !p.fn.strict && p.annexBCallTarget {
			return ast.Binding{Range: e.Range, Data: &ast.BMember{Value: e}}
		}
	}
	p.fail(int(e.Start), int(e.End), msg)
	return ast.Binding{}
}

// toAssignTarget converts the left side of a for-in/of head.
func (p *parser) toAssignTarget(e ast.Expr, allowPattern bool, msg string) ast.Binding {
	if allowPattern && p.isBareLiteral(e) {
		return p.exprToPattern(e, false)
	}
	p.reportCoverInit()
	return p.toSimpleTarget(e, msg, int(e.Start), int(e.End))
}

// exprToPattern converts an array or object literal (or, inside one, any
// element) to a pattern. binding selects binding patterns (declarations,
// parameters), which admit only identifiers as leaves.
func (p *parser) exprToPattern(e ast.Expr, binding bool) ast.Binding {
	p.enter()
	r := p.exprToPatternBody(e, binding)
	p.depth--
	return r
}

// exprToPatternBody is exprToPattern without the depth accounting (no defer: a syntax
// error abandons the whole parse, so nothing needs unwinding).
func (p *parser) exprToPatternBody(e ast.Expr, binding bool) ast.Binding {
	paren := p.src[e.Start] == '('
	invalid := func() {
		p.fail(int(e.Start), int(e.End), "Invalid destructuring assignment target")
	}
	switch d := e.Data.(type) {
	case *ast.EIdentifier:
		if binding {
			if paren {
				invalid()
			}
			p.checkBindingNameAt(d.Name, int(e.Start), int(e.End))
		} else if p.fn.strict && (d.Name == "eval" || d.Name == "arguments") {
			p.fail(int(e.Start), int(e.End), "Unexpected eval or arguments in strict mode")
		}
		return ast.Binding{Range: e.Range, Data: p.bidents.set(ast.BIdentifier{Name: d.Name})}
	case *ast.EDot, *ast.EIndex:
		if binding {
			invalid()
		}
		return ast.Binding{Range: e.Range, Data: &ast.BMember{Value: e}}
	case *ast.EArray:
		if paren {
			invalid()
		}
		a := &ast.BArray{}
		for i, item := range d.Items {
			switch it := item.Data.(type) {
			case *ast.EHole:
				a.Items = append(a.Items, ast.ArrayItem{})
			case *ast.ESpread:
				if i != len(d.Items)-1 || p.trailingCommaAfterRest[d] {
					p.fail(int(item.Start), int(item.End), "Rest element must be last element")
				}
				if _, isAssign := it.Value.Data.(*ast.EAssign); isAssign && p.src[it.Value.Start] != '(' {
					invalid2 := it.Value
					p.fail(int(invalid2.Start), int(invalid2.End), "Invalid destructuring assignment target")
				}
				a.Rest = p.exprToPattern(it.Value, binding)
			default:
				a.Items = append(a.Items, p.elementToPattern(item, binding))
			}
		}
		return ast.Binding{Range: e.Range, Data: a}
	case *ast.EObject:
		if paren {
			invalid()
		}
		o := &ast.BObject{}
		for i, prop := range d.Props {
			switch prop.Kind {
			case ast.PropertySpread:
				if i != len(d.Props)-1 || p.trailingCommaAfterRest[d] {
					p.fail(int(prop.Start), int(prop.End), "Rest element must be last element")
				}
				switch prop.Value.Data.(type) {
				case *ast.EIdentifier:
				case *ast.EDot, *ast.EIndex:
					if binding {
						p.fail(int(prop.Value.Start), int(prop.Value.End), "Invalid destructuring assignment target")
					}
				default:
					p.fail(int(prop.Value.Start), int(prop.Value.End), "`...` must be followed by an assignable reference in assignment contexts")
				}
				o.Rest = p.exprToPattern(prop.Value, binding)
			case ast.PropertyInit:
				pb := ast.PropertyBinding{Range: prop.Range, Key: prop.Key, Computed: prop.Computed, Shorthand: prop.Shorthand}
				item := p.elementToPattern(prop.Value, binding)
				pb.Target, pb.Default = item.Target, item.Default
				o.Props = append(o.Props, pb)
			default:
				p.fail(int(prop.Start), int(prop.End), "Invalid destructuring assignment target")
			}
		}
		return ast.Binding{Range: e.Range, Data: o}
	}
	invalid()
	return ast.Binding{}
}

// elementToPattern converts one element (`a`, `a = 1`, `[b] = c`).
func (p *parser) elementToPattern(e ast.Expr, binding bool) ast.ArrayItem {
	if a, ok := e.Data.(*ast.EAssign); ok && p.src[e.Start] != '(' {
		if a.Op != ast.AssignEq {
			p.fail(int(e.Start), int(e.End), "Invalid destructuring assignment target")
		}
		if binding {
			p.validateBinding(a.Target)
		}
		return ast.ArrayItem{Target: a.Target, Default: a.Value}
	}
	return ast.ArrayItem{Target: p.exprToPattern(e, binding)}
}

// validateBinding checks that a target converted in assignment context is
// also valid as a binding pattern (no member targets, no parentheses).
func (p *parser) validateBinding(b ast.Binding) {
	switch d := b.Data.(type) {
	case *ast.BIdentifier:
		if p.src[b.Start] == '(' {
			p.fail(int(b.Start), int(b.End), "Invalid destructuring assignment target")
		}
		p.checkBindingNameAt(d.Name, int(b.Start), int(b.End))
	case *ast.BMember:
		p.fail(int(b.Start), int(b.End), "Invalid destructuring assignment target")
	case *ast.BArray:
		for _, it := range d.Items {
			if it.Target.Data != nil {
				p.validateBinding(it.Target)
			}
		}
		if d.Rest.Data != nil {
			p.validateBinding(d.Rest)
		}
	case *ast.BObject:
		for _, pr := range d.Props {
			p.validateBinding(pr.Target)
		}
		if d.Rest.Data != nil {
			p.validateBinding(d.Rest)
		}
	}
}

// checkBindingNameAt validates a bound name found after the fact (the
// token is gone, so escapes were already checked when it was scanned).
func (p *parser) checkBindingNameAt(name string, start, end int) {
	saved := p.escaped
	p.escaped = false
	savedStart := p.start
	p.start = -1
	p.checkBindingName(name, start, end, false)
	p.start = savedStart
	p.escaped = saved
}

// exprsToParams converts the cover list of a parenthesized expression (or
// async call arguments) to arrow parameters.
func (p *parser) exprsToParams(items []ast.Expr, restStart int, rest ast.Binding) []ast.Param {
	params := make([]ast.Param, 0, len(items)+1)
	for _, item := range items {
		if _, isSpread := item.Data.(*ast.ESpread); isSpread {
			p.fail(int(item.Start), int(item.End), "Rest parameter must be last formal parameter")
		}
		el := p.elementToPattern(item, true)
		params = append(params, ast.Param{Range: item.Range, Target: el.Target, Default: el.Default})
	}
	if rest.Data != nil {
		p.validateBinding(rest)
		params = append(params, ast.Param{Range: rng(restStart, int(rest.End)), Target: rest, Rest: true})
	}
	return params
}

// forEachBoundName calls fn for every identifier a binding declares.
func forEachBoundName(b ast.Binding, fn func(name string, r ast.Range)) {
	ast.EachIdentifier(b, func(id *ast.BIdentifier, r ast.Range) { fn(id.Name, r) })
}

// walkExprShallow calls fn on e and its sub-expressions, not entering
// function or class bodies.
func walkExprShallow(e ast.Expr, fn func(ast.Expr)) {
	if e.Data == nil {
		return
	}
	fn(e)
	switch d := e.Data.(type) {
	case *ast.EArray:
		for _, it := range d.Items {
			walkExprShallow(it, fn)
		}
	case *ast.ESpread:
		walkExprShallow(d.Value, fn)
	case *ast.EObject:
		for _, pr := range d.Props {
			if pr.Computed {
				walkExprShallow(pr.Key, fn)
			}
			if pr.Kind == ast.PropertyInit || pr.Kind == ast.PropertySpread {
				walkExprShallow(pr.Value, fn)
			}
		}
	case *ast.ETemplate:
		walkExprShallow(d.Tag, fn)
		for _, x := range d.Exprs {
			walkExprShallow(x, fn)
		}
	case *ast.EUnary:
		walkExprShallow(d.Value, fn)
	case *ast.EUpdate:
		walkExprShallow(d.Target, fn)
	case *ast.EBinary:
		walkExprShallow(d.Left, fn)
		walkExprShallow(d.Right, fn)
	case *ast.EAssign:
		walkBindingShallow(d.Target, fn)
		walkExprShallow(d.Value, fn)
	case *ast.ECond:
		walkExprShallow(d.Test, fn)
		walkExprShallow(d.Yes, fn)
		walkExprShallow(d.No, fn)
	case *ast.ESequence:
		for _, x := range d.Exprs {
			walkExprShallow(x, fn)
		}
	case *ast.EDot:
		walkExprShallow(d.Target, fn)
	case *ast.EIndex:
		walkExprShallow(d.Target, fn)
		walkExprShallow(d.Index, fn)
	case *ast.ECall:
		walkExprShallow(d.Target, fn)
		for _, x := range d.Args {
			walkExprShallow(x, fn)
		}
	case *ast.ENew:
		walkExprShallow(d.Target, fn)
		for _, x := range d.Args {
			walkExprShallow(x, fn)
		}
	case *ast.EOptionalChain:
		walkExprShallow(d.Chain, fn)
	case *ast.EYield:
		walkExprShallow(d.Value, fn)
	case *ast.EAwait:
		walkExprShallow(d.Value, fn)
	case *ast.EImportCall:
		walkExprShallow(d.Specifier, fn)
		walkExprShallow(d.Options, fn)
	case *ast.EClass:
		walkExprShallow(d.Class.Extends, fn)
	case *ast.EFunction:
		// Arrow parameters nested in arrow parameters share the checks.
		if d.Fn.Kind == ast.FuncArrow {
			for _, prm := range d.Fn.Params {
				walkBindingShallow(prm.Target, fn)
				walkExprShallow(prm.Default, fn)
			}
		}
	}
}

// walkBindingShallow visits the expressions inside a binding.
func walkBindingShallow(b ast.Binding, fn func(ast.Expr)) {
	switch d := b.Data.(type) {
	case *ast.BIdentifier:
		fn(ast.Expr{Range: b.Range, Data: &ast.EIdentifier{Name: d.Name}})
	case *ast.BMember:
		walkExprShallow(d.Value, fn)
	case *ast.BArray:
		for _, it := range d.Items {
			walkBindingShallow(it.Target, fn)
			walkExprShallow(it.Default, fn)
		}
		walkBindingShallow(d.Rest, fn)
	case *ast.BObject:
		for _, pr := range d.Props {
			if pr.Computed {
				walkExprShallow(pr.Key, fn)
			}
			walkBindingShallow(pr.Target, fn)
			walkExprShallow(pr.Default, fn)
		}
		walkBindingShallow(d.Rest, fn)
	}
}
