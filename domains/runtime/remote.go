package runtime

import (
	"math"
	"strconv"
	"strings"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// objectStore holds one session's remote objects: ids to global handles
// (keeping the objects alive, as V8's injected script does) and object
// groups, so releaseObject and releaseObjectGroup can let them go.
type objectStore struct {
	h      *heap.Heap
	prefix string
	next   int
	byID   map[string]storedObject
	groups map[string][]string
	// tags mark the synthetic objects the domain made for internal
	// properties ([[Entries]], [[Scopes]] and their items) with V8's
	// subtype and description; they live as long as their group.
	tags []taggedObject
}

// taggedObject is a synthetic object's V8 subtype and description.
type taggedObject struct {
	g       heap.Global
	subtype string
	desc    string
	group   string
}

// tag records v's subtype and description (for wrap) in group.
func (st *objectStore) tag(v layout.Value, subtype, desc, group string) {
	st.tags = append(st.tags, taggedObject{g: st.h.NewGlobal(v), subtype: subtype, desc: desc, group: group})
}

// tagOf finds v's tag.
func (st *objectStore) tagOf(v layout.Value) (taggedObject, bool) {
	for _, t := range st.tags {
		if tv, ok := t.g.Value(); ok && tv == v {
			return t, true
		}
	}
	return taggedObject{}, false
}

func (st *objectStore) releaseTags(all bool, group string) {
	kept := st.tags[:0]
	for _, t := range st.tags {
		if all || t.group == group {
			t.g.Release()
		} else {
			kept = append(kept, t)
		}
	}
	st.tags = kept
}

type storedObject struct {
	g     heap.Global
	group string
}

func newObjectStore(h *heap.Heap, isolateID string, contextID int) *objectStore {
	return &objectStore{h: h, prefix: isolateID + "." + strconv.Itoa(contextID) + ".",
		byID: map[string]storedObject{}, groups: map[string][]string{}}
}

// add keeps v alive under a new id in group ("" for none).
func (st *objectStore) add(v layout.Value, group string) string {
	st.next++
	id := st.prefix + strconv.Itoa(st.next)
	st.byID[id] = storedObject{g: st.h.NewGlobal(v), group: group}
	if group != "" {
		st.groups[group] = append(st.groups[group], id)
	}
	return id
}

// errInvalidID and errNotFound are V8's texts for a malformed and an
// unknown (released) object id.
const (
	errInvalidID = "Invalid remote object id"
	errNotFound  = "Could not find object with given id"
)

// get returns the object with id, or V8's error text.
func (st *objectStore) get(id string) (layout.Value, string) {
	if !strings.HasPrefix(id, st.prefix) {
		if strings.Count(id, ".") != 2 {
			return 0, errInvalidID
		}
		return 0, errNotFound
	}
	o, ok := st.byID[id]
	if !ok {
		return 0, errNotFound
	}
	v, ok := o.g.Value()
	if !ok {
		return 0, errNotFound
	}
	return v, ""
}

func (st *objectStore) release(id string) {
	if o, ok := st.byID[id]; ok {
		o.g.Release()
		delete(st.byID, id)
	}
}

func (st *objectStore) releaseGroup(group string) {
	for _, id := range st.groups[group] {
		st.release(id)
	}
	delete(st.groups, group)
	st.releaseTags(false, group)
}

func (st *objectStore) releaseAll() {
	for id := range st.byID {
		st.release(id)
	}
	st.groups = map[string][]string{}
	st.releaseTags(true, "")
}

// wrapOptions are the RemoteObject options of a command.
type wrapOptions struct {
	group   string
	byValue bool
	preview bool
}

// mirror builds RemoteObjects and previews of values on the isolate
// goroutine.
type mirror struct {
	in *interp.Interp
}

// wrap returns v as a RemoteObject shaped as V8 shapes it; objects get an
// id in st unless sent by value.
func (m mirror) wrap(v layout.Value, st *objectStore, o wrapOptions) rt.RemoteObject {
	in := m.in
	scope := in.Heap().OpenScope()
	defer scope.Close()
	hv := in.Handle(v)
	r := m.describe(v)
	if r.Type == rt.RemoteObjectTypeObject && r.Subtype != nil && *r.Subtype == rt.RemoteObjectSubtypeNull {
		return r
	}
	if !in.IsObject(hv.Value()) && !in.IsSymbol(hv.Value()) {
		return r
	}
	if o.byValue && !in.IsSymbol(hv.Value()) {
		raw := m.jsonValue(hv.Value(), 0)
		out := rt.RemoteObject{Type: r.Type, Value: raw}
		return out
	}
	if t, ok := st.tagOf(hv.Value()); ok {
		sub := rt.RemoteObjectSubtype(t.subtype)
		r.Subtype, r.Description = &sub, strp(t.desc)
		if o.preview && t.subtype == "internal#entry" {
			p := m.entryPreview(hv, t.desc)
			r.Preview = &p
		}
		id := rt.RemoteObjectID(st.add(hv.Value(), o.group))
		r.ObjectID = &id
		return r
	}
	if o.preview && in.IsObject(hv.Value()) && r.Type == rt.RemoteObjectTypeObject {
		p := m.preview(hv, true)
		r.Preview = &p
	}
	id := rt.RemoteObjectID(st.add(hv.Value(), o.group))
	r.ObjectID = &id
	return r
}

func strp(s string) *string { return &s }

// describe is the RemoteObject of v without objectId and preview.
func (m mirror) describe(v layout.Value) rt.RemoteObject {
	in := m.in
	switch {
	case v == in.Undefined():
		return rt.RemoteObject{Type: rt.RemoteObjectTypeUndefined}
	case v == in.Null():
		sub := rt.RemoteObjectSubtypeNull
		return rt.RemoteObject{Type: rt.RemoteObjectTypeObject, Subtype: &sub, Value: easyjson.RawMessage("null")}
	case v == in.Bool(true):
		return rt.RemoteObject{Type: rt.RemoteObjectTypeBoolean, Value: easyjson.RawMessage("true")}
	case v == in.Bool(false):
		return rt.RemoteObject{Type: rt.RemoteObjectTypeBoolean, Value: easyjson.RawMessage("false")}
	case in.IsNumber(v):
		x := in.NumberValue(v)
		desc := numberString(x)
		if u := unserializable(x); u != "" {
			uv := rt.UnserializableValue(u)
			return rt.RemoteObject{Type: rt.RemoteObjectTypeNumber, UnserializableValue: &uv, Description: &desc}
		}
		return rt.RemoteObject{Type: rt.RemoteObjectTypeNumber, Value: easyjson.RawMessage(desc), Description: &desc}
	case in.IsString(v):
		return rt.RemoteObject{Type: rt.RemoteObjectTypeString, Value: jsonString(in.GoString(v))}
	case in.IsSymbol(v):
		return rt.RemoteObject{Type: rt.RemoteObjectTypeSymbol, Description: strp(in.SymbolDescriptiveString(v))}
	case in.IsBigInt(v):
		// V8: the literal as unserializableValue and description, even by value.
		s := in.BigIntValue(v).String() + "n"
		uv := rt.UnserializableValue(s)
		return rt.RemoteObject{Type: rt.RemoteObjectTypeBigint, UnserializableValue: &uv, Description: &s}
	case (in.IsCallable(v) && !in.IsProxy(v)) || v == in.Intrinsic(interp.FunctionPrototype):
		cls := m.functionClassName(v)
		return rt.RemoteObject{Type: rt.RemoteObjectTypeFunction, ClassName: &cls, Description: strp(m.functionDescription(v))}
	}
	if in.IsProxy(v) {
		// V8 names a proxy after its target, never running a trap.
		cls, desc := "Object", "Proxy"
		if t := in.ProxyTarget(v); in.IsObject(t) {
			if in.IsCallable(t) {
				cls, desc = "Function", "Proxy(Function)"
			} else {
				desc = "Proxy(" + in.ClassName(t) + ")"
			}
		}
		sub := rt.RemoteObjectSubtypeProxy
		return rt.RemoteObject{Type: rt.RemoteObjectTypeObject, Subtype: &sub, ClassName: &cls, Description: &desc}
	}
	cls := in.ClassName(v)
	if in.IsArgumentsObject(v) {
		cls = "Arguments"
	}
	if it, ok := builtins.CollectionIterator(in, v); ok {
		// V8's class of collection iterators (their toStringTag has a
		// space).
		cls = "SetIterator"
		if it.IsMap {
			cls = "MapIterator"
		}
	}
	if v == in.GlobalObject() {
		cls = "global" // node's global object template's class name
	}
	if g, ok := in.GeneratorInfo(v); ok {
		// V8 names a generator object after its function.
		fn := in.Handle(g.Function)
		if n, ok := in.DataProperty(fn.Value(), "name"); ok && in.IsString(n) && in.GoString(n) != "" {
			cls = in.GoString(n)
		}
	}
	r := rt.RemoteObject{Type: rt.RemoteObjectTypeObject, ClassName: &cls, Description: strp(cls)}
	sub, desc := m.subtype(v, cls)
	if sub != "" {
		s := rt.RemoteObjectSubtype(sub)
		r.Subtype = &s
	}
	if desc != "" {
		r.Description = &desc
	}
	return r
}

// subtype returns V8's subtype and description of an object ("" keeps
// the class name as description).
func (m mirror) subtype(v layout.Value, cls string) (string, string) {
	in := m.in
	if in.IsArrayExotic(v) {
		return "array", cls + "(" + strconv.Itoa(int(in.ArrayExoticLength(v))) + ")"
	}
	if in.IsErrorObject(v) {
		return "error", m.errorDescription(v, cls)
	}
	if in.IsPromise(v) {
		return "promise", cls
	}
	if sub, desc := m.viewSubtype(v, cls); sub != "" {
		return sub, desc
	}
	if _, ok := in.GeneratorInfo(v); ok {
		return "generator", cls
	}
	if _, ok := builtins.CollectionIterator(in, v); ok {
		return "iterator", cls
	}
	if k := builtins.KindOf(in, v); k.Subtype != "" {
		return k.Subtype, k.Description
	}
	return "", ""
}

// errorDescription is V8's description of an error: its stack when that
// is a string starting with the class name, else "Name: message".
func (m mirror) errorDescription(v layout.Value, cls string) string {
	in := m.in
	if s, ok := in.DataProperty(v, "stack"); ok && in.IsString(s) {
		return in.GoString(s)
	}
	msg := ""
	if s, ok := in.DataProperty(v, "message"); ok && in.IsString(s) {
		msg = in.GoString(s)
	}
	if msg == "" {
		return cls
	}
	return cls + ": " + msg
}

func (m mirror) functionDescription(fn layout.Value) string {
	if fn == m.in.Intrinsic(interp.FunctionPrototype) {
		// A function in V8 (here an ordinary object).
		return "function () { [native code] }"
	}
	return m.in.FunctionSource(fn)
}

// numberString is Number::toString, with "-0" for negative zero.
func numberString(x float64) string {
	if x == 0 && math.Signbit(x) {
		return "-0"
	}
	return jsnum.FormatNumber(x)
}

// unserializable returns V8's unserializableValue of a number, or "".
func unserializable(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x == 0 && math.Signbit(x):
		return "-0"
	}
	return ""
}

func jsonString(s string) easyjson.RawMessage {
	b, _ := easyjson.Marshal(stringMarshaler(s))
	return b
}

// byValueFails reports whether an object returned by value could not be
// serialized (V8's "Object couldn't be returned by value": it holds a
// BigInt).
func byValueFails(r rt.RemoteObject, o wrapOptions) bool {
	return o.byValue && r.Type == rt.RemoteObjectTypeObject && r.Value == nil && r.ObjectID == nil && r.Subtype == nil
}

// errByValue is V8's error for a value JSON cannot hold.
const errByValue = "Object couldn't be returned by value"

// jsonValue serializes v for returnByValue as V8 does: JSON-like, own
// enumerable string-keyed properties, functions as {}, undefined members
// left out, NaN/Infinity as null; cycles and depth beyond 1000 as null.
// A BigInt anywhere makes it nil: V8 refuses such a value.
func (m mirror) jsonValue(v layout.Value, depth int) easyjson.RawMessage {
	in := m.in
	if depth > 1000 {
		return easyjson.RawMessage("null")
	}
	switch {
	case v == in.Undefined() || v == in.Null():
		return easyjson.RawMessage("null")
	case v == in.Bool(true):
		return easyjson.RawMessage("true")
	case v == in.Bool(false):
		return easyjson.RawMessage("false")
	case in.IsNumber(v):
		x := in.NumberValue(v)
		if unserializable(x) != "" && x != 0 {
			return easyjson.RawMessage("null")
		}
		return easyjson.RawMessage(numberString(math.Abs(x) * sign(x)))
	case in.IsString(v):
		return jsonString(in.GoString(v))
	case in.IsSymbol(v):
		return easyjson.RawMessage("null")
	case in.IsBigInt(v):
		return nil
	case in.IsCallable(v):
		return easyjson.RawMessage("{}")
	}
	scope := in.Heap().OpenScope()
	defer scope.Close()
	hv := in.Handle(v)
	var b strings.Builder
	if in.IsArray(hv.Value()) {
		b.WriteByte('[')
		n := in.ArrayLength(hv.Value())
		for i := uint32(0); i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			e := in.Element(hv.Value(), i)
			if e == in.Hole() || e == in.Undefined() {
				b.WriteString("null")
				continue
			}
			ev := m.jsonValue(e, depth+1)
			if ev == nil {
				return nil
			}
			b.Write(ev)
		}
		b.WriteByte(']')
		return easyjson.RawMessage(b.String())
	}
	b.WriteByte('{')
	first := true
	for _, p := range builtins.OwnPropertyMirrors(in, hv) {
		if !p.Enumerable || !p.Symbol.IsNil() || p.Accessor || p.Value.Value() == in.Undefined() {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.Write(jsonString(p.Name))
		b.WriteByte(':')
		pv := m.jsonValue(p.Value.Value(), depth+1)
		if pv == nil {
			return nil
		}
		b.Write(pv)
	}
	b.WriteByte('}')
	return easyjson.RawMessage(b.String())
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}
