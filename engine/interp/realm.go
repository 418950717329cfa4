package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Intrinsic names an object of the realm the engine itself needs: the
// prototypes primitives and literals get, the error prototypes it throws
// with, the global object, well-known and private symbols.
type Intrinsic int

// The intrinsics.
const (
	ObjectPrototype Intrinsic = iota
	FunctionPrototype
	ArrayPrototype
	StringPrototype
	NumberPrototype
	BooleanPrototype
	SymbolPrototype
	BigIntPrototype
	IteratorPrototype
	GeneratorPrototype
	ArrayIteratorPrototype
	StringIteratorPrototype
	ErrorPrototype
	TypeErrorPrototype
	RangeErrorPrototype
	SyntaxErrorPrototype
	ReferenceErrorPrototype
	EvalErrorPrototype
	URIErrorPrototype
	ErrorMap
	TypeErrorMap
	RangeErrorMap
	SyntaxErrorMap
	ReferenceErrorMap
	EvalErrorMap
	URIErrorMap
	ObjectFunction
	FunctionFunction
	ArrayFunction
	GlobalObject
	NativeContext
	NoFeedbackCell
	SymbolIterator
	SymbolHasInstance
	SymbolToPrimitive
	SymbolToStringTag
	SymbolAsyncIterator
	SymbolMatch
	SymbolMatchAll
	SymbolReplace
	SymbolSearch
	SymbolSplit
	SymbolSpecies
	SymbolIsConcatSpreadable
	SymbolUnscopables
	// Private symbols: internal slots kept as properties no script sees.
	PrivateHomeObject
	PrivateInstanceInit
	PrivateBoundTarget
	PrivateBoundThis
	PrivateBoundArgs
	PrivateIterated
	PrivateIteratorIndex
	PrivateIteratorKind
	PrivatePrimitiveValue
	// PrivateErrorStack marks error objects ([[ErrorData]], MarkError).
	PrivateErrorStack
	PrivateGeneratorState
	PrivateIdentityHash
	PrivateMapData
	PrivateSetData
	PrivateWeak
	PrivateDeletedVirtual
	PrivateRegExpSource
	PrivateRegExpFlags
	PrivateRegExpIterator
	PrivateDateValue
	MapIteratorPrototype
	SetIteratorPrototype
	// Builtins the engine recognizes (fast paths check for them).
	ArrayValuesFunction
	ArrayIteratorNextFunction
	RegExpPrototype
	DatePrototype
	RegExpFunction
	RegExpExecFunction
	RegExpStringIteratorPrototype
	// The maps of an unmodified RegExp object and of RegExp.prototype as
	// installed: fast paths check them.
	RegExpInstanceMap
	RegExpPrototypeMap
	// Promises and async functions (promise.go, async.go).
	PromisePrototype
	PromiseFunction
	PromiseThenFunction
	AsyncGeneratorPrototype
	AsyncIteratorPrototype
	AsyncFromSyncIteratorPrototype
	PrivatePromiseState
	PrivateFunctionData
	PromiseResolveShared
	PromiseRejectShared
	PromiseCapabilityExecutorShared
	AsyncFromSyncUnwrapShared
	AsyncFromSyncCloseShared
	// The prototypes and maps of generator, async and async generator
	// functions (createClosure picks the map by the function's kind).
	GeneratorFunctionPrototype
	AsyncFunctionPrototype
	AsyncGeneratorFunctionPrototype
	GeneratorFunctionMap
	AsyncFunctionMap
	AsyncGeneratorFunctionMap
	// ProxyMap is the map every Proxy object shares.
	ProxyMap
	PrivateRevocableProxy
	// PrivateArguments marks arguments objects (their [object Arguments]).
	PrivateArguments
	// PrivateArrayLengthReadOnly marks an array whose length is not
	// writable (h-lib).
	PrivateArrayLengthReadOnly
	// EvalFunction is %eval%: a call `eval(src)` of it is a direct eval
	// (h-eval).
	EvalFunction
	// ThrowTypeErrorFunction is %ThrowTypeError%: the getter and setter of
	// unmapped arguments objects' callee (h-eval).
	ThrowTypeErrorFunction
	// ArrayBuffer, DataView and the typed arrays: prototypes and the maps
	// of their instances (one per typed array kind, in TypedArrayKind
	// order).
	ArrayBufferPrototype
	ArrayBufferMap
	DataViewPrototype
	DataViewMap
	TypedArrayPrototype
	TypedArrayFunction
	FirstTypedArrayPrototype
	FirstTypedArrayMap      = FirstTypedArrayPrototype + Intrinsic(numTypedArrayKinds)
	FirstTypedArrayFunction = FirstTypedArrayMap + Intrinsic(numTypedArrayKinds)
	ArrayBufferFunction     = FirstTypedArrayFunction + Intrinsic(numTypedArrayKinds)
	// SharedArrayBuffer's prototype, instance map and constructor (h-lib).
	SharedArrayBufferPrototype = ArrayBufferFunction + 1
	SharedArrayBufferMap       = ArrayBufferFunction + 2
	SharedArrayBufferFunction  = ArrayBufferFunction + 3
	// The maps of the arguments objects createArguments makes (sloppy:
	// callee a data property; strict) and the Smi field handlers of their
	// length, and %Function.prototype.apply% and call: optimized code
	// calls f.apply(x, arguments) and f.call(x, …) directly (tiercall.go; h-call).
	ArgumentsMap                 = ArrayBufferFunction + 4
	StrictArgumentsMap           = ArrayBufferFunction + 5
	ArgumentsLengthHandler       = ArrayBufferFunction + 6
	StrictArgumentsLengthHandler = ArrayBufferFunction + 7
	FunctionApplyFunction        = ArrayBufferFunction + 8
	FunctionCallFunction         = ArrayBufferFunction + 9
	numIntrinsics                = ArrayBufferFunction + 10
)

// ErrorKind selects one of the native error constructors.
type ErrorKind int

// The native error kinds, in the order of their intrinsics.
const (
	Error ErrorKind = iota
	TypeError
	RangeError
	SyntaxError
	ReferenceError
	EvalError
	URIError
	numErrorKinds
)

var errorNames = [numErrorKinds]string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"}

// String returns the constructor's name.
func (k ErrorKind) String() string { return errorNames[k] }

// Intrinsic returns an intrinsic object.
func (in *Interp) Intrinsic(id Intrinsic) layout.Value { return in.intrinsics[id] }

// SetIntrinsic replaces an intrinsic (the builtins install the constructors).
func (in *Interp) SetIntrinsic(id Intrinsic, v layout.Value) { in.intrinsics[id] = v }

// setUpRealm creates the objects every script relies on before any builtin
// is installed: the prototypes (each with a root map of its own, as V8 gives
// prototypes their own maps), the error prototypes and maps, the global
// object, the native context and the well-known symbols. The builtins fill
// them with functions.
func (in *Interp) setUpRealm() {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()

	// Object.prototype: its own map, prototype null.
	objProto := f.NewJSObject(f.NewJSObjectMap(4))
	in.intrinsics[ObjectPrototype] = objProto.Value()
	f.SetInitialMapPrototype(f.ObjectMap(), objProto.Value())

	newProto := func(id Intrinsic, parent Intrinsic) {
		s := h.OpenScope()
		m := f.NewJSObjectMap(4)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[parent])
		in.intrinsics[id] = f.NewJSObject(m).Value()
		s.Close()
	}
	newProto(FunctionPrototype, ObjectPrototype)
	f.SetInitialMapPrototype(f.FunctionMap(), in.intrinsics[FunctionPrototype])
	// Array.prototype is an Array exotic object (own length 0) with a map
	// of its own (h-lib).
	{
		s := h.OpenScope()
		m := f.NewMap(layout.JSArrayType, layout.JSArrayHeaderSize, 0)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[ObjectPrototype])
		a := f.NewJSArray(0)
		h.SetField(a.Value().Addr(), layout.MapOffset, m.Value())
		in.intrinsics[ArrayPrototype] = a.Value()
		s.Close()
	}
	f.SetInitialMapPrototype(f.ArrayMap(), in.intrinsics[ArrayPrototype])
	newProto(StringPrototype, ObjectPrototype)
	newProto(NumberPrototype, ObjectPrototype)
	newProto(BooleanPrototype, ObjectPrototype)
	newProto(SymbolPrototype, ObjectPrototype)
	newProto(BigIntPrototype, ObjectPrototype)
	newProto(IteratorPrototype, ObjectPrototype)
	newProto(GeneratorPrototype, IteratorPrototype)
	newProto(ArrayIteratorPrototype, IteratorPrototype)
	newProto(StringIteratorPrototype, IteratorPrototype)
	newProto(MapIteratorPrototype, IteratorPrototype)
	newProto(SetIteratorPrototype, IteratorPrototype)
	newProto(RegExpPrototype, ObjectPrototype)
	newProto(DatePrototype, ObjectPrototype)
	newProto(RegExpStringIteratorPrototype, IteratorPrototype)
	newProto(PromisePrototype, ObjectPrototype)
	newProto(AsyncIteratorPrototype, ObjectPrototype)
	newProto(AsyncGeneratorPrototype, AsyncIteratorPrototype)
	newProto(AsyncFromSyncIteratorPrototype, AsyncIteratorPrototype)
	for _, k := range [][2]Intrinsic{{GeneratorFunctionPrototype, GeneratorFunctionMap},
		{AsyncFunctionPrototype, AsyncFunctionMap}, {AsyncGeneratorFunctionPrototype, AsyncGeneratorFunctionMap}} {
		newProto(k[0], FunctionPrototype)
		s := h.OpenScope()
		m := f.NewMap(layout.JSFunctionType, layout.JSFunctionSize, 0)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[k[0]])
		in.intrinsics[k[1]] = m.Value()
		s.Close()
	}
	newProto(ErrorPrototype, ObjectPrototype)
	for k := TypeError; k < numErrorKinds; k++ {
		newProto(ErrorPrototype+Intrinsic(k), ErrorPrototype)
	}
	for k := Error; k < numErrorKinds; k++ {
		s := h.OpenScope()
		m := f.NewJSObjectMap(4)
		f.SetInitialMapPrototype(m.Value(), in.intrinsics[ErrorPrototype+Intrinsic(k)])
		in.intrinsics[ErrorMap+Intrinsic(k)] = m.Value()
		s.Close()
	}

	// The global object: as many in-object slots as a map may have, so that
	// a program's globals stay fast properties (and global loads hit their
	// inline caches) well beyond the usual limits.
	const globalSlots = 252
	gm := f.NewMap(layout.JSGlobalObjectType, layout.JSGlobalObjectHeaderSize+globalSlots*layout.TaggedSize, globalSlots)
	f.SetInitialMapPrototype(gm.Value(), in.intrinsics[ObjectPrototype])
	in.intrinsics[GlobalObject] = f.NewJSObject(gm).Value()

	in.intrinsics[ProxyMap] = f.NewMap(layout.JSProxyType, layout.JSProxySize, 0).Value()
	in.setUpTypedArrayRealm()
	in.intrinsics[NativeContext] = f.NewNativeContext(0).Value()
	in.intrinsics[NoFeedbackCell] = f.NewFeedbackCell(heap.Handle{}).Value()

	sym := func(id Intrinsic, desc string, private bool) {
		s := h.OpenScope()
		d := f.NewStringFromGo(desc, heap.OldSpace)
		if private {
			in.intrinsics[id] = f.NewPrivateSymbol(d).Value()
		} else {
			in.intrinsics[id] = f.NewSymbol(d).Value()
		}
		s.Close()
	}
	sym(SymbolIterator, "Symbol.iterator", false)
	sym(SymbolHasInstance, "Symbol.hasInstance", false)
	sym(SymbolToPrimitive, "Symbol.toPrimitive", false)
	sym(SymbolToStringTag, "Symbol.toStringTag", false)
	sym(SymbolAsyncIterator, "Symbol.asyncIterator", false)
	sym(SymbolMatch, "Symbol.match", false)
	sym(SymbolMatchAll, "Symbol.matchAll", false)
	sym(SymbolReplace, "Symbol.replace", false)
	sym(SymbolSearch, "Symbol.search", false)
	sym(SymbolSplit, "Symbol.split", false)
	sym(SymbolSpecies, "Symbol.species", false)
	sym(SymbolIsConcatSpreadable, "Symbol.isConcatSpreadable", false)
	sym(SymbolUnscopables, "Symbol.unscopables", false)
	sym(PrivateHomeObject, "home_object", true)
	sym(PrivateInstanceInit, "instance_members_initializer", true)
	sym(PrivateBoundTarget, "bound_target", true)
	sym(PrivateBoundThis, "bound_this", true)
	sym(PrivateBoundArgs, "bound_args", true)
	sym(PrivateIterated, "iterated_object", true)
	sym(PrivateIteratorIndex, "iterator_index", true)
	sym(PrivateIteratorKind, "iterator_kind", true)
	sym(PrivatePrimitiveValue, "primitive_value", true)
	sym(PrivateErrorStack, "error_stack", true)
	sym(PrivateGeneratorState, "generator_state", true)
	sym(PrivateIdentityHash, "identity_hash", true)
	sym(PrivateMapData, "map_data", true)
	sym(PrivateSetData, "set_data", true)
	sym(PrivateWeak, "weak_collection", true)
	sym(PrivateDeletedVirtual, "deleted_builtin_properties", true)
	sym(PrivateRegExpSource, "regexp_source", true)
	sym(PrivateRegExpFlags, "regexp_flags", true)
	sym(PrivateRegExpIterator, "regexp_string_iterator", true)
	sym(PrivateDateValue, "date_value", true)
	sym(PrivatePromiseState, "promise_state", true)
	sym(PrivateArguments, "arguments_object", true)
	sym(PrivateArrayLengthReadOnly, "array_length_read_only", true)
	sym(PrivateFunctionData, "function_data", true)
	in.setUpPromiseShared()
	sym(PrivateRevocableProxy, "revocable_proxy", true)

	// globalThis.
	g := h.NewHandle(in.intrinsics[GlobalObject])
	in.DefineValue(g, "globalThis", g, objects.AttrDontEnum)
}

// NewObject allocates an ordinary object whose prototype is proto (an
// object or null), sharing maps with other objects of that prototype.
func (in *Interp) NewObject(proto layout.Value) heap.Handle {
	f := in.f
	if proto == in.intrinsics[ObjectPrototype] {
		return f.NewPlainObject()
	}
	ph := in.h.NewHandle(proto)
	o := f.NewPlainObject()
	f.SetPrototype(o, ph)
	return o
}

// InternalizeGo returns the internalized string of s.
func (in *Interp) InternalizeGo(s string) heap.Handle { return in.f.InternalizeGo(s) }

// DefineValue defines obj's own data property name (a Go string; an array
// index becomes an element) with value and attributes.
func (in *Interp) DefineValue(obj heap.Handle, name string, value heap.Handle, attrs objects.PropertyAttributes) {
	scope := in.h.OpenScope()
	defer scope.Close()
	key := in.f.InternalizeGo(name)
	in.f.DefineProperty(obj, key, value, attrs)
}

// DefineKeyValue defines obj's own data property key (a name: an
// internalized string or a symbol) with value and attributes.
func (in *Interp) DefineKeyValue(obj, key, value heap.Handle, attrs objects.PropertyAttributes) {
	in.f.DefineProperty(obj, key, value, attrs)
}
