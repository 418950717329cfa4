// Package heapsnapshot writes heap snapshots of the engine's own heap in V8's
// JSON format (what node 20 writes and Chrome DevTools' Memory panel loads)
// and keeps the object ids that stay stable across snapshots.
//
// # What a snapshot shows
//
// A snapshot starts with a full GC, as V8's does: afterwards the heap holds
// only reachable objects (the dead are swept into fillers, the new space is
// empty), so a walk of the heap (heap.ForEachObject) yields exactly the live
// objects; no separate marking decides what to show. Read-only objects are
// included, as V8 includes its read-only space.
//
// The graph follows V8's V8HeapExplorer: synthetic root nodes ("", "(GC
// roots)" and V8 11.3's 28 subroots), node types and names as V8 gives them
// (constructor names for objects, function names for closures, contents for
// strings, "system / …" for the engine's objects, tags such as "(object
// elements)" for nameless arrays), edges named as V8 names them, real self
// sizes, and source locations for closures and constructed objects. See
// graph.go, nodes.go, edges.go, roots.go.
//
// # How it is written
//
// Nodes are numbered in address order. An index of per-page bitmaps (one bit
// per tagged word where an object starts, with rank counts) turns an address
// into a node index in constant time, without a hash table. Nothing of the
// graph is materialized: the header needs the edge count, so one pass runs
// every object's edge extraction to count (keeping one byte of edge count
// and one byte of tag per node), and the writing passes run it again,
// streaming JSON in fixed-size chunks. Names are indices into a strings table
// laid out so that heap strings (property keys, function names, string
// contents) are named by their own entry rather than copied into a map (see
// names.go). Numbers are formatted by hand. See index.go, serialize.go,
// jsonwriter.go.
//
// # Object ids
//
// Ids are V8's: odd, 1 for the root, small ones for the synthetic nodes,
// heap objects from 61 up in steps of 2, never reused. The address → id table
// lives outside the heap as weak-root sets the GC updates after every
// scavenge and full GC (see ids.go); tracking starts with the first snapshot
// or id query.
//
// # Tracking
//
// StartTrackingObjects begins heap object tracking as V8's HeapObjectsMap
// does it: PushHeapStats closes a time interval (full GC, ids for every live
// object) and reports the intervals whose live count or size changed
// (HeapProfiler.heapStatsUpdate); the intervals are the snapshot's samples.
// With allocations, an allocation observer that sees every allocation
// records the JavaScript stack (from the engine's StackSource) as a path in
// a trace tree, and which trace node made each object; snapshots then carry
// trace_function_infos, trace_tree and the nodes' trace_node_id, what
// DevTools' "Allocations on timeline" shows. See tracking.go and
// alloctrace.go.
//
// A Snapshotter belongs to its isolate's goroutine, like the heap; while a
// snapshot is written nothing else may use the heap.
package heapsnapshot
