package bytecode

// Op is one bytecode instruction's opcode: the first byte of the instruction,
// followed by its operands packed little-endian at the widths their kinds give.
type Op uint8

// OperandKind says what an operand means and how wide it is.
type OperandKind uint8

// The operand kinds. Widths are fixed per kind (no Wide prefixes): a
// function may have at most 65535 frame slots, constants and feedback slots.
const (
	// Reg is a frame slot read by the instruction (u16): the header slots,
	// the parameters, then the registers (see the Frame* constants).
	Reg OperandKind = iota
	// RegOut is a frame slot written by the instruction (u16).
	RegOut
	// Count is a number of values, typically arguments (u16).
	Count
	// Idx is a constant pool index (u16).
	Idx
	// Slot is a feedback vector slot (u16).
	Slot
	// Imm is a signed immediate (i32).
	Imm
	// Flag is a small unsigned immediate (u8): flags, a context depth.
	Flag
	// CtxSlot is a context slot index, counting the fixed slots (u16).
	CtxSlot
	// JumpTarget is an absolute bytecode offset (u32).
	JumpTarget
	// Runtime is a runtime function id (u16).
	Runtime
	// Counter is a block-coverage counter index (u16).
	Counter
)

var operandWidths = [...]int{
	Reg: 2, RegOut: 2, Count: 2, Idx: 2, Slot: 2, Imm: 4, Flag: 1,
	CtxSlot: 2, JumpTarget: 4, Runtime: 2, Counter: 2,
}

// Width returns the operand's size in bytes.
func (k OperandKind) Width() int { return operandWidths[k] }

// OpFlags describe an opcode's effect on control flow and the accumulator.
type OpFlags uint8

// Opcode flags.
const (
	// Jumps marks an instruction whose last operand is a jump target.
	Jumps OpFlags = 1 << iota
	// Conditional marks a jump that may fall through.
	Conditional
	// Terminates marks an instruction after which control never falls
	// through (Return, Throw, ReThrow, an unconditional jump).
	Terminates
	// Calls marks an instruction that may run JavaScript (a call site:
	// stack traces and CPU profiles attribute time to it).
	Calls
)

// Info describes an opcode: its name, operand kinds and flags. The
// disassembler, the builder's checks, the interpreter's instruction lengths
// and the verifier all derive from this one table.
type Info struct {
	Name     string
	Operands []OperandKind
	Flags    OpFlags
	// Size is the instruction's length in bytes, opcode included.
	Size int
}

// The opcodes. The comments give the operands and what the instruction does
// with the accumulator (acc).
const (
	// Accumulator loads.
	LdaZero      Op = iota // acc = 0
	LdaSmi                 // Imm: acc = Smi imm
	LdaUndefined           // acc = undefined
	LdaNull                // acc = null
	LdaTheHole             // acc = the hole (TDZ marker)
	LdaTrue                // acc = true
	LdaFalse               // acc = false
	LdaConstant            // Idx: acc = constant
	Ldar                   // Reg: acc = reg
	Star                   // RegOut: reg = acc
	Mov                    // Reg, RegOut: dst = src

	// Globals: the script-context table, then the global object.
	LdaGlobal             // Idx(name), Slot: acc = global name (ReferenceError if absent)
	LdaGlobalInsideTypeof // Idx(name), Slot: acc = global name, or undefined if absent
	StaGlobal             // Idx(name), Slot: global name = acc

	// Contexts. Depth 0 is the current context.
	LdaContextSlot        // Flag(depth), CtxSlot: acc = context slot
	StaContextSlot        // Flag(depth), CtxSlot: context slot = acc
	LdaCurrentContextSlot // CtxSlot: acc = current context slot
	StaCurrentContextSlot // CtxSlot: current context slot = acc
	PushContext           // RegOut: reg = current context; current context = acc
	PopContext            // Reg: current context = reg
	CreateFunctionContext // Idx(scope info), Count(variables): acc = new function context
	CreateBlockContext    // Idx(scope info): acc = new block context
	CloneContext          // current context = a copy of it (per-iteration bindings)
	LdaModuleVariable     // Flag(depth), CtxSlot(cell), CtxSlot(slot): acc = slot of the module context held in the cell slot (a live import binding)

	// Properties. Stores leave the stored value in acc.
	LdaNamedProperty       // Reg(obj), Idx(name), Slot: acc = obj.name
	StaNamedProperty       // Reg(obj), Idx(name), Slot: obj.name = acc
	DefineNamedOwnProperty // Reg(obj), Idx(name), Slot: define own data property obj.name = acc
	LdaKeyedProperty       // Reg(obj), Slot: acc = obj[acc]
	StaKeyedProperty       // Reg(obj), Reg(key), Slot: obj[key] = acc
	DefineKeyedOwnProperty // Reg(obj), Reg(key), Flag: define own property obj[key] = acc
	DeleteProperty         // Reg(obj), Flag(strict): acc = delete obj[acc]
	ArrayPush              // Reg(array): append acc to an array literal under construction
	ArrayPushHole          // Reg(array): append a hole (an elision)

	// Arithmetic and bitwise operators: acc = reg OP acc.
	Add
	Sub
	Mul
	Div
	Mod
	Exp
	BitwiseOr
	BitwiseXor
	BitwiseAnd
	ShiftLeft
	ShiftRight
	ShiftRightLogical

	// Unary operators on acc.
	Inc                 // acc = ToNumeric(acc) + 1
	Dec                 // acc = ToNumeric(acc) - 1
	Negate              // acc = -acc
	BitwiseNot          // acc = ~acc
	ToNumeric           // acc = ToNumeric(acc)
	ToString            // acc = ToString(acc)
	ToPropertyKey       // acc = ToPropertyKey(acc)
	LogicalNot          // acc = !acc (acc is a boolean)
	ToBooleanLogicalNot // acc = !ToBoolean(acc)
	TypeOf              // acc = typeof acc

	// Comparisons: acc = reg OP acc.
	TestEqual
	TestEqualStrict
	TestLessThan
	TestGreaterThan
	TestLessThanOrEqual
	TestGreaterThanOrEqual
	TestInstanceOf // Reg(obj): acc = obj instanceof acc
	TestIn         // Reg(key): acc = key in acc
	TestNullish    // acc = acc == null
	TestNull       // acc = acc === null
	TestUndefined  // acc = acc === undefined

	// Jumps.
	Jump                 // JumpTarget
	JumpLoop             // JumpTarget: a loop back-edge (safepoint)
	JumpIfTrue           // JumpTarget: if acc === true
	JumpIfFalse          // JumpTarget: if acc === false
	JumpIfToBooleanTrue  // JumpTarget: if ToBoolean(acc)
	JumpIfToBooleanFalse // JumpTarget: if !ToBoolean(acc)
	JumpIfNull           // JumpTarget
	JumpIfNotNull        // JumpTarget
	JumpIfUndefined      // JumpTarget
	JumpIfNotUndefined   // JumpTarget
	JumpIfNullish        // JumpTarget: if acc is null or undefined
	JumpIfNotNullish     // JumpTarget
	JumpIfJSReceiver     // JumpTarget: if acc is an object
	JumpIfNotHole        // JumpTarget
	JumpIfSmiEqual       // Reg, JumpTarget: if reg === acc and both are Smis (finally dispatch)

	// Calls. Arguments sit in consecutive registers.
	CallProperty          // Reg(callee), Reg(receiver; arguments follow), Count(args), Slot
	CallUndefinedReceiver // Reg(callee), Reg(first argument), Count(args), Slot
	CallWithSpread        // Reg(callee), Reg(receiver; arguments follow), Count(args), Slot: the last argument is spread
	Construct             // Reg(callee), Reg(first argument), Count(args), Slot: new.target = acc
	ConstructWithSpread   // Reg(callee), Reg(first argument), Count(args), Slot: new.target = acc, last argument spread
	CallRuntime           // Runtime, Reg(first argument), Count(args): acc = result
	Return                // return acc
	Throw                 // throw acc
	ReThrow               // rethrow acc (keeps its stack)

	// Literals and closures.
	CreateClosure            // Idx(shared function info), Count(feedback cell index): acc = new closure
	CreateEmptyObjectLiteral // acc = {}
	CreateEmptyArrayLiteral  // acc = []
	CreateRestParameter      // acc = array of the arguments past the formal parameters
	CreateArguments          // acc = an unmapped arguments object
	CreateRegExpLiteral      // Idx(pattern), Idx(flags): acc = new RegExp

	// Checks.
	ThrowReferenceErrorIfHole        // Idx(name): if acc is the hole, ReferenceError "name is not defined"
	ThrowSuperNotCalledIfHole        // if acc is the hole, ReferenceError (derived constructor's this)
	ThrowSuperAlreadyCalledIfNotHole // if acc is not the hole, ReferenceError
	ThrowIfNotCallable               // Idx(name): TypeError "name is not a function" unless acc is callable
	ThrowConstAssignError            // Idx(name): TypeError "Assignment to constant variable."

	// Iteration.
	ForInEnumerate // Reg(obj): acc = FixedArray of obj's enumerable string keys, prototype chain included
	ForInNext      // Reg(obj), Reg(index), Reg(keys): acc = keys[index] if still a key of obj, else undefined
	GetIterator    // Slot: acc = acc[Symbol.iterator]()

	// Generators.
	CreateGeneratorObject // acc = a new generator object for the running generator function
	SuspendGenerator      // Reg(generator), Reg(mode), Reg(sent): save the frame in the generator and return acc; resumed at the next instruction with mode and sent set

	// Coverage and debugging.
	IncBlockCounter // Idx(counters), Counter: count one execution of a block in the function's counters (block coverage)
	Debugger        // the debugger statement

	// Optimized tier (h-tierup). Only optimized code (interp/tierup.go)
	// holds these: each is written over a baseline instruction of the same
	// size, and a superinstruction (…Star, StarLdar…) also runs the
	// instruction that follows it, which stays intact in the array, so a
	// jump to it still works. Their operands are the first instruction's.
	StarLdar          // Reg: Star, then the following Ldar
	StarLdaSmi        // Reg: Star, then the following LdaSmi
	LdarStar          // Reg: Ldar, then the following Star
	AddStar           // Reg: Add (Smi fast path), then the following Star
	SubStar           // Reg: Sub, then Star
	MulStar           // Reg: Mul, then Star
	BitwiseAndStar    // Reg: BitwiseAnd, then Star
	BitwiseOrStar     // Reg: BitwiseOr, then Star
	IncStar           // Inc, then Star
	DecStar           // Dec, then Star
	LdaKeyedStar      // Reg, Slot: LdaKeyedProperty, then Star
	LdaNamedField     // Reg, Imm16(handler), Slot: LdaNamedProperty guarded by the slot's monomorphic map (deopt otherwise)
	LdaNamedFieldStar // Reg, Imm16(handler), Slot: LdaNamedField, then Star
	StaNamedField     // Reg, Imm16(handler), Slot: StaNamedProperty guarded by the slot's monomorphic map
	JumpIfNotLessSmi  // Reg: TestLessThan on Smis (deopt otherwise) and the following JumpIfFalse
	JumpIfNotGreaterSmi
	JumpIfNotLessEqualSmi
	JumpIfNotGreaterEqualSmi
	CallPropertyMono          // as CallProperty, guarded by the callee its slot learned (deopt on another); a megamorphic slot: any callee (h-call)
	CallUndefinedReceiverMono // as CallUndefinedReceiver, guarded likewise

	// BigInt (h-bigint).
	ToNumber // acc = ToNumber(acc): unary +, a TypeError for a BigInt

	// Optimized tier (h-call).
	CreateArgumentsSloppy // CreateArguments of a sloppy function with simple parameters, made from the recorded arguments map when it can (interp/tiercall.go)
	ConstructFast         // Reg(callee), Reg(first argument), Count(args), Slot: Construct; a compiled base constructor with an initial map gets its receiver and frame directly, anything else the generic path (no deopt)

	// Optimized tier (lead, session 5).
	TestInstanceOfFunction // Reg(obj): TestInstanceOf with the prototype walk inline when acc is a plain function (its [Symbol.hasInstance] is Function.prototype's), else the generic operator

	// Optimized tier (h-elem): arithmetic (interp/tierelem.go). The …Opt
	// forms are their baseline op with inline Smi and HeapNumber paths and
	// the generic helper otherwise (no deopt). A superinstruction whose fast
	// path does not apply runs only its first instruction, whose operands
	// it has: the instructions after it stay intact.
	AddOpt                // Reg: Add, numbers inline
	SubOpt                // Reg: Sub, numbers inline
	MulOpt                // Reg: Mul, numbers inline
	DivOpt                // Reg: Div, numbers inline
	BitwiseXorOpt         // Reg: BitwiseXor, numbers inline
	ShiftLeftOpt          // Reg: ShiftLeft, numbers inline
	ShiftRightOpt         // Reg: ShiftRight, numbers inline
	ShiftRightLogicalOpt  // Reg: ShiftRightLogical, numbers inline
	BitwiseXorStar        // Reg: BitwiseXorOpt, then Star (on the fast path)
	ShiftLeftStar         // Reg: ShiftLeftOpt, then Star
	ShiftRightStar        // Reg: ShiftRightOpt, then Star
	ShiftRightLogicalStar // Reg: ShiftRightLogicalOpt, then Star
	LdarIncStar           // Reg: Ldar, Inc, Star on a Smi (x++ / ++x as a statement)
	LdarDecStar           // Reg: Ldar, Dec, Star on a Smi
	LdarPostInc           // Reg: Ldar x, ToNumeric, Star t, Inc, Star x, Ldar t on a Smi (x++ as a value)
	LdaKeyedOpt           // Reg, Slot: LdaKeyedProperty with the element read inline
	StaKeyedOpt           // Reg, Reg, Slot: StaKeyedProperty with the element write inline
	AddReuse              // Reg: AddOpt whose acc operand is the fresh HeapNumber of the arithmetic op just before (nothing jumps here): a number result overwrites it
	SubReuse              // Reg: SubOpt likewise
	MulReuse              // Reg: MulOpt likewise
	DivReuse              // Reg: DivOpt likewise
	AddStarReuse          // Reg: AddStar likewise
	SubStarReuse          // Reg: SubStar likewise
	MulStarReuse          // Reg: MulStar likewise
	// Optimized tier: named loads (h-load).
	LdaNamedChain     // Reg, Idx, Slot: LdaNamedProperty serving the slot's own-field and prototype-chain field handlers inline (maps compared along the chain), anything else the generic load (no deopt)
	LdaNamedChainStar // Reg, Idx, Slot: LdaNamedChain, then the following Star
	LdaNamedMega      // Reg, Idx, Slot: LdaNamedProperty at a megamorphic site: the interpreter's (map, name) → handler cache, the generic load on a miss (no deopt)
	StaNamedMega      // Reg, Idx, Slot: StaNamedProperty at a megamorphic site: own writable fields from the interpreter's (map, name) → field cache, the generic store otherwise (no deopt)

	numOps
)

// NumOps is the number of opcodes.
const NumOps = int(numOps)

func info(name string, flags OpFlags, operands ...OperandKind) Info {
	size := 1
	for _, k := range operands {
		size += k.Width()
	}
	return Info{Name: name, Operands: operands, Flags: flags, Size: size}
}

var infos = [NumOps]Info{
	LdaZero:      info("LdaZero", 0),
	LdaSmi:       info("LdaSmi", 0, Imm),
	LdaUndefined: info("LdaUndefined", 0),
	LdaNull:      info("LdaNull", 0),
	LdaTheHole:   info("LdaTheHole", 0),
	LdaTrue:      info("LdaTrue", 0),
	LdaFalse:     info("LdaFalse", 0),
	LdaConstant:  info("LdaConstant", 0, Idx),
	Ldar:         info("Ldar", 0, Reg),
	Star:         info("Star", 0, RegOut),
	Mov:          info("Mov", 0, Reg, RegOut),

	LdaGlobal:             info("LdaGlobal", 0, Idx, Slot),
	LdaGlobalInsideTypeof: info("LdaGlobalInsideTypeof", 0, Idx, Slot),
	StaGlobal:             info("StaGlobal", 0, Idx, Slot),

	LdaContextSlot:        info("LdaContextSlot", 0, Flag, CtxSlot),
	StaContextSlot:        info("StaContextSlot", 0, Flag, CtxSlot),
	LdaCurrentContextSlot: info("LdaCurrentContextSlot", 0, CtxSlot),
	StaCurrentContextSlot: info("StaCurrentContextSlot", 0, CtxSlot),
	PushContext:           info("PushContext", 0, RegOut),
	PopContext:            info("PopContext", 0, Reg),
	CreateFunctionContext: info("CreateFunctionContext", 0, Idx, Count),
	CreateBlockContext:    info("CreateBlockContext", 0, Idx),
	LdaModuleVariable:     info("LdaModuleVariable", 0, Flag, CtxSlot, CtxSlot),
	CloneContext:          info("CloneContext", 0),

	LdaNamedProperty:       info("LdaNamedProperty", Calls, Reg, Idx, Slot),
	StaNamedProperty:       info("StaNamedProperty", Calls, Reg, Idx, Slot),
	DefineNamedOwnProperty: info("DefineNamedOwnProperty", 0, Reg, Idx, Slot),
	LdaKeyedProperty:       info("LdaKeyedProperty", Calls, Reg, Slot),
	StaKeyedProperty:       info("StaKeyedProperty", Calls, Reg, Reg, Slot),
	DefineKeyedOwnProperty: info("DefineKeyedOwnProperty", 0, Reg, Reg, Flag),
	DeleteProperty:         info("DeleteProperty", 0, Reg, Flag),
	ArrayPush:              info("ArrayPush", 0, Reg),
	ArrayPushHole:          info("ArrayPushHole", 0, Reg),

	Add:               info("Add", Calls, Reg),
	Sub:               info("Sub", Calls, Reg),
	Mul:               info("Mul", Calls, Reg),
	Div:               info("Div", Calls, Reg),
	Mod:               info("Mod", Calls, Reg),
	Exp:               info("Exp", Calls, Reg),
	BitwiseOr:         info("BitwiseOr", Calls, Reg),
	BitwiseXor:        info("BitwiseXor", Calls, Reg),
	BitwiseAnd:        info("BitwiseAnd", Calls, Reg),
	ShiftLeft:         info("ShiftLeft", Calls, Reg),
	ShiftRight:        info("ShiftRight", Calls, Reg),
	ShiftRightLogical: info("ShiftRightLogical", Calls, Reg),

	Inc:                 info("Inc", Calls),
	Dec:                 info("Dec", Calls),
	Negate:              info("Negate", Calls),
	BitwiseNot:          info("BitwiseNot", Calls),
	ToNumeric:           info("ToNumeric", Calls),
	ToString:            info("ToString", Calls),
	ToPropertyKey:       info("ToPropertyKey", Calls),
	LogicalNot:          info("LogicalNot", 0),
	ToBooleanLogicalNot: info("ToBooleanLogicalNot", 0),
	TypeOf:              info("TypeOf", 0),

	TestEqual:              info("TestEqual", Calls, Reg),
	TestEqualStrict:        info("TestEqualStrict", 0, Reg),
	TestLessThan:           info("TestLessThan", Calls, Reg),
	TestGreaterThan:        info("TestGreaterThan", Calls, Reg),
	TestLessThanOrEqual:    info("TestLessThanOrEqual", Calls, Reg),
	TestGreaterThanOrEqual: info("TestGreaterThanOrEqual", Calls, Reg),
	TestInstanceOf:         info("TestInstanceOf", Calls, Reg),
	TestIn:                 info("TestIn", Calls, Reg),
	TestNullish:            info("TestNullish", 0),
	TestNull:               info("TestNull", 0),
	TestUndefined:          info("TestUndefined", 0),

	Jump:                 info("Jump", Jumps|Terminates, JumpTarget),
	JumpLoop:             info("JumpLoop", Jumps|Terminates, JumpTarget),
	JumpIfTrue:           info("JumpIfTrue", Jumps|Conditional, JumpTarget),
	JumpIfFalse:          info("JumpIfFalse", Jumps|Conditional, JumpTarget),
	JumpIfToBooleanTrue:  info("JumpIfToBooleanTrue", Jumps|Conditional, JumpTarget),
	JumpIfToBooleanFalse: info("JumpIfToBooleanFalse", Jumps|Conditional, JumpTarget),
	JumpIfNull:           info("JumpIfNull", Jumps|Conditional, JumpTarget),
	JumpIfNotNull:        info("JumpIfNotNull", Jumps|Conditional, JumpTarget),
	JumpIfUndefined:      info("JumpIfUndefined", Jumps|Conditional, JumpTarget),
	JumpIfNotUndefined:   info("JumpIfNotUndefined", Jumps|Conditional, JumpTarget),
	JumpIfNullish:        info("JumpIfNullish", Jumps|Conditional, JumpTarget),
	JumpIfNotNullish:     info("JumpIfNotNullish", Jumps|Conditional, JumpTarget),
	JumpIfJSReceiver:     info("JumpIfJSReceiver", Jumps|Conditional, JumpTarget),
	JumpIfNotHole:        info("JumpIfNotHole", Jumps|Conditional, JumpTarget),
	JumpIfSmiEqual:       info("JumpIfSmiEqual", Jumps|Conditional, Reg, JumpTarget),

	CallProperty:          info("CallProperty", Calls, Reg, Reg, Count, Slot),
	CallUndefinedReceiver: info("CallUndefinedReceiver", Calls, Reg, Reg, Count, Slot),
	CallWithSpread:        info("CallWithSpread", Calls, Reg, Reg, Count, Slot),
	Construct:             info("Construct", Calls, Reg, Reg, Count, Slot),
	ConstructWithSpread:   info("ConstructWithSpread", Calls, Reg, Reg, Count, Slot),
	CallRuntime:           info("CallRuntime", Calls, Runtime, Reg, Count),
	Return:                info("Return", Terminates),
	Throw:                 info("Throw", Terminates),
	ReThrow:               info("ReThrow", Terminates),

	CreateClosure:            info("CreateClosure", 0, Idx, Count),
	CreateEmptyObjectLiteral: info("CreateEmptyObjectLiteral", 0),
	CreateEmptyArrayLiteral:  info("CreateEmptyArrayLiteral", 0),
	CreateRestParameter:      info("CreateRestParameter", 0),
	CreateArguments:          info("CreateArguments", 0),
	CreateRegExpLiteral:      info("CreateRegExpLiteral", Calls, Idx, Idx),

	ThrowReferenceErrorIfHole:        info("ThrowReferenceErrorIfHole", 0, Idx),
	ThrowSuperNotCalledIfHole:        info("ThrowSuperNotCalledIfHole", 0),
	ThrowSuperAlreadyCalledIfNotHole: info("ThrowSuperAlreadyCalledIfNotHole", 0),
	ThrowIfNotCallable:               info("ThrowIfNotCallable", 0, Idx),
	ThrowConstAssignError:            info("ThrowConstAssignError", 0, Idx),

	ForInEnumerate: info("ForInEnumerate", 0, Reg),
	ForInNext:      info("ForInNext", 0, Reg, Reg, Reg),
	GetIterator:    info("GetIterator", Calls, Slot),

	CreateGeneratorObject: info("CreateGeneratorObject", 0),
	SuspendGenerator:      info("SuspendGenerator", 0, Reg, Reg, Reg),

	IncBlockCounter: info("IncBlockCounter", 0, Idx, Counter),
	Debugger:        info("Debugger", 0),

	StarLdar:                  info("StarLdar", 0, RegOut),
	StarLdaSmi:                info("StarLdaSmi", 0, RegOut),
	LdarStar:                  info("LdarStar", 0, Reg),
	AddStar:                   info("AddStar", Calls, Reg),
	SubStar:                   info("SubStar", Calls, Reg),
	MulStar:                   info("MulStar", Calls, Reg),
	BitwiseAndStar:            info("BitwiseAndStar", Calls, Reg),
	BitwiseOrStar:             info("BitwiseOrStar", Calls, Reg),
	IncStar:                   info("IncStar", Calls),
	DecStar:                   info("DecStar", Calls),
	LdaKeyedStar:              info("LdaKeyedStar", Calls, Reg, Slot),
	LdaNamedField:             info("LdaNamedField", 0, Reg, Count, Slot),
	LdaNamedFieldStar:         info("LdaNamedFieldStar", 0, Reg, Count, Slot),
	StaNamedField:             info("StaNamedField", 0, Reg, Count, Slot),
	JumpIfNotLessSmi:          info("JumpIfNotLessSmi", 0, Reg),
	JumpIfNotGreaterSmi:       info("JumpIfNotGreaterSmi", 0, Reg),
	JumpIfNotLessEqualSmi:     info("JumpIfNotLessEqualSmi", 0, Reg),
	JumpIfNotGreaterEqualSmi:  info("JumpIfNotGreaterEqualSmi", 0, Reg),
	CallPropertyMono:          info("CallPropertyMono", Calls, Reg, Reg, Count, Slot),
	CallUndefinedReceiverMono: info("CallUndefinedReceiverMono", Calls, Reg, Reg, Count, Slot),

	ToNumber: info("ToNumber", Calls),

	CreateArgumentsSloppy: info("CreateArgumentsSloppy", 0),
	ConstructFast:         info("ConstructFast", Calls, Reg, Reg, Count, Slot),

	TestInstanceOfFunction: info("TestInstanceOfFunction", Calls, Reg),

	AddOpt:                info("AddOpt", Calls, Reg),
	SubOpt:                info("SubOpt", Calls, Reg),
	MulOpt:                info("MulOpt", Calls, Reg),
	DivOpt:                info("DivOpt", Calls, Reg),
	BitwiseXorOpt:         info("BitwiseXorOpt", Calls, Reg),
	ShiftLeftOpt:          info("ShiftLeftOpt", Calls, Reg),
	ShiftRightOpt:         info("ShiftRightOpt", Calls, Reg),
	ShiftRightLogicalOpt:  info("ShiftRightLogicalOpt", Calls, Reg),
	BitwiseXorStar:        info("BitwiseXorStar", Calls, Reg),
	ShiftLeftStar:         info("ShiftLeftStar", Calls, Reg),
	ShiftRightStar:        info("ShiftRightStar", Calls, Reg),
	ShiftRightLogicalStar: info("ShiftRightLogicalStar", Calls, Reg),
	LdarIncStar:           info("LdarIncStar", 0, Reg),
	LdarDecStar:           info("LdarDecStar", 0, Reg),
	LdarPostInc:           info("LdarPostInc", 0, Reg),
	LdaKeyedOpt:           info("LdaKeyedOpt", Calls, Reg, Slot),
	StaKeyedOpt:           info("StaKeyedOpt", Calls, Reg, Reg, Slot),
	AddReuse:              info("AddReuse", Calls, Reg),
	SubReuse:              info("SubReuse", Calls, Reg),
	MulReuse:              info("MulReuse", Calls, Reg),
	DivReuse:              info("DivReuse", Calls, Reg),
	AddStarReuse:          info("AddStarReuse", Calls, Reg),
	SubStarReuse:          info("SubStarReuse", Calls, Reg),
	MulStarReuse:          info("MulStarReuse", Calls, Reg),
	LdaNamedChain:         info("LdaNamedChain", Calls, Reg, Idx, Slot),
	LdaNamedChainStar:     info("LdaNamedChainStar", Calls, Reg, Idx, Slot),
	LdaNamedMega:          info("LdaNamedMega", Calls, Reg, Idx, Slot),
	StaNamedMega:          info("StaNamedMega", Calls, Reg, Idx, Slot),
}

// Info returns the opcode's description.
func (op Op) Info() *Info { return &infos[op] }

// String returns the opcode's name.
func (op Op) String() string {
	if int(op) < NumOps {
		return infos[op].Name
	}
	return "Illegal"
}

// Size returns the length in bytes of an instruction with this opcode.
func (op Op) Size() int { return infos[op].Size }

// Sizes is the instruction length of every opcode, indexed by opcode: the
// interpreter's table for stepping over an instruction.
var Sizes = func() (s [256]uint8) {
	for op := range NumOps {
		s[op] = uint8(infos[op].Size)
	}
	return s
}()

func init() {
	for op := range NumOps {
		if infos[op].Name == "" {
			panic("bytecode: opcode without a table entry")
		}
	}
}
