package parser

import (
	"strings"

	"github.com/sonde-js/sonde/engine/ast"
)

// nameValue gives an anonymous function or class definition the name its
// context provides. With inferredOnly (member targets such as `o.f = …`)
// only V8's inferred name is set; otherwise NamedEvaluation applies and
// the name is also the function's `name` property (SpecName).
//
//	let f = function () {}   // SpecName "f"
//	o.f = function () {}     // InferredName "o.f"
func (p *parser) nameValue(value ast.Expr, name string, inferredOnly bool) {
	switch d := value.Data.(type) {
	case *ast.EFunction:
		fn := d.Fn
		if fn.Name != nil || fn.Kind != ast.FuncNormal && fn.Kind != ast.FuncArrow {
			return
		}
		if !inferredOnly && fn.SpecName == "" && !fn.ComputedName {
			fn.SpecName = name
			fn.InferredName = name
		}
		if fn.InferredName == "" {
			fn.InferredName = name
		}
	case *ast.EClass:
		if !inferredOnly && d.Class.Name == nil && d.Class.InferredName == "" {
			d.Class.InferredName = name
			if d.Class.Constructor != nil {
				d.Class.Constructor.SpecName = name
				d.Class.Constructor.InferredName = name
			}
		}
	case *ast.ECond:
		// Not a NamedEvaluation, but V8 infers: `c = x ? function(){} : g`.
		p.nameValue(d.Yes, name, true)
		p.nameValue(d.No, name, true)
	case *ast.EObject:
		// V8's name inferrer has only the enclosing name for a function
		// under a computed key: `var o = { [k]() {} }` is inferred "o"
		// (its `name` is still the key, at run time).
		for i := range d.Props {
			if prop := &d.Props[i]; prop.Computed {
				inferOnly(prop.Value, name)
			}
		}
	case *ast.EArray:
		// `var list = [function () {}]` is inferred "list". V8's inferrer
		// drops the function collected last when it meets an arrow
		// function (it took the arrow's head for a parenthesized
		// expression): in `[function () {}, () => 1]` only the arrow is
		// named.
		var pending []ast.Expr
		for _, item := range d.Items {
			fn, ok := item.Data.(*ast.EFunction)
			if !ok || fn.Fn.Name != nil || fn.Fn.InferredName != "" || item.Start < fn.Fn.Range.Start {
				continue
			}
			if fn.Fn.Kind == ast.FuncArrow && len(pending) > 0 {
				pending = pending[:len(pending)-1]
			}
			pending = append(pending, item)
		}
		for _, item := range pending {
			inferOnly(item, name)
		}
	}
}

// inferOnly sets the inferred name of an anonymous function value that has
// none (no NamedEvaluation: its `name` is unchanged). A parenthesized one
// keeps none: `[(function () {})]` is anonymous in V8.
func inferOnly(value ast.Expr, name string) {
	if d, ok := value.Data.(*ast.EFunction); ok && d.Fn.Name == nil && d.Fn.InferredName == "" && value.Start >= d.Fn.Range.Start {
		d.Fn.InferredName = name
	}
}

// namesFunction reports whether nameValue would name something in value
// (so the member path name is worth building).
func namesFunction(value ast.Expr) bool {
	switch d := value.Data.(type) {
	case *ast.EFunction, *ast.EClass, *ast.EObject, *ast.EArray:
		return true
	case *ast.ECond:
		return namesFunction(d.Yes) || namesFunction(d.No)
	}
	return false
}

// nameMethod names a method or accessor after its key: "m", "get x",
// "set x", "#p"; a computed key is named at run time.
func (p *parser) nameMethod(fn *ast.Function, k propKey, kind ast.PropertyKind) {
	if k.computed {
		fn.ComputedName = true
		return
	}
	name := k.name
	switch kind {
	case ast.PropertyGet:
		name = "get " + name
	case ast.PropertySet:
		name = "set " + name
	}
	fn.SpecName = name
	fn.InferredName = name
}

// markComputedName records that an anonymous function value takes its
// name from a computed key at run time: `{ [k]: () => {} }`.
func (p *parser) markComputedName(value ast.Expr) {
	switch d := value.Data.(type) {
	case *ast.EFunction:
		if d.Fn.Name == nil && (d.Fn.Kind == ast.FuncNormal || d.Fn.Kind == ast.FuncArrow) {
			d.Fn.ComputedName = true
		}
	}
}

// memberPathName builds V8's inferred name for an assignment to a member
// expression: `a.b.c` → "a.b.c", `a["x"]` → "a.x", `a[i]` →
// "a.<computed>", `this.f` → "f" (prefixed by the enclosing function's
// name when it looks like a constructor: `function Foo() { this.f = … }`
// → "Foo.f"). "prototype" is left out, as V8 does.
func (p *parser) memberPathName(e ast.Expr) string {
	var parts []string
	var walk func(e ast.Expr) bool
	walk = func(e ast.Expr) bool {
		switch d := e.Data.(type) {
		case *ast.EIdentifier:
			parts = append(parts, d.Name)
			return true
		case *ast.EThis:
			return true
		case *ast.EDot:
			if !walk(d.Target) {
				return false
			}
			if d.Name != "prototype" {
				parts = append(parts, d.Name)
			}
			return true
		case *ast.EIndex:
			if !walk(d.Target) {
				return false
			}
			if s, ok := d.Index.Data.(*ast.EString); ok && !isArrayIndex(s.Value) {
				name := utf16String(s.Value)
				if name != "prototype" {
					parts = append(parts, name)
				}
			} else {
				parts = append(parts, "<computed>")
			}
			return true
		}
		return false
	}
	if !walk(e) {
		return ""
	}
	if _, isThis := rootOf(e).(*ast.EThis); isThis {
		if encl := p.enclosingConstructorName(); encl != "" {
			parts = append([]string{encl}, parts...)
		}
	}
	return strings.Join(parts, ".")
}

// rootOf returns the innermost target of a member chain.
func rootOf(e ast.Expr) ast.E {
	for {
		switch d := e.Data.(type) {
		case *ast.EDot:
			e = d.Target
		case *ast.EIndex:
			e = d.Target
		default:
			return e.Data
		}
	}
}

// enclosingConstructorName returns the name of the innermost named
// function when it starts with an upper-case letter (V8's heuristic for
// constructor functions).
func (p *parser) enclosingConstructorName() string {
	for f := p.fn; f != nil; f = f.parent {
		if f.arrow {
			continue
		}
		if f.fn.Name != nil {
			n := f.fn.Name.Name
			if n != "" && n[0] >= 'A' && n[0] <= 'Z' {
				return n
			}
		}
		return ""
	}
	return ""
}

// isArrayIndex reports whether s is a canonical array index ("0", "17").
func isArrayIndex(s []uint16) bool {
	if len(s) == 0 || len(s) > 10 || len(s) > 1 && s[0] == '0' {
		return false
	}
	var v uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
		v = v*10 + uint64(c-'0')
	}
	return v < 1<<32-1
}
