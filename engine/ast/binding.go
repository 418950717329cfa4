package ast

// A BIdentifier node represents a name bound or assigned: `x` in
// `let x`, `function f(x)`, `[x] = y`, `x += 1`.
type BIdentifier struct {
	Name string
	// Var is the variable declared or assigned, filled by scope analysis;
	// nil when an assignment target is unresolved (a global).
	Var *Variable
}

// An ArrayItem is one element of an array pattern: a target with an
// optional default, `a = 1` in `[a = 1, , b]`.
type ArrayItem struct {
	// Target is the element's target; or none for an elision.
	Target Binding
	// Default is the default value; or none.
	Default Expr
}

// A BArray node represents an array pattern `[a, , [b] = c, ...rest]`.
type BArray struct {
	Items []ArrayItem
	// Rest is the `...rest` target; or none.
	Rest Binding
}

// A PropertyBinding is one property of an object pattern:
// `a`, `a = 1`, `a: b`, `"k": [c]`, `[key]: d = 2`.
type PropertyBinding struct {
	Range
	// Key is an EString, ENumber or EBigInt, or any expression when Computed.
	Key      Expr
	Computed bool
	// Shorthand marks `{a}` and `{a = 1}`: Target is BIdentifier a.
	Shorthand bool
	Target    Binding
	// Default is the default value; or none.
	Default Expr
}

// A BObject node represents an object pattern `{a, b: c = 1, ...rest}`.
type BObject struct {
	Props []PropertyBinding
	// Rest is the `...rest` target; or none. In binding patterns it is a
	// BIdentifier; in assignment patterns it may be a BMember.
	Rest Binding
}

// A BMember node represents a member-expression target inside an
// assignment (never a declaration): `o.p` in `[o.p] = a`, `o[k] = v`,
// `o.#x += 1`. Value is an EDot or EIndex (never optional) — or, in
// sloppy code only, an ECall: Annex B's web-compatible `f() = 1`,
// `f()++`, `for (f() in o)`, which call f and then throw a ReferenceError.
type BMember struct {
	Value Expr
}

// EachIdentifier calls fn, in source order, with every identifier a
// pattern binds or assigns and the identifier's range; identifiers inside
// its defaults, computed keys and member targets are not visited.
func EachIdentifier(b Binding, fn func(id *BIdentifier, r Range)) {
	switch d := b.Data.(type) {
	case *BIdentifier:
		fn(d, b.Range)
	case *BArray:
		for _, it := range d.Items {
			EachIdentifier(it.Target, fn)
		}
		EachIdentifier(d.Rest, fn)
	case *BObject:
		for _, p := range d.Props {
			EachIdentifier(p.Target, fn)
		}
		EachIdentifier(d.Rest, fn)
	}
}

func (*BIdentifier) isBinding() {}
func (*BArray) isBinding()      {}
func (*BObject) isBinding()     {}
func (*BMember) isBinding()     {}
