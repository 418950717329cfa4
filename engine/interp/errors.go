package interp

import (
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// JavaScript exceptions are a pending-exception value plus a false status
// that every operation returns up to the dispatch loop, which unwinds
// through the handler tables: no Go panics.

// stackTraceLimit is V8's default Error.stackTraceLimit.
const stackTraceLimit = 10

// ThrowError creates an error of the given kind with msg, makes it the
// pending exception and returns (0, false), ready to be returned by a
// Native or a slow path.
func (in *Interp) ThrowError(kind ErrorKind, msg string) (layout.Value, bool) {
	in.throwErrorValue(kind, msg)
	return 0, false
}

// throwErrorValue creates and throws an error.
func (in *Interp) throwErrorValue(kind ErrorKind, msg string) {
	e := in.NewError(kind, msg)
	in.throwValue(e, true)
}

// Throw makes v the pending exception and returns (0, false).
func (in *Interp) Throw(v layout.Value) (layout.Value, bool) {
	in.throwValue(v, true)
	return 0, false
}

// throwValue makes v the pending exception; record says whether the throw's
// location is recorded for the uncaught-exception message (a rethrow keeps
// the original one).
func (in *Interp) throwValue(v layout.Value, record bool) {
	in.exception, in.hasException = v, true
	if record {
		in.recordThrowLocation()
	}
}

// throwLocation is where the last exception was thrown: a script and a
// UTF-16 offset in it, or (for a syntax error, before any script exists)
// the file, line, column and line text.
type throwLocation struct {
	script    *script
	pos       int
	file      string
	line, col int
	text      string
}

func (in *Interp) recordThrowLocation() {
	for i := len(in.frames) - 1; i >= 0; i-- {
		fr := in.frames[i]
		if fr.flags&frameNative != 0 {
			continue
		}
		sfi := in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])
		in.lastThrow = throwLocation{script: in.scriptOf(sfi), pos: in.framePosition(fr)}
		return
	}
	in.lastThrow = throwLocation{}
}

// HasException reports whether an exception is pending.
func (in *Interp) HasException() bool { return in.hasException }

// Exception returns the pending exception.
func (in *Interp) Exception() layout.Value { return in.exception }

// ClearException drops the pending exception (and a termination).
func (in *Interp) ClearException() {
	in.exception, in.hasException, in.terminating = in.undefined, false, false
}

// IsTerminating reports whether the pending exception is a termination
// (TerminateExecution), which no catch can intercept.
func (in *Interp) IsTerminating() bool { return in.terminating }

// ThrowLocation returns where the pending exception was thrown: the script
// name, the 1-based line and column, and the text of that line; ok is false
// when it is unknown.
func (in *Interp) ThrowLocation() (name string, line, col int, sourceLine string, ok bool) {
	t := in.lastThrow
	if t.script == nil && t.file != "" {
		return t.file, t.line, t.col, t.text, true
	}
	if t.script == nil || t.pos < 0 {
		return "", 0, 0, "", false
	}
	u := t.script.unit
	off := u.Lines.ByteOffset(t.pos)
	l, c := u.Lines.LineCol(off)
	start := u.Lines.LineStart(l)
	end := len(u.Source)
	if l+1 < u.Lines.LineCount() {
		end = int(u.Lines.LineStart(l + 1))
	}
	text := strings.TrimRight(u.Source[start:end], "\r\n\u2028\u2029")
	return t.script.name, l + 1, c + 1, text, true
}

// NewError creates an error object of a native kind with a message (none
// when msg is empty) and a V8-style stack property.
func (in *Interp) NewError(kind ErrorKind, msg string) layout.Value {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	obj := f.NewJSObject(h.NewHandle(in.intrinsics[ErrorMap+Intrinsic(kind)]))
	if msg != "" {
		f.DefineProperty(obj, h.NewHandle(in.names[NameMessage]), in.NewString(msg), objects.AttrDontEnum)
	}
	in.MarkError(obj)
	in.CaptureStack(obj, false)
	return obj.Value()
}

// MarkError gives obj [[ErrorData]]: a private marker (V8's JSError
// instance type) that makes it an error object for IsErrorObject,
// Object.prototype.toString and the inspector, whatever happens to its
// stack or prototype later. The Error constructors and the errors the
// engine throws have it; Error.captureStackTrace does not give it.
func (in *Interp) MarkError(obj heap.Handle) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	in.f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivateErrorStack]), h.NewHandle(in.Bool(true)), objects.AttrDontEnum)
}

// CaptureStack gives obj a stack property: the error's header ("Name:
// message") and a line per frame, innermost first, as V8 formats them.
// skipTop skips the innermost frame (the Error constructor itself).
func (in *Interp) CaptureStack(obj heap.Handle, skipTop bool) {
	if in.ErrorCreatedHook != nil {
		in.ErrorCreatedHook(in, obj.Value())
	}
	h, f := in.h, in.f
	var sb strings.Builder
	sb.WriteString(in.errorHeader(obj.Value()))
	frames := in.frames
	if skipTop && len(frames) > 0 && frames[len(frames)-1].flags&frameNative != 0 {
		frames = frames[:len(frames)-1]
	}
	n := 0
	for i := len(frames) - 1; i >= 0 && n < stackTraceLimit; i-- {
		sb.WriteString("\n    at ")
		sb.WriteString(in.frameText(frames[i]))
		n++
	}
	if n < stackTraceLimit {
		in.writeAsyncFrames(&sb, stackTraceLimit-n)
	}
	s := in.NewString(sb.String())
	f.DefineProperty(obj, h.NewHandle(in.names[NameStack]), s, objects.AttrDontEnum)
}

// errorHeader is ErrorUtils::ToString without side effects: name, then
// ": message" when there is one.
func (in *Interp) errorHeader(obj layout.Value) string {
	name := "Error"
	if v, kind := in.lookup(obj, NameKey(in.names[NameName])); kind == propData && in.IsString(v) {
		name = in.f.StringToGo(v)
	}
	msg := ""
	if v, kind := in.lookup(obj, NameKey(in.names[NameMessage])); kind == propData && in.IsString(v) {
		msg = in.f.StringToGo(v)
	}
	switch {
	case msg == "":
		return name
	case name == "":
		return msg
	}
	return name + ": " + msg
}

// framePosition returns the source position (UTF-16 offset) of a frame's
// current instruction, or -1.
func (in *Interp) framePosition(fr frame) int {
	h := in.h
	ba := in.stack[fr.fp+bytecode.FrameBytecode]
	if !ba.IsHeapObject() {
		return -1
	}
	table := h.Field(ba.Addr(), layout.BytecodeArraySourcePositionTableOffset)
	if table == in.f.Roots.EmptyFixedArray {
		return -1
	}
	return bytecode.SourcePosition(in.f.ByteArrayBytes(table), int(fr.pc))
}

// frameText renders one stack frame as V8 does: "f (file:line:col)",
// "new C (…)", "Type.method (…)", "file:line:col" for top-level code,
// "Array.map (<anonymous>)" for builtins.
func (in *Interp) frameText(fr frame) string {
	pos := -1
	if fr.flags&frameNative == 0 {
		pos = in.framePosition(fr)
	}
	return in.callSiteText(in.stack[fr.fp+bytecode.FrameClosure], in.stack[fr.fp+bytecode.FrameReceiver], fr.flags, pos)
}

// callSiteText is frameText for a function fn called with receiver recv,
// at source position pos (-1: unknown).
func (in *Interp) callSiteText(fn, recv layout.Value, flags frameFlags, pos int) string {
	f := in.f
	sfi := f.FunctionShared(fn)
	name := in.DebugName(sfi)
	if _, lit := in.functionAST(sfi); lit != nil && lit.ComputedName {
		// Named by its computed key at run time: V8 shows that name (an
		// own data property) before the inferred one.
		if v, d, ok := f.GetOwnProperty(fn, in.names[NameName]); ok && d.Kind() == objects.KindData && in.IsString(v) {
			name = f.StringToGo(v)
		}
	}
	var loc string
	if flags&frameNative != 0 {
		loc = "<anonymous>"
	} else if rec := in.scriptOf(sfi); rec != nil {
		loc = rec.name
		if pos >= 0 {
			l, c := rec.unit.Lines.LineCol(rec.unit.Lines.ByteOffset(pos))
			loc += ":" + strconv.Itoa(l+1) + ":" + strconv.Itoa(c+1)
		}
		if rec.evalFrom != "" {
			// Eval code: "eval (eval at f (file:1:2), <anonymous>:1:1)".
			loc = rec.evalFrom + ", " + loc
			// V8 names eval code's top level and anonymous functions
			// "eval", and so the function a Function constructor makes.
			if id := f.SharedFunctionLiteralID(sfi); id == 0 || name == "" || rec.dynamicFunction && id == 1 {
				name = "eval"
			}
		}
	}
	construct := flags&frameConstruct != 0
	topLevel := f.SharedFlags(sfi)&sharedTopLevel != 0 || recv == in.undefined || recv == in.null ||
		recv == in.intrinsics[GlobalObject]
	var call string
	switch {
	case construct:
		if name == "" {
			name = "<anonymous>"
		}
		call = "new " + name
	case !topLevel && recv != in.hole:
		// V8's AppendMethodCall: "Type.name [as method]".
		typeName := in.constructorName(recv)
		if in.isFunction(recv) && in.f.SharedFlags(in.f.FunctionShared(recv))&objects.SharedIsClassConstructor != 0 {
			if n := in.DebugName(in.f.FunctionShared(recv)); n != "" {
				typeName = n
			}
		}
		method := in.methodName(recv, fn)
		switch {
		case name == "":
			if method == "" {
				method = "<anonymous>"
			}
			call = typeName + "." + method
		default:
			call = name
			if typeName != "" && !strings.HasPrefix(name, typeName) && !strings.ContainsAny(name, ". ") {
				call = typeName + "." + name
			}
			if method != "" && name != method && !strings.HasSuffix(name, "."+method) {
				call += " [as " + method + "]"
			}
		}
	default:
		call = name
	}
	if call == "" {
		return loc
	}
	return call + " (" + loc + ")"
}

// methodName returns the name of the property of recv (or its prototypes)
// whose value, getter or setter is fn, or "" (V8's GetMethodName). It does
// not allocate.
func (in *Interp) methodName(recv, fn layout.Value) string {
	f := in.f
	if !in.IsObject(recv) {
		return ""
	}
	for o := recv; o != in.null && in.IsObject(o); o = f.GetPrototype(o) {
		m := f.MapOf(o)
		if f.IsDictionaryMap(m) {
			continue
		}
		d := f.MapDescriptors(m)
		for i, n := 0, f.NumberOfOwnDescriptors(m); i < n; i++ {
			key := f.DescriptorKey(d, i)
			if in.IsSymbol(key) {
				continue
			}
			v, det, ok := f.GetOwnProperty(o, key)
			if !ok {
				continue
			}
			if det.Kind() == objects.KindAccessor {
				if f.AccessorPairGetter(v) == fn || f.AccessorPairSetter(v) == fn {
					return f.StringToGo(key)
				}
			} else if v == fn {
				return f.StringToGo(key)
			}
		}
	}
	return ""
}

// constructorName returns the name of the constructor of v's class, as
// V8's JSReceiver::GetConstructorName: "Object", "Array", a class name.
func (in *Interp) constructorName(v layout.Value) string {
	switch {
	case v.IsSmi() || in.IsHeapNumber(v):
		return "Number"
	case in.IsString(v):
		return "String"
	case v == in.trueV || v == in.falseV:
		return "Boolean"
	case in.IsSymbol(v):
		return "Symbol"
	case !in.IsObject(v):
		return ""
	}
	if in.IsCallable(v) {
		return "Function"
	}
	c, kind := in.lookup(v, NameKey(in.names[NameConstructor]))
	if kind == propData && in.isFunction(c) {
		if n := in.f.StringToGo(in.f.SharedName(in.f.FunctionShared(c))); n != "" {
			return n
		}
	}
	return "Object"
}

// keyText renders a property key in messages: the name, Symbol(desc), or
// the index.
func (in *Interp) keyText(k Key) string {
	if k.IsIndex {
		return strconv.FormatUint(uint64(k.Index), 10)
	}
	if in.IsSymbol(k.Name) {
		return in.symbolText(k.Name)
	}
	return in.f.StringToGo(k.Name)
}

func (in *Interp) symbolText(s layout.Value) string {
	d := in.f.SymbolDescription(s)
	if d == in.undefined {
		return "Symbol()"
	}
	return "Symbol(" + in.f.StringToGo(d) + ")"
}

// objectText renders an object in messages as V8 does: #<Object>,
// #<Foo>; primitives as their string.
func (in *Interp) objectText(v layout.Value) string {
	if in.IsObject(v) {
		if in.IsCallable(v) {
			return "function"
		}
		if in.IsArray(v) {
			return "[object Array]"
		}
		if in.IsModuleNamespace(v) {
			return "[object Module]"
		}
		return "#<" + in.constructorName(v) + ">"
	}
	return in.displayValue(v)
}

// displayValue renders a value in messages without running JavaScript.
func (in *Interp) displayValue(v layout.Value) string {
	switch {
	case v.IsSmi() || in.IsHeapNumber(v):
		return in.f.StringToGo(in.NumberToString(in.NumberValue(v)))
	case in.IsString(v):
		return in.f.StringToGo(v)
	case in.IsSymbol(v):
		return in.symbolText(v)
	case in.IsBigInt(v):
		return in.BigIntValue(v).String()
	case v == in.hole:
		return "undefined"
	case in.IsObject(v):
		return in.objectText(v)
	}
	return in.f.StringToGo(in.h.Field(v.Addr(), layout.OddballToStringOffset))
}

func (in *Interp) throwReadNullish(obj layout.Value, k Key) (layout.Value, bool) {
	return in.ThrowError(TypeError, "Cannot read properties of "+in.displayValue(obj)+" (reading '"+in.keyText(k)+"')")
}

// throwKeyedNullish throws obj[key]'s TypeError for a null or undefined
// obj: before the key is converted (GetValue's ToObject comes first), so an
// object key is not converted at all and V8's message then names no key.
func (in *Interp) throwKeyedNullish(obj, key layout.Value, set bool) {
	verb, ing := "read", "reading"
	if set {
		verb, ing = "set", "setting"
	}
	msg := "Cannot " + verb + " properties of " + in.displayValue(obj)
	if !in.IsObject(key) {
		if k, ok := in.ToPropertyKey(key); ok { // a primitive: no side effects
			msg += " (" + ing + " '" + in.keyText(k) + "')"
		}
	}
	in.throwErrorValue(TypeError, msg)
}

func (in *Interp) throwSetNullish(obj layout.Value, k Key) {
	in.throwErrorValue(TypeError, "Cannot set properties of "+in.displayValue(obj)+" (setting '"+in.keyText(k)+"')")
}

// calleeText renders the callee of the call being made for "… is not a
// function": the callee's source text when the call site is known (V8's
// CallPrinter), else the value.
func (in *Interp) calleeText(fn layout.Value) string {
	// Only the innermost frame: a native frame has no call site.
	if n := len(in.frames); n > 0 && in.frames[n-1].flags&frameNative == 0 {
		fr := in.frames[n-1]
		sfi := in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])
		if rec, lit := in.functionAST(sfi); rec != nil && lit != nil {
			if text, ok := compiler.CalleeText(rec.unit, lit, in.framePosition(fr)); ok {
				return text
			}
		}
	}
	return in.displayValue(fn)
}

// throwSyntaxError throws a SyntaxError (or RangeError) of the parser or
// compiler, whose stack names the source position.
func (in *Interp) throwSyntaxError(kind ErrorKind, msg, file, source string, line, col int) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	obj := f.NewJSObject(h.NewHandle(in.intrinsics[ErrorMap+Intrinsic(kind)]))
	in.MarkError(obj)
	f.DefineProperty(obj, h.NewHandle(in.names[NameMessage]), in.NewString(msg), objects.AttrDontEnum)
	stack := kind.String() + ": " + msg + "\n    at " + file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
	f.DefineProperty(obj, h.NewHandle(in.names[NameStack]), in.NewString(stack), objects.AttrDontEnum)
	in.exception, in.hasException = obj.Value(), true
	text := ""
	if lines := strings.Split(source, "\n"); line >= 1 && line <= len(lines) {
		text = strings.TrimRight(lines[line-1], "\r")
	}
	in.lastThrow = throwLocation{file: file, line: line, col: col, text: text}
}

// Terminate starts an uncatchable termination from a native (process.exit):
// every frame unwinds without running handlers.
func (in *Interp) Terminate() (layout.Value, bool) {
	in.terminating = true
	in.hasException = true
	in.exception = in.undefined
	return 0, false
}

// SourceLine returns line (1-based) of the last script run under name,
// for error reports that locate a position from a stack trace.
func (in *Interp) SourceLine(name string, line int) (string, bool) {
	for i := len(in.scripts) - 1; i >= 0; i-- {
		s := in.scripts[i]
		if s.name != name || s.unit == nil {
			continue
		}
		u := s.unit
		l := line - 1
		if l < 0 || l >= u.Lines.LineCount() {
			return "", false
		}
		start := u.Lines.LineStart(l)
		end := len(u.Source)
		if l+1 < u.Lines.LineCount() {
			end = int(u.Lines.LineStart(l + 1))
		}
		return strings.TrimRight(u.Source[start:end], "\r\n\u2028\u2029"), true
	}
	return "", false
}
