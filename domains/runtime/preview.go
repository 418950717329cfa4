package runtime

import (
	"strconv"
	"unicode/utf16"

	"github.com/mailru/easyjson/jwriter"

	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// V8's preview limits: properties of an object, indexes of an array,
// entries of a collection, and the length of a string shown.
const (
	previewProperties = 5
	previewIndexes    = 100
	previewEntries    = 5
	maxShortString    = 100
)

// preview is V8's ObjectPreview of an object. Top-level previews list
// Map/Set entries; entry previews (top false) do not nest further.
func (m mirror) preview(obj heap.Handle, top bool) rt.ObjectPreview {
	in := m.in
	r := m.describe(obj.Value())
	p := rt.ObjectPreview{Type: rt.ObjectPreviewType(r.Type), Description: r.Description, Properties: []rt.PropertyPreview{}}
	if r.Subtype != nil {
		s := rt.ObjectPreviewSubtype(*r.Subtype)
		p.Subtype = &s
	}
	if in.IsProxy(obj.Value()) {
		// A proxy's preview is its target's (no trap runs).
		t := in.ProxyTarget(obj.Value())
		if !in.IsObject(t) {
			return p
		}
		tp := m.preview(in.Handle(t), top)
		tp.Type, tp.Subtype, tp.Description = p.Type, p.Subtype, p.Description
		return tp
	}
	isArray := in.IsArray(obj.Value())
	arrayLike := in.IsTypedArray(obj.Value()) || in.IsArgumentsObject(obj.Value())
	// V8 limits indices and other names separately (and stops at the
	// first property past its limit).
	names, indexes := previewProperties, previewIndexes
	if !isArray && !in.IsTypedArray(obj.Value()) {
		indexes = previewProperties
	}
	add := func(pp rt.PropertyPreview) bool {
		left := &names
		if isIndex(pp.Name) {
			left = &indexes
		}
		if *left <= 0 || p.Overflow {
			p.Overflow = true
			return false
		}
		*left--
		p.Properties = append(p.Properties, pp)
		return true
	}
	if pv, ok := in.PrimitiveValue(obj.Value()); ok {
		add(m.propertyPreview("[[PrimitiveValue]]", in.Handle(pv)))
	}
	if in.IsPromise(obj.Value()) {
		state, result := in.PromiseInfo(obj.Value())
		rh := in.Handle(result) // before the allocations below
		add(m.propertyPreview("[[PromiseState]]", in.Handle(in.StringValue(promiseStateName(state)))))
		add(m.propertyPreview("[[PromiseResult]]", rh))
	}
	if g, ok := in.GeneratorInfo(obj.Value()); ok {
		add(m.propertyPreview("[[GeneratorState]]", in.Handle(in.StringValue(g.State))))
	}
	if t, ok := in.WeakRefTarget(obj.Value()); ok {
		add(m.propertyPreview("[[WeakRefTarget]]", in.Handle(t)))
	}
	kind := builtins.KindOf(in, obj.Value())
	if kind.Subtype == "map" || kind.Subtype == "set" {
		add(m.propertyPreview("size", in.Handle(in.NewNumber(float64(kind.Size)))))
	}
	boxedString := false
	if pv, ok := in.PrimitiveValue(obj.Value()); ok && in.IsString(pv) {
		boxedString = true
	}
	var symbols []rt.PropertyPreview
	for _, prop := range inspectorOrder(builtins.OwnPropertyMirrors(in, obj)) {
		// V8 previews non-enumerable own properties too, but not the
		// length of array-likes and string wrappers.
		if (isArray || arrayLike || boxedString) && prop.Name == "length" && prop.Symbol.IsNil() {
			continue
		}
		if boxedString && isIndex(prop.Name) {
			continue
		}
		var pp rt.PropertyPreview
		if prop.Accessor {
			pp = rt.PropertyPreview{Name: prop.Name, Type: rt.PropertyPreviewTypeAccessor}
		} else {
			pp = m.propertyPreview(prop.Name, prop.Value)
		}
		if !prop.Symbol.IsNil() {
			symbols = append(symbols, pp)
			continue
		}
		if !add(pp) {
			break
		}
	}
	var nativeSymbols []rt.PropertyPreview
	for _, na := range m.nativeAccessors(obj) {
		pp := m.propertyPreview(na.name, na.value)
		if na.symbol {
			nativeSymbols = append(nativeSymbols, pp)
			continue
		}
		add(pp)
	}
	for _, pp := range append(symbols, nativeSymbols...) {
		if !add(pp) {
			break
		}
	}
	if !top && (kind.Subtype == "map" || kind.Subtype == "set") && kind.Size > 0 {
		// A nested collection's entries are not shown.
		p.Overflow = true
	}
	if it, ok := builtins.CollectionIterator(in, obj.Value()); ok && top {
		p.Entries = []rt.EntryPreview{}
		for i := range it.Values {
			if i >= previewEntries {
				p.Overflow = true
				break
			}
			e := rt.EntryPreview{Value: m.valuePreview(it.Values[i])}
			if it.IsMap && it.Kind == "entries" {
				k := m.valuePreview(it.Keys[i])
				e.Key = &k
			}
			p.Entries = append(p.Entries, e)
		}
	}
	if top && isCollection(kind.Subtype) {
		keys, values := builtins.CollectionEntries(in, obj.Value())
		p.Entries = []rt.EntryPreview{}
		for i := range values {
			if i >= previewEntries {
				p.Overflow = true
				break
			}
			e := rt.EntryPreview{Value: m.valuePreview(values[i])}
			if kind.Subtype == "map" || kind.Subtype == "weakmap" {
				k := m.valuePreview(keys[i])
				e.Key = &k
			}
			p.Entries = append(p.Entries, e)
		}
	}
	return p
}

// isCollection reports whether a subtype has [[Entries]]: Map, Set and
// their weak kinds.
func isCollection(subtype string) bool {
	switch subtype {
	case "map", "set", "weakmap", "weakset":
		return true
	}
	return false
}

// entryPreview is the preview of an [[Entries]] item: its key and value.
func (m mirror) entryPreview(e heap.Handle, desc string) rt.ObjectPreview {
	in := m.in
	sub := rt.ObjectPreviewSubtype("internal#entry")
	p := rt.ObjectPreview{Type: rt.ObjectPreviewTypeObject, Subtype: &sub, Description: &desc, Properties: []rt.PropertyPreview{}}
	for _, name := range []string{"key", "value"} {
		if v, ok := in.DataProperty(e.Value(), name); ok {
			p.Properties = append(p.Properties, m.propertyPreview(name, in.Handle(v)))
		}
	}
	return p
}

// valuePreview is the ObjectPreview of any value (a collection entry).
func (m mirror) valuePreview(v heap.Handle) rt.ObjectPreview {
	in := m.in
	if in.IsObject(v.Value()) && !in.IsCallable(v.Value()) {
		return m.preview(v, false)
	}
	r := m.describe(v.Value())
	desc := ""
	switch {
	case r.Description != nil:
		desc = *r.Description
	case in.IsString(v.Value()):
		desc = abbreviate(in.GoString(v.Value()))
	case r.Type == rt.RemoteObjectTypeUndefined:
		desc = "undefined"
	default:
		desc = string(r.Value)
	}
	p := rt.ObjectPreview{Type: rt.ObjectPreviewType(r.Type), Description: &desc, Properties: []rt.PropertyPreview{}}
	if r.Subtype != nil {
		s := rt.ObjectPreviewSubtype(*r.Subtype)
		p.Subtype = &s
	}
	return p
}

// propertyPreview is one property of a preview: primitives by value,
// objects by description, functions as "".
func (m mirror) propertyPreview(name string, v heap.Handle) rt.PropertyPreview {
	in := m.in
	r := m.describe(v.Value())
	pp := rt.PropertyPreview{Name: name, Type: rt.PropertyPreviewType(r.Type)}
	if r.Subtype != nil {
		s := rt.PropertyPreviewSubtype(*r.Subtype)
		pp.Subtype = &s
	}
	var val string
	switch {
	case r.Type == rt.RemoteObjectTypeFunction:
		val = ""
	case r.Type == rt.RemoteObjectTypeUndefined:
		val = "undefined"
	case in.IsString(v.Value()):
		val = abbreviate(in.GoString(v.Value()))
	case r.Description != nil:
		val = *r.Description
		if r.Type == rt.RemoteObjectTypeObject {
			val = abbreviate(val)
		}
	default:
		val = string(r.Value)
	}
	pp.Value = &val
	return pp
}

// abbreviate shortens a string past 100 UTF-16 units as V8 does: the
// first 50, "…", the last 49.
func abbreviate(s string) string {
	u := utf16.Encode([]rune(s))
	if len(u) <= maxShortString {
		return s
	}
	left := maxShortString / 2
	right := maxShortString - left - 1
	return string(utf16.Decode(u[:left])) + "…" + string(utf16.Decode(u[len(u)-right:]))
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 32)
	return err == nil && (s == "0" || s[0] != '0')
}

// stringMarshaler writes a Go string as a JSON string.
type stringMarshaler string

func (s stringMarshaler) MarshalEasyJSON(w *jwriter.Writer) { w.String(string(s)) }

// empty is the {} result.
type empty struct{}

func (empty) MarshalEasyJSON(w *jwriter.Writer) { w.RawString("{}") }

// promiseStateName is V8's [[PromiseState]] text.
func promiseStateName(state int) string {
	switch state {
	case interp.PromiseFulfilled:
		return "fulfilled"
	case interp.PromiseRejected:
		return "rejected"
	}
	return "pending"
}
