package runtime

import (
	"encoding/json"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/protocol"
)

// The RemoteObject service other domains use (HeapProfiler's
// getObjectByHeapObjectId, addInspectedHeapObject, and the ids its
// methods take). Isolate goroutine only.

// maxInspected is how many inspected objects ($0…$4) a session keeps.
const maxInspected = 5

// ResolveObject returns the value a session's RemoteObjectId names (valid
// until the next allocation).
func (d *Domain) ResolveObject(s *cdp.Session, objectID string) (layout.Value, *cdp.Error) {
	ss := d.state(s)
	if ss == nil {
		return 0, cdp.ServerError("session is gone")
	}
	v, e := ss.store.get(objectID)
	if e != "" {
		return 0, cdp.ServerError(e)
	}
	return v, nil
}

// WrapObject returns the Runtime.RemoteObject JSON of v, kept in the
// session's object group.
func (d *Domain) WrapObject(s *cdp.Session, v heap.Handle, group string) (json.RawMessage, *cdp.Error) {
	ss := d.state(s)
	if ss == nil {
		return nil, cdp.ServerError("session is gone")
	}
	r := mirror{d.in}.wrap(v.Value(), ss.store, wrapOptions{group: group})
	b, err := protocol.Marshal(r)
	if err != nil {
		return nil, cdp.ServerError("encode RemoteObject: " + err.Error())
	}
	return b, nil
}

// AddInspectedObject makes v the session's $0 (the previous ones become
// $1…$4) for Runtime.evaluate with includeCommandLineAPI.
func (d *Domain) AddInspectedObject(s *cdp.Session, v heap.Handle) *cdp.Error {
	ss := d.state(s)
	if ss == nil {
		return cdp.ServerError("session is gone")
	}
	ss.inspected = append([]heap.Global{d.iso.Heap.NewGlobal(v.Value())}, ss.inspected...)
	if len(ss.inspected) > maxInspected {
		ss.inspected[maxInspected].Release()
		ss.inspected = ss.inspected[:maxInspected]
	}
	return nil
}
