package parser

import (
	"github.com/sonde-js/sonde/engine/ast"
)

// parseTemplate parses a template literal; tag is the tag or none.
func (p *parser) parseTemplate(start int, tag ast.Expr) ast.Expr {
	t := &ast.ETemplate{Tag: tag}
	tagged := tag.Data != nil
	for {
		part := ast.TemplatePart{Range: rng(p.start, p.end), Cooked: p.str, CookedInvalid: p.cookedInvalid, Raw: p.raw}
		if p.cookedInvalid && !tagged {
			p.fail(p.cookedErrPos, p.cookedErrPos+2, p.cookedErrMsg)
		}
		t.Parts = append(t.Parts, part)
		if p.tok == TNoSubstTemplate || p.tok == TTemplateTail {
			p.next()
			break
		}
		p.next()
		t.Exprs = append(t.Exprs, p.parseExpression(false))
		if p.tok != TCloseBrace {
			p.unexpected()
		}
		p.rescanTemplateContinuation()
	}
	return ast.Expr{Range: rng(start, p.prevEnd), Data: t}
}

// parseArrayLiteral parses `[a, , ...b]`.
func (p *parser) parseArrayLiteral() ast.Expr {
	start := p.start
	p.next()
	a := &ast.EArray{}
	base := len(p.exprStack)
	for p.tok != TCloseBracket {
		switch p.tok {
		case TComma:
			p.exprStack = append(p.exprStack, ast.Expr{Range: rng(p.start, p.start), Data: &ast.EHole{}})
			p.next()
			continue
		case TDotDotDot:
			s := p.start
			p.next()
			v := p.parseAssignCover(false)
			p.exprStack = append(p.exprStack, ast.Expr{Range: rng(s, p.prevEnd), Data: &ast.ESpread{Value: v}})
			if p.tok == TComma {
				p.noteTrailingCommaAfterRest(a)
			}
		default:
			item := p.parseAssignCover(false)
			p.exprStack = append(p.exprStack, item)
		}
		if p.tok != TCloseBracket {
			p.expect(TComma)
		}
	}
	a.Items = popList(&p.exprStack, base)
	a.CloseBracket = pos(p.start)
	p.next()
	return ast.Expr{Range: rng(start, p.prevEnd), Data: a}
}

// makes the literal invalid as a pattern.
func (p *parser) noteTrailingCommaAfterRest(key any) {
	if p.trailingCommaAfterRest == nil {
		p.trailingCommaAfterRest = make(map[any]bool)
	}
	p.trailingCommaAfterRest[key] = true
}

// parseObjectLiteral parses an object literal.
func (p *parser) parseObjectLiteral() ast.Expr {
	start := p.start
	p.next()
	o := &ast.EObject{}
	sawProto := false
	base := len(p.propStack)
	for p.tok != TCloseBrace {
		if p.tok == TDotDotDot {
			s := p.start
			p.next()
			v := p.parseAssignCover(false)
			p.propStack = append(p.propStack, ast.Property{Range: rng(s, p.prevEnd), Kind: ast.PropertySpread, Value: v})
			if p.tok == TComma {
				p.noteTrailingCommaAfterRest(o)
			}
		} else {
			prop := p.parseProperty(nil)
			if prop.Kind == ast.PropertyInit && !prop.Computed && !prop.Shorthand && isProtoKey(prop.Key) {
				if sawProto {
					p.setCoverError(int(prop.Key.Start), "Duplicate __proto__ fields are not allowed in object literals")
				}
				sawProto = true
			}
			p.propStack = append(p.propStack, prop)
		}
		if p.tok != TCloseBrace {
			p.expect(TComma)
		}
	}
	o.Props = popList(&p.propStack, base)
	o.CloseBrace = pos(p.start)
	p.next()
	return ast.Expr{Range: rng(start, p.prevEnd), Data: o}
}

// isProtoKey reports whether a non-computed key is "__proto__".
func isProtoKey(k ast.Expr) bool {
	s, ok := k.Data.(*ast.EString)
	if !ok || len(s.Value) != 9 {
		return false
	}
	return utf16String(s.Value) == "__proto__"
}

// propKey is a parsed property name.
type propKey struct {
	key       ast.Expr
	computed  bool
	name      string // static name ("" when computed)
	ident     bool   // written as an IdentifierName
	identTok  T
	escaped   bool
	start     int
	end       int
	isPrivate bool
}

// number, bigint, [computed] or (in classes) #private.
func (p *parser) parsePropertyKey(inClass bool) propKey {
	k := propKey{start: p.start, end: p.end}
	switch {
	case p.tok == TIdentifier || p.tok >= firstKeyword:
		name := p.name
		if p.tok >= firstKeyword {
			name = p.tok.String()
		}
		k.name, k.ident, k.identTok, k.escaped = name, true, p.tok, p.escaped
		k.key = ast.Expr{Range: rng(p.start, p.end), Data: p.strs.set(ast.EString{Value: p.keyString(name)})}
		p.next()
	case p.tok == TString:
		p.checkStrictToken()
		k.name = utf16String(p.str)
		k.key = ast.Expr{Range: rng(p.start, p.end), Data: p.strs.set(ast.EString{Value: p.str, LegacyOctal: p.octal != octalNone})}
		p.next()
	case p.tok == TNumber:
		p.checkStrictToken()
		k.name = ast.NumberToString(p.num)
		k.key = ast.Expr{Range: rng(p.start, p.end), Data: p.nums.set(ast.ENumber{Value: p.num})}
		p.next()
	case p.tok == TBigInt:
		k.name = p.bigint
		k.key = ast.Expr{Range: rng(p.start, p.end), Data: &ast.EBigInt{Digits: p.bigint}}
		p.next()
	case p.tok == TOpenBracket:
		p.next()
		k.key = p.parseAssign(false)
		k.computed = true
		p.expect(TCloseBracket)
	case p.tok == TPrivateName && inClass:
		k.name = p.name
		k.isPrivate = true
		if p.name == "#constructor" {
			if t, _ := p.peek(); t == TOpenParen {
				p.fail(p.start, p.end, "Class constructor may not be a private method")
			}
			p.fail(p.start, p.end, "Classes may not have a field named 'constructor'")
		}
		k.key = ast.Expr{Range: rng(p.start, p.end), Data: &ast.EPrivateName{Name: p.name}}
		p.next()
	default:
		p.unexpected()
	}
	k.end = p.prevEnd
	return k
}

// element. For classes, static has been consumed by the caller.
func (p *parser) parseProperty(cls *classInfo) ast.Property {
	start := p.start
	inClass := cls != nil
	async, generator := false, false
	kind := ast.PropertyInit
	// Modifiers: get, set, async, *. Each is a plain key when followed by
	// `(`, `:`, `,`, `}`, `=` or `;` (or a line break for async).
	if p.tok == TIdentifier && p.escaped && (p.name == "get" || p.name == "set" || p.name == "async" || inClass && p.name == "static") {
		if t, nl := p.peek(); (t == TIdentifier || t >= firstKeyword || t == TString || t == TNumber || t == TBigInt ||
			t == TOpenBracket || t == TPrivateName || t == TStar) && !(nl && p.name == "async") {
			p.fail(p.start, p.end, "Keyword must not contain escaped characters")
		}
	}
	if p.tok == TIdentifier && !p.escaped && (p.name == "get" || p.name == "set" || p.name == "async") {
		t, nl := p.peek()
		isKey := t == TOpenParen || t == TColon || t == TComma || t == TCloseBrace || t == TAssign || t == TSemicolon || t == TEOF
		if inClass && nl && t == TStar && p.name != "async" {
			isKey = true // `get` field, then ASI before `*gen() {}`
		}
		if p.name == "async" && nl {
			isKey = true // `async` alone as a field, then ASI
		}
		if !isKey {
			switch p.name {
			case "get":
				kind = ast.PropertyGet
			case "set":
				kind = ast.PropertySet
			case "async":
				async = true
			}
			p.next()
		}
	}
	if p.tok == TStar {
		if kind != ast.PropertyInit {
			p.unexpected()
		}
		generator = true
		p.next()
	}
	k := p.parsePropertyKey(inClass)
	prop := ast.Property{Key: k.key, Computed: k.computed}
	if kind == ast.PropertyGet || kind == ast.PropertySet || async || generator || p.tok == TOpenParen {
		if kind == ast.PropertyInit {
			kind = ast.PropertyMethod
		}
		prop.Kind = kind
		fkind := ast.FuncMethod
		switch kind {
		case ast.PropertyGet:
			fkind = ast.FuncGetter
		case ast.PropertySet:
			fkind = ast.FuncSetter
		}
		if cls != nil && cls.isConstructorKey(k) {
			switch {
			case kind != ast.PropertyMethod:
				p.fail(k.start, k.end, "Class constructor may not be an accessor")
			case generator:
				p.fail(k.start, k.end, "Class constructor may not be a generator")
			case async:
				p.fail(k.start, k.end, "Class constructor may not be an async method")
			}
			fkind = ast.FuncClassConstructor
		}
		fn := p.parseMethod(start, fkind, async, generator, cls)
		p.nameMethod(fn, k, kind)
		prop.Value = ast.Expr{Range: fn.Range, Data: p.efuncs.set(ast.EFunction{Fn: fn})}
		prop.Range = rng(start, p.prevEnd)
		return prop
	}
	if inClass {
		// A field: `x`, `x = 1`, `[k] = v`, `#p;`.
		prop.Kind = ast.PropertyInit
		if p.eat(TAssign) {
			prop.Value = p.parseFieldInitializer(cls)
			if !k.computed {
				p.nameValue(prop.Value, k.name, false)
			} else {
				p.markComputedName(prop.Value)
			}
		} else {
			// The field is still defined (to undefined) by the
			// class's member initializer.
			p.fieldInitFunc(cls.class, cls.static)
		}
		p.semicolonClassField()
		prop.Range = rng(start, p.prevEnd)
		return prop
	}
	switch {
	case p.tok == TColon:
		p.next()
		prop.Value = p.parseAssignCover(false)
		if !k.computed {
			p.nameValue(prop.Value, k.name, false)
		} else {
			p.markComputedName(prop.Value)
		}
	case k.ident && !k.computed:
		// Shorthand `{a}` or cover-initialized `{a = 1}`.
		if k.identTok != TIdentifier {
			p.failToken(k.identTok, k.start, k.end)
		}
		if k.escaped {
			if kw := keywordKind(k.name); kw != TIdentifier {
				p.fail(k.start, k.end, "Keyword must not contain escaped characters")
			}
		}
		p.checkShorthandRef(k)
		prop.Shorthand = true
		ref := ast.Expr{Range: k.key.Range, Data: p.idents.set(ast.EIdentifier{Name: k.name})}
		if p.tok == TAssign {
			if p.fn.strict && (k.name == "eval" || k.name == "arguments") {
				p.fail(k.start, k.end, "Unexpected eval or arguments in strict mode")
			}
			p.setCoverError(k.start, "Invalid shorthand property initializer")
			p.next()
			value := p.parseAssign(false)
			p.nameValue(value, k.name, false)
			prop.Value = ast.Expr{Range: rng(k.start, p.prevEnd), Data: p.assigns.set(ast.EAssign{
				Op: ast.AssignEq, Target: ast.Binding{Range: k.key.Range, Data: p.bidents.set(ast.BIdentifier{Name: k.name})}, Value: value})}
		} else {
			prop.Value = ref
		}
	default:
		p.unexpected()
	}
	prop.Range = rng(start, p.prevEnd)
	return prop
}

// checkShorthandRef validates a shorthand property as an identifier reference.
func (p *parser) checkShorthandRef(k propKey) {
	if k.name == "let" && p.fn.strict {
		p.fail(k.start, k.end, "Unexpected strict mode reserved word")
	}
	saved := p.escaped
	p.escaped = false
	p.checkIdentifierRef(k.name, k.start, k.end)
	p.escaped = saved
}
