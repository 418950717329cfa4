package interp

import (
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
	"github.com/sonde-js/sonde/engine/parser"
)

// CompileCommonJS compiles source as node compiles a CommonJS module: the
// body of a function of (exports, require, module, __filename, __dirname)
// whose range is the whole file, so positions, stack traces and coverage
// see the file's own offsets. params are the five wrapper arguments; the
// result is the wrapper closure, to call with module.exports as `this`. A
// syntax error is thrown as a SyntaxError (false, exception pending).
func (in *Interp) CompileCommonJS(source, name string, params [5]heap.Handle) (heap.Handle, bool) {
	h, f := in.h, in.f
	prog, ok := in.parse(source, name, parser.Options{Filename: name, CommonJS: true}, false)
	if !ok {
		return heap.Handle{}, false
	}
	rec := in.newScript(prog, source, name)
	rec.unit = compiler.NewCommonJSUnit(prog, source)
	if in.scriptHook != nil {
		in.scriptHook(rec.id)
	}
	sfi := in.sharedFor(rec, 0)
	if !in.compile(sfi) {
		return heap.Handle{}, false
	}
	names := rec.unit.WrapperSlots()
	nh := make([]heap.Handle, len(names))
	for i, n := range names {
		nh[i] = f.InternalizeGo(n)
	}
	si := f.NewScopeInfo(objects.FunctionScope, nh)
	ctx := f.NewBlockContext(si, h.NewHandle(in.intrinsics[NativeContext]), len(names))
	args := in.newArgumentsObject(params[:])
	for i, n := range names {
		v := args.Value()
		if i < len(params) && n == compiler.CommonJSParams[i] {
			v = params[i].Value()
		}
		f.SetContextSlot(ctx.Value(), compiler.ModuleIDSlot+i, v)
	}
	return f.NewJSFunction(sfi, ctx, f.NewFeedbackCell(heap.Handle{})), true
}

// newArgumentsObject makes an unmapped arguments object of values (as
// CreateArguments does for a frame).
func (in *Interp) newArgumentsObject(values []heap.Handle) heap.Handle {
	h, f := in.h, in.f
	obj := f.NewPlainObject()
	for i, v := range values {
		f.SetElement(obj, uint32(i), v)
	}
	f.DefineProperty(obj, h.NewHandle(in.names[NameLength]), h.NewHandle(layout.Smi(len(values))), objects.AttrDontEnum)
	if it, kind := in.lookup(in.intrinsics[ArrayPrototype], NameKey(in.intrinsics[SymbolIterator])); kind == propData {
		f.DefineProperty(obj, h.NewHandle(in.intrinsics[SymbolIterator]), h.NewHandle(it), objects.AttrDontEnum)
	}
	return obj
}
