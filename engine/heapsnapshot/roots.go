package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// GC roots. V8 hangs every root under a synthetic "(GC roots)" node, one
// subroot per kind of root (read-only roots, strong roots, handles, global
// handles, the string table…), with internal edges named after the root when
// it has a name in V8's root table ("undefined_value", "empty_string") and
// numbered 1, 2, 3… otherwise.
//
// The heap lists its roots by kind (heap.VisitRootValues): registered root
// sets go under the subroot their name gives ("(Stack roots)"…, "(Strong
// roots)" when unnamed), handles under "(Handle scope)", global handles under
// "(Global handles)" (weak ones with weak edges). The internalized strings
// hang under "(Internalized strings)". After the snapshot's full GC that
// reaches every object; as a safety net, an object nothing reaches (and the
// first object of an unreached cycle) still gets an edge from "(Unknown)", so
// every node is reachable from the root, as DevTools' dominator computation
// requires.

// rootEdge is an edge from a synthetic node.
type rootEdge struct {
	name nameRef
	to   uint32 // node index
	weak bool
}

// roRootNames names the read-only roots as V8's RootsTable does.
func (g *generator) roRootNames() []struct {
	name string
	v    layout.Value
} {
	r := &g.f.Roots
	return []struct {
		name string
		v    layout.Value
	}{
		{"free_space_map", r.FreeSpaceMap}, {"one_pointer_filler_map", r.FillerMap},
		{"meta_map", r.MetaMap}, {"fixed_array_map", r.FixedArrayMap}, {"byte_array_map", r.ByteArrayMap},
		{"heap_number_map", r.HeapNumberMap}, {"undefined_map", r.UndefinedMap}, {"null_map", r.NullMap},
		{"boolean_map", r.BooleanMap}, {"the_hole_map", r.TheHoleMap},
		{"one_byte_internalized_string_map", r.InternalizedOneByteStringMap},
		{"internalized_string_map", r.InternalizedTwoByteStringMap},
		{"one_byte_string_map", r.SeqOneByteStringMap}, {"string_map", r.SeqTwoByteStringMap},
		{"cons_one_byte_string_map", r.ConsOneByteStringMap}, {"cons_string_map", r.ConsTwoByteStringMap},
		{"symbol_map", r.SymbolMap}, {"descriptor_array_map", r.DescriptorArrayMap},
		{"transition_array_map", r.TransitionArrayMap}, {"property_array_map", r.PropertyArrayMap},
		{"name_dictionary_map", r.NameDictionaryMap}, {"scope_info_map", r.ScopeInfoMap},
		{"shared_function_info_map", r.SharedFunctionInfoMap}, {"script_map", r.ScriptMap},
		{"many_closures_cell_map", r.FeedbackCellMap}, {"feedback_vector_map", r.FeedbackVectorMap},
		{"accessor_pair_map", r.AccessorPairMap}, {"bytecode_array_map", r.BytecodeArrayMap},
		{"function_context_map", r.FunctionContextMap}, {"block_context_map", r.BlockContextMap},
		{"native_context_map", r.NativeContextMap},
		{"undefined_value", r.Undefined}, {"null_value", r.Null}, {"true_value", r.True},
		{"false_value", r.False}, {"the_hole_value", r.TheHole}, {"empty_string", r.EmptyString},
		{"empty_fixed_array", r.EmptyFixedArray}, {"nan_value", r.NaN},
	}
}

// addRootEdge adds an edge from subroot s to the object v: named after v if
// it is a named root, else numbered, as V8's SetGcSubrootReference. A weak
// edge does not make its target reachable.
func (g *generator) addRootEdge(s subroot, v layout.Value, weak bool) {
	if !v.IsHeapObject() {
		return
	}
	to := g.ix.node(v.Addr())
	name, ok := g.roNames[v.Addr()]
	if !ok {
		name = g.decimal(uint32(len(g.subEdges[s]) + 1))
	}
	g.subEdges[s] = append(g.subEdges[s], rootEdge{name, to, weak})
	if !weak {
		g.markFrom(v.Addr())
	}
}

// subrootNamed returns the subroot a registered root set's name selects,
// "(Strong roots)" for an unnamed or unknown one.
func subrootNamed(name string) subroot {
	for i, n := range subrootNames {
		if n == name && name != "" {
			return subroot(i)
		}
	}
	return subrootStrongRoots
}

// buildRoots finds the roots and the root edges. It marks what each root
// reaches, then infers roots for whatever is left (see above).
func (g *generator) buildRoots() {
	g.marked = make([]uint64, (g.ix.objects+63)/64)
	names := g.roRootNames()
	g.roNames = make(map[layout.Addr]nameRef, len(names))
	for _, n := range names {
		if _, dup := g.roNames[n.v.Addr()]; !dup {
			g.roNames[n.v.Addr()] = g.names.intern(n.name)
		}
	}
	for _, n := range names {
		g.addRootEdge(subrootReadOnlyRoots, n.v, false)
	}
	h := g.h
	h.VisitRootValues(func(k heap.RootKind, set string, v layout.Value) {
		switch k {
		case heap.RootStrong:
			g.addRootEdge(subrootNamed(set), v, false)
		case heap.RootHandle:
			g.addRootEdge(subrootHandleScope, v, false)
		case heap.RootGlobal, heap.RootWeakGlobal:
			g.addRootEdge(subrootGlobalHandles, v, k == heap.RootWeakGlobal)
		}
	})
	g.ix.forEachString(func(a layout.Addr) {
		if t := h.InstanceType(a); t == layout.InternalizedOneByteStringType || t == layout.InternalizedTwoByteStringType {
			g.addRootEdge(subrootInternalizedStrings, a.Value(), false)
		}
	})
	// Inferred roots: unreached objects nothing refers to, then one object
	// of each unreached cycle.
	for pass := 0; pass < 2; pass++ {
		g.ix.forEach(func(a layout.Addr) {
			if !g.isMarked(a) && (pass == 1 || !g.ix.referenced(a)) {
				g.addRootEdge(subrootUnknown, a.Value(), false)
			}
		})
	}
	g.marked = nil
	if !g.opts.ExposeInternals {
		// V8 adds shortcuts from the root to the global objects, so that
		// DevTools starts its distances there.
		for _, a := range g.ix.globals {
			g.rootShortcuts = append(g.rootShortcuts, rootEdge{name: g.decimal(uint32(len(g.rootShortcuts) + 2)), to: g.ix.node(a)})
		}
	}
}

// isMarked reports whether marking reached the object at a.
func (g *generator) isMarked(a layout.Addr) bool {
	i := g.ix.node(a) - firstObjectNode
	return g.marked[i>>6]&(1<<(i&63)) != 0
}

// markFrom marks everything reachable from the object at a through its
// tagged fields (the real references, which the snapshot's edges cover). It
// is a depth-first walk whose stack holds one frame per object being scanned
// (object and next field), so a wide object (a big array) takes one frame,
// not one per element.
func (g *generator) markFrom(a layout.Addr) {
	if !g.mark(a) {
		return
	}
	h := g.h
	_, end := h.ObjectBody(a)
	stack := append(g.stack[:0], markFrame{a, 0, end})
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		pushed := false
		for top.off < top.end {
			v := h.Field(top.obj, top.off)
			top.off += layout.TaggedSize
			if v.IsHeapObject() && g.mark(v.Addr()) {
				_, end := h.ObjectBody(v.Addr())
				if len(stack) == cap(stack) {
					stack = append(make([]markFrame, 0, 2*cap(stack)), stack...)
				}
				stack = append(stack, markFrame{v.Addr(), 0, end})
				pushed = true
				break
			}
		}
		if !pushed {
			stack = stack[:len(stack)-1]
		}
	}
	g.stack = stack
}

// markFrame is an object being scanned by markFrom.
type markFrame struct {
	obj      layout.Addr
	off, end uint32
}

// mark sets the mark of the object at a, reporting whether it was clear.
func (g *generator) mark(a layout.Addr) bool {
	i := g.ix.node(a) - firstObjectNode
	if g.marked[i>>6]&(1<<(i&63)) != 0 {
		return false
	}
	g.marked[i>>6] |= 1 << (i & 63)
	return true
}
