package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Edge extraction, after V8's V8HeapExplorer::ExtractReferences: per object,
// its type's named edges (properties, elements, __proto__, internal fields),
// then "map", then a hidden edge for every other field that refers to an
// object, numbered in field order. The same code runs twice: once to count
// (the header needs edge_count before any node is written), once to write.
// Edges to "inessential" read-only objects (oddballs, the empty fixed array,
// a few maps) are left out of internal and hidden edges, as V8 does; property,
// element and context edges keep them (a property holding undefined shows).

// named adds an edge whose name is a string, to the object v. Counting
// needs no node index, so the target's rank is only computed when writing.
func (g *generator) named(t edgeType, name nameRef, v layout.Value) {
	if g.writing {
		g.w.edge(uint32(t), g.res.resolve(name), g.ix.node(v.Addr())*nodeFieldCount)
		return
	}
	g.count++
}

// namedNode adds an edge whose name is a string, to node to.
func (g *generator) namedNode(t edgeType, name nameRef, to uint32) {
	if g.writing {
		g.w.edge(uint32(t), g.res.resolve(name), to*nodeFieldCount)
		return
	}
	g.count++
}

// indexed adds an element or hidden edge (named by a number) to the object v.
func (g *generator) indexed(t edgeType, index uint32, v layout.Value) {
	if g.writing {
		g.w.edge(uint32(t), index, g.ix.node(v.Addr())*nodeFieldCount)
		return
	}
	g.count++
}

// decimal returns the name "i" of index-named edges.
func (g *generator) decimal(i uint32) nameRef {
	if i >= g.decimals {
		g.decimals = i + 1
	}
	return refDecimal | nameRef(i)
}

// essential reports whether internal and hidden edges may lead to v: an
// object, and not one of the read-only objects V8 leaves out
// (IsEssentialObject: oddballs, the empty fixed array, a few maps).
func (g *generator) essential(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	a := v.Addr()
	if !g.ix.pages[a>>pageShift].ro {
		return true
	}
	for _, x := range g.nonEssential {
		if x == a {
			return false
		}
	}
	return true
}

// valueEdge adds a property, element or context edge to v: to its object,
// or for a Smi to its "smi number" node when numbers are captured (V8's
// GetEntry). It reports whether it added one.
func (g *generator) valueEdge(t edgeType, name nameRef, index uint32, v layout.Value) bool {
	named := t != edgeElement
	if v.IsHeapObject() {
		if named {
			g.named(t, name, v)
		} else {
			g.indexed(t, index, v)
		}
		return true
	}
	if !g.opts.CaptureNumericValue {
		return false
	}
	to := g.smiNode(int32(v.SmiValue()))
	if !g.writing {
		g.count++
	} else if named {
		g.w.edge(uint32(t), g.res.resolve(name), to*nodeFieldCount)
	} else {
		g.w.edge(uint32(t), index, to*nodeFieldCount)
	}
	return true
}

// visit marks the field at off as covered by a named edge, so the hidden
// pass skips it; off < 0 is a field of another object.
func (g *generator) visit(off int) {
	if off >= 0 {
		w := uint32(off) / layout.TaggedSize
		g.visited[w>>6] |= 1 << (w & 63)
	}
}

// internal adds an internal edge to v when v is essential (SetInternalReference).
func (g *generator) internal(name nameRef, v layout.Value, off int) {
	if g.essential(v) {
		g.named(edgeInternal, name, v)
		g.visit(off)
	}
}

// property adds a property edge named name (internal when the key is the
// empty string), as SetPropertyReference.
func (g *generator) property(name nameRef, emptyKey bool, v layout.Value, off int) {
	t := edgeProperty
	if emptyKey {
		t = edgeInternal
	}
	if g.valueEdge(t, name, 0, v) {
		g.visit(off)
	}
}

// propertyKey adds a property edge named by a property key.
func (g *generator) propertyKey(key, v layout.Value, off int) {
	name, empty := g.keyName(key)
	g.property(name, empty, v, off)
}

// accessorProperty adds the edges of an accessor property: to its pair, and
// "get key" / "set key" to its getter and setter (ExtractAccessorPairProperty).
func (g *generator) accessorProperty(key, pair layout.Value, off int) {
	h := g.h
	if !pair.IsHeapObject() || h.MapOf(pair.Addr()) != g.f.Roots.AccessorPairMap.Addr() {
		return
	}
	g.propertyKey(key, pair, off)
	for i, fieldOff := range [2]uint32{layout.AccessorPairGetterOffset, layout.AccessorPairSetterOffset} {
		fn := h.Field(pair.Addr(), fieldOff)
		if !fn.IsHeapObject() || h.InstanceType(fn.Addr()) == layout.OddballType {
			continue
		}
		name, empty := g.accessorName(key, i == 0)
		g.property(name, empty, fn, -1)
	}
}

// hidden adds a hidden edge for each field of [0, end) that refers to an
// object and is not covered by a named edge, numbered by its place among the
// object's unvisited references (IndexedReferencesExtractor). It clears the
// visited marks.
func (g *generator) hidden(a layout.Addr, end uint32) {
	h := g.h
	next := uint32(0)
	for off := uint32(0); off < end; off += layout.TaggedSize {
		w := off / layout.TaggedSize
		if g.visited[w>>6]&(1<<(w&63)) != 0 {
			g.visited[w>>6] &^= 1 << (w & 63)
			continue
		}
		v := h.Field(a, off)
		if !v.IsHeapObject() {
			continue
		}
		if g.essential(v) {
			g.indexed(edgeHidden, next, v)
		}
		next++
	}
}

// extract adds the edges of the object at a.
func (g *generator) extract(a layout.Addr) {
	h := g.h
	m := h.MapOf(a)
	t := layout.InstanceType(h.U16(m, layout.MapInstanceTypeOffset))
	_, end := h.ObjectBody(a)
	if need := int(end/layout.TaggedSize/64 + 1); need > len(g.visited) {
		g.visited = make([]uint64, need)
	}
	hiddenPass := true
	switch {
	case t.IsJSObject():
		g.jsObjectRefs(a, m, t)
	case t == layout.ConsOneByteStringType || t == layout.ConsTwoByteStringType:
		g.internal(g.fixed.first, h.Field(a, layout.ConsStringFirstOffset), layout.ConsStringFirstOffset)
		g.internal(g.fixed.second, h.Field(a, layout.ConsStringSecondOffset), layout.ConsStringSecondOffset)
	case t == layout.SymbolType:
		g.internal(g.fixed.name, h.Field(a, layout.SymbolDescriptionOffset), layout.SymbolDescriptionOffset)
	case t == layout.MapType:
		g.mapRefs(a)
	case t == layout.SharedFunctionInfoType:
		g.internal(g.fixed.nameOrScopeInfo, h.Field(a, layout.SharedNameOffset), layout.SharedNameOffset)
		g.internal(g.fixed.scriptOrDebugInfo, h.Field(a, layout.SharedScriptOffset), layout.SharedScriptOffset)
		g.internal(g.fixed.functionData, h.Field(a, layout.SharedFunctionDataOffset), layout.SharedFunctionDataOffset)
		g.internal(g.fixed.rawOuterScopeInfo, h.Field(a, layout.SharedOuterScopeInfoOffset), layout.SharedOuterScopeInfoOffset)
		g.internal(g.fixed.scopeInfo, h.Field(a, layout.SharedScopeInfoOffset), layout.SharedScopeInfoOffset)
	case t == layout.ScriptType:
		g.internal(g.fixed.source, h.Field(a, layout.ScriptSourceOffset), layout.ScriptSourceOffset)
		g.internal(g.fixed.name, h.Field(a, layout.ScriptNameOffset), layout.ScriptNameOffset)
		lineEnds := h.Field(a, layout.ScriptLineEndsOffset)
		g.tag(lineEnds, tagScriptLineEnds)
		g.internal(g.fixed.lineEnds, lineEnds, layout.ScriptLineEndsOffset)
	case t == layout.AccessorPairType:
		g.internal(g.fixed.getter, h.Field(a, layout.AccessorPairGetterOffset), layout.AccessorPairGetterOffset)
		g.internal(g.fixed.setter, h.Field(a, layout.AccessorPairSetterOffset), layout.AccessorPairSetterOffset)
	case t == layout.FeedbackCellType:
		g.internal(g.fixed.value, h.Field(a, layout.FeedbackCellValueOffset), layout.FeedbackCellValueOffset)
	case t == layout.FeedbackVectorType:
		if !g.writing {
			if c := h.Field(a, layout.FeedbackVectorClosureFeedbackCellsOffset); g.isPlainFixedArray(c) {
				g.tag(c, tagClosureFeedbackCellArray)
			}
			for off := uint32(layout.FeedbackVectorHeaderSize); off < end; off += layout.TaggedSize {
				if s := h.Field(a, off); g.isPlainFixedArray(s) {
					g.tag(s, tagFeedback)
				}
			}
		}
	case t == layout.BytecodeArrayType:
		if !g.writing {
			g.tagConstantPool(h.Field(a, layout.BytecodeArrayConstantPoolOffset), 3)
			g.tag(h.Field(a, layout.BytecodeArrayHandlerTableOffset), tagHandlerTable)
			g.tag(h.Field(a, layout.BytecodeArraySourcePositionTableOffset), tagSourcePositionTable)
		}
	case t == layout.FunctionContextType || t == layout.BlockContextType || t == layout.NativeContextType:
		g.contextRefs(a, t)
	case t == layout.FixedArrayType || t == layout.NameDictionaryType:
		// Every slot is an internal edge named by its index (V8's
		// ExtractFixedArrayReferences; a NameDictionary is a FixedArray to
		// V8), so no field is left for hidden edges.
		n := uint32(h.Field(a, layout.FixedArrayLengthOffset).SmiValue())
		hdr := arrayHeader(h, m)
		for i := uint32(0); i < n; i++ {
			if v := h.Field(a, hdr+i*layout.TaggedSize); g.essential(v) {
				g.named(edgeInternal, g.decimal(i), v)
			}
		}
		hiddenPass = false
	case t == layout.DescriptorArrayType:
		// Descriptor slots (key, details, value) are internal edges named
		// by their index among the descriptor slots; the enum cache, a Smi
		// here, would be "enum_cache".
		n := uint32(h.Field(a, layout.FixedArrayLengthOffset).SmiValue())
		for i := uint32(2); i < n; i++ {
			if v := h.Field(a, layout.FixedArrayHeaderSize+i*layout.TaggedSize); g.essential(v) {
				g.named(edgeInternal, g.decimal(i-2), v)
			}
		}
		hiddenPass = false
	case t == layout.HeapNumberType:
		if g.opts.CaptureNumericValue {
			g.namedNode(edgeInternal, g.fixed.value, g.heapNumberChild())
		}
	}
	g.internal(g.fixed.mapEdge, m.Value(), layout.MapOffset)
	if hiddenPass {
		g.hidden(a, end)
	} else {
		g.visited[0] = 0
	}
}

// jsObjectRefs adds the edges of a JavaScript object (ExtractJSObjectReferences).
func (g *generator) jsObjectRefs(a, m layout.Addr, t layout.InstanceType) {
	h, f := g.h, g.f
	props := h.Field(a, layout.JSObjectPropertiesOrHashOffset)
	if h.U32(m, layout.MapBitField3Offset)&layout.MapIsDictionaryMap != 0 {
		g.dictionaryProperties(props)
	} else {
		g.fastProperties(a, m, props)
	}
	g.elementRefs(a, t)
	g.property(g.fixed.proto, false, h.Field(m, layout.MapPrototypeOffset), -1)
	switch t {
	case layout.JSFunctionType:
		if pom := h.Field(a, layout.JSFunctionPrototypeOrInitialMapOffset); pom != f.Roots.TheHole {
			if g.isMap(pom) {
				g.property(g.fixed.prototype, false, h.Field(pom.Addr(), layout.MapPrototypeOffset), -1)
				g.internal(g.fixed.initialMap, pom, layout.JSFunctionPrototypeOrInitialMapOffset)
			} else {
				g.property(g.fixed.prototype, false, pom, layout.JSFunctionPrototypeOrInitialMapOffset)
			}
		}
		g.internal(g.fixed.feedbackCell, h.Field(a, layout.JSFunctionFeedbackCellOffset), layout.JSFunctionFeedbackCellOffset)
		g.internal(g.fixed.shared, h.Field(a, layout.JSFunctionSharedOffset), layout.JSFunctionSharedOffset)
		g.internal(g.fixed.context, h.Field(a, layout.JSFunctionContextOffset), layout.JSFunctionContextOffset)
	case layout.JSGlobalObjectType:
		g.internal(g.fixed.nativeContext, h.Field(a, layout.JSGlobalObjectNativeContextOffset), layout.JSGlobalObjectNativeContextOffset)
		g.internal(g.fixed.globalProxy, h.Field(a, layout.JSGlobalObjectGlobalProxyOffset), layout.JSGlobalObjectGlobalProxyOffset)
	}
	g.tag(props, tagObjectProperties)
	g.internal(g.fixed.properties, props, layout.JSObjectPropertiesOrHashOffset)
	el := h.Field(a, layout.JSObjectElementsOffset)
	g.tag(el, tagObjectElements)
	g.internal(g.fixed.elements, el, layout.JSObjectElementsOffset)
}

// fastProperties adds the property edges of a fast-mode object: one per own
// descriptor, its value read from the field the descriptor names. Without
// captureNumericValue, number-valued fields are skipped (V8 skips Smi and
// double representations); a heap number left so gets a hidden edge.
func (g *generator) fastProperties(a, m layout.Addr, props layout.Value) {
	h, f := g.h, g.f
	n := int(h.U32(m, layout.MapBitField3Offset) & layout.MapNumberOfOwnDescriptorsMask)
	if n == 0 {
		return
	}
	d := h.Field(m, layout.MapInstanceDescriptorsOffset)
	inObject := int(h.U8(m, layout.MapInObjectPropertiesOffset))
	size := int(h.U32(m, layout.MapInstanceSizeOffset))
	for i := 0; i < n; i++ {
		key, det := f.DescriptorKey(d, i), f.DescriptorDetails(d, i)
		var v layout.Value
		off := -1
		if det.Location() == objects.LocationDescriptor {
			v = f.DescriptorValue(d, i)
		} else {
			fi := det.FieldIndex()
			if fi < inObject {
				off = size - (inObject-fi)*layout.TaggedSize
				v = h.Field(a, uint32(off))
			} else {
				v = h.Field(props.Addr(), uint32(layout.FixedArrayHeaderSize+(fi-inObject)*layout.TaggedSize))
			}
			if !g.opts.CaptureNumericValue && (v.IsSmi() || h.MapOf(v.Addr()) == g.f.Roots.HeapNumberMap.Addr()) {
				continue
			}
		}
		if det.Kind() == objects.KindAccessor {
			g.accessorProperty(key, v, off)
		} else {
			g.propertyKey(key, v, off)
		}
	}
}

// dictionaryProperties adds the property edges of a dictionary-mode object,
// in the dictionary's entry order.
func (g *generator) dictionaryProperties(d layout.Value) {
	f := g.f
	if !d.IsHeapObject() || d == f.Roots.EmptyFixedArray {
		return
	}
	for e, n := 0, f.DictionaryCapacity(d); e < n; e++ {
		k := f.DictionaryKey(d, e)
		if k == f.Roots.Undefined || k == f.Roots.TheHole {
			continue
		}
		v := f.DictionaryValue(d, e)
		if f.DictionaryDetails(d, e).Kind() == objects.KindAccessor {
			g.accessorProperty(k, v, -1)
		} else {
			g.propertyKey(k, v, -1)
		}
	}
}

// elementRefs adds an element edge per element that is not a hole, up to an
// array's length.
func (g *generator) elementRefs(a layout.Addr, t layout.InstanceType) {
	h, f := g.h, g.f
	el := h.Field(a, layout.JSObjectElementsOffset)
	if !el.IsHeapObject() || h.MapOf(el.Addr()) != f.Roots.FixedArrayMap.Addr() {
		return
	}
	n := uint32(h.Field(el.Addr(), layout.FixedArrayLengthOffset).SmiValue())
	if t == layout.JSArrayType {
		n = min(n, f.ArrayLength(a.Value()))
	}
	hole := f.Roots.TheHole
	for i := uint32(0); i < n; i++ {
		v := h.Field(el.Addr(), layout.FixedArrayHeaderSize+i*layout.TaggedSize)
		if v != hole {
			g.valueEdge(edgeElement, 0, i, v)
		}
	}
}

// mapRefs adds the edges of a map (ExtractMapReferences).
func (g *generator) mapRefs(a layout.Addr) {
	h := g.h
	if tr := h.Field(a, layout.MapTransitionsOffset); tr.IsHeapObject() {
		if h.MapOf(tr.Addr()) == g.f.Roots.TransitionArrayMap.Addr() {
			g.tag(h.Field(tr.Addr(), layout.FixedArrayHeaderSize), tagPrototypeTransitions)
			g.internal(g.fixed.transitions, tr, layout.MapTransitionsOffset)
		} else {
			// A single transition: V8 holds it weakly, this engine
			// strongly, so it stays an internal edge.
			g.internal(g.fixed.transition, tr, layout.MapTransitionsOffset)
		}
	}
	g.internal(g.fixed.prototypeInfo, h.Field(a, layout.MapPrototypeInfoOffset), layout.MapPrototypeInfoOffset)
	g.internal(g.fixed.descriptors, h.Field(a, layout.MapInstanceDescriptorsOffset), layout.MapInstanceDescriptorsOffset)
	g.internal(g.fixed.prototype, h.Field(a, layout.MapPrototypeOffset), layout.MapPrototypeOffset)
	cb := h.Field(a, layout.MapConstructorOrBackPointerOffset)
	if g.isMap(cb) {
		g.internal(g.fixed.backPointer, cb, layout.MapConstructorOrBackPointerOffset)
	} else {
		g.internal(g.fixed.constructor, cb, layout.MapConstructorOrBackPointerOffset)
	}
}

// contextRefs adds the edges of a context (ExtractContextReferences): a
// context edge per variable of a declaration context, then its fixed slots.
func (g *generator) contextRefs(a layout.Addr, t layout.InstanceType) {
	h, f := g.h, g.f
	slot := func(i int) uint32 { return uint32(layout.FixedArrayHeaderSize + i*layout.TaggedSize) }
	si := h.Field(a, slot(layout.ContextScopeInfoIndex))
	if t != layout.NativeContextType && si.IsHeapObject() && h.InstanceType(si.Addr()) == layout.ScopeInfoType &&
		isDeclarationScope(t, f.ScopeInfoKind(si)) {
		n := h.Field(a, layout.FixedArrayLengthOffset).SmiValue()
		for i, vars := 0, f.ScopeInfoContextLocalCount(si); i < vars; i++ {
			idx := layout.ContextMinSlots + i
			if idx >= n {
				break
			}
			name, _ := g.keyName(f.ScopeInfoContextLocalName(si, i))
			if g.valueEdge(edgeContext, name, 0, h.Field(a, slot(idx))) {
				g.visit(int(slot(idx)))
			}
		}
	}
	g.internal(g.fixed.scopeInfo, si, int(slot(layout.ContextScopeInfoIndex)))
	g.internal(g.fixed.previous, h.Field(a, slot(layout.ContextPreviousIndex)), int(slot(layout.ContextPreviousIndex)))
	if ext := h.Field(a, slot(layout.ContextExtensionIndex)); ext != f.Roots.Undefined {
		g.internal(g.fixed.extension, ext, int(slot(layout.ContextExtensionIndex)))
	}
}

// isDeclarationScope reports whether a context of type t whose scope is of
// kind k declares variables V8 lists as context edges
// (Context::is_declaration_context): function contexts do; block contexts
// only for declaration scopes, which ordinary blocks and catch clauses are not.
func isDeclarationScope(t layout.InstanceType, k objects.ScopeKind) bool {
	if t == layout.FunctionContextType {
		return true
	}
	switch k {
	case objects.FunctionScope, objects.ModuleScope, objects.ScriptScope, objects.EvalScope:
		return true
	}
	return false
}

// isMap reports whether v is a map.
func (g *generator) isMap(v layout.Value) bool {
	return v.IsHeapObject() && g.h.MapOf(v.Addr()) == g.f.Roots.MetaMap.Addr()
}

// isPlainFixedArray reports whether v is a FixedArray of the plain map
// (V8's IsFixedArrayExact).
func (g *generator) isPlainFixedArray(v layout.Value) bool {
	return v.IsHeapObject() && g.h.MapOf(v.Addr()) == g.f.Roots.FixedArrayMap.Addr()
}

// tag gives the object v a tag, during the counting pass (TagObject). The
// first tag wins.
func (g *generator) tag(v layout.Value, t tag) {
	if g.writing || !g.essential(v) {
		return
	}
	if i := g.ix.node(v.Addr()) - firstObjectNode; g.tags[i] == tagNone {
		g.tags[i] = t
	}
}

// tagConstantPool tags a constant pool and the arrays nested in it, to depth
// levels (RecursivelyTagConstantPool).
func (g *generator) tagConstantPool(v layout.Value, depth int) {
	depth--
	switch {
	case g.isPlainFixedArray(v):
		g.tag(v, tagConstantPool)
		if depth <= 0 {
			return
		}
		n := g.h.Field(v.Addr(), layout.FixedArrayLengthOffset).SmiValue()
		for i := 0; i < n; i++ {
			g.tagConstantPool(g.h.Field(v.Addr(), uint32(layout.FixedArrayHeaderSize+i*layout.TaggedSize)), depth)
		}
	case v.IsHeapObject() && g.h.InstanceType(v.Addr()) == layout.NameDictionaryType:
		g.tag(v, tagConstantPool)
	}
}

// heapNumberChild returns the node of the current heap number's "value"
// string (captureNumericValue): heap numbers are visited in node order in
// both passes, so their children are numbered by a counter.
func (g *generator) heapNumberChild() uint32 {
	n := g.extrasBase + g.heapNumberOrdinal
	g.heapNumberOrdinal++
	return n
}

// smiNode returns the node of the "smi number" of value v, one per distinct
// value as in V8, registering it during the counting pass.
func (g *generator) smiNode(v int32) uint32 {
	i, ok := g.smis[v]
	if !ok {
		i = uint32(len(g.smiList))
		g.smis[v] = i
		g.smiList = append(g.smiList, v)
	}
	return g.extrasBase + g.heapNumberChildren + 2*i
}
