package runtime

import (
	"encoding/json"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/protocol"
)

// What the HeapProfiler domain needs from Runtime (domains/heapprofiler's
// RemoteObjects): a session's remote object ids resolved to values
// (getHeapObjectId), values wrapped as RemoteObjects in an object group
// (getObjectByHeapObjectId), and inspected objects (addInspectedHeapObject):
// the console's $0 to $4, most recent first, as V8 keeps them.

// maxInspected is how many inspected objects V8 keeps ($0 … $4).
const maxInspected = 5

// ResolveObject returns the value a remote object id of session s names,
// or V8's error.
func (d *Domain) ResolveObject(s *cdp.Session, objectID string) (layout.Value, *cdp.Error) {
	ss := d.state(s)
	if ss == nil {
		return 0, cdp.ServerError("session is gone")
	}
	v, msg := ss.store.get(objectID)
	if msg != "" {
		return 0, cdp.ServerError(msg)
	}
	return v, nil
}

// WrapObject returns v as a Runtime.RemoteObject (JSON) in the object group.
func (d *Domain) WrapObject(s *cdp.Session, v heap.Handle, group string) (json.RawMessage, *cdp.Error) {
	ss := d.state(s)
	if ss == nil {
		return nil, cdp.ServerError("session is gone")
	}
	r := mirror{d.in}.wrap(v.Value(), ss.store, wrapOptions{group: group})
	b, err := protocol.Marshal(&r)
	if err != nil {
		return nil, cdp.ServerError("encode result: " + err.Error())
	}
	return b, nil
}

// AddInspectedObject makes v the session's $0 (the previous $0 becomes
// $1, and so on up to $4). As V8 keeps only the heap id, the object is held
// weakly: once collected, its $n is undefined.
func (d *Domain) AddInspectedObject(s *cdp.Session, v heap.Handle) *cdp.Error {
	ss := d.state(s)
	if ss == nil {
		return cdp.ServerError("session is gone")
	}
	g := d.iso.Heap.NewWeak(v.Value(), nil)
	ss.inspected = append([]heap.Global{g}, ss.inspected...)
	if len(ss.inspected) > maxInspected {
		ss.inspected[maxInspected].Release()
		ss.inspected = ss.inspected[:maxInspected]
	}
	return nil
}

// releaseInspected drops a session's inspected objects.
func (ss *session) releaseInspected() {
	for _, g := range ss.inspected {
		g.Release()
	}
	ss.inspected = nil
}

// inspectedAPISource defines $0 … $4 on the global object, where they are
// not defined already, for one evaluation, and returns their undo.
const inspectedAPISource = `(function (a, b, c, d, e) {
  var vals = [a, b, c, d, e], added = [];
  for (var i = 0; i < 5; i++) {
    var k = '$' + i;
    if (!(k in globalThis)) {
      Object.defineProperty(globalThis, k, { value: vals[i], configurable: true, writable: true, enumerable: false });
      added.push(k);
    }
  }
  return function () { for (var i = 0; i < added.length; i++) delete globalThis[added[i]]; };
})`

// installInspected adds $0 … $4 for one evaluation with the command-line
// API; the returned function removes them.
func (d *Domain) installInspected(ss *session) func() {
	in := d.in
	if d.inspectedInstaller == nil {
		d.quiet++
		c := d.runScript(inspectedAPISource, "")
		d.quiet--
		if c.threw || c.terminated || !in.IsCallable(c.value.Value()) {
			return func() {}
		}
		g := d.iso.Heap.NewGlobal(c.value.Value())
		d.inspectedInstaller = &g
	}
	args := make([]layout.Value, maxInspected)
	for i := range args {
		args[i] = in.Undefined()
		if i < len(ss.inspected) {
			if v, ok := ss.inspected[i].Value(); ok {
				args[i] = v
			}
		}
	}
	inst, _ := d.inspectedInstaller.Value()
	v, ok := in.Call(inst, in.Undefined(), args...)
	if !ok || !in.IsCallable(v) {
		in.ClearException()
		return func() {}
	}
	g := d.iso.Heap.NewGlobal(v)
	return func() {
		defer g.Release()
		if undo, ok := g.Value(); ok {
			if _, ok := in.Call(undo, in.Undefined()); !ok {
				in.ClearException()
			}
		}
	}
}
