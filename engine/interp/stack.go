package interp

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// StackFrame is one frame of the JavaScript stack as the profilers see it.
type StackFrame struct {
	// Shared is the frame's SharedFunctionInfo (valid until the next
	// allocation).
	Shared layout.Value
	// ScriptID is the frame's script id (0 for builtins).
	ScriptID int
	// Position is the UTF-16 source offset of the instruction running in
	// the frame (for callers: the call), or -1 (builtins).
	Position int
	// Native marks a builtin's frame.
	Native bool
}

// Stack appends the current JavaScript stack to dst, innermost frame
// first, at most max frames (0: all), and returns it. It does not
// allocate on the heap: the CPU profiler and the sampling heap profiler
// call it at safepoints and allocation steps.
func (in *Interp) Stack(dst []StackFrame, max int) []StackFrame {
	for i := len(in.frames) - 1; i >= 0; i-- {
		if max > 0 && len(dst) >= max {
			break
		}
		fr := in.frames[i]
		sfi := in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])
		sf := StackFrame{Shared: sfi, Position: -1, Native: fr.flags&frameNative != 0}
		if !sf.Native {
			if rec := in.scriptOf(sfi); rec != nil {
				sf.ScriptID = rec.id
			}
			sf.Position = in.framePosition(fr)
		}
		dst = append(dst, sf)
	}
	return dst
}

// StackFunctions is Stack without source positions (Position is -1): the
// allocation tracker calls it at every allocation and needs only the
// functions, not the source-position table lookups.
func (in *Interp) StackFunctions(dst []StackFrame, max int) []StackFrame {
	for i := len(in.frames) - 1; i >= 0; i-- {
		if max > 0 && len(dst) >= max {
			break
		}
		fr := in.frames[i]
		sfi := in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])
		sf := StackFrame{Shared: sfi, Position: -1, Native: fr.flags&frameNative != 0}
		if !sf.Native {
			if rec := in.scriptOf(sfi); rec != nil {
				sf.ScriptID = rec.id
			}
		}
		dst = append(dst, sf)
	}
	return dst
}

// V8StartPosition returns a function's start as V8's
// SharedFunctionInfo::StartPosition has it, the UTF-16 offset of the `(`
// of its parameters (of the sole parameter of `x => …`; 0 for a script's
// top level), which heap snapshots' allocation traces report; -1 for
// builtins. (The SharedFunctionInfo's own start is the function token,
// where coverage and toString start.)
func (in *Interp) V8StartPosition(sfi layout.Value) int {
	rec, lit := in.functionAST(sfi)
	if lit == nil {
		return -1
	}
	if lit.Kind == ast.FuncScript || lit.Kind == ast.FuncModule {
		return 0
	}
	loc := lit.ParamsLoc
	src := rec.unit.Source
	if lit.Kind == ast.FuncArrow && int(loc) < len(src) && loc >= 0 && src[loc] == ')' {
		// A parenthesized arrow's ParamsLoc is its ")": V8 starts at the
		// arrow's first token, "(" or `async`.
		loc = lit.Range.Start
	}
	if loc < 0 {
		loc = lit.Range.Start
	}
	return rec.unit.Lines.UTF16(loc)
}
