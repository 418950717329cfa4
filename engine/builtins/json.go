package builtins

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func (b *installer) json() {
	in := b.in
	j := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineValue(b.global, "JSON", j, objects.AttrDontEnum)
	b.methods(j, []fn{
		{"parse", 2, jsonParse},
		{"stringify", 3, jsonStringify},
	})
	in.Factory().DefineProperty(j, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("JSON"), objects.AttrReadOnly|objects.AttrDontEnum)
}

// jsonWriter is the state of one JSON.stringify.
type jsonWriter struct {
	in       *interp.Interp
	sb       strings.Builder
	indent   string
	gap      string
	replacer heap.Handle // a function, or nil
	allow    []string    // the property list of an array replacer, or nil
	stack    []heap.Handle
}

func jsonStringify(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	w := &jsonWriter{in: in}
	if r := a.Arg(1); in.IsCallable(r) {
		w.replacer = h.NewHandle(r)
	} else if in.IsArray(r) {
		w.allow = []string{}
		for i := uint32(0); i < in.ArrayLength(r); i++ {
			e := in.Element(a.Arg(1), i)
			if in.IsString(e) || in.IsNumber(e) {
				s, _ := in.ToGoString(e)
				w.allow = append(w.allow, s)
			}
		}
	}
	sp := a.Arg(2)
	if p, ok := in.PrimitiveValue(sp); ok {
		sp = p
	}
	if in.IsNumber(sp) {
		w.gap = strings.Repeat(" ", int(min(max(in.NumberValue(sp), 0), 10)))
	} else if in.IsString(sp) {
		g := in.GoString(sp)
		if len(g) > 10 {
			g = g[:10]
		}
		w.gap = g
	}
	holder := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineOwn(holder.Value(), interp.NameKey(in.Factory().Roots.EmptyString), a.Arg(0), objects.AttrNone)
	wrote, ok := w.property(holder, in.Factory().Roots.EmptyString, a.Arg(0))
	if !ok {
		return 0, false
	}
	if !wrote {
		return in.Undefined(), true
	}
	return in.StringValue(w.sb.String()), true
}

// jsonStringifyGo is JSON.stringify(v) as Go text (console's %j).
func jsonStringifyGo(in *interp.Interp, v layout.Value) (string, bool) {
	w := &jsonWriter{in: in}
	scope := in.Heap().OpenScope()
	defer scope.Close()
	vh := in.Heap().NewHandle(v) // the holder's allocation may move v
	holder := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	wrote, ok := w.property(holder, in.Factory().Roots.EmptyString, vh.Value())
	if !ok {
		return "", false
	}
	if !wrote {
		return "undefined", true
	}
	return w.sb.String(), true
}

// property serializes the value v of holder[key]; it reports false for
// wrote when the value is not serializable (undefined, a function, a
// symbol) and nothing was written.
func (w *jsonWriter) property(holder heap.Handle, key, v layout.Value) (wrote, ok bool) {
	in := w.in
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	kh := h.NewHandle(key)
	vh := h.NewHandle(v)
	if in.IsObject(v) || in.IsBigInt(v) {
		toJSON, ok := in.GetName(v, interp.NameToJSON)
		if !ok {
			return false, false
		}
		if in.IsCallable(toJSON) {
			r, ok := in.Call(toJSON, vh.Value(), kh.Value())
			if !ok {
				return false, false
			}
			vh.Set(r)
		}
	}
	if !w.replacer.IsNil() {
		r, ok := in.Call(w.replacer.Value(), holder.Value(), kh.Value(), vh.Value())
		if !ok {
			return false, false
		}
		vh.Set(r)
	}
	v = vh.Value()
	if p, ok := in.PrimitiveValue(v); ok && !in.IsSymbol(p) {
		vh.Set(p)
		v = p
	}
	switch {
	case v == in.Null():
		w.sb.WriteString("null")
	case v == in.Bool(true):
		w.sb.WriteString("true")
	case v == in.Bool(false):
		w.sb.WriteString("false")
	case in.IsString(v):
		w.quote(in.Factory().StringToUTF16(v))
	case in.IsBigInt(v):
		in.ThrowError(interp.TypeError, "Do not know how to serialize a BigInt")
		return false, false
	case in.IsNumber(v):
		x := in.NumberValue(v)
		if math.IsInf(x, 0) || x != x {
			w.sb.WriteString("null")
		} else {
			w.sb.WriteString(jsnum.FormatNumber(x))
		}
	case in.IsObject(v) && !in.IsCallable(v):
		for _, s := range w.stack {
			if s.Value() == v {
				in.ThrowError(interp.TypeError, "Converting circular structure to JSON")
				return false, false
			}
		}
		w.stack = append(w.stack, vh)
		var ok bool
		if in.IsArray(v) {
			ok = w.array(vh)
		} else {
			ok = w.object(vh)
		}
		w.stack = w.stack[:len(w.stack)-1]
		if !ok {
			return false, false
		}
	default:
		return false, true
	}
	return true, true
}

func (w *jsonWriter) newline() {
	if w.gap != "" {
		w.sb.WriteByte('\n')
		w.sb.WriteString(w.indent)
	}
}

func (w *jsonWriter) array(arr heap.Handle) bool {
	in := w.in
	n, ok := lengthOf(in, arr.Value())
	if !ok {
		return false
	}
	if n == 0 {
		w.sb.WriteString("[]")
		return true
	}
	stepback := w.indent
	w.indent += w.gap
	w.sb.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			w.sb.WriteByte(',')
		}
		w.newline()
		key := in.Heap().NewHandle(in.KeyString(interp.IndexKey(uint32(i))))
		v, ok := in.Get(arr.Value(), interp.IndexKey(uint32(i)))
		if !ok {
			return false
		}
		wrote, ok := w.property(arr, key.Value(), v)
		if !ok {
			return false
		}
		if !wrote {
			w.sb.WriteString("null")
		}
	}
	w.indent = stepback
	w.newline()
	w.sb.WriteByte(']')
	return true
}

func (w *jsonWriter) object(obj heap.Handle) bool {
	in := w.in
	h, f := in.Heap(), in.Factory()
	var keys []layout.Value
	var kh heap.Handle
	if w.allow != nil {
		arr := in.NewArray(nil)
		for _, k := range w.allow {
			in.PushValue(arr, in.InternalizeGo(k).Value())
		}
		kh = arr
		for i := uint32(0); i < in.ArrayLength(arr.Value()); i++ {
			keys = append(keys, in.Element(arr.Value(), i))
		}
	} else {
		var ok bool
		if kh, ok = keysOf(in, obj, objects.OnlyEnumerable|objects.SkipSymbols); !ok {
			return false
		}
		for i := 0; i < f.Length(kh.Value()); i++ {
			keys = append(keys, f.Get(kh.Value(), i))
		}
	}
	stepback := w.indent
	w.indent += w.gap
	w.sb.WriteByte('{')
	any := false
	for i := range keys {
		s := h.OpenScope()
		var k layout.Value
		if w.allow != nil {
			k = in.Element(kh.Value(), uint32(i))
		} else {
			k = keyValue(in, f.Get(kh.Value(), i))
		}
		k2 := h.NewHandle(k)
		key, ok := in.ToPropertyKey(k)
		if !ok {
			s.Close()
			return false
		}
		v, ok := in.Get(obj.Value(), key)
		if !ok {
			s.Close()
			return false
		}
		mark := w.sb.Len()
		if any {
			w.sb.WriteByte(',')
		}
		w.newline()
		w.quote(f.StringToUTF16(k2.Value()))
		w.sb.WriteByte(':')
		if w.gap != "" {
			w.sb.WriteByte(' ')
		}
		wrote, ok := w.property(obj, k2.Value(), v)
		s.Close()
		if !ok {
			return false
		}
		if !wrote {
			// Drop the key written for a value that is skipped.
			str := w.sb.String()[:mark]
			w.sb.Reset()
			w.sb.WriteString(str)
			continue
		}
		any = true
	}
	w.indent = stepback
	if any {
		w.newline()
	}
	w.sb.WriteByte('}')
	return true
}

// quote writes a JSON string literal (QuoteJSONString): lone surrogates
// and control characters escaped.
func (w *jsonWriter) quote(u []uint16) {
	sb := &w.sb
	sb.WriteByte('"')
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '"':
			sb.WriteString(`\"`)
		case c == '\\':
			sb.WriteString(`\\`)
		case c == '\b':
			sb.WriteString(`\b`)
		case c == '\f':
			sb.WriteString(`\f`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c == '\t':
			sb.WriteString(`\t`)
		case c < 0x20:
			sb.WriteString(`\u00`)
			sb.WriteString(hex2(byte(c)))
		case c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000:
			sb.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
			i++
		case c >= 0xD800 && c < 0xE000:
			sb.WriteString(`\u`)
			sb.WriteString(strconv.FormatInt(int64(c), 16))
		default:
			sb.WriteRune(rune(c))
		}
	}
	sb.WriteByte('"')
}

func hex2(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// jsonParser parses JSON text into heap values.
type jsonParser struct {
	in  *interp.Interp
	src []uint16
	pos int
	err string
}

func jsonParse(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	text, ok := in.ToString(a.Arg(0))
	if !ok {
		return 0, false
	}
	p := &jsonParser{in: in, src: in.Factory().StringToUTF16(text)}
	p.ws()
	v, ok := p.value()
	if ok {
		p.ws()
		if p.pos < len(p.src) {
			ok = p.fail()
		}
	}
	if !ok {
		return in.ThrowError(interp.SyntaxError, p.err)
	}
	if reviver := a.Arg(1); in.IsCallable(reviver) {
		h := in.Heap()
		vh := h.NewHandle(v) // before the allocation below
		root := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
		in.DefineOwn(root.Value(), interp.NameKey(in.Factory().Roots.EmptyString), vh.Value(), objects.AttrNone)
		return internalize(in, h.NewHandle(a.Arg(1)), root, in.Factory().Roots.EmptyString)
	}
	return v, true
}

// internalize applies a JSON.parse reviver bottom-up.
func internalize(in *interp.Interp, reviver, holder heap.Handle, name layout.Value) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	scope := h.OpenScope()
	defer scope.Close()
	nh := h.NewHandle(name)
	key, ok := in.ToPropertyKey(name)
	if !ok {
		return 0, false
	}
	v, ok := in.Get(holder.Value(), key)
	if !ok {
		return 0, false
	}
	vh := h.NewHandle(v)
	if in.IsObject(v) {
		keys := f.OwnKeys(vh, objects.OnlyEnumerable|objects.SkipSymbols)
		for i := 0; i < f.Length(keys.Value()); i++ {
			k := keyValue(in, f.Get(keys.Value(), i))
			kh := h.NewHandle(k)
			nv, ok := internalize(in, reviver, vh, k)
			if !ok {
				return 0, false
			}
			nvh := h.NewHandle(nv)
			pk, _ := in.ToPropertyKey(kh.Value())
			if nvh.Value() == in.Undefined() {
				in.Delete(vh.Value(), pk, false)
			} else {
				in.DefineOwn(vh.Value(), pk, nvh.Value(), objects.AttrNone)
			}
		}
	}
	return in.Call(reviver.Value(), holder.Value(), nh.Value(), vh.Value())
}

func (p *jsonParser) ws() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) fail() bool {
	if p.pos >= len(p.src) {
		p.err = "Unexpected end of JSON input"
		return false
	}
	text := string(utf16.Decode(p.src))
	tok := string(utf16.Decode(p.src[p.pos : p.pos+1]))
	if len(p.src) > 30 {
		p.err = "Unexpected token '" + tok + "', \"" + truncateJSON(text, p.pos) + "\" is not valid JSON"
		return false
	}
	p.err = "Unexpected token '" + tok + "', \"" + text + "\" is not valid JSON"
	return false
}

func truncateJSON(text string, pos int) string {
	start := max(pos-10, 0)
	end := min(pos+10, len(text))
	s := text[start:end]
	if start > 0 {
		s = "..." + s
	}
	if end < len(text) {
		s += "..."
	}
	return s
}

func (p *jsonParser) value() (layout.Value, bool) {
	in := p.in
	if p.pos >= len(p.src) {
		return 0, p.fail()
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, ok := p.string()
		if !ok {
			return 0, false
		}
		return newUTF16(in, s), true
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case p.word("true"):
		return in.Bool(true), true
	case p.word("false"):
		return in.Bool(false), true
	case p.word("null"):
		return in.Null(), true
	}
	return 0, p.fail()
}

func (p *jsonParser) word(w string) bool {
	if p.pos+len(w) > len(p.src) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if p.src[p.pos+i] != uint16(w[i]) {
			return false
		}
	}
	p.pos += len(w)
	return true
}

func (p *jsonParser) number() (layout.Value, bool) {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.pos < len(p.src) && p.src[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return 0, p.fail()
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return 0, p.fail()
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return 0, p.fail()
		}
	}
	return p.in.NewNumber(jsnum.StringToNumber(string(utf16.Decode(p.src[start:p.pos])))), true
}

func (p *jsonParser) string() ([]uint16, bool) {
	p.pos++
	var out []uint16
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return out, true
		case c < 0x20:
			return nil, p.fail()
		case c == '\\':
			p.pos++
			if p.pos >= len(p.src) {
				return nil, p.fail()
			}
			e := p.src[p.pos]
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				if p.pos+4 >= len(p.src) {
					p.pos = len(p.src)
					return nil, p.fail()
				}
				v, err := strconv.ParseUint(string(utf16.Decode(p.src[p.pos+1:p.pos+5])), 16, 16)
				if err != nil {
					return nil, p.fail()
				}
				out = append(out, uint16(v))
				p.pos += 4
			default:
				return nil, p.fail()
			}
			p.pos++
		default:
			out = append(out, c)
			p.pos++
		}
	}
	return nil, p.fail()
}

func (p *jsonParser) array() (layout.Value, bool) {
	in := p.in
	h := in.Heap()
	arr := in.NewArray(nil)
	p.pos++
	p.ws()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return arr.Value(), true
	}
	for {
		p.ws()
		s := h.OpenScope()
		v, ok := p.value()
		if !ok {
			s.Close()
			return 0, false
		}
		in.PushValue(arr, v)
		s.Close()
		p.ws()
		if p.pos >= len(p.src) {
			return 0, p.fail()
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return arr.Value(), true
		default:
			return 0, p.fail()
		}
	}
}

func (p *jsonParser) object() (layout.Value, bool) {
	in := p.in
	h := in.Heap()
	obj := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	p.pos++
	p.ws()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return obj.Value(), true
	}
	for {
		p.ws()
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return 0, p.fail()
		}
		k, ok := p.string()
		if !ok {
			return 0, false
		}
		p.ws()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return 0, p.fail()
		}
		p.pos++
		p.ws()
		s := h.OpenScope()
		v, ok := p.value()
		if !ok {
			s.Close()
			return 0, false
		}
		vh := h.NewHandle(v)
		key, _ := in.ToPropertyKey(newUTF16(in, k))
		in.DefineOwn(obj.Value(), key, vh.Value(), objects.AttrNone)
		s.Close()
		p.ws()
		if p.pos >= len(p.src) {
			return 0, p.fail()
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return obj.Value(), true
		default:
			return 0, p.fail()
		}
	}
}
