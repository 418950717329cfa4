// Package bytecode defines the engine's register-plus-accumulator bytecode,
// in the style of V8's Ignition: the opcode table (op.go), from which
// instruction sizes, the disassembler and the verifier derive; the frame
// layout register operands index (frame.go); the runtime functions
// CallRuntime reaches (runtime.go); the Builder the compiler emits through,
// with labels, a deduplicating constant pool, feedback slot allocation and
// dead-code elimination (builder.go); the source position table (pc →
// source offset, for stack traces and CPU profiles, positions.go); the
// exception handler table; and Function, the Go-side result of compiling one
// function literal.
//
// An instruction is one opcode byte followed by its operands packed
// little-endian at fixed widths per operand kind: registers, constant
// indices, feedback slots and counts take two bytes, jump targets (absolute
// offsets) and immediates four, flags one. There is no interface per
// instruction and no boxing: the interpreter switches on the opcode byte and
// reads operands straight from the stream.
package bytecode
