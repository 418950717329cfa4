package bytecode

import "strconv"

// The frame of one JavaScript call is a window of the interpreter's stack of
// tagged values. Register operands (Reg, RegOut) index it from its start:
// first the header slots below, then the formal parameters, then the
// function's registers (locals and temporaries). Arguments beyond the formal
// parameters are kept after the registers, where CreateRestParameter and
// CreateArguments find them.
//
//	slot 0  the closure being run
//	slot 1  the current context (PushContext/PopContext change it)
//	slot 2  the BytecodeArray (the interpreter re-reads the code from it
//	        after anything that may move objects)
//	slot 3  the FeedbackVector
//	slot 4  new.target (undefined unless constructing)
//	slot 5  the receiver: `this`
//	slot 6… the formal parameters, then the registers
const (
	FrameClosure        = 0
	FrameContext        = 1
	FrameBytecode       = 2
	FrameFeedbackVector = 3
	FrameNewTarget      = 4
	FrameReceiver       = 5
	FrameHeaderSize     = 6
)

// RegisterName returns how the disassembler prints frame slot r of a function
// with params formal parameters: <closure>, <context>, <this>, a0…, r0….
func RegisterName(r, params int) string {
	switch {
	case r == FrameClosure:
		return "<closure>"
	case r == FrameContext:
		return "<context>"
	case r == FrameBytecode:
		return "<bytecode>"
	case r == FrameFeedbackVector:
		return "<feedback>"
	case r == FrameNewTarget:
		return "<new.target>"
	case r == FrameReceiver:
		return "<this>"
	case r < FrameHeaderSize+params:
		return "a" + strconv.Itoa(r-FrameHeaderSize)
	}
	return "r" + strconv.Itoa(r-FrameHeaderSize-params)
}
