package heapsnapshot

import (
	"io"

	"github.com/sonde-js/sonde/engine/layout"
)

// Serialization, in V8's layout (HeapSnapshotJSONSerializer): the header with
// snapshot.meta and the counts, then nodes, edges, the (empty) allocation
// trace sections, locations and strings, each array one row per line. Every
// section is a walk of the heap in node order: nothing of the graph is kept
// in memory but what the walks cannot recompute (edge counts and tags).

func (g *generator) write(out io.Writer) error {
	w := newJSONWriter(out, g.opts.ChunkSize)
	g.w = w
	g.writing = true
	w.raw(`{"snapshot":{"meta":`)
	w.raw(metaJSON)
	w.raw(`,"node_count":`)
	w.number(uint64(g.nodeCount()))
	w.raw(`,"edge_count":`)
	w.number(g.edges)
	w.raw(`,"trace_function_count":`)
	w.number(uint64(len(g.traceNames)))
	w.raw("},\n")
	g.writeNodes()
	g.writeEdges()
	w.raw("],\n")
	g.writeTraces()
	g.writeLocations()
	g.writeStrings()
	w.raw("]}")
	return w.finish()
}

func (g *generator) writeNodes() {
	w, h, ids := g.w, g.h, g.s.ids
	res := &g.res
	res.decimals = g.decimals
	w.startArray(`"nodes":[`)
	w.node(typeSynthetic, res.resolve(g.fixed.empty), uint32(rootID), 0, uint32(1+len(g.rootShortcuts)), 0)
	w.node(typeSynthetic, res.resolve(g.fixed.gcRoots), uint32(gcRootsID), 0, numSubroots, 0)
	for i := range numSubroots {
		w.node(typeSynthetic, res.resolve(g.fixed.subroots[i]), uint32(firstSubrootID)+uint32(i)*idStep, 0, uint32(len(g.subEdges[i])), 0)
	}
	tr := g.s.tracker
	i := uint32(0)
	g.ix.forEach(func(a layout.Addr) {
		m := h.MapOf(a)
		t := layout.InstanceType(h.U16(m, layout.MapInstanceTypeOffset))
		typ, name, empty := g.describe(a, m, t)
		if tg := g.tags[i]; tg != tagNone {
			if empty {
				name = g.fixed.tags[tg]
			}
			if tagTypes[tg] != keepType {
				typ = tagTypes[tg]
			}
		}
		size, _ := h.ObjectBody(a)
		trace := uint32(0)
		if tr != nil {
			trace = tr.traceNodeOf(a)
		}
		w.node(typ, res.resolve(name), uint32(ids.table[i].id), size, g.edgeCount(i), trace)
		i++
	})
	// Number nodes; from here on the interned names are all known.
	res.interned = uint32(len(g.names.list))
	strType := typeString
	for j := uint32(0); j < g.heapNumberChildren; j++ {
		w.node(strType, res.resolve(refNumber|nameRef(j)), uint32(ids.assign()), 0, 0, 0)
	}
	smiName := res.resolve(g.fixed.smiNumber)
	for k := range g.smiList {
		w.node(typeNumber, smiName, uint32(ids.assign()), 0, 1, 0)
		w.node(strType, res.resolve(refNumber|nameRef(g.heapNumberChildren+uint32(k))), uint32(ids.assign()), 0, 0, 0)
	}
	w.raw("],\n")
}

func (g *generator) writeEdges() {
	w := g.w
	w.startArray(`"edges":[`)
	w.edge(uint32(edgeElement), 1, gcRootsNode*nodeFieldCount)
	for _, e := range g.rootShortcuts {
		g.namedNode(edgeShortcut, e.name, e.to)
	}
	for i := range numSubroots {
		w.edge(uint32(edgeElement), uint32(i+1), uint32(firstSubrootNode+i)*nodeFieldCount)
	}
	for _, edges := range g.subEdges {
		for _, e := range edges {
			if e.weak {
				g.namedNode(edgeWeak, e.name, e.to)
			} else {
				g.namedNode(edgeInternal, e.name, e.to)
			}
		}
	}
	g.heapNumberOrdinal = 0
	g.ix.forEach(g.extract)
	smiBase := g.extrasBase + g.heapNumberChildren
	for k := range g.smiList {
		g.namedNode(edgeInternal, g.fixed.value, smiBase+2*uint32(k)+1)
	}
}

func (g *generator) writeLocations() {
	w, h := g.w, g.h
	w.startArray(`"locations":[`)
	g.ix.forEach(func(a layout.Addr) {
		m := h.MapOf(a)
		t := layout.InstanceType(h.U16(m, layout.MapInstanceTypeOffset))
		if !t.IsJSObject() {
			return
		}
		if l := g.nodeLocation(a, m, t); l.ok {
			w.location(g.ix.node(a)*nodeFieldCount, l)
		}
	})
	w.raw("],\n")
}

func (g *generator) writeStrings() {
	w, h := g.w, g.h
	w.raw(`"strings":["<dummy>"`)
	g.ix.forEachString(func(a layout.Addr) {
		w.stringStart()
		n := uint32(min(h.Field(a, layout.StringLengthOffset).SmiValue(), nameLimit))
		switch h.InstanceType(a) {
		case layout.InternalizedOneByteStringType, layout.SeqOneByteStringType:
			w.buf = appendLatin1(w.buf, h.Bytes(a, layout.SeqStringCharsOffset, n))
		default:
			w.buf = appendUTF16(w.buf, h.Uint16s(a, layout.SeqStringCharsOffset, n))
		}
		w.stringEnd()
	})
	for i := uint32(0); i < g.decimals; i++ {
		w.stringStart()
		w.buf = appendUint32(w.buf, i)
		w.stringEnd()
	}
	for _, s := range g.names.list {
		w.stringStart()
		w.buf = appendGoString(w.buf, s)
		w.stringEnd()
	}
	if g.heapNumberChildren > 0 {
		g.ix.forEach(func(a layout.Addr) {
			if h.InstanceType(a) == layout.HeapNumberType {
				w.stringStart()
				w.buf = appendJSNumber(w.buf, h.F64(a, layout.HeapNumberValueOffset))
				w.stringEnd()
			}
		})
	}
	for _, v := range g.smiList {
		w.stringStart()
		w.buf = appendDecimal(w.buf, int64(v))
		w.stringEnd()
	}
}
