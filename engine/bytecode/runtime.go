package bytecode

// RuntimeID names a runtime function: the operations CallRuntime performs
// that are too rare or too big for an opcode of their own. The interpreter
// implements them; each takes its arguments from consecutive registers and
// leaves its result in the accumulator.
type RuntimeID uint16

// The runtime functions, with their arguments.
const (
	// RtDeclareGlobals(decls): define the script's top-level var and
	// function declarations on the global object. decls is a FixedArray
	// constant of (name, function-or-undefined) pairs; functions are
	// already closures in the registers that follow: see the compiler.
	RtDeclareGlobals RuntimeID = iota
	// RtNewScriptContext(scopeInfo): make the script's context for its
	// top-level let/const/class bindings, check them against the bindings
	// of earlier scripts and the global object, and register it.
	RtNewScriptContext
	// RtDefineGlobalFunction(name, closure): a top-level function
	// declaration's binding on the global object.
	RtDefineGlobalFunction
	// RtDefineGlobalVar(name): a top-level var declaration on the global
	// object (undefined unless it already exists).
	RtDefineGlobalVar
	// RtDefineAccessor(obj, key, getter, setter, flags): define an accessor
	// property; getter or setter may be undefined (merged with an existing
	// pair). flags bit 0: enumerable.
	RtDefineAccessor
	// RtDefineMethod(obj, key, fn): define a non-enumerable data property
	// (class methods).
	RtDefineMethod
	// RtSetFunctionName(fn, key, prefix): name a function after a computed
	// key ("get "/"set " prefix as a Smi 0/1/2).
	RtSetFunctionName
	// RtCopyDataProperties(target, source): object spread `{...source}`.
	RtCopyDataProperties
	// RtSpreadIntoArray(array, iterable): append every value of iterable.
	RtSpreadIntoArray
	// RtDefineClass(constructor, parent, hasParent): set up the prototype
	// chains of a class and return its prototype object.
	RtDefineClass
	// RtSuperCall(args…): call the super constructor with the current
	// new.target; the result is the new this.
	RtSuperCall
	// RtSuperCallSpread(args…): RtSuperCall whose last argument is spread.
	RtSuperCallSpread
	// RtLoadSuperProperty(homeObject, key): super[key] with this receiver.
	RtLoadSuperProperty
	// RtStoreSuperProperty(homeObject, key, value): super[key] = value.
	RtStoreSuperProperty
	// RtInitializeInstance(instance[, constructor]): run the class field
	// initializers of the constructor being run (or of constructor, for a
	// super() in an arrow or eval) on the new instance.
	RtInitializeInstance
	// RtThrowTypeError(message): throw a TypeError with a message string.
	RtThrowTypeError
	// RtThrowReferenceError(message): throw a ReferenceError.
	RtThrowReferenceError
	// RtModuleExportChanged(value, moduleID, slot): an exported module
	// binding was written: update the namespace objects that show it.
	RtModuleExportChanged
	// RtImportMeta(moduleID): the module's import.meta object.
	RtImportMeta
	// RtDynamicImport(specifier, options): import(specifier, options) from the running
	// script or module: a promise of the module's namespace.
	RtDynamicImport
	// RtToObject(value): ToObject, throwing on null and undefined.
	RtToObject
	// RtIteratorClose(iterator): call iterator.return() if it has one.
	RtIteratorClose
	// RtCreateTemplateObject(cooked, raw): the frozen strings array of a
	// tagged template.
	RtCreateTemplateObject
	// RtObjectRest(source, excludedKeys…): the rest object of
	// `{a, ...rest} = source`.
	RtObjectRest
	// RtIteratorToArray(iterable): the rest array of `[a, ...rest] = it`.
	RtIteratorToArray
	// RtGetHomeObjectPrototype(homeObject): the object super.x looks in.
	RtGetHomeObjectPrototype
	// RtSetHomeObject(fn, homeObject): record a method's home object.
	RtSetHomeObject
	// RtSetPrototypeLiteral(obj, proto): `__proto__: proto` in an object
	// literal (ignored unless proto is an object or null).
	RtSetPrototypeLiteral
	// RtCreatePrivateName(description): a new private symbol, the value of
	// a class's private name `#x` for one evaluation of the class.
	RtCreatePrivateName
	// RtLoadPrivate(obj, name): obj.#x (fields are own, methods and
	// accessors on the class's prototype or constructor).
	RtLoadPrivate
	// RtStorePrivate(obj, name, value): obj.#x = value.
	RtStorePrivate
	// RtDefinePrivate(obj, name, value): a private field's initialization.
	RtDefinePrivate
	// RtHasPrivate(obj, name): `#x in obj`.
	RtHasPrivate
	// RtDefinePrivateMethod(home, name, fn): a private method.
	RtDefinePrivateMethod
	// RtAbort(message): an internal error (unreachable code).
	RtAbort
	// RtAwait(generator, value): start awaiting value in the async function
	// or async generator whose object is generator; returns the async
	// function's promise (what its first suspension returns to the caller).
	RtAwait
	// RtAsyncFunctionResolve(generator, value): resolve the async
	// function's promise with value; returns the promise.
	RtAsyncFunctionResolve
	// RtAsyncFunctionReject(generator, reason): reject it; returns it.
	RtAsyncFunctionReject
	// RtGetAsyncIterator(iterable): GetIterator(iterable, async), wrapping a
	// sync iterator in %AsyncFromSyncIteratorPrototype%.
	RtGetAsyncIterator
	// RtIteratorRest(iterator, next): the remaining values of an iterator
	// as a new array (the rest element of an array pattern).
	RtIteratorRest
	// RtAwaitYield(generator, value): RtAwait for the await a `yield` in an
	// async generator does before suspending: its resumption does not count
	// as an invocation (V8 awaits and yields in one suspension).
	RtAwaitYield

	// h-eval: direct eval and with.

	// RtResolveDirectEval(callee, source, site): for `eval(source)`, the
	// function to call: callee unless it is %eval% and source a string,
	// else the closure of source compiled as direct eval code over the
	// current context (site: the unit's EvalSites index of the call).
	RtResolveDirectEval
	// RtLookupLoad(name), RtLookupLoadTypeof(name): a name resolved at run
	// time through the context chain (with objects, eval-declared vars),
	// then the global scope; the typeof form gives undefined when none.
	RtLookupLoad
	RtLookupLoadTypeof
	// RtLookupCall(name, out): RtLookupLoad for a call, which also writes
	// the call's receiver (a with object, or undefined) to register out.
	RtLookupCall
	// RtLookupStore(name, value, strict): assignment to such a name.
	RtLookupStore
	// RtLookupDelete(name): `delete name` in sloppy code.
	RtLookupDelete
	// RtDeclareEvalVar(name, depth) and RtDeclareEvalFunction(name, fn,
	// depth): a sloppy direct eval's var or function declaration, added to
	// the caller's variable environment (the context depth levels out).
	RtDeclareEvalVar
	RtDeclareEvalFunction
	// RtCreateWithContext(object, scopeInfo): the context of `with
	// (object)` (ToObject applied), chained to the current context.
	RtCreateWithContext
	// RtLookupRef(name): resolve a dynamically resolved name to its
	// reference base before an assignment evaluates its right-hand side:
	// the context or object holding the binding, or undefined (global).
	// RtLookupRefLoad(base, name) and RtLookupRefStore(base, name, value,
	// strict) then read and write the binding through that base.
	RtLookupRef
	RtLookupRefLoad
	RtLookupRefStore
	// RtCheckEvalGlobals(decls): EvalDeclarationInstantiation's checks
	// before global eval code declares anything: decls is a FixedArray of
	// (name, 1 for a function or 0 for a var) pairs, each checked with
	// CanDeclareGlobalFunction or CanDeclareGlobalVar.
	RtCheckEvalGlobals
	// RtSuperCallFrom(constructor, newTarget, args…) and its spread form:
	// super(…) in an arrow function or direct eval inside a derived
	// constructor, which name the constructor and its new.target (read
	// from the constructor's context) instead of the running frame's.
	RtSuperCallFrom
	RtSuperCallFromSpread

	// h-args: RtMapArguments(arguments, slots): make the new arguments
	// object of the running sloppy function mapped: slots is a FixedArray
	// of the context slot of each formal parameter (-1: not mapped), in
	// the running function's context.
	RtMapArguments

	numRuntime
)

var runtimeNames = [numRuntime]string{
	RtDeclareGlobals:         "DeclareGlobals",
	RtNewScriptContext:       "NewScriptContext",
	RtDefineGlobalFunction:   "DefineGlobalFunction",
	RtDefineGlobalVar:        "DefineGlobalVar",
	RtDefineAccessor:         "DefineAccessor",
	RtDefineMethod:           "DefineMethod",
	RtSetFunctionName:        "SetFunctionName",
	RtCopyDataProperties:     "CopyDataProperties",
	RtSpreadIntoArray:        "SpreadIntoArray",
	RtDefineClass:            "DefineClass",
	RtSuperCall:              "SuperCall",
	RtSuperCallSpread:        "SuperCallSpread",
	RtLoadSuperProperty:      "LoadSuperProperty",
	RtStoreSuperProperty:     "StoreSuperProperty",
	RtInitializeInstance:     "InitializeInstance",
	RtThrowTypeError:         "ThrowTypeError",
	RtThrowReferenceError:    "ThrowReferenceError",
	RtModuleExportChanged:    "ModuleExportChanged",
	RtImportMeta:             "ImportMeta",
	RtDynamicImport:          "DynamicImport",
	RtToObject:               "ToObject",
	RtIteratorClose:          "IteratorClose",
	RtCreateTemplateObject:   "CreateTemplateObject",
	RtObjectRest:             "ObjectRest",
	RtIteratorToArray:        "IteratorToArray",
	RtGetHomeObjectPrototype: "GetHomeObjectPrototype",
	RtSetHomeObject:          "SetHomeObject",
	RtSetPrototypeLiteral:    "SetPrototypeLiteral",
	RtCreatePrivateName:      "CreatePrivateName",
	RtLoadPrivate:            "LoadPrivate",
	RtStorePrivate:           "StorePrivate",
	RtDefinePrivate:          "DefinePrivate",
	RtHasPrivate:             "HasPrivate",
	RtDefinePrivateMethod:    "DefinePrivateMethod",
	RtAbort:                  "Abort",
	RtAwait:                  "Await",
	RtAsyncFunctionResolve:   "AsyncFunctionResolve",
	RtAsyncFunctionReject:    "AsyncFunctionReject",
	RtGetAsyncIterator:       "GetAsyncIterator",
	RtIteratorRest:           "IteratorRest",
	RtAwaitYield:             "AwaitYield",
	RtResolveDirectEval:      "ResolveDirectEval",
	RtLookupLoad:             "LookupLoad",
	RtLookupLoadTypeof:       "LookupLoadTypeof",
	RtLookupCall:             "LookupCall",
	RtLookupStore:            "LookupStore",
	RtLookupDelete:           "LookupDelete",
	RtDeclareEvalVar:         "DeclareEvalVar",
	RtDeclareEvalFunction:    "DeclareEvalFunction",
	RtCreateWithContext:      "CreateWithContext",
	RtLookupRef:              "LookupRef",
	RtLookupRefLoad:          "LookupRefLoad",
	RtLookupRefStore:         "LookupRefStore",
	RtCheckEvalGlobals:       "CheckEvalGlobals",
	RtSuperCallFrom:          "SuperCallFrom",
	RtSuperCallFromSpread:    "SuperCallFromSpread",
	RtMapArguments:           "MapArguments",
}

// NumRuntime is the number of runtime functions.
const NumRuntime = int(numRuntime)

// String returns the runtime function's name.
func (id RuntimeID) String() string {
	if int(id) < NumRuntime {
		return runtimeNames[id]
	}
	return "UnknownRuntime"
}
