package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// A frame is the Go-side record of one call on the value stack. Its heap
// values (closure, context, bytecode, feedback vector, new.target, receiver,
// parameters, registers, extra arguments) are stack slots from fp on; see
// package bytecode for the slot layout. Everything else about the frame is
// here, outside the heap, so a generator can later copy a frame into a heap
// object (its slots) plus a few integers (these fields).
type frame struct {
	// fp is the stack index of the frame's slot 0.
	fp int32
	// pc is the offset of the instruction being run: the call instruction
	// while a callee runs, the throwing instruction while unwinding.
	pc int32
	// argc is the number of arguments passed.
	argc int32
	// end is the stack index just past the frame (sp while it runs).
	end   int32
	flags frameFlags
}

type frameFlags uint8

const (
	// frameEntry marks the first frame of a run of the dispatch loop: its
	// return or an exception passing it goes back to the Go caller.
	frameEntry frameFlags = 1 << iota
	// frameConstruct marks a [[Construct]] call: a non-object result is
	// replaced by the receiver.
	frameConstruct
	// frameNative marks a builtin implemented in Go.
	frameNative
	// frameDerived marks the frame of a derived class constructor, whose
	// `this` starts as the hole.
	frameDerived
)

// Native is a builtin function implemented in Go. It reads its receiver and
// arguments from a (valid until it returns), and returns its result, or
// false with an exception pending (see Throw). Values read from a are plain
// values: across an allocation, re-read them or hold them in handles.
type Native func(in *Interp, a Args) (layout.Value, bool)

// Args is the view a Native has of its call: the native frame's slots.
type Args struct {
	in   *Interp
	fp   int
	argc int
}

// Len returns the number of arguments passed.
func (a Args) Len() int { return a.argc }

// Arg returns argument i, or undefined when fewer were passed.
func (a Args) Arg(i int) layout.Value {
	if i < a.argc {
		return a.in.stack[a.fp+bytecode.FrameHeaderSize+i]
	}
	return a.in.undefined
}

// SetArg replaces argument i (which must have been passed).
func (a Args) SetArg(i int, v layout.Value) { a.in.stack[a.fp+bytecode.FrameHeaderSize+i] = v }

// This returns the receiver.
func (a Args) This() layout.Value { return a.in.stack[a.fp+bytecode.FrameReceiver] }

// SetThis replaces the receiver slot (a scratch slot the GC keeps updated).
func (a Args) SetThis(v layout.Value) { a.in.stack[a.fp+bytecode.FrameReceiver] = v }

// NewTarget returns new.target: undefined for a call, the constructor new
// was applied to for a construction.
func (a Args) NewTarget() layout.Value { return a.in.stack[a.fp+bytecode.FrameNewTarget] }

// IsConstruct reports whether the native was called with new.
func (a Args) IsConstruct() bool { return a.NewTarget() != a.in.undefined }

// Callee returns the function being called.
func (a Args) Callee() layout.Value { return a.in.stack[a.fp+bytecode.FrameClosure] }

// Slot returns a scratch slot of the native frame: slots FrameContext,
// FrameBytecode and FrameFeedbackVector are unused by natives and may hold
// values that must survive allocations.
func (a Args) Slot(i int) layout.Value { return a.in.stack[a.fp+i] }

// SetSlot sets a scratch slot (see Slot).
func (a Args) SetSlot(i int, v layout.Value) { a.in.stack[a.fp+i] = v }

// Scratch slots of a native frame.
const (
	Scratch0 = bytecode.FrameContext
	Scratch1 = bytecode.FrameBytecode
	Scratch2 = bytecode.FrameFeedbackVector
)

// top returns the innermost frame.
func (in *Interp) top() *frame { return &in.frames[len(in.frames)-1] }
