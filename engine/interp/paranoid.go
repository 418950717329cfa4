package interp

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// checkFrame panics when the accumulator or a slot of the frame holds a
// value that is not a Smi or a reference to an object with a map: what a
// value held across an allocation without a handle turns into.
func (in *Interp) checkFrame(fi, pc int, acc layout.Value) {
	fr := in.frames[fi]
	where := func() string {
		sfi := in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])
		prev := ""
		if fi > 0 {
			pfr := in.frames[fi-1]
			if pfr.flags&frameNative == 0 {
				code := in.codeOf(int(pfr.fp))
				prev = fmt.Sprintf(" (caller at @%d %s)", pfr.pc, bytecode.Op(code[pfr.pc]))
			}
		}
		code := in.codeOf(int(fr.fp))
		return fmt.Sprintf("%s @%d %s%s", in.DebugName(sfi), pc, bytecode.Op(code[pc]), prev)
	}
	if !in.validValue(acc) {
		panic(fmt.Sprintf("paranoid: accumulator %#x invalid before %s", uint32(acc), where()))
	}
	for i := int(fr.fp); i < int(fr.end); i++ {
		if !in.validValue(in.stack[i]) {
			panic(fmt.Sprintf("paranoid: frame slot %d = %#x invalid before %s (frame %d of %d, fp %d end %d flags %d, sp %d)", i-int(fr.fp), uint32(in.stack[i]), where(), fi, len(in.frames), fr.fp, fr.end, fr.flags, in.sp))
		}
	}
}

// validValue reports whether v is a Smi or points at an object whose map
// is a map.
func (in *Interp) validValue(v layout.Value) bool {
	if v.IsSmi() {
		return true
	}
	defer func() { recover() }()
	m := in.h.Field(v.Addr(), layout.MapOffset)
	if !m.IsHeapObject() {
		return false
	}
	return in.h.Field(m.Addr(), layout.MapOffset) == in.f.Roots.MetaMap
}
