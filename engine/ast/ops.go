package ast

// UnaryOp is the operator of an EUnary.
type UnaryOp uint8

// The unary operators.
const (
	UnaryNeg    UnaryOp = iota // -x
	UnaryPlus                  // +x
	UnaryNot                   // !x
	UnaryCpl                   // ~x
	UnaryTypeof                // typeof x
	UnaryVoid                  // void x
	UnaryDelete                // delete x
)

var unaryOpNames = [...]string{"-", "+", "!", "~", "typeof", "void", "delete"}

// String returns the operator as written.
func (op UnaryOp) String() string { return unaryOpNames[op] }

// UpdateOp is the operator of an EUpdate.
type UpdateOp uint8

// The update operators.
const (
	UpdateInc UpdateOp = iota // ++
	UpdateDec                 // --
)

// String returns the operator as written.
func (op UpdateOp) String() string {
	if op == UpdateDec {
		return "--"
	}
	return "++"
}

// BinaryOp is the operator of an EBinary.
type BinaryOp uint8

// The binary operators, including the short-circuit ones.
const (
	BinAdd        BinaryOp = iota // +
	BinSub                        // -
	BinMul                        // *
	BinDiv                        // /
	BinRem                        // %
	BinExp                        // **
	BinShl                        // <<
	BinShr                        // >>
	BinUShr                       // >>>
	BinBitAnd                     // &
	BinBitOr                      // |
	BinBitXor                     // ^
	BinEq                         // ==
	BinNe                         // !=
	BinStrictEq                   // ===
	BinStrictNe                   // !==
	BinLt                         // <
	BinGt                         // >
	BinLe                         // <=
	BinGe                         // >=
	BinIn                         // in
	BinInstanceof                 // instanceof
	BinLogicalAnd                 // &&
	BinLogicalOr                  // ||
	BinCoalesce                   // ??
)

// binaryOps is the one table of binary operators: text and precedence
// (higher binds tighter; ** is right-associative).
var binaryOps = [...]struct {
	text string
	prec int8
}{
	BinAdd: {"+", 12}, BinSub: {"-", 12}, BinMul: {"*", 13}, BinDiv: {"/", 13}, BinRem: {"%", 13},
	BinExp: {"**", 14}, BinShl: {"<<", 11}, BinShr: {">>", 11}, BinUShr: {">>>", 11},
	BinBitAnd: {"&", 7}, BinBitOr: {"|", 5}, BinBitXor: {"^", 6},
	BinEq: {"==", 8}, BinNe: {"!=", 8}, BinStrictEq: {"===", 8}, BinStrictNe: {"!==", 8},
	BinLt: {"<", 10}, BinGt: {">", 10}, BinLe: {"<=", 10}, BinGe: {">=", 10},
	BinIn: {"in", 10}, BinInstanceof: {"instanceof", 10},
	BinLogicalAnd: {"&&", 4}, BinLogicalOr: {"||", 3}, BinCoalesce: {"??", 2},
}

// String returns the operator as written.
func (op BinaryOp) String() string { return binaryOps[op].text }

// Precedence returns the operator's binding power (** 14 … ?? 2).
func (op BinaryOp) Precedence() int { return int(binaryOps[op].prec) }

// ShortCircuit reports whether the right operand is evaluated
// conditionally (&&, ||, ??): its range is a block-coverage range.
func (op BinaryOp) ShortCircuit() bool {
	return op == BinLogicalAnd || op == BinLogicalOr || op == BinCoalesce
}

// AssignOp is the operator of an EAssign.
type AssignOp uint8

// The assignment operators.
const (
	AssignEq         AssignOp = iota // =
	AssignAdd                        // +=
	AssignSub                        // -=
	AssignMul                        // *=
	AssignDiv                        // /=
	AssignRem                        // %=
	AssignExp                        // **=
	AssignShl                        // <<=
	AssignShr                        // >>=
	AssignUShr                       // >>>=
	AssignBitAnd                     // &=
	AssignBitOr                      // |=
	AssignBitXor                     // ^=
	AssignLogicalAnd                 // &&= (assigns only when the target is truthy)
	AssignLogicalOr                  // ||= (assigns only when the target is falsy)
	AssignCoalesce                   // ??= (assigns only when the target is null or undefined)
)

var assignOpBinary = [...]BinaryOp{
	AssignAdd: BinAdd, AssignSub: BinSub, AssignMul: BinMul, AssignDiv: BinDiv, AssignRem: BinRem,
	AssignExp: BinExp, AssignShl: BinShl, AssignShr: BinShr, AssignUShr: BinUShr,
	AssignBitAnd: BinBitAnd, AssignBitOr: BinBitOr, AssignBitXor: BinBitXor,
	AssignLogicalAnd: BinLogicalAnd, AssignLogicalOr: BinLogicalOr, AssignCoalesce: BinCoalesce,
}

// Binary returns the binary operator a compound assignment applies
// (BinAdd for +=); meaningless for AssignEq.
func (op AssignOp) Binary() BinaryOp { return assignOpBinary[op] }

// String returns the operator as written.
func (op AssignOp) String() string {
	if op == AssignEq {
		return "="
	}
	return op.Binary().String() + "="
}
