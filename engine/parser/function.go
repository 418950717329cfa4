package parser

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/ast"
)

// parseFunction parses `function [*] [name] (params) { body }`; the current
// token is `function` (after `async` when async). start is the offset of
// the first token (`async` or `function`). A declaration (isDecl) needs a
// name unless nameOptional (export default).
func (p *parser) parseFunction(start int, async, isDecl, nameOptional bool) *ast.Function {
	p.expect(TFunction)
	fn := p.funcs.set(ast.Function{Kind: ast.FuncNormal, Async: async, Expression: !isDecl})
	fn.Generator = p.eat(TStar)
	if p.tok == TIdentifier {
		name := p.name
		nstart, nend := p.start, p.end
		if isDecl {
			// The name binds in the enclosing scope: its rules apply.
			p.checkBindingName(name, nstart, nend, false)
		} else {
			// A function expression's name binds in its own scope.
			if name == "yield" && (fn.Generator || p.fn.strict) || name == "await" && (fn.Async || p.opts.Module) {
				if name == "yield" && p.fn.strict {
					p.fail(nstart, nend, "Unexpected strict mode reserved word")
				}
				if name == "await" {
					p.fail(nstart, nend, "Unexpected reserved word")
				}
				p.fail(nstart, nend, fmt.Sprintf("Unexpected identifier '%s'", name))
			}
			if name != "yield" && name != "await" {
				p.checkBindingName(name, nstart, nend, false)
			} else if p.escaped {
				p.fail(nstart, nend, "Keyword must not contain escaped characters")
			} else if name == "yield" && p.fn.strict {
				p.fail(nstart, nend, "Unexpected strict mode reserved word")
			}
		}
		fn.Name = &ast.Ident{Range: rng(nstart, nend), Name: name}
		fn.SpecName = name
		fn.InferredName = name
		p.next()
	} else if isDecl && !nameOptional {
		if p.tok == TOpenParen {
			p.fail(start, p.start, "Function statements require a function name")
		}
		p.unexpected()
	}
	p.parseFunctionRest(fn, start, funcFlags{})
	return fn
}

// funcFlags are the context facts a function body inherits from its syntax.
type funcFlags struct {
	superProp, superCall bool
	class                *ast.Class
}

// newFuncState starts the context of a non-arrow function.
func (p *parser) newFuncState(fn *ast.Function, fl funcFlags) *funcState {
	return p.states.set(funcState{
		parent:    p.fn,
		fn:        fn,
		strict:    p.fn.strict,
		async:     fn.Async,
		generator: fn.Generator,
		returnOK:  true,
		superProp: fl.superProp,
		superCall: fl.superCall,
		newTarget: true,
	})
}

// parseFunctionRest parses the parameters and body of a non-arrow function.
func (p *parser) parseFunctionRest(fn *ast.Function, start int, fl funcFlags) {
	outer := p.fn
	fs := p.newFuncState(fn, fl)
	fn.Class = fl.class
	savedCover, savedArrow, savedAssign := p.coverInit, p.arrowEnd, p.assignStart
	p.coverInit = -1
	p.fn = fs
	fs.inParams = true
	fn.ParamsLoc = pos(p.start)
	fn.Params, fn.SimpleParams = p.parseFormalParams()
	fs.inParams = false
	if fn.Kind == ast.FuncGetter && len(fn.Params) != 0 {
		p.fail(int(fn.ParamsLoc), p.prevEnd, "Getter must not have any formal parameters.")
	}
	if fn.Kind == ast.FuncSetter {
		if len(fn.Params) != 1 {
			p.fail(int(fn.ParamsLoc), p.prevEnd, "Setter must have exactly one formal parameter.")
		}
		if fn.Params[0].Rest {
			p.fail(int(fn.Params[0].Start), int(fn.Params[0].End), "Setter function argument must not be a rest parameter")
		}
	}
	bodyStart := p.start
	if p.tok != TOpenBrace {
		p.unexpected()
	}
	p.next()
	fn.Body = p.parseBody(TCloseBrace)
	fn.BodyRange = rng(bodyStart, p.end)
	p.next()
	fn.Strict = fs.strict
	fn.Range = rng(start, p.prevEnd)
	if fs.strict && !outer.strict && fn.Name != nil {
		n := fn.Name
		if n.Name == "eval" || n.Name == "arguments" {
			p.fail(int(n.Start), int(n.End), "Unexpected eval or arguments in strict mode")
		}
		if isStrictReserved(n.Name) {
			p.fail(int(n.Start), int(n.End), "Unexpected strict mode reserved word")
		}
	}
	p.checkParams(fn, fs.strict, fs.strict && !outer.strict)
	p.fn = outer
	p.coverInit, p.arrowEnd, p.assignStart = savedCover, savedArrow, savedAssign
}

// parseFormalParams parses `( params )`; it reports whether all are
// simple identifiers.
func (p *parser) parseFormalParams() ([]ast.Param, bool) {
	p.expect(TOpenParen)
	var params []ast.Param
	simple := true
	for p.tok != TCloseParen {
		start := p.start
		if p.eat(TDotDotDot) {
			target := p.parseBindingTarget(ast.VarVar)
			if p.tok == TAssign {
				p.fail(p.start, p.end, "Rest parameter may not have a default initializer")
			}
			if p.tok != TCloseParen {
				p.fail(start, p.prevEnd, "Rest parameter must be last formal parameter")
			}
			params = append(params, ast.Param{Range: rng(start, p.prevEnd), Target: target, Rest: true})
			simple = false
			break
		}
		target := p.parseBindingTarget(ast.VarVar)
		prm := ast.Param{Target: target}
		if _, ok := target.Data.(*ast.BIdentifier); !ok {
			simple = false
		}
		if p.eat(TAssign) {
			prm.Default = p.parseAssign(false)
			p.nameBindingDefault(target, prm.Default)
			simple = false
		}
		prm.Range = rng(start, p.prevEnd)
		params = append(params, prm)
		if p.tok != TCloseParen {
			p.expect(TComma)
		}
	}
	p.next()
	return params, simple
}

// checkParams rejects duplicate parameter names where they are not
// allowed, and (when the body made the function strict) names strict
// mode forbids.
func (p *parser) checkParams(fn *ast.Function, strict, recheck bool) {
	allowDup := !strict && fn.SimpleParams && fn.Kind == ast.FuncNormal
	if allowDup && !recheck {
		return
	}
	if fn.SimpleParams {
		// Fast path: plain identifiers.
		for i, prm := range fn.Params {
			id := prm.Target.Data.(*ast.BIdentifier)
			p.checkParamName(id.Name, prm.Target.Range, recheck)
			if !allowDup {
				for _, q := range fn.Params[:i] {
					if q.Target.Data.(*ast.BIdentifier).Name == id.Name {
						p.fail(int(prm.Target.Start), int(prm.Target.End), "Duplicate parameter name not allowed in this context")
					}
				}
			}
		}
		return
	}
	var seen []string
	for _, prm := range fn.Params {
		forEachBoundName(prm.Target, func(name string, r ast.Range) {
			p.checkParamName(name, r, recheck)
			if !allowDup {
				for _, s := range seen {
					if s == name {
						p.fail(int(r.Start), int(r.End), "Duplicate parameter name not allowed in this context")
					}
				}
			}
			seen = append(seen, name)
		})
	}
}

// checkParamName applies the strict-mode name rules to a parameter when
// the function's own "use strict" made it strict after the parameters
// were parsed.
func (p *parser) checkParamName(name string, r ast.Range, recheck bool) {
	if !recheck {
		return
	}
	if name == "eval" || name == "arguments" {
		p.fail(int(r.Start), int(r.End), "Unexpected eval or arguments in strict mode")
	}
	if isStrictReserved(name) {
		p.fail(int(r.Start), int(r.End), "Unexpected strict mode reserved word")
	}
}

// arrowFromIdentifier parses `x => body` (or `async x => body`) once the
// identifier has been parsed as id and the current token is `=>`.
func (p *parser) arrowFromIdentifier(start int, id ast.Expr, async bool) ast.Expr {
	name := id.Data.(*ast.EIdentifier).Name
	p.checkBindingNameAt(name, int(id.Start), int(id.End))
	if async && name == "await" {
		p.fail(int(id.Start), int(id.End), "Unexpected reserved word")
	}
	params := []ast.Param{{Range: id.Range, Target: ast.Binding{Range: id.Range, Data: p.bidents.set(ast.BIdentifier{Name: name})}}}
	return p.parseArrowBody(start, params, async, int(id.Start))
}

// parseArrowBody parses `=> body` for an arrow whose parameters are known.
// start is the arrow's first offset and paramsLoc the offset of its
// parameter list.
func (p *parser) parseArrowBody(start int, params []ast.Param, async bool, paramsLoc int) ast.Expr {
	if start != p.assignStart {
		if p.assignStart == -2 {
			p.unexpected()
		}
		p.fail(start, p.end, "Malformed arrow function parameter list")
	}
	p.expect(TArrow)
	outer := p.fn
	fn := p.funcs.set(ast.Function{Kind: ast.FuncArrow, Async: async, Expression: true, Params: params, ParamsLoc: pos(paramsLoc)})
	fn.SimpleParams = true
	for _, prm := range params {
		if _, ok := prm.Target.Data.(*ast.BIdentifier); !ok || prm.Default.Data != nil || prm.Rest {
			fn.SimpleParams = false
		}
	}
	fs := p.states.set(funcState{
		parent:    outer,
		fn:        fn,
		strict:    outer.strict,
		async:     async,
		arrow:     true,
		returnOK:  true,
		superProp: outer.superProp,
		superCall: outer.superCall,
		newTarget: outer.newTarget,
	})
	savedCover, savedAssign := p.coverInit, p.assignStart
	p.coverInit = -1
	p.fn = fs
	if p.tok == TOpenBrace {
		bodyStart := p.start
		p.next()
		fn.Body = p.parseBody(TCloseBrace)
		fn.BodyRange = rng(bodyStart, p.end)
		p.next()
	} else {
		e := p.parseAssign(false)
		fn.Body = []ast.Stmt{{Range: e.Range, Data: p.rets.set(ast.SReturn{Value: e})}}
		fn.ExprBody = true
		fn.BodyRange = e.Range
	}
	fn.Strict = fs.strict
	fn.Range = rng(start, p.prevEnd)
	p.checkParams(fn, true, fs.strict && !outer.strict)
	p.fn = outer
	p.coverInit, p.assignStart = savedCover, savedAssign
	p.arrowEnd = p.prevEnd
	return ast.Expr{Range: fn.Range, Data: p.efuncs.set(ast.EFunction{Fn: fn})}
}

// parseMethod parses the parameters and body of an object literal method,
// accessor, class method or constructor. start is the offset of the
// method's first token (get/set/async/`*` or the key).
func (p *parser) parseMethod(start int, kind ast.FuncKind, async, generator bool, cls *classInfo) *ast.Function {
	fn := p.funcs.set(ast.Function{Kind: kind, Async: async, Generator: generator, Expression: true})
	fl := funcFlags{superProp: true}
	if cls != nil {
		fl.class = cls.class
		if kind == ast.FuncClassConstructor && cls.class.Extends.Data != nil {
			fn.Derived = true
			fl.superCall = true
		}
	}
	if p.tok != TOpenParen {
		p.unexpected()
	}
	p.parseFunctionRest(fn, start, fl)
	return fn
}

// classInfo is the state of the class body being parsed.
type classInfo struct {
	class    *ast.Class
	static   bool // the member being parsed is static
	hasCtor  bool
	privates map[string]uint8 // declared private names → privGetter|privSetter|privOther|privStatic
	usedPriv []privateUse
}

// Private name declaration kinds, combined as bits.
const (
	privGetter = 1 << iota
	privSetter
	privOther
	privStatic
)

// isConstructorKey reports whether k names the class constructor (a
// non-static, non-computed "constructor" key).
func (c *classInfo) isConstructorKey(k propKey) bool {
	return !c.static && !k.computed && !k.isPrivate && k.name == "constructor" && (k.ident || isStringKey(k.key))
}

func isStringKey(e ast.Expr) bool {
	_, ok := e.Data.(*ast.EString)
	return ok
}

// parseClass parses a class declaration or expression; the current token
// is `class`.
func (p *parser) parseClass(isDecl, nameOptional bool) *ast.Class {
	start := p.start
	p.expect(TClass)
	outerStrict := p.fn.strict
	p.fn.strict = true
	c := &ast.Class{}
	if p.tok == TIdentifier {
		name := p.name
		p.checkBindingName(name, p.start, p.end, true)
		c.Name = &ast.Ident{Range: rng(p.start, p.end), Name: name}
		c.InferredName = name
		p.next()
	} else if isDecl && !nameOptional {
		p.unexpected()
	}
	if p.eat(TExtends) {
		hstart := p.start
		savedAssign := p.assignStart
		p.assignStart = -2 // no arrow function may start in a heritage
		h := p.parseLeftHandSide()
		p.assignStart = savedAssign
		if p.isBareArrow(h) {
			p.fail(hstart, p.prevEnd, "Unexpected token '=>'")
		}
		c.Extends = h
	}
	c.BodyLoc = pos(p.start)
	p.expect(TOpenBrace)
	info := &classInfo{class: c, privates: map[string]uint8{}}
	p.classes = append(p.classes, info)
	base := len(p.propStack)
	for p.tok != TCloseBrace {
		if p.eat(TSemicolon) {
			continue
		}
		p.parseClassMember(c, info)
	}
	c.Members = popList(&p.propStack, base)
	end := p.end
	p.next()
	c.Range = rng(start, end)
	if c.InstanceInit != nil {
		c.InstanceInit.Range = c.Range
		c.InstanceInit.BodyRange = c.Range
	}
	if c.StaticInit != nil {
		c.StaticInit.Range = c.Range
		c.StaticInit.BodyRange = c.Range
	}
	p.classes = p.classes[:len(p.classes)-1]
	// Private names used but not declared here must be declared by an
	// enclosing class.
	for _, u := range info.usedPriv {
		if _, ok := info.privates[u.name]; ok {
			continue
		}
		if len(p.classes) > 0 {
			outer := p.classes[len(p.classes)-1]
			outer.usedPriv = append(outer.usedPriv, u)
			continue
		}
		if p.outerPrivate(u.name) {
			continue
		}
		p.fail(u.pos, u.pos+1, fmt.Sprintf("Private field '%s' must be declared in an enclosing class", u.name))
	}
	p.fn.strict = outerStrict
	return c
}

// usePrivate records a reference to a private name, which must be
// declared by an enclosing class.
func (p *parser) usePrivate(name string, start, end int) {
	if len(p.classes) == 0 {
		if p.outerPrivate(name) {
			return
		}
		p.fail(start, end, fmt.Sprintf("Private field '%s' must be declared in an enclosing class", name))
	}
	info := p.classes[len(p.classes)-1]
	info.usedPriv = append(info.usedPriv, privateUse{name: name, pos: start})
}

// parseClassMember parses one class element into c.Members.
func (p *parser) parseClassMember(c *ast.Class, info *classInfo) {
	start := p.start
	info.static = false
	if p.isWord("static") {
		t, _ := p.peek()
		switch t {
		case TOpenParen, TAssign, TSemicolon, TCloseBrace:
			// A member named static.
		case TOpenBrace:
			p.next()
			p.parseStaticBlock(c, start)
			return
		default:
			info.static = true
			p.next()
		}
	}
	prop := p.parseProperty(info)
	prop.Static = info.static
	prop.Range.Start = pos(start)
	keyName, isPrivate := "", false
	if !prop.Computed {
		switch k := prop.Key.Data.(type) {
		case *ast.EString:
			keyName = utf16String(k.Value)
		case *ast.EPrivateName:
			keyName, isPrivate = k.Name, true
		}
	}
	var fn *ast.Function
	if f, ok := prop.Value.Data.(*ast.EFunction); ok && prop.Kind != ast.PropertyInit {
		fn = f.Fn
	}
	switch {
	case fn != nil && fn.Kind == ast.FuncClassConstructor:
		if info.hasCtor {
			p.fail(int(prop.Key.Start), int(prop.Key.End), "A class may only have one constructor")
		}
		info.hasCtor = true
		prop.Kind = ast.PropertyConstructor
		c.Constructor = fn
		fn.InferredName = c.InferredName
		fn.SpecName = c.InferredName
	case !isPrivate && keyName == "constructor" && !info.static && !prop.Computed:
		switch prop.Kind {
		case ast.PropertyGet, ast.PropertySet:
			p.fail(int(prop.Key.Start), int(prop.Key.End), "Class constructor may not be an accessor")
		case ast.PropertyInit:
			p.fail(int(prop.Key.Start), int(prop.Key.End), "Classes may not have a field named 'constructor'")
		}
		if fn != nil && fn.Generator {
			p.fail(int(prop.Key.Start), int(prop.Key.End), "Class constructor may not be a generator")
		}
		if fn != nil && fn.Async {
			p.fail(int(prop.Key.Start), int(prop.Key.End), "Class constructor may not be an async method")
		}
	case info.static && !isPrivate && keyName == "prototype" && !prop.Computed:
		p.fail(int(prop.Key.Start), int(prop.Key.End), "Classes may not have a static property named 'prototype'")
	case !isPrivate && keyName == "constructor" && prop.Kind == ast.PropertyInit && !prop.Computed:
		p.fail(int(prop.Key.Start), int(prop.Key.End), "Classes may not have a field named 'constructor'")
	}
	if isPrivate {
		bits := uint8(privOther)
		switch prop.Kind {
		case ast.PropertyGet:
			bits = privGetter
		case ast.PropertySet:
			bits = privSetter
		}
		if info.static {
			bits |= privStatic
		}
		if old, ok := info.privates[keyName]; ok {
			accessorPair := (old&^privStatic == privGetter && bits&^privStatic == privSetter ||
				old&^privStatic == privSetter && bits&^privStatic == privGetter) && old&privStatic == bits&privStatic
			if !accessorPair {
				p.fail(int(prop.Key.Start), int(prop.Key.End), fmt.Sprintf("Identifier '%s' has already been declared", keyName))
			}
			bits |= old
		}
		info.privates[keyName] = bits
	}
	p.propStack = append(p.propStack, prop)
}

// fieldInitFunc returns (creating it) the synthetic function that runs
// the class's instance or static field initializers.
func (p *parser) fieldInitFunc(c *ast.Class, static bool) *ast.Function {
	if static {
		if c.StaticInit == nil {
			c.StaticInit = p.funcs.set(ast.Function{Kind: ast.FuncClassFieldInit, Strict: true, SimpleParams: true, Class: c,
				InferredName: "<static_initializer>"})
		}
		return c.StaticInit
	}
	if c.InstanceInit == nil {
		c.InstanceInit = p.funcs.set(ast.Function{Kind: ast.FuncClassFieldInit, Strict: true, SimpleParams: true, Class: c,
			InferredName: "<instance_members_initializer>"})
	}
	return c.InstanceInit
}

// parseFieldInitializer parses a class field's initializer expression in
// the context of the class's member-initializer function.
func (p *parser) parseFieldInitializer(info *classInfo) ast.Expr {
	fn := p.fieldInitFunc(info.class, info.static)
	outer := p.fn
	fs := p.states.set(funcState{
		parent:        outer,
		fn:            fn,
		strict:        true,
		superProp:     true,
		newTarget:     true,
		noArguments:   true,
		awaitReserved: outer.awaitReserved || outer.async || outer.module || outer.staticBlock,
	})
	savedCover, savedArrow, savedAssign := p.coverInit, p.arrowEnd, p.assignStart
	p.coverInit = -1
	p.fn = fs
	e := p.parseAssign(false)
	p.fn = outer
	p.coverInit, p.arrowEnd, p.assignStart = savedCover, savedArrow, savedAssign
	return e
}

// semicolonClassField ends a field definition: `;`, or ASI before a line
// break or `}`.
func (p *parser) semicolonClassField() {
	switch {
	case p.tok == TSemicolon:
		p.next()
	case p.tok == TCloseBrace || p.nlBefore:
	default:
		p.unexpected()
	}
}

// parseStaticBlock parses `static { ... }` (current token `{`).
func (p *parser) parseStaticBlock(c *ast.Class, start int) {
	fn := p.fieldInitFunc(c, true)
	outer := p.fn
	fs := p.states.set(funcState{
		parent:        outer,
		fn:            fn,
		strict:        true,
		superProp:     true,
		newTarget:     true,
		noArguments:   true,
		staticBlock:   true,
		awaitReserved: true,
	})
	savedCover, savedArrow, savedAssign := p.coverInit, p.arrowEnd, p.assignStart
	p.coverInit = -1
	p.fn = fs
	b := p.parseBlock()
	p.fn = outer
	p.coverInit, p.arrowEnd, p.assignStart = savedCover, savedArrow, savedAssign
	p.propStack = append(p.propStack, ast.Property{Range: rng(start, p.prevEnd), Kind: ast.PropertyStaticBlock, Static: true, Block: &b})
}

// outerPrivate reports whether direct eval code's caller is in a class
// that declares the private name.
func (p *parser) outerPrivate(name string) bool {
	for s := p.opts.Outer; s != nil; s = s.Parent {
		if v := s.Lookup(name); v != nil && v.Kind == ast.DeclPrivate {
			return true
		}
	}
	return false
}
