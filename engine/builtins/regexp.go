package builtins

import (
	"strings"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsregexp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// RegExp (ECMA-262 22.2). A RegExp object is an ordinary object with its
// own lastIndex (the first property, as in V8) and its source and flags in
// private slots; the matcher is package jsregexp's, found by source and
// flags in the interpreter's cache. The Symbol.match/replace/search/split/
// matchAll protocol is the spec's, with the exec and lastIndex accesses it
// prescribes (observable by subclasses and overridden exec methods).

func (b *installer) regexp() {
	in := b.in
	proto := b.intrinsic(interp.RegExpPrototype)
	c := b.constructor("RegExp", 2, regexpConstructor, proto)
	in.SetIntrinsic(interp.RegExpFunction, c.Value())
	b.speciesGetter(c)
	exec := in.DefineFunction(proto, "exec", 1, regexpExec)
	in.SetIntrinsic(interp.RegExpExecFunction, exec.Value())
	b.methods(proto, []fn{
		{"compile", 2, regexpCompile},
		{"toString", 0, regexpToString},
		{"test", 1, regexpTest},
	})
	in.DefineGetter(proto, "flags", regexpFlags)
	in.DefineGetter(proto, "source", regexpSource)
	for _, fl := range []struct {
		name string
		flag byte
	}{{"hasIndices", 'd'}, {"global", 'g'}, {"ignoreCase", 'i'}, {"multiline", 'm'},
		{"dotAll", 's'}, {"unicode", 'u'}, {"unicodeSets", 'v'}, {"sticky", 'y'}} {
		name, flag := fl.name, fl.flag
		in.DefineGetter(proto, name, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return regexpFlagGetter(in, a, name, flag)
		})
	}
	sym := func(id interp.Intrinsic, name string, length int, impl interp.Native) {
		in.DefineSymbolFunction(proto, in.Intrinsic(id), name, length, impl)
	}
	sym(interp.SymbolMatch, "[Symbol.match]", 1, regexpSymbolMatch)
	sym(interp.SymbolMatchAll, "[Symbol.matchAll]", 1, regexpSymbolMatchAll)
	sym(interp.SymbolReplace, "[Symbol.replace]", 2, regexpSymbolReplace)
	sym(interp.SymbolSearch, "[Symbol.search]", 1, regexpSymbolSearch)
	sym(interp.SymbolSplit, "[Symbol.split]", 2, regexpSymbolSplit)

	iter := b.intrinsic(interp.RegExpStringIteratorPrototype)
	in.DefineFunction(iter, "next", 0, regexpStringIteratorNext)
	in.Factory().DefineProperty(iter, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("RegExp String Iterator"), objects.AttrReadOnly|objects.AttrDontEnum)

	in.NewRegExp = func(in *interp.Interp, pattern, flags layout.Value) (layout.Value, bool) {
		h := in.Heap()
		p, fl := h.NewHandle(pattern), h.NewHandle(flags)
		obj := regexpAlloc(in, in.Intrinsic(interp.RegExpPrototype))
		return regexpInitialize(in, obj, p.Value(), fl.Value())
	}
	sample, _ := in.NewRegExp(in, in.EmptyString(), in.EmptyString())
	f := in.Factory()
	in.SetIntrinsic(interp.RegExpInstanceMap, f.MapOf(sample))
	in.SetIntrinsic(interp.RegExpPrototypeMap, f.MapOf(in.Intrinsic(interp.RegExpPrototype)))
}

// regexpAlloc makes an uninitialized RegExp object with its lastIndex.
func regexpAlloc(in *interp.Interp, proto layout.Value) heap.Handle {
	obj := in.NewObject(proto)
	in.DefineOwn(obj.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), layout.Smi(0), objects.AttrDontEnum|objects.AttrDontDelete)
	return obj
}

// regexpInitialize is RegExpInitialize: compile the pattern and flags and
// record them in obj.
func regexpInitialize(in *interp.Interp, obj heap.Handle, pattern, flags layout.Value) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	fh := h.NewHandle(flags)
	p := in.EmptyString()
	if pattern != in.Undefined() {
		s, ok := in.ToString(pattern)
		if !ok {
			return 0, false
		}
		p = s
	}
	ph := h.NewHandle(p)
	fl := in.EmptyString()
	if fh.Value() != in.Undefined() {
		s, ok := in.ToString(fh.Value())
		if !ok {
			return 0, false
		}
		fl = s
	}
	flh := h.NewHandle(fl)
	if _, err := in.CompileRegExp(f.StringToUTF16(ph.Value()), f.StringToGo(flh.Value())); err != nil {
		return throwRegExpError(in, err)
	}
	f.DefineProperty(obj, h.NewHandle(in.Intrinsic(interp.PrivateRegExpSource)), ph, objects.AttrDontEnum)
	f.DefineProperty(obj, h.NewHandle(in.Intrinsic(interp.PrivateRegExpFlags)), flh, objects.AttrDontEnum)
	if !in.Set(obj.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), layout.Smi(0), true) {
		return 0, false
	}
	return obj.Value(), true
}

func throwRegExpError(in *interp.Interp, err error) (layout.Value, bool) {
	return in.ThrowError(interp.SyntaxError, err.Error())
}

// regexpSlots returns a RegExp object's source and flags, or ok false for
// anything else.
func regexpSlots(in *interp.Interp, v layout.Value) (source, flags layout.Value, ok bool) {
	if !in.IsObject(v) {
		return 0, 0, false
	}
	f := in.Factory()
	source, ok = f.GetProperty(v, in.Intrinsic(interp.PrivateRegExpSource))
	if !ok {
		return 0, 0, false
	}
	flags, _ = f.GetProperty(v, in.Intrinsic(interp.PrivateRegExpFlags))
	return source, flags, true
}

// matcherOf returns the compiled matcher of a RegExp object and its flags.
func matcherOf(in *interp.Interp, v layout.Value) (*jsregexp.Regexp, string, bool) {
	source, flags, ok := regexpSlots(in, v)
	if !ok {
		return nil, "", false
	}
	f := in.Factory()
	fl := f.StringToGo(flags)
	re, err := in.CompileRegExp(f.StringToUTF16(source), fl)
	if err != nil {
		throwRegExpError(in, err)
		return nil, "", false
	}
	return re, fl, true
}

// isRegExp is IsRegExp: an object whose Symbol.match is truthy, or (when
// it is undefined) that has a regexp matcher.
func isRegExp(in *interp.Interp, v layout.Value) (bool, bool) {
	if !in.IsObject(v) {
		return false, true
	}
	h := in.Heap()
	vh := h.NewHandle(v)
	m, ok := in.Get(vh.Value(), interp.NameKey(in.Intrinsic(interp.SymbolMatch)))
	if !ok {
		return false, false
	}
	if m != in.Undefined() {
		return in.ToBoolean(m), true
	}
	_, _, is := regexpSlots(in, vh.Value())
	return is, true
}

func regexpConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	pattern, flags := h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
	patternIsRegExp, ok := isRegExp(in, pattern.Value())
	if !ok {
		return 0, false
	}
	newTarget := h.NewHandle(a.NewTarget())
	if !a.IsConstruct() {
		newTarget = h.NewHandle(a.Callee())
		if patternIsRegExp && flags.Value() == in.Undefined() {
			ctor, ok := in.Get(pattern.Value(), interp.NameKey(in.Name(interp.NameConstructor)))
			if !ok {
				return 0, false
			}
			if in.SameValue(ctor, newTarget.Value()) {
				return pattern.Value(), true
			}
		}
	}
	p, fl := pattern, flags
	if src, rflags, ok := regexpSlots(in, pattern.Value()); ok {
		p = h.NewHandle(src)
		if flags.Value() == in.Undefined() {
			fl = h.NewHandle(rflags)
		}
	} else if patternIsRegExp {
		src, ok := in.Get(pattern.Value(), interp.NameKey(in.Name(interp.NameSource)))
		if !ok {
			return 0, false
		}
		p = h.NewHandle(src)
		if flags.Value() == in.Undefined() {
			v, ok := in.Get(pattern.Value(), interp.NameKey(in.Name(interp.NameFlags)))
			if !ok {
				return 0, false
			}
			fl = h.NewHandle(v)
		}
	}
	obj, ok := in.OrdinaryCreateFromConstructor(newTarget.Value(), interp.RegExpPrototype)
	if !ok {
		return 0, false
	}
	protoOf := in.Factory().GetPrototype(obj.Value())
	ph := h.NewHandle(protoOf)
	o := regexpAlloc(in, ph.Value())
	return regexpInitialize(in, o, p.Value(), fl.Value())
}

// thisRegExpObject checks that the receiver is an object.
func thisRegExpObject(in *interp.Interp, a interp.Args, method string) (heap.Handle, bool) {
	t := a.This()
	if !in.IsObject(t) {
		in.ThrowError(interp.TypeError, method+" called on incompatible receiver "+displayArg(in, t))
		return heap.Handle{}, false
	}
	return in.Heap().NewHandle(t), true
}

func regexpExec(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if _, _, ok := regexpSlots(in, a.This()); !ok {
		return in.ThrowError(interp.TypeError, "Method RegExp.prototype.exec called on incompatible receiver "+displayArg(in, a.This()))
	}
	rx := h.NewHandle(a.This())
	s, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	return regexpBuiltinExec(in, rx, h.NewHandle(s))
}

// toLength is ToLength.
func toLength(in *interp.Interp, v layout.Value) (int, bool) {
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, false
	}
	if x <= 0 {
		return 0, true
	}
	if x > 1<<53-1 {
		x = 1<<53 - 1
	}
	return int(x), true
}

// regexpBuiltinExec is RegExpBuiltinExec: one match from lastIndex, the
// result array (with index, input, groups and, with d, indices) or null.
func regexpBuiltinExec(in *interp.Interp, rx, s heap.Handle) (layout.Value, bool) {
	f := in.Factory()
	li, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
	if !ok {
		return 0, false
	}
	lastIndex, ok := toLength(in, li)
	if !ok {
		return 0, false
	}
	re, flags, ok := matcherOf(in, rx.Value())
	if !ok {
		return 0, false
	}
	global, sticky := strings.IndexByte(flags, 'g') >= 0, strings.IndexByte(flags, 'y') >= 0
	if !global && !sticky {
		lastIndex = 0
	}
	input := f.StringToUTF16(s.Value())
	if lastIndex > len(input) {
		if (global || sticky) && !setLastIndex(in, rx, 0) {
			return 0, false
		}
		return in.Null(), true
	}
	match, found, ok := in.ExecRegExp(re, input, lastIndex)
	if !ok {
		return 0, false
	}
	if !found {
		if (global || sticky) && !setLastIndex(in, rx, 0) {
			return 0, false
		}
		return in.Null(), true
	}
	if (global || sticky) && !setLastIndex(in, rx, match[1]) {
		return 0, false
	}
	return regexpResult(in, re, flags, s, input, match), true
}

// regexpResult builds the array exec returns for a match.
func regexpResult(in *interp.Interp, re *jsregexp.Regexp, flags string, s heap.Handle, input []uint16, match []int) layout.Value {
	h := in.Heap()
	n := re.NumGroups() + 1
	arr := in.NewArray(nil)
	for g := 0; g < n; g++ {
		sc := h.OpenScope()
		if match[2*g] < 0 {
			in.PushValue(arr, in.Undefined())
		} else {
			in.PushValue(arr, newUTF16(in, input[match[2*g]:match[2*g+1]]))
		}
		sc.Close()
	}
	index := in.NewInt(match[0])
	in.DefineOwn(arr.Value(), interp.NameKey(in.Name(interp.NameIndex)), index, objects.AttrNone)
	in.DefineOwn(arr.Value(), interp.NameKey(in.Name(interp.NameInput)), s.Value(), objects.AttrNone)
	groups := h.NewHandle(in.Undefined())
	if re.HasNamedGroups() {
		groups = in.NewObject(in.Null())
		for i, name := range re.GroupNames() {
			if name == "" {
				continue
			}
			kh := in.InternalizeGo(name)
			v, _ := in.Get(arr.Value(), interp.IndexKey(uint32(i+1)))
			in.DefineOwn(groups.Value(), interp.NameKey(kh.Value()), v, objects.AttrNone)
		}
	}
	in.DefineOwn(arr.Value(), interp.NameKey(in.Name(interp.NameGroups)), groups.Value(), objects.AttrNone)
	if strings.IndexByte(flags, 'd') >= 0 {
		indices := in.NewArray(nil)
		for g := 0; g < n; g++ {
			sc := h.OpenScope()
			if match[2*g] < 0 {
				in.PushValue(indices, in.Undefined())
			} else {
				pair := in.NewArray(nil)
				in.PushValue(pair, in.NewInt(match[2*g]))
				in.PushValue(pair, in.NewInt(match[2*g+1]))
				in.PushValue(indices, pair.Value())
			}
			sc.Close()
		}
		igroups := h.NewHandle(in.Undefined())
		if re.HasNamedGroups() {
			igroups = in.NewObject(in.Null())
			for i, name := range re.GroupNames() {
				if name == "" {
					continue
				}
				kh := in.InternalizeGo(name)
				v, _ := in.Get(indices.Value(), interp.IndexKey(uint32(i+1)))
				in.DefineOwn(igroups.Value(), interp.NameKey(kh.Value()), v, objects.AttrNone)
			}
		}
		in.DefineOwn(indices.Value(), interp.NameKey(in.Name(interp.NameGroups)), igroups.Value(), objects.AttrNone)
		in.DefineOwn(arr.Value(), interp.NameKey(in.Name(interp.NameIndices)), indices.Value(), objects.AttrNone)
	}
	return arr.Value()
}

// regexpExecAbstract is RegExpExec: the object's exec method if it is
// callable (its result must be an object or null), else the builtin.
func regexpExecAbstract(in *interp.Interp, rx, s heap.Handle) (layout.Value, bool) {
	exec, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameExec)))
	if !ok {
		return 0, false
	}
	if exec == in.Intrinsic(interp.RegExpExecFunction) {
		if _, _, ok := regexpSlots(in, rx.Value()); ok {
			return regexpBuiltinExec(in, rx, s)
		}
	}
	if in.IsCallable(exec) {
		r, ok := in.Call(exec, rx.Value(), s.Value())
		if !ok {
			return 0, false
		}
		if r != in.Null() && !in.IsObject(r) {
			return in.ThrowError(interp.TypeError, "object null is not a function")
		}
		return r, true
	}
	if _, _, ok := regexpSlots(in, rx.Value()); !ok {
		return in.ThrowError(interp.TypeError, "Method RegExp.prototype.exec called on incompatible receiver "+displayArg(in, rx.Value()))
	}
	return regexpBuiltinExec(in, rx, s)
}

func regexpTest(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype.test")
	if !ok {
		return 0, false
	}
	s, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	r, ok := regexpExecAbstract(in, rx, in.Heap().NewHandle(s))
	if !ok {
		return 0, false
	}
	return in.Bool(r != in.Null()), true
}

func regexpToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype.toString")
	if !ok {
		return 0, false
	}
	src, ok := getString(in, rx, interp.NameSource)
	if !ok {
		return 0, false
	}
	fl, ok := getString(in, rx, interp.NameFlags)
	if !ok {
		return 0, false
	}
	u := append([]uint16{'/'}, src...)
	u = append(u, '/')
	return newUTF16(in, append(u, fl...)), true
}

// getString reads property name of obj and converts it with ToString.
func getString(in *interp.Interp, obj heap.Handle, name interp.Name) ([]uint16, bool) {
	v, ok := in.Get(obj.Value(), interp.NameKey(in.Name(name)))
	if !ok {
		return nil, false
	}
	s, ok := in.ToString(v)
	if !ok {
		return nil, false
	}
	return in.Factory().StringToUTF16(s), true
}

func regexpCompile(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if _, _, ok := regexpSlots(in, a.This()); !ok {
		return in.ThrowError(interp.TypeError, "Method RegExp.prototype.compile called on incompatible receiver "+displayArg(in, a.This()))
	}
	h := in.Heap()
	obj := h.NewHandle(a.This())
	p, fl := h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
	if src, flags, ok := regexpSlots(in, p.Value()); ok {
		if fl.Value() != in.Undefined() {
			return in.ThrowError(interp.TypeError, "Cannot supply flags when constructing one RegExp from another")
		}
		p, fl = h.NewHandle(src), h.NewHandle(flags)
	}
	return regexpInitialize(in, obj, p.Value(), fl.Value())
}

// regexpFlags is the flags getter: the flags read one by one from the
// object's getters, in "dgimsuvy" order.
func regexpFlags(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype.flags getter")
	if !ok {
		return 0, false
	}
	var out []byte
	for _, fl := range []struct {
		name interp.Name
		c    byte
	}{{interp.NameHasIndices, 'd'}, {interp.NameGlobal, 'g'}, {interp.NameIgnoreCase, 'i'}, {interp.NameMultiline, 'm'},
		{interp.NameDotAll, 's'}, {interp.NameUnicode, 'u'}, {interp.NameUnicodeSets, 'v'}, {interp.NameSticky, 'y'}} {
		v, ok := in.Get(rx.Value(), interp.NameKey(in.Name(fl.name)))
		if !ok {
			return 0, false
		}
		if in.ToBoolean(v) {
			out = append(out, fl.c)
		}
	}
	return in.StringValue(string(out)), true
}

func regexpFlagGetter(in *interp.Interp, a interp.Args, name string, flag byte) (layout.Value, bool) {
	_, flags, ok := regexpSlots(in, a.This())
	if !ok {
		if a.This() == in.Intrinsic(interp.RegExpPrototype) {
			return in.Undefined(), true
		}
		return in.ThrowError(interp.TypeError, "RegExp.prototype."+name+" getter called on non-RegExp object")
	}
	return in.Bool(strings.IndexByte(in.GoString(flags), flag) >= 0), true
}

// regexpSource is the source getter: the pattern escaped so that
// "/" + source + "/" + flags reads back as the same literal.
func regexpSource(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	src, _, ok := regexpSlots(in, a.This())
	if !ok {
		if a.This() == in.Intrinsic(interp.RegExpPrototype) {
			return in.StringValue("(?:)"), true
		}
		return in.ThrowError(interp.TypeError, "RegExp.prototype.source getter called on non-RegExp object")
	}
	return newUTF16(in, escapeRegExpSource(in.Factory().StringToUTF16(src))), true
}

// escapeRegExpSource is EscapeRegExpPattern: "/" and line terminators
// escaped, "(?:)" for the empty pattern.
func escapeRegExpSource(u []uint16) []uint16 {
	if len(u) == 0 {
		return utf16.Encode([]rune("(?:)"))
	}
	var out []uint16
	inClass := false
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '\\':
			out = append(out, c)
			if i+1 < len(u) {
				i++
				c = u[i]
				switch c {
				case '\n':
					out = append(out, 'n')
				case '\r':
					out = append(out, 'r')
				case 0x2028:
					out = append(out, utf16.Encode([]rune("u2028"))...)
				case 0x2029:
					out = append(out, utf16.Encode([]rune("u2029"))...)
				default:
					out = append(out, c)
				}
			}
			continue
		case c == '/' && !inClass:
			out = append(out, '\\', '/')
			continue
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '\n':
			out = append(out, '\\', 'n')
			continue
		case c == '\r':
			out = append(out, '\\', 'r')
			continue
		case c == 0x2028:
			out = append(out, utf16.Encode([]rune("\\u2028"))...)
			continue
		case c == 0x2029:
			out = append(out, utf16.Encode([]rune("\\u2029"))...)
			continue
		}
		out = append(out, c)
	}
	return out
}

// regexpString is what RegExp.prototype.toString gives for a RegExp
// object, read from its slots (no getters run): node's inspect shows it.
func regexpString(in *interp.Interp, v layout.Value) (string, bool) {
	src, flags, ok := regexpSlots(in, v)
	if !ok {
		return "", false
	}
	f := in.Factory()
	return "/" + string(utf16.Decode(escapeRegExpSource(f.StringToUTF16(src)))) + "/" + f.StringToGo(flags), true
}

// advanceStringIndex is AdvanceStringIndex.
func advanceStringIndex(s []uint16, i int, unicode bool) int {
	if !unicode || i+1 >= len(s) {
		return i + 1
	}
	if utf16.IsSurrogate(rune(s[i])) && s[i] < 0xDC00 && s[i+1] >= 0xDC00 && s[i+1] <= 0xDFFF {
		return i + 2
	}
	return i + 1
}

// flagsOf reads ToString(rx.flags) as Go text.
func flagsOf(in *interp.Interp, rx heap.Handle) (string, bool) {
	u, ok := getString(in, rx, interp.NameFlags)
	if !ok {
		return "", false
	}
	return string(utf16.Decode(u)), true
}

// pristine reports whether rx is a RegExp whose exec and flags are the
// builtins (so that the fast paths, which call the matcher directly,
// observe nothing a script could tell apart).
func pristine(in *interp.Interp, rx heap.Handle) bool {
	f := in.Factory()
	if !in.IsObject(rx.Value()) ||
		f.MapOf(rx.Value()) != in.Intrinsic(interp.RegExpInstanceMap) ||
		f.MapOf(in.Intrinsic(interp.RegExpPrototype)) != in.Intrinsic(interp.RegExpPrototypeMap) {
		return false
	}
	exec, accessor, found := in.Lookup(rx.Value(), interp.NameKey(in.Name(interp.NameExec)))
	return found && !accessor && exec == in.Intrinsic(interp.RegExpExecFunction)
}

func regexpSymbolMatch(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype[Symbol.match]")
	if !ok {
		return 0, false
	}
	str, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	s := h.NewHandle(str)
	flags, ok := flagsOf(in, rx)
	if !ok {
		return 0, false
	}
	if strings.IndexByte(flags, 'g') < 0 {
		return regexpExecAbstract(in, rx, s)
	}
	unicode := strings.ContainsAny(flags, "uv")
	if !in.Set(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), layout.Smi(0), true) {
		return 0, false
	}
	input := in.Factory().StringToUTF16(s.Value())
	out := in.NewArray(nil)
	for n := 0; ; n++ {
		sc := h.OpenScope()
		r, ok := regexpExecAbstract(in, rx, s)
		if !ok {
			return 0, false
		}
		if r == in.Null() {
			sc.Close()
			if n == 0 {
				return in.Null(), true
			}
			return out.Value(), true
		}
		m, ok := in.Get(r, interp.IndexKey(0))
		if !ok {
			return 0, false
		}
		ms, ok := in.ToString(m)
		if !ok {
			return 0, false
		}
		in.PushValue(out, ms)
		if in.Factory().StringLength(ms) == 0 {
			if !bumpLastIndex(in, rx, input, unicode) {
				return 0, false
			}
		}
		sc.Close()
	}
}

// bumpLastIndex advances rx.lastIndex past an empty match.
func bumpLastIndex(in *interp.Interp, rx heap.Handle, input []uint16, unicode bool) bool {
	li, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
	if !ok {
		return false
	}
	i, ok := toLength(in, li)
	if !ok {
		return false
	}
	return setLastIndex(in, rx, advanceStringIndex(input, i, unicode))
}

func regexpSymbolSearch(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype[Symbol.search]")
	if !ok {
		return 0, false
	}
	str, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	s := h.NewHandle(str)
	prev, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
	if !ok {
		return 0, false
	}
	ph := h.NewHandle(prev)
	if !in.SameValue(prev, layout.Smi(0)) && !in.Set(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), layout.Smi(0), true) {
		return 0, false
	}
	r, ok := regexpExecAbstract(in, rx, s)
	if !ok {
		return 0, false
	}
	rh := h.NewHandle(r)
	cur, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
	if !ok {
		return 0, false
	}
	if !in.SameValue(cur, ph.Value()) && !in.Set(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), ph.Value(), true) {
		return 0, false
	}
	if rh.Value() == in.Null() {
		return layout.Smi(-1), true
	}
	return in.Get(rh.Value(), interp.NameKey(in.Name(interp.NameIndex)))
}

// speciesConstructor is SpeciesConstructor(o, def): o.constructor's
// Symbol.species, or def when either is absent. notObject is the TypeError's
// text for a constructor that is not an object (V8's differs by caller).
func speciesConstructor(in *interp.Interp, o, def layout.Value, notObject string) (layout.Value, bool) {
	dh := in.Handle(def)
	c, ok := in.Get(o, interp.NameKey(in.Name(interp.NameConstructor)))
	if !ok {
		return 0, false
	}
	if c == in.Undefined() {
		return dh.Value(), true
	}
	if !in.IsObject(c) {
		return in.ThrowError(interp.TypeError, notObject)
	}
	sp, ok := in.Get(c, interp.NameKey(in.Intrinsic(interp.SymbolSpecies)))
	if !ok {
		return 0, false
	}
	if in.IsNullish(sp) {
		return dh.Value(), true
	}
	if !in.IsConstructor(sp) {
		return in.ThrowError(interp.TypeError, "object.constructor[Symbol.species] is not a constructor")
	}
	return sp, true
}

func regexpSymbolSplit(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype[Symbol.split]")
	if !ok {
		return 0, false
	}
	str, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	s := h.NewHandle(str)
	limitArg := h.NewHandle(a.Arg(1))
	input := f.StringToUTF16(s.Value())
	size := len(input)

	if pristine(in, rx) {
		// The fast path: what the spec's sticky splitter would find,
		// found by scanning with the matcher directly.
		re, flags, ok := matcherOf(in, rx.Value())
		if !ok {
			return 0, false
		}
		lim := uint32(1<<32 - 1)
		if limitArg.Value() != in.Undefined() {
			if lim, ok = in.ToUint32(limitArg.Value()); !ok {
				return 0, false
			}
		}
		out := in.NewArray(nil)
		if lim == 0 {
			return out.Value(), true
		}
		// Scan forward from a position: the flags with g and without y.
		scan := re
		if nf := strings.ReplaceAll(flags, "y", ""); nf != flags || strings.IndexByte(flags, 'g') < 0 {
			if strings.IndexByte(nf, 'g') < 0 {
				nf += "g"
			}
			if scan, _ = in.CompileRegExp(re.Source(), nf); scan == nil {
				return 0, false
			}
		}
		unicode := strings.ContainsAny(flags, "uv")
		if size == 0 {
			m, found, ok := in.ExecRegExp(scan, input, 0)
			if !ok {
				return 0, false
			}
			if found && m[0] == 0 {
				return out.Value(), true
			}
			in.PushValue(out, s.Value())
			return out.Value(), true
		}
		p, q := 0, 0
		for q < size {
			m, found, ok := in.ExecRegExp(scan, input, q)
			if !ok {
				return 0, false
			}
			if !found || m[0] >= size {
				break
			}
			q = m[0]
			e := min(m[1], size)
			if e == p {
				// An empty match where the last piece ended.
				q = advanceStringIndex(input, q, unicode)
				continue
			}
			in.PushValue(out, newUTF16(in, input[p:q]))
			if f.ArrayLength(out.Value()) == lim {
				return out.Value(), true
			}
			p = e
			for g := 1; g <= scan.NumGroups(); g++ {
				sc := h.OpenScope()
				if m[2*g] < 0 {
					in.PushValue(out, in.Undefined())
				} else {
					in.PushValue(out, newUTF16(in, input[m[2*g]:m[2*g+1]]))
				}
				sc.Close()
				if f.ArrayLength(out.Value()) == lim {
					return out.Value(), true
				}
			}
			q = p
		}
		in.PushValue(out, newUTF16(in, input[p:]))
		return out.Value(), true
	}

	c, ok := speciesConstructor(in, rx.Value(), in.Intrinsic(interp.RegExpFunction), "The .constructor property is not an object")
	if !ok {
		return 0, false
	}
	ch := h.NewHandle(c)
	flags, ok := flagsOf(in, rx)
	if !ok {
		return 0, false
	}
	unicode := strings.ContainsAny(flags, "uv")
	if strings.IndexByte(flags, 'y') < 0 {
		flags += "y"
	}
	fh := h.NewHandle(in.StringValue(flags))
	sv, ok := in.Construct(ch.Value(), []layout.Value{rx.Value(), fh.Value()}, ch.Value())
	if !ok {
		return 0, false
	}
	splitter := h.NewHandle(sv)
	out := in.NewArray(nil)
	lim := uint32(1<<32 - 1)
	if limitArg.Value() != in.Undefined() {
		if lim, ok = in.ToUint32(limitArg.Value()); !ok {
			return 0, false
		}
	}
	if lim == 0 {
		return out.Value(), true
	}
	if size == 0 {
		z, ok := regexpExecAbstract(in, splitter, s)
		if !ok {
			return 0, false
		}
		if z != in.Null() {
			return out.Value(), true
		}
		in.PushValue(out, s.Value())
		return out.Value(), true
	}
	p, q := 0, 0
	for q < size {
		sc := h.OpenScope()
		if !setLastIndex(in, splitter, q) {
			return 0, false
		}
		z, ok := regexpExecAbstract(in, splitter, s)
		if !ok {
			return 0, false
		}
		if z == in.Null() {
			q = advanceStringIndex(input, q, unicode)
			sc.Close()
			continue
		}
		zh := h.NewHandle(z)
		li, ok := in.Get(splitter.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
		if !ok {
			return 0, false
		}
		e, ok := toLength(in, li)
		if !ok {
			return 0, false
		}
		e = min(e, size)
		if e == p {
			q = advanceStringIndex(input, q, unicode)
			sc.Close()
			continue
		}
		in.PushValue(out, newUTF16(in, input[p:q]))
		if f.ArrayLength(out.Value()) == lim {
			return out.Value(), true
		}
		p = e
		nl, ok := in.Get(zh.Value(), interp.NameKey(in.Name(interp.NameLength)))
		if !ok {
			return 0, false
		}
		ncap, ok := toLength(in, nl)
		if !ok {
			return 0, false
		}
		for i := 1; i < ncap; i++ {
			v, ok := in.Get(zh.Value(), interp.IndexKey(uint32(i)))
			if !ok {
				return 0, false
			}
			in.PushValue(out, v)
			if f.ArrayLength(out.Value()) == lim {
				return out.Value(), true
			}
		}
		q = p
		sc.Close()
	}
	in.PushValue(out, newUTF16(in, input[p:]))
	return out.Value(), true
}

func regexpSymbolReplace(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype[Symbol.replace]")
	if !ok {
		return 0, false
	}
	str, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	s := h.NewHandle(str)
	input := f.StringToUTF16(s.Value())
	replaceValue := h.NewHandle(a.Arg(1))
	functional := in.IsCallable(replaceValue.Value())
	var replacement []uint16
	if !functional {
		r, ok := in.ToString(replaceValue.Value())
		if !ok {
			return 0, false
		}
		replacement = f.StringToUTF16(r)
	}
	flags, ok := flagsOf(in, rx)
	if !ok {
		return 0, false
	}
	global := strings.IndexByte(flags, 'g') >= 0
	unicode := strings.ContainsAny(flags, "uv")
	if global && !in.Set(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), layout.Smi(0), true) {
		return 0, false
	}
	results := in.NewArray(nil)
	for {
		sc := h.OpenScope()
		r, ok := regexpExecAbstract(in, rx, s)
		if !ok {
			return 0, false
		}
		if r == in.Null() {
			sc.Close()
			break
		}
		rh := h.NewHandle(r) // PushValue may allocate
		in.PushValue(results, r)
		if !global {
			sc.Close()
			break
		}
		m, ok := in.Get(rh.Value(), interp.IndexKey(0))
		if !ok {
			return 0, false
		}
		ms, ok := in.ToString(m)
		if !ok {
			return 0, false
		}
		if f.StringLength(ms) == 0 && !bumpLastIndex(in, rx, input, unicode) {
			return 0, false
		}
		sc.Close()
	}
	var out []uint16
	next := 0
	n := int(f.ArrayLength(results.Value()))
	for i := 0; i < n; i++ {
		sc := h.OpenScope()
		r := h.NewHandle(in.Element(results.Value(), uint32(i)))
		nl, ok := in.Get(r.Value(), interp.NameKey(in.Name(interp.NameLength)))
		if !ok {
			return 0, false
		}
		length, ok := toLength(in, nl)
		if !ok {
			return 0, false
		}
		ncap := max(length-1, 0)
		m, ok := in.Get(r.Value(), interp.IndexKey(0))
		if !ok {
			return 0, false
		}
		ms, ok := in.ToString(m)
		if !ok {
			return 0, false
		}
		matched := h.NewHandle(ms)
		matchLength := f.StringLength(ms)
		pv, ok := in.Get(r.Value(), interp.NameKey(in.Name(interp.NameIndex)))
		if !ok {
			return 0, false
		}
		px, ok := in.ToIntegerOrInfinity(pv)
		if !ok {
			return 0, false
		}
		position := int(max(min(px, float64(len(input))), 0))
		captures := make([]heap.Handle, ncap)
		for k := 1; k <= ncap; k++ {
			c, ok := in.Get(r.Value(), interp.IndexKey(uint32(k)))
			if !ok {
				return 0, false
			}
			if c != in.Undefined() {
				if c, ok = in.ToString(c); !ok {
					return 0, false
				}
			}
			captures[k-1] = h.NewHandle(c)
		}
		gv, ok := in.Get(r.Value(), interp.NameKey(in.Name(interp.NameGroups)))
		if !ok {
			return 0, false
		}
		named := h.NewHandle(gv)
		var rep []uint16
		if functional {
			args := []layout.Value{matched.Value()}
			for _, c := range captures {
				args = append(args, c.Value())
			}
			args = append(args, in.NewInt(position), s.Value())
			if named.Value() != in.Undefined() {
				args = append(args, named.Value())
			}
			v, ok := in.Call(replaceValue.Value(), in.Undefined(), args...)
			if !ok {
				return 0, false
			}
			vs, ok := in.ToString(v)
			if !ok {
				return 0, false
			}
			rep = f.StringToUTF16(vs)
		} else {
			if named.Value() != in.Undefined() {
				o, ok := in.ToObject(named.Value())
				if !ok {
					return 0, false
				}
				named = h.NewHandle(o)
			}
			rep, ok = getSubstitution(in, f.StringToUTF16(matched.Value()), input, position, captures, named, replacement)
			if !ok {
				return 0, false
			}
		}
		if position >= next {
			out = append(out, input[next:position]...)
			out = append(out, rep...)
			next = position + matchLength
		}
		sc.Close()
	}
	if next < len(input) {
		out = append(out, input[next:]...)
	}
	return newUTF16(in, out), true
}

// getSubstitution is GetSubstitution: replacement with $$, $&, $`, $',
// $n, $nn and $<name> expanded.
func getSubstitution(in *interp.Interp, matched, str []uint16, position int, captures []heap.Handle, named heap.Handle, repl []uint16) ([]uint16, bool) {
	f := in.Factory()
	var out []uint16
	m := len(captures)
	tail := min(position+len(matched), len(str))
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '$' || i+1 >= len(repl) {
			out = append(out, c)
			continue
		}
		d := repl[i+1]
		switch {
		case d == '$':
			out = append(out, '$')
			i++
		case d == '&':
			out = append(out, matched...)
			i++
		case d == '`':
			out = append(out, str[:position]...)
			i++
		case d == '\'':
			out = append(out, str[tail:]...)
			i++
		case d >= '0' && d <= '9':
			n := int(d - '0')
			consumed := 1
			if i+2 < len(repl) && repl[i+2] >= '0' && repl[i+2] <= '9' {
				if nn := n*10 + int(repl[i+2]-'0'); nn >= 1 && nn <= m {
					n, consumed = nn, 2
				}
			}
			if n < 1 || n > m {
				out = append(out, '$')
				continue
			}
			if v := captures[n-1].Value(); v != in.Undefined() {
				out = append(out, f.StringToUTF16(v)...)
			}
			i += consumed
		case d == '<':
			if named.Value() == in.Undefined() {
				out = append(out, '$')
				continue
			}
			end := -1
			for j := i + 2; j < len(repl); j++ {
				if repl[j] == '>' {
					end = j
					break
				}
			}
			if end < 0 {
				out = append(out, '$')
				continue
			}
			name := in.Factory().NewStringFromUTF16(repl[i+2:end], heap.NewSpace)
			v, ok := in.Get(named.Value(), interp.NameKey(in.Factory().Internalize(name).Value()))
			if !ok {
				return nil, false
			}
			if v != in.Undefined() {
				s, ok := in.ToString(v)
				if !ok {
					return nil, false
				}
				out = append(out, f.StringToUTF16(s)...)
			}
			i = end
		default:
			out = append(out, '$')
		}
	}
	return out, true
}

func regexpSymbolMatchAll(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	rx, ok := thisRegExpObject(in, a, "RegExp.prototype[Symbol.matchAll]")
	if !ok {
		return 0, false
	}
	str, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	s := h.NewHandle(str)
	c, ok := speciesConstructor(in, rx.Value(), in.Intrinsic(interp.RegExpFunction), "The .constructor property is not an object")
	if !ok {
		return 0, false
	}
	ch := h.NewHandle(c)
	flags, ok := flagsOf(in, rx)
	if !ok {
		return 0, false
	}
	fh := h.NewHandle(in.StringValue(flags))
	mv, ok := in.Construct(ch.Value(), []layout.Value{rx.Value(), fh.Value()}, ch.Value())
	if !ok {
		return 0, false
	}
	matcher := h.NewHandle(mv)
	li, ok := in.Get(rx.Value(), interp.NameKey(in.Name(interp.NameLastIndex)))
	if !ok {
		return 0, false
	}
	lastIndex, ok := toLength(in, li)
	if !ok {
		return 0, false
	}
	if !setLastIndex(in, matcher, lastIndex) {
		return 0, false
	}
	kind := 0
	if strings.IndexByte(flags, 'g') >= 0 {
		kind |= 1
	}
	if strings.ContainsAny(flags, "uv") {
		kind |= 2
	}
	it := in.NewObject(in.Intrinsic(interp.RegExpStringIteratorPrototype))
	state := in.NewArray(nil)
	in.PushValue(state, matcher.Value())
	in.PushValue(state, s.Value())
	in.PushValue(state, layout.Smi(kind))
	f.DefineProperty(it, h.NewHandle(in.Intrinsic(interp.PrivateRegExpIterator)), state, objects.AttrDontEnum)
	return it.Value(), true
}

// regexpStringIteratorNext is %RegExpStringIteratorPrototype%.next. The
// iterator's state is [matcher, string, flags bits] (bit 0 global, bit 1
// unicode, bit 2 done).
func regexpStringIteratorNext(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	var st layout.Value
	found := false
	if in.IsObject(a.This()) {
		st, found = f.GetProperty(a.This(), in.Intrinsic(interp.PrivateRegExpIterator))
	}
	if !found {
		return in.ThrowError(interp.TypeError, "Method %RegExpStringIterator%.prototype.next called on incompatible receiver "+displayArg(in, a.This()))
	}
	state := h.NewHandle(st)
	kind := in.Element(state.Value(), 2).SmiValue()
	if kind&4 != 0 {
		return iterResult(in, in.Undefined(), true), true
	}
	rx := h.NewHandle(in.Element(state.Value(), 0))
	s := h.NewHandle(in.Element(state.Value(), 1))
	done := func() {
		in.Set(state.Value(), interp.IndexKey(2), layout.Smi(kind|4), true)
	}
	r, ok := regexpExecAbstract(in, rx, s)
	if !ok {
		return 0, false
	}
	if r == in.Null() {
		done()
		return iterResult(in, in.Undefined(), true), true
	}
	rh := h.NewHandle(r)
	if kind&1 == 0 {
		done()
		return iterResult(in, rh.Value(), false), true
	}
	m, ok := in.Get(rh.Value(), interp.IndexKey(0))
	if !ok {
		return 0, false
	}
	ms, ok := in.ToString(m)
	if !ok {
		return 0, false
	}
	if f.StringLength(ms) == 0 && !bumpLastIndex(in, rx, f.StringToUTF16(s.Value()), kind&2 != 0) {
		return 0, false
	}
	return iterResult(in, rh.Value(), false), true
}

// String.prototype methods that defer to a regexp's Symbol methods.

// stringSymbolDispatch calls arg[sym](this, rest...) when arg (argument
// i) is neither undefined nor null and has that method; handled reports
// whether it did.
func stringSymbolDispatch(in *interp.Interp, a interp.Args, method string, sym interp.Intrinsic, rest ...layout.Value) (v layout.Value, handled, ok bool) {
	h := in.Heap()
	t := a.This()
	if in.IsNullish(t) {
		in.ThrowError(interp.TypeError, "String.prototype."+method+" called on null or undefined")
		return 0, true, false
	}
	arg := a.Arg(0)
	if in.IsNullish(arg) {
		return 0, false, true
	}
	ah := h.NewHandle(arg)
	restH := make([]heap.Handle, len(rest))
	for i, r := range rest {
		restH[i] = h.NewHandle(r)
	}
	m, ok := in.Get(arg, interp.NameKey(in.Intrinsic(sym)))
	if !ok {
		return 0, true, false
	}
	if in.IsNullish(m) {
		return 0, false, true
	}
	if !in.IsCallable(m) {
		in.ThrowError(interp.TypeError, displayArg(in, m)+" is not a function")
		return 0, true, false
	}
	args := []layout.Value{a.This()}
	for _, r := range restH {
		args = append(args, r.Value())
	}
	v, ok = in.Call(m, ah.Value(), args...)
	return v, true, ok
}

// stringRegExpFallback is the tail of match/matchAll/search: the string
// converted, a new RegExp made from the argument, and its Symbol method
// invoked.
func stringRegExpFallback(in *interp.Interp, a interp.Args, sym interp.Intrinsic, flags layout.Value) (layout.Value, bool) {
	h := in.Heap()
	fl := h.NewHandle(flags)
	s, ok := in.ToString(a.This())
	if !ok {
		return 0, false
	}
	sh := h.NewHandle(s)
	rx := regexpAlloc(in, in.Intrinsic(interp.RegExpPrototype))
	if _, ok := regexpInitialize(in, rx, a.Arg(0), fl.Value()); !ok {
		return 0, false
	}
	m, ok := in.Get(rx.Value(), interp.NameKey(in.Intrinsic(sym)))
	if !ok {
		return 0, false
	}
	return in.Call(m, rx.Value(), sh.Value())
}

func stringMatch(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if v, handled, ok := stringSymbolDispatch(in, a, "match", interp.SymbolMatch); handled || !ok {
		return v, ok
	}
	return stringRegExpFallback(in, a, interp.SymbolMatch, in.Undefined())
}

func stringSearch(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if v, handled, ok := stringSymbolDispatch(in, a, "search", interp.SymbolSearch); handled || !ok {
		return v, ok
	}
	return stringRegExpFallback(in, a, interp.SymbolSearch, in.Undefined())
}

func stringMatchAll(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsNullish(a.This()) {
		return in.ThrowError(interp.TypeError, "String.prototype.matchAll called on null or undefined")
	}
	if arg := a.Arg(0); !in.IsNullish(arg) {
		is, ok := isRegExp(in, arg)
		if !ok {
			return 0, false
		}
		if is {
			fl, ok := in.Get(a.Arg(0), interp.NameKey(in.Name(interp.NameFlags)))
			if !ok {
				return 0, false
			}
			if in.IsNullish(fl) {
				return in.ThrowError(interp.TypeError, "String.prototype.matchAll called on null or undefined")
			}
			s, ok := in.ToString(fl)
			if !ok {
				return 0, false
			}
			if !strings.Contains(in.GoString(s), "g") {
				return in.ThrowError(interp.TypeError, "String.prototype.matchAll called with a non-global RegExp argument")
			}
		}
	}
	if v, handled, ok := stringSymbolDispatch(in, a, "matchAll", interp.SymbolMatchAll); handled || !ok {
		return v, ok
	}
	return stringRegExpFallback(in, a, interp.SymbolMatchAll, in.StringValue("g"))
}

// setLastIndex does Set(obj, "lastIndex", i, true).
func setLastIndex(in *interp.Interp, obj heap.Handle, i int) bool {
	v := in.NewInt(i)
	return in.Set(obj.Value(), interp.NameKey(in.Name(interp.NameLastIndex)), v, true)
}
