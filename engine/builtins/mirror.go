package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsdate"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// ObjectKind is what the inspector needs to know about a builtin object's
// internal state: V8's RemoteObject subtype and description for the kinds
// this package implements.
type ObjectKind struct {
	// Subtype is V8's subtype: "map", "set", "weakmap", "weakset",
	// "date", "regexp", "generator", or "" for other objects.
	Subtype string
	// Description is V8's description for the subtype ("Map(2)", the
	// date's toString, "/a/g"); "" when Subtype is "".
	Description string
	// Size is a Map's or Set's number of entries.
	Size int
}

// KindOf classifies a builtin object (it runs no JavaScript).
func KindOf(in *interp.Interp, v layout.Value) ObjectKind {
	if !in.IsObject(v) {
		return ObjectKind{}
	}
	if isMap, isSet, keys, _ := collectionEntries(in, v); isMap || isSet {
		name := "Map"
		if isSet {
			name = "Set"
		}
		if isWeak(in, v) {
			return ObjectKind{Subtype: "weak" + map[bool]string{true: "set", false: "map"}[isSet], Description: "Weak" + name}
		}
		sub := "map"
		if isSet {
			sub = "set"
		}
		return ObjectKind{Subtype: sub, Description: name + "(" + itoa(len(keys)) + ")", Size: len(keys)}
	}
	if t, ok := timeValueOf(in, v); ok {
		s := "Invalid Date"
		if t == t {
			s = jsdate.ToString(t, nil)
		}
		return ObjectKind{Subtype: "date", Description: s}
	}
	if rs, ok := regexpString(in, v); ok {
		return ObjectKind{Subtype: "regexp", Description: rs}
	}
	if in.IsGenerator(v) {
		return ObjectKind{Subtype: "generator", Description: "Generator"}
	}
	return ObjectKind{}
}

// OwnPropertyMirrors lists obj's own properties as
// Object.getOwnPropertyNames and getOwnPropertySymbols order them (indices,
// strings including the lazily materialized length/name/prototype, then
// symbols). It runs no JavaScript.
func OwnPropertyMirrors(in *interp.Interp, obj heap.Handle) []interp.PropertyMirror {
	if t := in.NamespaceTarget(obj.Value()); t != 0 {
		obj = in.Handle(t) // a module namespace shows its exports
	}
	keys := ownKeys(in, obj, objects.AllProperties)
	return in.PropertyMirrors(obj, keys)
}

// CollectionEntries returns a Map's keys and values (for a Set, values are
// the keys) as handles in the current scope.
func CollectionEntries(in *interp.Interp, v layout.Value) (keys, values []heap.Handle) {
	_, isSet, ks, vs := collectionEntries(in, v)
	for i := range ks {
		keys = append(keys, in.Handle(ks[i]))
		if isSet {
			values = append(values, in.Handle(ks[i]))
		} else {
			values = append(values, in.Handle(vs[i]))
		}
	}
	return keys, values
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// IteratorMirror is what the inspector shows of a Map or Set iterator.
type IteratorMirror struct {
	// IsMap tells a Map iterator from a Set iterator.
	IsMap bool
	// Kind is "keys", "values" or "entries".
	Kind string
	// Index is the next table index; HasMore is false once exhausted.
	Index   int
	HasMore bool
	// Keys and Values are the entries still to come (for a Set, values
	// are the keys), as handles in the current scope.
	Keys, Values []heap.Handle
}

// CollectionIterator describes a Map or Set iterator (it runs no
// JavaScript); false for other values.
func CollectionIterator(in *interp.Interp, v layout.Value) (IteratorMirror, bool) {
	if !in.IsObject(v) {
		return IteratorMirror{}, false
	}
	proto := in.Prototype(v)
	isMap := proto == in.Intrinsic(interp.MapIteratorPrototype)
	if !isMap && proto != in.Intrinsic(interp.SetIteratorPrototype) {
		return IteratorMirror{}, false
	}
	target, i, kind, ok := iteratorState(in, v)
	if !ok {
		return IteratorMirror{}, false
	}
	m := IteratorMirror{IsMap: isMap, Index: i, Kind: [...]string{"keys", "values", "entries"}[kind]}
	if target == in.Undefined() {
		return m, true
	}
	coll := mapKind
	if !isMap {
		coll = setKind
	}
	th := in.Handle(target)
	for j := i; ; j++ {
		k, val, ok := entryAt(in, th.Value(), coll, j)
		if !ok {
			break
		}
		if k == in.Hole() {
			continue
		}
		m.Keys = append(m.Keys, in.Handle(k))
		if isMap {
			m.Values = append(m.Values, in.Handle(val))
		} else {
			m.Values = append(m.Values, in.Handle(k))
		}
	}
	m.HasMore = len(m.Values) > 0
	return m, true
}
