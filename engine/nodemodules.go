package engine

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// NativeFunction is a Go function a host adds to a built-in module (for
// example v8.takeCoverage from the profiler): its name, its length
// property, and its behavior.
type NativeFunction struct {
	Name   string
	Length int
	Fn     interp.Native
}

// builtinModuleNames are the built-in modules require and import know,
// without the "node:" prefix.
var builtinModuleNames = []string{"path", "util", "v8"}

// builtinName reports whether spec names a built-in module ("v8" or
// "node:v8") and returns its bare name.
func (iso *Isolate) builtinName(spec string) (string, bool) {
	name := strings.TrimPrefix(spec, "node:")
	for _, n := range builtinModuleNames {
		if n == name {
			return n, true
		}
	}
	return "", false
}

// builtinExports returns the exports object of built-in module name,
// creating it once per isolate.
func (iso *Isolate) builtinExports(name string) (layout.Value, bool) {
	c := iso.cjs()
	if g, ok := c.builtins[name]; ok {
		v, _ := g.Value()
		return v, true
	}
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	var obj heap.Handle
	switch name {
	case "v8":
		obj = iso.v8Module()
	case "util":
		obj = iso.utilModule()
	case "path":
		obj = iso.pathModule()
	default:
		return iso.throwNodeError("Cannot find module '"+name+"'", "MODULE_NOT_FOUND")
	}
	c.builtins[name] = iso.Heap.NewGlobal(obj.Value())
	return obj.Value(), true
}

// installBuiltinModules makes the built-in modules importable from ES
// modules (with and without "node:"): their default export is the exports
// object, and each function is a named export.
func (iso *Isolate) installBuiltinModules() {
	for _, name := range builtinModuleNames {
		name := name
		exports := func(in *interp.Interp) ([]string, []heap.Handle, bool) {
			v, ok := iso.builtinExports(name)
			if !ok {
				return nil, nil, false
			}
			obj := iso.Heap.NewHandle(v)
			names := []string{"default"}
			values := []heap.Handle{obj}
			for _, key := range iso.moduleKeys[name] {
				p, ok := iso.getProp(obj, key)
				if !ok {
					return nil, nil, false
				}
				names = append(names, key)
				values = append(values, iso.Heap.NewHandle(p))
			}
			return names, values, true
		}
		iso.js.RegisterSyntheticModule(name, exports)
		iso.js.RegisterSyntheticModule("node:"+name, exports)
	}
}

// defineModuleFunctions adds functions to a built-in module's exports as
// enumerable properties (as node's are) and records their names as the
// module's named exports.
func (iso *Isolate) defineModuleFunctions(module string, obj heap.Handle, fns []NativeFunction) {
	if iso.moduleKeys == nil {
		iso.moduleKeys = map[string][]string{}
	}
	for _, fn := range fns {
		s := iso.Heap.OpenScope()
		f := iso.js.NewNativeFunction(fn.Name, fn.Length, fn.Fn, 0)
		iso.js.DefineValue(obj, fn.Name, f, objects.AttrNone)
		s.Close()
		iso.moduleKeys[module] = append(iso.moduleKeys[module], fn.Name)
	}
}

// v8Module builds node's v8 module: heap statistics from the heap's own
// counters (node's field names, plus total_allocated_bytes),
// setFlagsFromString for the engine's flags, and the host's
// Options.V8Functions.
func (iso *Isolate) v8Module() heap.Handle {
	js := iso.js
	obj := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	fns := []NativeFunction{
		{"getHeapStatistics", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			st := iso.Heap.Statistics()
			return iso.numberRecord([]string{
				"total_heap_size", "total_heap_size_executable", "total_physical_size", "total_available_size",
				"used_heap_size", "heap_size_limit", "malloced_memory", "peak_malloced_memory", "does_zap_garbage",
				"number_of_native_contexts", "number_of_detached_contexts", "total_global_handles_size",
				"used_global_handles_size", "external_memory", "total_allocated_bytes",
			}, []uint64{
				st.TotalHeapSize, st.TotalHeapSizeExecutable, st.TotalPhysicalSize, st.TotalAvailableSize,
				st.UsedHeapSize, st.HeapSizeLimit, st.MallocedMemory, st.PeakMallocedMemory, st.DoesZapGarbage,
				st.NumberOfNativeContexts, st.NumberOfDetachedContexts, st.TotalGlobalHandlesSize,
				st.UsedGlobalHandlesSize, st.ExternalMemory, st.TotalAllocatedBytes,
			}).Value(), true
		}},
		{"getHeapSpaceStatistics", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			h := iso.Heap
			spaces := h.SpaceStatistics()
			arr := in.NewArray(nil)
			for _, sp := range spaces {
				s := h.OpenScope()
				rec := iso.numberRecord([]string{"space_size", "space_used_size", "space_available_size", "physical_space_size"},
					[]uint64{sp.SpaceSize, sp.SpaceUsedSize, sp.SpaceAvailableSize, sp.PhysicalSpaceSize})
				// space_name comes first, as in node.
				out := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
				iso.setProp(out, "space_name", in.NewString(sp.SpaceName))
				for _, k := range []string{"space_size", "space_used_size", "space_available_size", "physical_space_size"} {
					v, _ := iso.getProp(rec, k)
					iso.setProp(out, k, h.NewHandle(v))
				}
				iso.Factory.ArrayPush(arr, out)
				s.Close()
			}
			return arr.Value(), true
		}},
		{"getHeapCodeStatistics", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			st := iso.Heap.CodeStatistics()
			return iso.numberRecord([]string{"code_and_metadata_size", "bytecode_and_metadata_size",
				"external_script_source_size", "cpu_profiler_metadata_size"},
				[]uint64{st.CodeAndMetadataSize, st.BytecodeAndMetadataSize, st.ExternalScriptSourceSize, st.CPUProfilerMetadataSize}).Value(), true
		}},
		{"setFlagsFromString", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsString(a.Arg(0)) {
				return iso.throwTypeErrorCode("The \"flags\" argument must be of type string. Received "+describeReceived(in, a.Arg(0)), "ERR_INVALID_ARG_TYPE")
			}
			flags := in.GoString(a.Arg(0))
			iso.Heap.SetFlagsFromString(flags, iso.opts.Stdout)
			iso.setEngineFlags(flags)
			return in.Undefined(), true
		}},
		{"takeCoverage", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if err := in.TakeCoverage(); err != nil {
				return in.ThrowError(interp.Error, err.Error())
			}
			return in.Undefined(), true
		}},
		{"stopCoverage", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if err := in.StopCoverage(); err != nil {
				return in.ThrowError(interp.Error, err.Error())
			}
			return in.Undefined(), true
		}},
		{"writeHeapSnapshot", 2, iso.v8WriteHeapSnapshot},
		{"getHeapSnapshot", 1, iso.v8GetHeapSnapshot},
	}
	fns = append(fns, iso.opts.V8Functions...)
	iso.defineModuleFunctions("v8", obj, fns)
	return obj
}

// numberRecord makes a plain object of number properties, in order.
func (iso *Isolate) numberRecord(keys []string, values []uint64) heap.Handle {
	js, h := iso.js, iso.Heap
	obj := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	for i, k := range keys {
		s := h.OpenScope()
		iso.setProp(obj, k, h.NewHandle(js.NewNumber(float64(values[i]))))
		s.Close()
	}
	return obj
}

// throwTypeErrorCode throws a TypeError with node's code property.
func (iso *Isolate) throwTypeErrorCode(msg, code string) (layout.Value, bool) {
	js, h := iso.js, iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	e := h.NewHandle(js.NewError(interp.TypeError, msg))
	js.SetErrorCode(e, code)
	return js.Throw(e.Value())
}

// utilModule builds node's util module: inspect and format (the console's
// renderers).
func (iso *Isolate) utilModule() heap.Handle {
	js := iso.js
	obj := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	iso.defineModuleFunctions("util", obj, []NativeFunction{
		{"format", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			s, ok := builtins.Format(in, a)
			if !ok {
				return 0, false
			}
			return in.NewString(s).Value(), true
		}},
		{"inspect", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return in.NewString(builtins.Inspect(in, a.Arg(0))).Value(), true
		}},
	})
	return obj
}

// pathModule builds node's path module (POSIX): join, resolve, dirname,
// basename, extname, isAbsolute, normalize, relative, sep, delimiter.
func (iso *Isolate) pathModule() heap.Handle {
	js := iso.js
	obj := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	strs := func(in *interp.Interp, a interp.Args) ([]string, bool) {
		out := make([]string, a.Len())
		for i := range out {
			if !in.IsString(a.Arg(i)) {
				_, ok := iso.throwTypeErrorCode("The \"path\" argument must be of type string. Received "+describeReceived(in, a.Arg(i)), "ERR_INVALID_ARG_TYPE")
				return nil, ok
			}
			out[i] = in.GoString(a.Arg(i))
		}
		return out, true
	}
	str := func(in *interp.Interp, s string) (layout.Value, bool) { return in.NewString(s).Value(), true }
	one := func(f func(string) string) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok {
				return 0, false
			}
			if len(p) == 0 {
				p = []string{""}
			}
			return str(in, f(p[0]))
		}
	}
	iso.defineModuleFunctions("path", obj, []NativeFunction{
		{"join", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok {
				return 0, false
			}
			j := filepath.Join(p...)
			if j == "" {
				j = "."
			}
			return str(in, j)
		}},
		{"resolve", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok {
				return 0, false
			}
			cwd, _ := filepath.Abs(".")
			r := cwd
			for _, s := range p {
				if filepath.IsAbs(s) {
					r = s
				} else if s != "" {
					r = filepath.Join(r, s)
				}
			}
			return str(in, filepath.Clean(r))
		}},
		{"dirname", 1, one(filepath.Dir)},
		{"basename", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok {
				return 0, false
			}
			if len(p) == 0 {
				p = []string{""}
			}
			b := strings.TrimRight(p[0], "/")
			if i := strings.LastIndexByte(b, '/'); i >= 0 {
				b = b[i+1:]
			}
			if len(p) > 1 && p[1] != b {
				b = strings.TrimSuffix(b, p[1])
			}
			return str(in, b)
		}},
		{"extname", 1, one(func(p string) string {
			b := filepath.Base(p)
			if i := strings.LastIndexByte(b, '.'); i > 0 {
				return b[i:]
			}
			return ""
		})},
		{"isAbsolute", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok {
				return 0, false
			}
			return in.Bool(len(p) > 0 && filepath.IsAbs(p[0])), true
		}},
		{"normalize", 1, one(func(p string) string {
			if p == "" {
				return "."
			}
			c := filepath.Clean(p)
			if strings.HasSuffix(p, "/") && c != "/" {
				c += "/"
			}
			return c
		})},
		{"relative", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			p, ok := strs(in, a)
			if !ok || len(p) < 2 {
				return iso.throwTypeErrorCode("The \"to\" argument must be of type string. Received undefined", "ERR_INVALID_ARG_TYPE")
			}
			from, _ := filepath.Abs(p[0])
			to, _ := filepath.Abs(p[1])
			r, err := filepath.Rel(from, to)
			if err != nil || r == "." {
				r = ""
			}
			return str(in, r)
		}},
	})
	iso.setProp(obj, "sep", js.NewString("/"))
	iso.setProp(obj, "delimiter", js.NewString(":"))
	iso.moduleKeys["path"] = append(iso.moduleKeys["path"], "sep", "delimiter")
	sort.Strings(iso.moduleKeys["path"])
	return obj
}

// v8WriteHeapSnapshot is v8.writeHeapSnapshot([filename[, options]]): a
// snapshot in node's default file name unless one is given, options
// {exposeInternals, exposeNumericValues}; it returns the file name.
func (iso *Isolate) v8WriteHeapSnapshot(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	filename := ""
	if v := a.Arg(0); v != in.Undefined() {
		if !in.IsString(v) {
			return iso.throwTypeErrorCode("The \"path\" argument must be of type string or an instance of Buffer or URL. Received "+describeReceived(in, v), "ERR_INVALID_ARG_TYPE")
		}
		filename = in.GoString(v)
	}
	internals, numeric, ok := iso.snapshotOptions(in, a.Arg(1))
	if !ok {
		return 0, false
	}
	name, err := iso.WriteHeapSnapshotFile(filename, NodeSnapshotOptions(internals, numeric))
	if err != nil {
		return in.ThrowError(interp.Error, err.Error())
	}
	return in.NewString(name).Value(), true
}

// setEngineFlags applies the interpreter's run-time flags of a
// v8.setFlagsFromString string: --opt and --no-opt (--turbofan and
// --no-turbofan as aliases) turn tier-up on and off.
func (iso *Isolate) setEngineFlags(flags string) {
	for _, arg := range strings.Fields(flags) {
		switch strings.ReplaceAll(arg, "_", "-") {
		case "--opt", "--turbofan":
			iso.js.SetTierUp(true)
		case "--no-opt", "--no-turbofan":
			iso.js.SetTierUp(false)
		}
	}
}
