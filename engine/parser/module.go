package parser

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/ast"
)

// parseImport parses an import declaration (current token `import`).
func (p *parser) parseImport() ast.Stmt {
	start := p.start
	p.next()
	s := &ast.SImport{}
	if p.tok == TString {
		s.Source = p.parseModuleSpecifier()
		s.Attributes = p.parseWithClause()
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
	}
	if p.tok == TIdentifier {
		// Default import.
		local := p.parseImportLocal()
		s.Specifiers = append(s.Specifiers, ast.ImportSpecifier{Range: local.Range, Kind: ast.ImportDefault, Imported: "default", Local: local})
		if !p.eat(TComma) {
			goto from
		}
	}
	switch p.tok {
	case TStar:
		sstart := p.start
		p.next()
		if !p.isWord("as") {
			p.unexpected()
		}
		p.next()
		local := p.parseImportLocal()
		s.Specifiers = append(s.Specifiers, ast.ImportSpecifier{Range: rng(sstart, p.prevEnd), Kind: ast.ImportNamespace, Imported: "*", Local: local})
	case TOpenBrace:
		p.next()
		for p.tok != TCloseBrace {
			sstart := p.start
			name, isString, nstart, nend := p.parseModuleExportName()
			var local ast.Ident
			if p.isWord("as") {
				p.next()
				local = p.parseImportLocal()
			} else {
				if isString {
					p.unexpected()
				}
				if kw := keywordKind(name); kw != TIdentifier {
					p.failToken(kw, nstart, nend)
				}
				p.checkBindingName(name, nstart, nend, true)
				local = ast.Ident{Range: rng(nstart, nend), Name: name}
			}
			s.Specifiers = append(s.Specifiers, ast.ImportSpecifier{Range: rng(sstart, p.prevEnd), Kind: ast.ImportNamed, Imported: name, Local: local})
			if p.tok != TCloseBrace {
				p.expect(TComma)
			}
		}
		p.next()
	default:
		p.unexpected()
	}
from:
	if !p.isWord("from") {
		p.unexpected()
	}
	p.next()
	s.Source = p.parseModuleSpecifier()
	s.Attributes = p.parseWithClause()
	p.checkExportNames()
	p.semicolon()
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
}

// parseImportLocal parses the local binding name of an import.
func (p *parser) parseImportLocal() ast.Ident {
	if p.tok != TIdentifier {
		p.unexpected()
	}
	name := p.name
	p.checkBindingName(name, p.start, p.end, true)
	id := ast.Ident{Range: rng(p.start, p.end), Name: name}
	p.next()
	return id
}

// parseWithClause parses an optional `with { key: "value", … }` after a
// module specifier (import attributes; keys are identifier names or
// strings, values strings, no key twice).
func (p *parser) parseWithClause() map[string]string {
	if p.tok != TWith {
		return nil
	}
	p.next()
	p.expect(TOpenBrace)
	attrs := map[string]string{}
	for p.tok != TCloseBrace {
		var key string
		kstart, kend := p.start, p.end
		switch {
		case p.tok == TString:
			key = utf16String(p.str)
		case p.tok == TIdentifier:
			key = p.name
		case p.tok >= firstKeyword:
			key = p.tok.String()
		default:
			p.unexpected()
		}
		p.next()
		p.expect(TColon)
		if p.tok != TString {
			p.unexpected()
		}
		if _, dup := attrs[key]; dup {
			p.fail(kstart, kend, "Import attribute has duplicate key '"+key+"'")
		}
		attrs[key] = utf16String(p.str)
		p.next()
		if p.tok != TCloseBrace {
			p.expect(TComma)
		}
	}
	p.next()
	return attrs
}

// parseModuleSpecifier parses the string after `from`.
func (p *parser) parseModuleSpecifier() string {
	if p.tok != TString {
		p.unexpected()
	}
	s := utf16String(p.str)
	p.next()
	return s
}

// parseModuleExportName parses an IdentifierName or a string literal
// (which must be well-formed Unicode) naming an export.
func (p *parser) parseModuleExportName() (name string, isString bool, start, end int) {
	start, end = p.start, p.end
	switch {
	case p.tok == TString:
		if !wellFormed(p.str) {
			p.fail(start, end, "Invalid module export name: contains unpaired surrogate")
		}
		name, isString = utf16String(p.str), true
	case p.tok == TIdentifier:
		name = p.name
	case p.tok >= firstKeyword:
		name = p.tok.String()
	default:
		p.unexpected()
	}
	p.next()
	return
}

// checkExportNames reports a string export name with a lone surrogate.
func (p *parser) checkExportNames() {
	if p.badExportName >= 0 {
		p.fail(p.badExportName, p.badExportName+1, "Invalid module export name: contains unpaired surrogate")
	}
}

// addExport records an exported name, rejecting duplicates.
func (p *parser) addExport(name string, start, end int) {
	if p.exports == nil {
		p.exports = make(map[string]bool)
	}
	if p.exports[name] {
		p.fail(start, end, fmt.Sprintf("Duplicate export of '%s'", name))
	}
	p.exports[name] = true
}

// parseExport parses an export declaration (current token `export`).
func (p *parser) parseExport() ast.Stmt {
	start := p.start
	p.next()
	switch p.tok {
	case TStar:
		p.next()
		s := &ast.SExportAll{}
		if p.isWord("as") {
			p.next()
			name, _, nstart, nend := p.parseModuleExportName()
			p.addExport(name, nstart, nend)
			s.Exported = &ast.Ident{Range: rng(nstart, nend), Name: name}
		}
		if !p.isWord("from") {
			p.unexpected()
		}
		p.next()
		s.Source = p.parseModuleSpecifier()
		s.Attributes = p.parseWithClause()
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
	case TOpenBrace:
		p.next()
		s := &ast.SExportNamed{}
		var reservedLocal, stringLocal = -1, -1
		for p.tok != TCloseBrace {
			sstart := p.start
			localName, isString, lstart, lend := p.parseModuleExportName()
			if isString && stringLocal < 0 {
				stringLocal = lstart
			}
			if !isString && keywordKind(localName) != TIdentifier && reservedLocal < 0 {
				reservedLocal = lstart
			}
			local := ast.Ident{Range: rng(lstart, lend), Name: localName}
			exported := local
			if p.isWord("as") {
				p.next()
				name, _, nstart, nend := p.parseModuleExportName()
				exported = ast.Ident{Range: rng(nstart, nend), Name: name}
			}
			p.addExport(exported.Name, int(exported.Start), int(exported.End))
			s.Specifiers = append(s.Specifiers, ast.ExportSpecifier{Range: rng(sstart, p.prevEnd), Local: local, Exported: exported})
			if p.tok != TCloseBrace {
				p.expect(TComma)
			}
		}
		p.next()
		if p.isWord("from") {
			p.next()
			s.Source = p.parseModuleSpecifier()
			s.Attributes = p.parseWithClause()
			s.HasSource = true
		} else {
			if stringLocal >= 0 {
				p.fail(stringLocal, stringLocal+1, "String literal module export names must be followed by a 'from' clause")
			}
			if reservedLocal >= 0 {
				p.fail(reservedLocal, reservedLocal+1, "Unexpected reserved word")
			}
			for _, sp := range s.Specifiers {
				n := sp.Local.Name
				if isStrictReserved(n) || n == "await" {
					p.fail(int(sp.Local.Start), int(sp.Local.End), "Unexpected reserved word")
				}
			}
		}
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
	case TDefault:
		p.addExport("default", p.start, p.end)
		p.next()
		s := &ast.SExportDefault{}
		dstart := p.start
		switch {
		case p.tok == TFunction:
			fn := p.parseFunction(dstart, false, true, true)
			p.nameDefault(fn)
			s.Decl = ast.Stmt{Range: fn.Range, Data: &ast.SFunction{Fn: fn}}
		case p.isWord("async") && p.peekIsFunctionSameLine():
			p.next()
			fn := p.parseFunction(dstart, true, true, true)
			p.nameDefault(fn)
			s.Decl = ast.Stmt{Range: fn.Range, Data: &ast.SFunction{Fn: fn}}
		case p.tok == TClass:
			c := p.parseClass(true, true)
			if c.Name == nil {
				c.InferredName = "default"
			}
			s.Decl = ast.Stmt{Range: c.Range, Data: &ast.SClass{Class: c}}
		default:
			s.Value = p.parseAssign(false)
			p.nameValue(s.Value, "default", false)
			p.semicolon()
		}
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
	case TVar, TConst:
		kind := ast.VarVar
		if p.tok == TConst {
			kind = ast.VarConst
		}
		dstart := p.start
		p.next()
		d := p.parseVarDecls(kind, false, false)
		p.semicolon()
		p.exportDeclNames(d)
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SExportDecl{Decl: ast.Stmt{Range: rng(dstart, p.prevEnd), Data: d}}}
	case TFunction:
		fn := p.parseFunction(p.start, false, true, false)
		p.addExport(fn.Name.Name, int(fn.Name.Start), int(fn.Name.End))
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SExportDecl{Decl: ast.Stmt{Range: fn.Range, Data: &ast.SFunction{Fn: fn}}}}
	case TClass:
		c := p.parseClass(true, false)
		p.addExport(c.Name.Name, int(c.Name.Start), int(c.Name.End))
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SExportDecl{Decl: ast.Stmt{Range: c.Range, Data: &ast.SClass{Class: c}}}}
	case TIdentifier:
		if p.isWord("let") {
			dstart := p.start
			p.next()
			d := p.parseVarDecls(ast.VarLet, false, false)
			p.semicolon()
			p.exportDeclNames(d)
			return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SExportDecl{Decl: ast.Stmt{Range: rng(dstart, p.prevEnd), Data: d}}}
		}
		if p.isWord("async") && p.peekIsFunctionSameLine() {
			fstart := p.start
			p.next()
			fn := p.parseFunction(fstart, true, true, false)
			p.addExport(fn.Name.Name, int(fn.Name.Start), int(fn.Name.End))
			return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SExportDecl{Decl: ast.Stmt{Range: fn.Range, Data: &ast.SFunction{Fn: fn}}}}
		}
	}
	p.unexpected()
	return ast.Stmt{}
}

// peekIsFunctionSameLine reports whether `function` follows on the same line.
func (p *parser) peekIsFunctionSameLine() bool {
	t, nl := p.peek()
	return t == TFunction && !nl
}

// nameDefault names an anonymous default-exported function "default".
func (p *parser) nameDefault(fn *ast.Function) {
	if fn.Name == nil {
		fn.SpecName = "default"
		fn.InferredName = "default"
	}
}

// exportDeclNames records the names an exported declaration exports.
func (p *parser) exportDeclNames(d *ast.SVarDecl) {
	for _, decl := range d.Decls {
		forEachBoundName(decl.Target, func(name string, r ast.Range) {
			p.addExport(name, int(r.Start), int(r.End))
		})
	}
}
