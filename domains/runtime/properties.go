package runtime

import (
	"github.com/mailru/easyjson"
	"github.com/mailru/easyjson/jwriter"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
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
	holder := in.Handle(obj.Value())
	for depth := 0; in.IsObject(holder.Value()) && depth < 1000; depth++ {
		isOwn := depth == 0
		for _, prop := range builtins.OwnPropertyMirrors(in, holder) {
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
			if prop.Accessor {
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
	if !accessorsOnly {
		res.InternalProperties = d.internalProperties(ss, obj, group)
	}
	return res, nil
}

// internalProperties lists V8's [[FunctionLocation]], [[Prototype]] and
// [[PrimitiveValue]].
func (d *Domain) internalProperties(ss *session, obj heap.Handle, group string) []rt.InternalPropertyDescriptor {
	in := d.in
	m := mirror{in}
	var out []rt.InternalPropertyDescriptor
	if in.IsCallable(obj.Value()) {
		if loc, ok := in.FunctionLocation(obj.Value()); ok {
			sub := rt.RemoteObjectSubtype(internalLocation)
			val, _ := easyjson.Marshal(locationValue{ScriptID: itoa(loc.ScriptID), Line: loc.Line, Column: loc.Column})
			desc := "Object"
			out = append(out, rt.InternalPropertyDescriptor{Name: "[[FunctionLocation]]",
				Value: &rt.RemoteObject{Type: rt.RemoteObjectTypeObject, Subtype: &sub, Value: val, Description: &desc}})
		}
	}
	if proto := in.Prototype(obj.Value()); proto != in.Null() {
		r := m.wrap(proto, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[Prototype]]", Value: &r})
	}
	if pv, ok := in.PrimitiveValue(obj.Value()); ok {
		r := m.wrap(pv, ss.store, wrapOptions{group: group})
		out = append(out, rt.InternalPropertyDescriptor{Name: "[[PrimitiveValue]]", Value: &r})
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
