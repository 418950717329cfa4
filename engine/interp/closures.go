package interp

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// createContext makes a function or block context for the scope whose
// ScopeInfo is constant idx, chained to the frame's current context.
func (in *Interp) createContext(fp, idx int, function bool) layout.Value {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	si := h.NewHandle(in.constantAt(fp, idx))
	prev := h.NewHandle(in.stack[fp+bytecode.FrameContext])
	n := f.ScopeInfoContextLocalCount(si.Value())
	if function {
		return f.NewFunctionContext(si, prev, n).Value()
	}
	return f.NewBlockContext(si, prev, n).Value()
}

// cloneContext replaces the frame's current context by a copy: the
// per-iteration bindings of `for (let …)`.
func (in *Interp) cloneContext(fp int) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	old := h.NewHandle(in.stack[fp+bytecode.FrameContext])
	si := h.NewHandle(f.ContextScopeInfo(old.Value()))
	prev := h.NewHandle(f.ContextPrevious(old.Value()))
	n := f.ContextLength(old.Value())
	c := f.NewBlockContext(si, prev, n-layout.ContextMinSlots)
	for i := layout.ContextMinSlots; i < n; i++ {
		f.SetContextSlot(c.Value(), i, f.ContextSlot(old.Value(), i))
	}
	in.stack[fp+bytecode.FrameContext] = c.Value()
}

// createClosure makes a closure of the SharedFunctionInfo constant sfiIdx
// over the frame's context, with the feedback cell cellIdx of the frame's
// vector (shared by every closure this site makes).
func (in *Interp) createClosure(fp, sfiIdx, cellIdx int) layout.Value {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	sfi := h.NewHandle(in.constantAt(fp, sfiIdx))
	ctx := h.NewHandle(in.stack[fp+bytecode.FrameContext])
	cells := f.ClosureFeedbackCells(in.stack[fp+bytecode.FrameFeedbackVector])
	var cell heap.Handle
	if cellIdx < f.Length(cells) {
		cell = h.NewHandle(f.Get(cells, cellIdx))
	} else {
		cell = f.NewFeedbackCell(heap.Handle{})
	}
	var m heap.Handle
	if flags := f.SharedFlags(sfi.Value()); flags&(objects.SharedIsGenerator|objects.SharedIsAsync) != 0 {
		id := GeneratorFunctionMap
		switch {
		case flags&objects.SharedIsGenerator != 0 && flags&objects.SharedIsAsync != 0:
			id = AsyncGeneratorFunctionMap
		case flags&objects.SharedIsAsync != 0:
			id = AsyncFunctionMap
		}
		m = h.NewHandle(in.intrinsics[id])
	}
	return f.NewJSFunctionWithMap(m, sfi, ctx, cell).Value()
}

// createArguments makes the rest parameter (the arguments past the formal
// parameters, as an array) or the arguments object (unmapped: a plain
// object with the arguments as elements, length and an iterator).
func (in *Interp) createArguments(fp int, rest bool) layout.Value {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	fi := len(in.frames) - 1
	for fi > 0 && int(in.frames[fi].fp) != fp {
		fi--
	}
	argc := int(in.frames[fi].argc)
	ba := in.stack[fp+bytecode.FrameBytecode]
	params := f.BytecodeParameterSize(ba) - 1
	regs := f.BytecodeRegisterCount(ba)
	arg := func(i int) layout.Value {
		if i < params {
			return in.stack[fp+bytecode.FrameHeaderSize+i]
		}
		return in.stack[fp+bytecode.FrameHeaderSize+params+regs+i-params]
	}
	if rest {
		n := max(argc-params, 0)
		arr := f.NewJSArray(n)
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			f.ArrayPush(arr, h.NewHandle(arg(params+i)))
			s.Close()
		}
		return arr.Value()
	}
	obj := f.NewPlainObject()
	for i := 0; i < argc; i++ {
		s := h.OpenScope()
		f.SetElement(obj, uint32(i), h.NewHandle(arg(i)))
		s.Close()
	}
	f.DefineProperty(obj, h.NewHandle(in.names[NameLength]), h.NewHandle(layout.Smi(argc)), objects.AttrDontEnum)
	// @@iterator is %Array.prototype.values%, whatever Array.prototype
	// holds now (CreateUnmappedArgumentsObject step 8; node too).
	f.DefineProperty(obj, h.NewHandle(in.intrinsics[SymbolIterator]), h.NewHandle(in.intrinsics[ArrayValuesFunction]), objects.AttrDontEnum)
	callee := f.InternalizeGo("callee")
	sloppy := false
	if fn := in.stack[fp+bytecode.FrameClosure]; !in.isStrict(fp) && in.hasSimpleParameters(in.f.FunctionShared(fn)) {
		// Sloppy functions' arguments.callee is the function itself.
		f.DefineProperty(obj, callee, h.NewHandle(fn), objects.AttrDontEnum)
		sloppy = true
	} else {
		// Unmapped arguments objects: callee throws (%ThrowTypeError%).
		tte := h.NewHandle(in.intrinsics[ThrowTypeErrorFunction])
		f.DefineAccessor(obj, callee, tte, tte, objects.AttrDontEnum|objects.AttrDontDelete)
	}
	f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivateArguments]), h.NewHandle(in.trueV), objects.AttrDontEnum)
	in.noteArgumentsMap(obj.Value(), !sloppy)
	return obj.Value()
}

// hasSimpleParameters reports whether the parameter list of the function
// of sfi is simple: plain identifiers, no defaults, patterns or rest.
func (in *Interp) hasSimpleParameters(sfi layout.Value) bool {
	_, lit := in.functionAST(sfi)
	if lit == nil {
		return true
	}
	for _, p := range lit.Params {
		if _, ok := p.Target.Data.(*ast.BIdentifier); !ok || p.Rest || p.Default.Data != nil {
			return false
		}
	}
	return true
}

// IsArgumentsObject reports whether v is an arguments object.
func (in *Interp) IsArgumentsObject(v layout.Value) bool {
	if !in.IsObject(v) {
		return false
	}
	_, ok := in.f.GetProperty(v, in.intrinsics[PrivateArguments])
	return ok
}

// setFunctionName gives fn the name property key (SetFunctionName):
// symbols as "[description]", with a "get "/"set " prefix.
func (in *Interp) setFunctionName(fn heap.Handle, k Key, prefix string) {
	h, f := in.h, in.f
	var name string
	switch {
	case k.IsIndex:
		name = in.keyText(k)
	case in.IsSymbol(k.Name):
		d := f.SymbolDescription(k.Name)
		if d != in.undefined {
			name = "[" + f.StringToGo(d) + "]"
		}
	default:
		name = f.StringToGo(k.Name)
	}
	if prefix != "" {
		name = prefix + " " + name
	}
	f.DefineProperty(fn, h.NewHandle(in.names[NameName]), in.NewString(name), objects.AttrReadOnly|objects.AttrDontEnum)
}
