package heapsnapshot

import (
	"math"
	"strconv"

	"github.com/sonde-js/sonde/engine/layout"
)

// The snapshot's strings table is laid out so that no pass has to remember a
// string it can find again in the heap:
//
//	0                  "<dummy>" (as V8)
//	1 … K              the contents of the K string nodes, in node order
//	K+1 … K+D          "0" … "D-1": index-named edges (array slots)
//	K+D+1 … K+D+M      the M interned names (system names, formatted names…)
//	K+D+M+1 …          the texts of number values (captureNumericValue)
//
// A name is kept as a nameRef (its kind and its place within its block) and
// resolved to a final index only when written, since K is known after the
// index is built, D and M only after the counting pass. A property key or a
// function name is a heap string, so its name is that string's own entry: no
// copy, no hash table.

// nameRef is a name before resolution: a kind in its top two bits, its
// place within that kind's block in the rest.
type nameRef uint32

const (
	refHeapString nameRef = iota << 30
	refDecimal
	refInterned
	refNumber
	refKindMask  = 3 << 30
	refValueMask = 1<<30 - 1
)

// internTable holds the names that are not heap strings, each once.
type internTable struct {
	index map[string]uint32
	list  []string
}

// intern returns the reference of name s, adding it if new.
func (t *internTable) intern(s string) nameRef {
	i, ok := t.index[s]
	if !ok {
		i = uint32(len(t.list))
		t.index[s] = i
		t.list = append(t.list, s)
	}
	return refInterned | nameRef(i)
}

// resolver turns name references into strings-table indices.
type resolver struct {
	heapStrings, decimals, interned uint32
}

func (r *resolver) resolve(n nameRef) uint32 {
	v := uint32(n & refValueMask)
	switch n & refKindMask {
	case refHeapString:
		return 1 + v
	case refDecimal:
		return 1 + r.heapStrings + v
	case refInterned:
		return 1 + r.heapStrings + r.decimals + v
	}
	return 1 + r.heapStrings + r.decimals + r.interned + v
}

// fixedNames are the names every snapshot uses, interned once up front so
// the hot paths never look them up.
type fixedNames struct {
	empty, proto, mapEdge, properties, elements, prototype, initialMap         nameRef
	feedbackCell, shared, context, nativeContext, globalProxy, first, second   nameRef
	name, transitions, transition, prototypeInfo, descriptors, backPointer     nameRef
	constructor, nameOrScopeInfo, scriptOrDebugInfo, functionData              nameRef
	rawOuterScopeInfo, source, lineEnds, getter, setter, value, scopeInfo      nameRef
	previous, extension, symbol, smiNumber, heapNumber, concatString           nameRef
	privateSymbol, symbolKey, sharedFunctionInfo, systemMap, oddball           nameRef
	contextSys, nativeContextSys, descriptorArray, transitionArray, propArray  nameRef
	accessorPair, feedbackCellSys, feedbackVector, bytecodeArray, scopeInfoSys nameRef
	objectName, arrayName, functionName, globalName, gcRoots                   nameRef
	bigint                                                                     nameRef
	subroots                                                                   [numSubroots]nameRef
	stringMaps                                                                 [layout.SymbolType]nameRef
	tags                                                                       [numTags]nameRef
}

func (n *fixedNames) init(t *internTable) {
	for _, e := range []struct {
		ref *nameRef
		s   string
	}{
		{&n.empty, ""}, {&n.proto, "__proto__"}, {&n.mapEdge, "map"}, {&n.properties, "properties"},
		{&n.elements, "elements"}, {&n.prototype, "prototype"}, {&n.initialMap, "initial_map"},
		{&n.feedbackCell, "feedback_cell"}, {&n.shared, "shared"}, {&n.context, "context"},
		{&n.nativeContext, "native_context"}, {&n.globalProxy, "global_proxy"}, {&n.first, "first"},
		{&n.second, "second"}, {&n.name, "name"}, {&n.transitions, "transitions"},
		{&n.transition, "transition"}, {&n.prototypeInfo, "prototype_info"},
		{&n.descriptors, "descriptors"}, {&n.backPointer, "back_pointer"}, {&n.constructor, "constructor"},
		{&n.nameOrScopeInfo, "name_or_scope_info"}, {&n.scriptOrDebugInfo, "script_or_debug_info"},
		{&n.functionData, "function_data"}, {&n.rawOuterScopeInfo, "raw_outer_scope_info_or_feedback_metadata"},
		{&n.source, "source"}, {&n.lineEnds, "line_ends"}, {&n.getter, "getter"}, {&n.setter, "setter"},
		{&n.value, "value"}, {&n.scopeInfo, "scope_info"}, {&n.previous, "previous"},
		{&n.extension, "extension"}, {&n.symbol, "symbol"}, {&n.smiNumber, "smi number"},
		{&n.heapNumber, "heap number"}, {&n.bigint, "bigint"}, {&n.concatString, "(concatenated string)"},
		{&n.privateSymbol, "private symbol"}, {&n.symbolKey, "<symbol>"},
		{&n.sharedFunctionInfo, "(shared function info)"}, {&n.systemMap, "system / Map"},
		{&n.oddball, "system / Oddball"}, {&n.contextSys, "system / Context"},
		{&n.nativeContextSys, "system / NativeContext"}, {&n.descriptorArray, "system / DescriptorArray"},
		{&n.transitionArray, "system / TransitionArray"}, {&n.propArray, "system / PropertyArray"},
		{&n.accessorPair, "system / AccessorPair"}, {&n.feedbackCellSys, "system / FeedbackCell"},
		{&n.feedbackVector, "system / FeedbackVector"}, {&n.bytecodeArray, "system / BytecodeArray"},
		{&n.scopeInfoSys, "system / ScopeInfo"},
		{&n.objectName, "Object"}, {&n.arrayName, "Array"}, {&n.functionName, "Function"},
		{&n.globalName, "global"}, {&n.gcRoots, "(GC roots)"},
	} {
		*e.ref = t.intern(e.s)
	}
	for i, s := range subrootNames {
		n.subroots[i] = t.intern(s)
	}
	// V8 names the maps of strings by their instance type's class name
	// (STRING_TYPE_LIST).
	for ty, s := range map[layout.InstanceType]string{
		layout.InternalizedOneByteStringType: "OneByteInternalizedString",
		layout.InternalizedTwoByteStringType: "InternalizedString",
		layout.SeqOneByteStringType:          "OneByteString",
		layout.SeqTwoByteStringType:          "String",
		layout.ConsOneByteStringType:         "ConsOneByteString",
		layout.ConsTwoByteStringType:         "ConsString",
	} {
		n.stringMaps[ty] = t.intern("system / Map (" + s + ")")
	}
	for i := tag(1); i < numTags; i++ {
		n.tags[i] = t.intern(tagNames[i])
	}
}

// tag is a name (and maybe a type) a referrer gives an object that has no
// name of its own, as V8's TagObject: a properties backing store becomes
// "(object properties)", a constant pool "(constant pool)" of type code….
type tag uint8

const (
	tagNone tag = iota
	tagObjectProperties
	tagObjectElements
	tagConstantPool
	tagHandlerTable
	tagSourcePositionTable
	tagScriptLineEnds
	tagFeedback
	tagPrototypeTransitions
	tagClosureFeedbackCellArray
	numTags
)

var tagNames = [numTags]string{
	tagObjectProperties:         "(object properties)",
	tagObjectElements:           "(object elements)",
	tagConstantPool:             "(constant pool)",
	tagHandlerTable:             "(handler table)",
	tagSourcePositionTable:      "(source position table)",
	tagScriptLineEnds:           "(script line ends)",
	tagFeedback:                 "(feedback)",
	tagPrototypeTransitions:     "(prototype transitions)",
	tagClosureFeedbackCellArray: "system / ClosureFeedbackCellArray",
}

// keepType marks a tag that leaves the node's type alone.
const keepType nodeType = 255

// tagTypes are the types tags impose.
var tagTypes = [numTags]nodeType{
	tagNone:                     keepType,
	tagObjectProperties:         keepType,
	tagObjectElements:           keepType,
	tagConstantPool:             typeCode,
	tagHandlerTable:             typeCode,
	tagSourcePositionTable:      typeCode,
	tagScriptLineEnds:           typeCode,
	tagFeedback:                 typeCode,
	tagPrototypeTransitions:     typeObjectShape,
	tagClosureFeedbackCellArray: typeCode,
}

// appendDecimal appends the decimal form of a signed integer.
func appendDecimal(b []byte, i int64) []byte {
	if i < 0 {
		b = append(b, '-')
		return appendUint(b, uint64(-i))
	}
	return appendUint(b, uint64(i))
}

// appendJSNumber appends a number as JavaScript's Number::toString writes it
// (what V8's DoubleToCString gives heap snapshots): shortest round-trip
// digits, plain notation from 1e-6 up to 1e21, exponent notation outside.
func appendJSNumber(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "Infinity"...)
	case math.IsInf(v, -1):
		return append(b, "-Infinity"...)
	case v == 0:
		return append(b, '0')
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], v, 'e', -1, 64) // d.ddde±xx
	var digits []byte
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits = append(digits, e[i])
		}
	}
	exp, _ := strconv.Atoi(string(e[i+1:]))
	k, n := len(digits), exp+1 // value = 0.digits × 10^n
	switch {
	case k <= n && n <= 21:
		b = append(b, digits...)
		for ; k < n; k++ {
			b = append(b, '0')
		}
	case 0 < n && n <= 21:
		b = append(b, digits[:n]...)
		b = append(b, '.')
		b = append(b, digits[n:]...)
	case -6 < n && n <= 0:
		b = append(b, '0', '.')
		for ; n < 0; n++ {
			b = append(b, '0')
		}
		b = append(b, digits...)
	default:
		b = append(b, digits[0])
		if k > 1 {
			b = append(b, '.')
			b = append(b, digits[1:]...)
		}
		b = append(b, 'e')
		if n-1 >= 0 {
			b = append(b, '+')
		}
		b = appendDecimal(b, int64(n-1))
	}
	return b
}
