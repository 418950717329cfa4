package runtime

import (
	"encoding/json"
	"unicode/utf16"

	"github.com/mailru/easyjson"
	"github.com/mailru/easyjson/jwriter"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// internalLocation is V8's [[FunctionLocation]] value subtype.
const internalLocation = "internal#location"

// getProperties is Runtime.getProperties: own properties (or, without
// ownProperties, those of the whole prototype chain, each name once), and
// V8's internal properties.
func (d *Domain) getProperties(ss *session, p *rt.GetPropertiesParams) (easyjson.Marshaler, *cdp.Error) {
	in := d.in
	v, e := ss.store.get(string(p.ObjectID))
	if e != "" {
		return nil, cdp.ServerError(e)
	}
	if !in.IsObject(v) {
		return nil, cdp.ServerError("Value with given id is not an object")
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	obj := in.Handle(v)
	group := ss.store.byID[string(p.ObjectID)].group
	m := mirror{in}
	o := wrapOptions{group: group, preview: optBool(p.GeneratePreview)}
	own := optBool(p.OwnProperties)
	accessorsOnly := optBool(p.AccessorPropertiesOnly)
	nonIndexed := optBool(p.NonIndexedPropertiesOnly)
	res := &rt.GetPropertiesReturns{Result: []rt.PropertyDescriptor{}}
	seen := map[string]bool{}
	// The synthetic arrays of internal properties have no prototype in
	// V8, and a scope list no length.
	tag, synthetic := ss.store.tagOf(obj.Value())
	if synthetic && tag.subtype == "internal#scopeList" {
		seen["length"] = true
	}
	holder := in.Handle(obj.Value())
	if in.IsProxy(obj.Value()) {
		// V8 lists no properties of a proxy (that would run its traps),
		// only [[Handler]], [[Target]] and [[IsRevoked]].
		holder.Set(in.Null())
	}
	// Native getters up the chain that V8 evaluates (typed arrays'
	// buffer, length…) are reported by value.
	native := map[string]heap.Handle{}
	if !own || accessorsOnly {
		for _, na := range m.nativeAccessors(obj) {
			native[na.name] = na.value
		}
	}
	for depth := 0; in.IsObject(holder.Value()) && depth < 1000; depth++ {
		isOwn := depth == 0
		if pv, ok := in.PrimitiveValue(holder.Value()); ok && in.IsString(pv) && !accessorsOnly {
			// A String wrapper's own indices and length (string exotic
			// properties the property mirrors do not list).
			res.Result = append(res.Result, d.stringWrapperProperties(ss, in.GoString(pv), isOwn, nonIndexed, seen, o)...)
		}
		for _, prop := range inspectorOrder(builtins.OwnPropertyMirrors(in, holder)) {
			if accessorsOnly && !prop.Accessor || nonIndexed && isIndex(prop.Name) {
				continue
			}
			key := prop.Name
			if !prop.Symbol.IsNil() {
				key = "@" + key
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			pd := rt.PropertyDescriptor{Name: prop.Name, Configurable: prop.Configurable, Enumerable: prop.Enumerable, IsOwn: &isOwn}
			if nv, ok := native[prop.Name]; ok && prop.Accessor && !isOwn {
				val := m.wrap(nv.Value(), ss.store, o)
				f := false
				pd.Value, pd.Writable = &val, &f
			} else if prop.Accessor {
				g := m.wrap(prop.Getter.Value(), ss.store, wrapOptions{group: group})
				s := m.wrap(prop.Setter.Value(), ss.store, wrapOptions{group: group})
				pd.Get, pd.Set = &g, &s
			} else {
				val := m.wrap(prop.Value.Value(), ss.store, o)
				w := prop.Writable
				pd.Value, pd.Writable = &val, &w
			}
			if !prop.Symbol.IsNil() {
				sym := m.wrap(prop.Symbol.Value(), ss.store, wrapOptions{group: group})
				pd.Symbol = &sym
			}
			res.Result = append(res.Result, pd)
		}
		if own && !accessorsOnly {
			break
		}
		holder.Set(in.Prototype(holder.Value()))
	}
	// Of the synthetic objects, V8 shows a scope's [[Prototype]] (its
	// scope objects are plain objects).
	if !accessorsOnly && (!synthetic || tag.subtype == "internal#scope") {
		res.InternalProperties = d.internalProperties(ss, obj, group)
	}
	return res, nil
}

// inspectorOrder puts an object's enumerable string-keyed properties
// before the others, each group in own-keys order: V8's debug property
// iterator lists the enumerable strings first, then all the rest (so a
// class's static fields come before its length, name and prototype).
func inspectorOrder(props []interp.PropertyMirror) []interp.PropertyMirror {
	out := make([]interp.PropertyMirror, 0, len(props))
	for _, p := range props {
		if p.Enumerable && p.Symbol.IsNil() {
			out = append(out, p)
		}
	}
	for _, p := range props {
		if !p.Enumerable || !p.Symbol.IsNil() {
			out = append(out, p)
		}
	}
	return out
}

// stringWrapperProperties are the indices (read-only, enumerable) and the
// length of a String wrapper whose value is s, as V8 lists them.
func (d *Domain) stringWrapperProperties(ss *session, s string, isOwn, nonIndexed bool, seen map[string]bool, o wrapOptions) []rt.PropertyDescriptor {
	in := d.in
	m := mirror{in}
	units := utf16.Encode([]rune(s))
	var out []rt.PropertyDescriptor
	f := false
	add := func(name string, v layout.Value, enumerable bool) {
		if seen[name] {
			return
		}
		seen[name] = true
		val := m.wrap(v, ss.store, o)
		own := isOwn
		out = append(out, rt.PropertyDescriptor{Name: name, Value: &val, Writable: &f, Configurable: false, Enumerable: enumerable, IsOwn: &own})
	}
	if !nonIndexed {
		for i, u := range units {
			add(itoa(i), in.StringValue(string(utf16.Decode([]uint16{u}))), true)
		}
	}
	add("length", in.NewNumber(float64(len(units))), false)
	return out
}

// internalProperties lists V8's [[FunctionLocation]], [[Prototype]] and
// [[PrimitiveValue]].
func (d *Domain) internalProperties(ss *session, obj heap.Handle, group string) []rt.InternalPropertyDescriptor {
	in := d.in
	m := mirror{in}
	var out []rt.InternalPropertyDescriptor
	if in.IsProxy(obj.Value()) {
		h := m.wrap(in.ProxyHandler(obj.Value()), ss.store, wrapOptions{group: group})
		t := m.wrap(in.ProxyTarget(obj.Value()), ss.store, wrapOptions{group: group})
		revoked := "false"
		if !in.IsObject(in.ProxyTarget(obj.Value())) {
			revoked = "true"
		}
		r := rt.RemoteObject{Type: rt.RemoteObjectTypeBoolean, Value: easyjson.RawMessage(revoked)}
		return []rt.InternalPropertyDescriptor{{Name: "[[Handler]]", Value: &h}, {Name: "[[Target]]", Value: &t}, {Name: "[[IsRevoked]]", Value: &r}}
	}
	if in.IsCallable(obj.Value()) {
		if loc, ok := in.FunctionLocation(obj.Value()); ok {
			out = append(out, locationProperty("[[FunctionLocation]]", loc))
		}
	}
	gen, isGen := in.GeneratorInfo(obj.Value())
	if isGen && gen.HasLocation {
		out = append(out, locationProperty("[[GeneratorLocation]]", gen.Location))
	}
	if proto := in.Prototype(obj.Value()); proto != in.Null() {
		r := m.wrap(proto, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[Prototype]]", Value: &r})
	}
	out = append(out, d.kindInternals(ss, obj, group)...)
	if pv, ok := in.PrimitiveValue(obj.Value()); ok {
		r := m.wrap(pv, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[PrimitiveValue]]", Value: &r})
	}
	if in.IsPromise(obj.Value()) {
		state, _ := in.PromiseInfo(obj.Value())
		st := m.wrap(in.StringValue(promiseStateName(state)), ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[PromiseState]]", Value: &st})
		_, result := in.PromiseInfo(obj.Value())
		res := m.wrap(result, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[PromiseResult]]", Value: &res})
	}
	if k := builtins.KindOf(in, obj.Value()); isCollection(k.Subtype) {
		entries := d.entriesArray(ss, obj, k.Subtype == "map" || k.Subtype == "weakmap", group)
		r := m.wrap(entries.Value(), ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[Entries]]", Value: &r})
	}
	if in.IsCallable(obj.Value()) && !in.IsNativeFunction(obj.Value()) {
		scopes := d.scopeList(ss, obj, group)
		r := m.wrap(scopes.Value(), ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[Scopes]]", Value: &r})
	}
	return out
}

// entriesArray makes V8's [[Entries]] of a Map or Set: an array of entry
// objects ({key, value}, or {value} for a Set) tagged internal#entry with
// V8's description ({"k" => 1}).
func (d *Domain) entriesArray(ss *session, coll heap.Handle, isMap bool, group string) heap.Handle {
	keys, values := builtins.CollectionEntries(d.in, coll.Value())
	return d.entriesArrayOf(ss, keys, values, isMap, group)
}

// entriesArrayOf is entriesArray of given entries.
func (d *Domain) entriesArrayOf(ss *session, keys, values []heap.Handle, isMap bool, group string) heap.Handle {
	in := d.in
	m := mirror{in}
	arr := in.NewArray(nil)
	for i := range values {
		e := in.NewObject(in.Null())
		if isMap {
			in.DefineValue(e, "key", keys[i], 0)
		}
		in.DefineValue(e, "value", values[i], 0)
		desc := m.entryPart(values[i].Value())
		if isMap {
			desc = "{" + m.entryPart(keys[i].Value()) + " => " + desc + "}"
		}
		ss.store.tag(e.Value(), "internal#entry", desc, group)
		in.PushValue(arr, e.Value())
	}
	ss.store.tag(arr.Value(), "array", "Array("+itoa(len(values))+")", group)
	return arr
}

// entryPart describes one side of an entry: strings quoted, objects by
// description.
func (m mirror) entryPart(v layout.Value) string {
	if m.in.IsString(v) {
		b, _ := json.Marshal(m.in.GoString(v))
		return string(b)
	}
	r := m.describe(v)
	if r.Description != nil {
		return *r.Description
	}
	if r.Type == rt.RemoteObjectTypeUndefined {
		return "undefined"
	}
	return string(r.Value)
}

// scopeList makes V8's [[Scopes]]: an array (internal#scopeList,
// "Scopes[n]") of scope objects (internal#scope, described by their kind)
// holding each scope's variables; the global scope holds the global
// object's own data properties. lead are scopes listed before the
// closure's (a suspended generator's Local scope).
func (d *Domain) scopeList(ss *session, fn heap.Handle, group string, lead ...interp.ScopeMirror) heap.Handle {
	in := d.in
	arr := in.NewArray(nil)
	scopes := append(lead, in.FunctionScopes(fn.Value())...)
	for _, sc := range scopes {
		o := in.NewObject(in.Intrinsic(interp.ObjectPrototype)) // as V8's scope objects
		if sc.Type == "global" {
			g := in.Handle(in.GlobalObject())
			for _, p := range builtins.OwnPropertyMirrors(in, g) {
				if !p.Accessor && p.Symbol.IsNil() {
					in.DefineValue(o, p.Name, p.Value, 0)
				}
			}
		}
		for i, name := range sc.Names {
			v := sc.Values[i]
			if v.Value() == in.Hole() {
				v = in.Handle(in.Undefined())
			}
			in.DefineValue(o, name, v, 0)
		}
		desc := scopeDescription(sc.Type)
		if sc.Type == "local" && sc.Name != "" {
			desc += " (" + sc.Name + ")"
		}
		ss.store.tag(o.Value(), "internal#scope", desc, group)
		in.PushValue(arr, o.Value())
	}
	ss.store.tag(arr.Value(), "internal#scopeList", "Scopes["+itoa(len(scopes))+"]", group)
	return arr
}

// scopeDescription is V8's description of a scope type.
func scopeDescription(typ string) string {
	switch typ {
	case "closure":
		return "Closure"
	case "block":
		return "Block"
	case "catch":
		return "Catch"
	case "script":
		return "Script"
	case "module":
		return "Module"
	case "eval":
		return "Eval"
	case "with":
		return "With Block"
	case "local":
		return "Local"
	}
	return "Global"
}

// locationProperty is an internal property whose value is a location
// ([[FunctionLocation]], [[GeneratorLocation]]).
func locationProperty(name string, loc interp.Location) rt.InternalPropertyDescriptor {
	sub := rt.RemoteObjectSubtype(internalLocation)
	val, _ := easyjson.Marshal(locationValue{ScriptID: itoa(loc.ScriptID), Line: loc.Line, Column: loc.Column})
	desc := "Object"
	return rt.InternalPropertyDescriptor{Name: name,
		Value: &rt.RemoteObject{Type: rt.RemoteObjectTypeObject, Subtype: &sub, Value: val, Description: &desc}}
}

// kindInternals are the internal properties V8 lists after [[Prototype]]
// for generators, bound functions and WeakRefs.
func (d *Domain) kindInternals(ss *session, obj heap.Handle, group string) []rt.InternalPropertyDescriptor {
	in := d.in
	m := mirror{in}
	var out []rt.InternalPropertyDescriptor
	prop := func(name string, v layout.Value) {
		r := m.wrap(v, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: name, Value: &r})
	}
	if g, ok := in.GeneratorInfo(obj.Value()); ok {
		fn, recv := in.Handle(g.Function), in.Handle(g.Receiver)
		prop("[[GeneratorState]]", in.StringValue(g.State))
		prop("[[GeneratorFunction]]", fn.Value())
		prop("[[GeneratorReceiver]]", recv.Value())
		if g.State != "closed" && in.IsCallable(fn.Value()) && !in.IsNativeFunction(fn.Value()) {
			var lead []interp.ScopeMirror
			if local, ok := in.GeneratorLocalScope(obj.Value()); ok {
				lead = append(lead, local)
			}
			prop("[[Scopes]]", d.scopeList(ss, fn, group, lead...).Value())
		}
		return out
	}
	if target, this, args, ok := in.BoundFunctionParts(obj.Value()); ok {
		th, bh, ah := in.Handle(target), in.Handle(this), in.Handle(args)
		copied := in.NewArray(nil) // a copy: the client must not change the bound arguments
		for i := uint32(0); i < in.ArrayLength(ah.Value()); i++ {
			in.PushValue(copied, in.Element(ah.Value(), i))
		}
		prop("[[TargetFunction]]", th.Value())
		prop("[[BoundThis]]", bh.Value())
		prop("[[BoundArgs]]", copied.Value())
		return out
	}
	if t, ok := in.WeakRefTarget(obj.Value()); ok {
		prop("[[WeakRefTarget]]", t)
	}
	if in.IsArrayBuffer(obj.Value()) && !in.BufferDetached(obj.Value()) {
		// V8's views of a buffer's bytes, those its length allows.
		n := len(in.BufferBytes(obj.Value()))
		for _, k := range []interp.TypedArrayKind{interp.Int8Kind, interp.Uint8Kind, interp.Int16Kind, interp.Int32Kind} {
			if n%k.Size() == 0 {
				prop("[["+k.Name()+"]]", in.NewTypedArrayView(k, obj.Value()))
			}
		}
		prop("[[ArrayBufferByteLength]]", in.NewNumber(float64(n)))
		prop("[[ArrayBufferData]]", layout.Smi(in.ArrayBufferStoreID(obj.Value())))
	}
	if it, ok := builtins.CollectionIterator(in, obj.Value()); ok {
		prop("[[IteratorHasMore]]", in.Bool(it.HasMore))
		prop("[[IteratorIndex]]", in.NewNumber(float64(it.Index)))
		prop("[[IteratorKind]]", in.StringValue(it.Kind))
		prop("[[Entries]]", d.entriesArrayOf(ss, it.Keys, it.Values, it.IsMap && it.Kind == "entries", group).Value())
	}
	return out
}

// locationValue is the value of [[FunctionLocation]].
type locationValue struct {
	ScriptID string `json:"scriptId"`
	Line     int    `json:"lineNumber"`
	Column   int    `json:"columnNumber"`
}

// MarshalEasyJSON writes the location in V8's member order.
func (l locationValue) MarshalEasyJSON(w *jwriter.Writer) {
	w.RawString(`{"scriptId":`)
	w.String(l.ScriptID)
	w.RawString(`,"lineNumber":`)
	w.Int(l.Line)
	w.RawString(`,"columnNumber":`)
	w.Int(l.Column)
	w.RawByte('}')
}
