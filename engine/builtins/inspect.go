package builtins

import (
	"math"
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Inspect renders v as node's util.inspect does with its default options
// (depth 2, breakLength 80, compact 3, at most 100 array items): what
// console.log prints for a non-string argument. It is a port of the parts
// of node's lib/internal/util/inspect.js that plain values, arrays, plain
// and class-instance objects, functions, errors, symbols and boxed
// primitives need, including circular references and the grouping of long
// arrays into columns.
func Inspect(in *interp.Interp, v layout.Value) string {
	scope := in.Heap().OpenScope()
	defer scope.Close()
	ctx := &inspectCtx{in: in, depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, circular: map[layout.Value]int{}}
	return ctx.formatValue(in.Handle(v), 0, true)
}

type inspectCtx struct {
	in              *interp.Interp
	depth           int
	breakLength     int
	compact         int
	maxArrayLength  int
	indentationLvl  int
	currentDepth    int
	seen            []heap.Handle
	circular        map[layout.Value]int
	circularCounter int
}

func (c *inspectCtx) formatValue(v heap.Handle, recurseTimes int, typedArray bool) string {
	in := c.in
	val := v.Value()
	if !in.IsObject(val) {
		return c.formatPrimitive(val)
	}
	for in.IsProxy(val) {
		// As node without showProxy: the target, no trap runs.
		if val = in.ProxyTarget(val); val == in.Null() {
			return "<Revoked Proxy>"
		}
		v = in.Handle(val)
	}
	for _, s := range c.seen {
		if s.Value() == val {
			idx, ok := c.circular[val]
			if !ok {
				c.circularCounter++
				idx = c.circularCounter
				c.circular[val] = idx
			}
			return "[Circular *" + strconv.Itoa(idx) + "]"
		}
	}
	return c.formatRaw(v, recurseTimes)
}

func (c *inspectCtx) formatPrimitive(v layout.Value) string {
	in := c.in
	switch {
	case in.IsString(v):
		return strEscape(in.GoString(v))
	case in.IsNumber(v):
		x := in.NumberValue(v)
		if x == 0 && math.Signbit(x) {
			return "-0"
		}
		s, _ := in.ToGoString(v)
		return s
	case in.IsSymbol(v):
		return symbolDescriptiveString(in, v)
	case in.IsBigInt(v):
		return in.BigIntValue(v).String() + "n"
	case v == in.Hole():
		return "undefined"
	}
	s, _ := in.ToGoString(v)
	return s
}

func (c *inspectCtx) formatRaw(v heap.Handle, recurseTimes int) string {
	in := c.in
	h, f := in.Heap(), in.Factory()
	constructor := c.constructorName(v.Value())
	keys := f.OwnKeys(v, objects.OnlyEnumerable)
	val := v.Value() // re-read after the allocation
	var base string
	braces := [2]string{"{", "}"}
	isArray := in.IsArray(val)
	extrasArray := false
	isCollection := false
	buffers := false
	isPromise := false
	noProps := c.keyCount(keys, isArray) == 0
	if isArray {
		extrasArray = true
		prefix := ""
		if constructor != "Array" {
			prefix = c.prefix(constructor, "Array", "("+strconv.Itoa(int(in.ArrayLength(val)))+")")
		}
		braces = [2]string{prefix + "[", "]"}
		if in.ArrayLength(val) == 0 && noProps {
			return braces[0] + "]"
		}
	} else if in.IsTypedArray(val) || in.IsArrayBuffer(val) || in.IsDataView(val) {
		var n int
		name := "ArrayBuffer"
		switch {
		case in.IsTypedArray(val):
			n, _ = in.TypedArrayLength(val)
			name = in.TypedArrayKindOf(val).Name()
			extrasArray = true
			braces = [2]string{c.prefix(constructor, name, "("+strconv.Itoa(n)+")") + "[", "]"}
			if n == 0 && noProps {
				return braces[0] + "]"
			}
		case in.IsDataView(val):
			braces[0] = c.prefix(constructor, "DataView", "") + "{"
		default:
			braces[0] = c.prefix(constructor, name, "") + "{"
		}
		buffers = true
	} else if in.IsCallable(val) {
		base = c.functionBase(v.Value(), constructor)
		if noProps {
			return base
		}
	} else if isMap, isSet, _, _ := collectionEntries(in, val); isMap || isSet {
		typ := "Map"
		if isSet {
			typ = "Set"
		}
		if isWeak(in, val) {
			if constructor == "" {
				constructor = "Weak" + typ
			}
			return constructor + " { <items unknown> }"
		}
		size := 0
		if t, ok := tableOf(in, val, map[bool]collection{true: setKind, false: mapKind}[isSet]); ok {
			size = in.Factory().Get(t, tblElements).SmiValue()
		}
		if constructor == "" {
			constructor = typ
		}
		braces[0] = constructor + "(" + strconv.Itoa(size) + ") {"
		if size == 0 && noProps {
			return braces[0] + "}"
		}
		extrasArray = false
		isCollection = true
	} else if ds, ok := dateString(in, val); ok {
		base = ds
		if prefix := c.prefix(constructor, "Date", ""); prefix != "Date " {
			base = prefix + base
		}
		if noProps || recurseTimes > c.depth {
			return base
		}
	} else if rs, ok := regexpString(in, val); ok {
		base = rs
		if prefix := c.prefix(constructor, "RegExp", ""); prefix != "RegExp " {
			base = prefix + base
		}
		if noProps || recurseTimes > c.depth {
			return base
		}
	} else if isError(in, val) {
		base = c.formatError(v.Value())
		if noProps {
			return base
		}
	} else if p, ok := in.PrimitiveValue(val); ok {
		typ := "Object"
		switch {
		case in.IsNumber(p):
			typ = "Number"
		case in.IsString(p):
			typ = "String"
		case p == in.Bool(true) || p == in.Bool(false):
			typ = "Boolean"
		case in.IsSymbol(p):
			typ = "Symbol"
		case in.IsBigInt(p):
			typ = "BigInt"
		}
		base = "[" + typ + ": " + c.formatPrimitive(p) + "]"
		if noProps {
			return base
		}
	} else if in.IsPromise(val) {
		prefix := c.prefix(constructor, "Promise", "")
		if tag, accessor, found := in.Lookup(val, interp.NameKey(in.Intrinsic(interp.SymbolToStringTag))); found && !accessor && in.IsString(tag) {
			if t := in.GoString(tag); t != "" && t != constructor && constructor != "" {
				prefix = constructor + " [" + t + "] "
			}
		}
		braces[0] = prefix + "{"
		isPromise = true
	} else if in.IsModuleNamespace(val) {
		braces[0] = c.prefix(constructor, "Module", "") + "{"
		if noProps {
			return braces[0] + "}"
		}
	} else {
		if constructor == "Object" {
			if in.IsArgumentsObject(val) {
				braces[0] = "[Arguments] {"
			}
			if noProps {
				return braces[0] + "}"
			}
		} else {
			braces[0] = c.prefix(constructor, "Object", "") + "{"
			if noProps {
				return braces[0] + "}"
			}
		}
	}
	if recurseTimes > c.depth {
		name := constructor
		if name == "" || strings.HasPrefix(name, "[") {
			name = "Object"
		}
		if isArray {
			return "[Array]"
		}
		return "[" + name + "]"
	}
	recurseTimes++
	c.seen = append(c.seen, v)
	c.currentDepth = recurseTimes
	var output []string
	if isArray {
		output = c.formatArray(v, recurseTimes)
	}
	if isCollection {
		output = c.formatCollection(v, recurseTimes)
	}
	if buffers {
		output = c.formatBufferish(v, recurseTimes)
	}
	if isPromise {
		output = c.formatPromise(v, recurseTimes)
	}
	for i := 0; i < f.Length(keys.Value()); i++ {
		k := f.Get(keys.Value(), i)
		if isArray && (k.IsSmi() || in.IsString(k) && isIndexString(in.GoString(k))) {
			continue
		}
		s := h.OpenScope()
		output = append(output, c.formatProperty(v, recurseTimes, h.NewHandle(k), false))
		s.Close()
	}
	c.seen = c.seen[:len(c.seen)-1]
	if idx, ok := c.circular[v.Value()]; ok {
		ref := "<ref *" + strconv.Itoa(idx) + ">"
		if base == "" {
			braces[0] = ref + " " + braces[0]
		} else {
			base = ref + " " + base
		}
	}
	return c.reduceToSingleString(output, base, braces, extrasArray, recurseTimes, v)
}

func (c *inspectCtx) keyCount(keys heap.Handle, isArray bool) int {
	f := c.in.Factory()
	n := 0
	for i := 0; i < f.Length(keys.Value()); i++ {
		if k := f.Get(keys.Value(), i); isArray && (k.IsSmi() || c.in.IsString(k) && isIndexString(c.in.GoString(k))) {
			continue
		}
		n++
	}
	return n
}

// prefix is node's getPrefix: "Foo " or "Foo(2) " or "[Object: null prototype] ".
func (c *inspectCtx) prefix(constructor, fallback, size string) string {
	if constructor == "" {
		return "[" + fallback + size + ": null prototype] "
	}
	return constructor + size + " "
}

// constructorName is node's getConstructorName: the name of the first
// constructor found on the prototype chain, "" for a null prototype.
func (c *inspectCtx) constructorName(v layout.Value) string {
	in := c.in
	f := in.Factory()
	for obj := v; obj != in.Null(); obj = f.GetPrototype(obj) {
		d, accessor, _, found := in.OwnProperty(obj, interp.NameKey(in.Name(interp.NameConstructor)))
		if found && !accessor && in.IsCallable(d) {
			n, _, _ := in.Lookup(d, interp.NameKey(in.Name(interp.NameName)))
			if in.IsString(n) && in.GoString(n) != "" {
				return in.GoString(n)
			}
		}
	}
	return ""
}

func (c *inspectCtx) functionBase(fn layout.Value, constructor string) string {
	in := c.in
	name := ""
	if n, _, _ := in.Lookup(fn, interp.NameKey(in.Name(interp.NameName))); in.IsString(n) {
		name = in.GoString(n)
	}
	src := in.FunctionSource(fn)
	if strings.HasPrefix(src, "class") && (len(src) == 5 || !isIdentChar(src[5])) {
		base := "[class " + name
		if name == "" {
			base = "[class (anonymous)"
		}
		if p := in.Factory().GetPrototype(fn); p != in.Intrinsic(interp.FunctionPrototype) && p != in.Null() {
			if pn, _, _ := in.Lookup(p, interp.NameKey(in.Name(interp.NameName))); in.IsString(pn) && in.GoString(pn) != "" {
				base += " extends " + in.GoString(pn)
			}
		}
		return base + "]"
	}
	typ := "Function"
	if gen, async := in.FunctionKind(fn); gen || async {
		if gen {
			typ = "Generator" + typ
		}
		if async {
			typ = "Async" + typ
		}
	} else if constructor != "" && constructor != "Function" {
		typ = constructor
	}
	if name == "" {
		return "[" + typ + " (anonymous)]"
	}
	return "[" + typ + ": " + name + "]"
}

func isIdentChar(b byte) bool {
	return b == '_' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func (c *inspectCtx) formatError(e layout.Value) string {
	in := c.in
	if s, accessor, found := in.Lookup(e, interp.NameKey(in.Name(interp.NameStack))); found && !accessor && in.IsString(s) {
		stack := in.GoString(s)
		if c.indentationLvl != 0 {
			indent := strings.Repeat(" ", c.indentationLvl)
			stack = strings.ReplaceAll(stack, "\n", "\n"+indent)
		}
		return stack
	}
	return "[" + errorToString(in, e) + "]"
}

func (c *inspectCtx) formatArray(v heap.Handle, recurseTimes int) []string {
	in := c.in
	h, f := in.Heap(), in.Factory()
	n := int(in.ArrayLength(v.Value()))
	outputLength := min(c.maxArrayLength, n)
	var output []string
	holes := 0
	i := 0
	sparse := in.Factory().NumberOfOwnDescriptors(in.Factory().MapOf(v.Value())) > 0
	for ; i < n && len(output) < outputLength; i++ {
		if _, ok := f.GetElement(v.Value(), uint32(i)); !ok {
			if !sparse || !in.HasOwnProperty(v.Value(), interp.IndexKey(uint32(i))) {
				holes++
				continue
			}
		}
		if holes > 0 {
			output = append(output, emptyItems(holes))
			holes = 0
			if len(output) >= outputLength {
				break
			}
		}
		s := h.OpenScope()
		output = append(output, c.formatProperty(v, recurseTimes, h.NewHandle(layout.Smi(i)), true))
		s.Close()
	}
	if holes > 0 && len(output) < outputLength {
		output = append(output, emptyItems(holes))
	}
	if remaining := n - i; remaining > 0 && len(output) >= outputLength {
		s := ""
		if remaining > 1 {
			s = "s"
		}
		output = append(output, "... "+strconv.Itoa(remaining)+" more item"+s)
	}
	return output
}

func emptyItems(n int) string {
	if n == 1 {
		return "<1 empty item>"
	}
	return "<" + strconv.Itoa(n) + " empty items>"
}

func (c *inspectCtx) formatProperty(obj heap.Handle, recurseTimes int, key heap.Handle, arrayItem bool) string {
	in := c.in
	h, f := in.Heap(), in.Factory()
	k := interp.KeyOf(key.Value())
	v, accessor, attrs, _ := in.OwnProperty(obj.Value(), k)
	var str string
	if accessor {
		g, s := f.AccessorPairGetter(v), f.AccessorPairSetter(v)
		switch {
		case g != in.Undefined() && s != in.Undefined():
			str = "[Getter/Setter]"
		case g != in.Undefined():
			str = "[Getter]"
		case s != in.Undefined():
			str = "[Setter]"
		default:
			str = "undefined"
		}
	} else {
		c.indentationLvl += 2
		str = c.formatValue(h.NewHandle(v), recurseTimes, false)
		c.indentationLvl -= 2
	}
	if arrayItem {
		return str
	}
	var name string
	kv := key.Value()
	switch {
	case kv.IsSmi():
		name = "'" + strconv.Itoa(kv.SmiValue()) + "'"
	case in.IsSymbol(kv):
		name = "[" + symbolDescriptiveString(in, kv) + "]"
	default:
		ks := in.GoString(kv)
		switch {
		case ks == "__proto__":
			name = "['__proto__']"
		case !attrs.Enumerable():
			name = "[" + ks + "]"
		case isSimpleKey(ks):
			name = ks
		default:
			name = strEscape(ks)
		}
	}
	return name + ": " + str
}

// isSimpleKey is node's keyStrRegExp: /^[a-zA-Z_][a-zA-Z_0-9]*$/.
func isSimpleKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || i > 0 && b >= '0' && b <= '9' {
			continue
		}
		return false
	}
	return true
}

func (c *inspectCtx) reduceToSingleString(output []string, base string, braces [2]string, extrasArray bool, recurseTimes int, value heap.Handle) string {
	entries := len(output)
	if extrasArray && entries > 6 {
		output = c.groupArrayElements(output, value)
	}
	if c.currentDepth-recurseTimes < c.compact && entries == len(output) {
		start := len(output) + c.indentationLvl + len(braces[0]) + len(base) + 10
		if c.isBelowBreakLength(output, start, base) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				b := ""
				if base != "" {
					b = base + " "
				}
				return b + braces[0] + " " + joined + " " + braces[1]
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", c.indentationLvl)
	b := ""
	if base != "" {
		b = base + " "
	}
	return b + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
}

func (c *inspectCtx) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > c.breakLength {
		return false
	}
	for _, o := range output {
		total += utf16Len(o)
		if total > c.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// groupArrayElements lays long arrays of short items out in columns.
func (c *inspectCtx) groupArrayElements(output []string, value heap.Handle) []string {
	in := c.in
	totalLength, maxLength := 0, 0
	outputLength := len(output)
	if c.maxArrayLength < len(output) {
		// The "... n more items" entry (node compares the output's length
		// too, which also serves typed arrays).
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := utf16Len(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentationLvl < c.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax)),
			(c.breakLength-c.indentationLvl)/actualMax,
			c.compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var maxLineLength []int
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < len(output); j += columns {
				if j < len(dataLen) && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := true
		for i := 0; i < int(in.ArrayLength(value.Value())) && i < len(output); i++ {
			e, ok := in.Factory().GetElement(value.Value(), uint32(i))
			if !ok || !in.IsNumber(e) {
				padStart = false
				break
			}
		}
		var tmp []string
		for i := 0; i < outputLength; i += columns {
			maxI := min(i+columns, outputLength)
			var sb strings.Builder
			j := i
			for ; j < maxI-1; j++ {
				s := output[j] + ", "
				sb.WriteString(pad(s, maxLineLength[j-i], padStart))
			}
			if padStart {
				sb.WriteString(pad(output[j], maxLineLength[j-i]-separatorSpace, true))
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if outputLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		return tmp
	}
	return output
}

func pad(s string, width int, start bool) string {
	n := utf16Len(s)
	if n >= width {
		return s
	}
	if start {
		return strings.Repeat(" ", width-n) + s
	}
	return s + strings.Repeat(" ", width-n)
}

// strEscape quotes a string as node does: single quotes unless the string
// holds one (then double quotes, or backticks), with control characters
// escaped.
func strEscape(s string) string {
	quote := byte('\'')
	if strings.ContainsRune(s, '\'') {
		if !strings.ContainsRune(s, '"') {
			quote = '"'
		} else if !strings.ContainsRune(s, '`') && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	var sb strings.Builder
	sb.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r == '\r':
			sb.WriteString(`\r`)
		case r == '\b':
			sb.WriteString(`\b`)
		case r == '\f':
			sb.WriteString(`\f`)
		case r == '\v':
			sb.WriteString(`\v`)
		case r < 0x20 || r == 0x7f:
			sb.WriteString(`\x`)
			h := strconv.FormatInt(int64(r), 16)
			if len(h) < 2 {
				h = "0" + h
			}
			sb.WriteString(strings.ToUpper(h))
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// isError reports whether v is shown as an error, as node's isError: an
// error object ([[ErrorData]]) or an object inheriting from
// Error.prototype.
func isError(in *interp.Interp, v layout.Value) bool {
	if in.IsErrorObject(v) {
		return true
	}
	f := in.Factory()
	ep := in.Intrinsic(interp.ErrorPrototype)
	for p := f.GetPrototype(v); p != in.Null(); p = f.GetPrototype(p) {
		if p == ep {
			return true
		}
	}
	return false
}

// formatCollection renders a Map's entries as "key => value" and a Set's
// values.
func (c *inspectCtx) formatCollection(v heap.Handle, recurseTimes int) []string {
	in := c.in
	h := in.Heap()
	isMap, _, keys, values := collectionEntries(in, v.Value())
	pairs := make([]layout.Value, 0, 2*len(keys))
	for i := range keys {
		pairs = append(pairs, keys[i], values[i])
	}
	ph := in.NewArray(pairs) // one allocation: the values are rooted before any other
	var out []string
	c.indentationLvl += 2
	for i := range keys {
		s := h.OpenScope()
		k := c.formatValue(h.NewHandle(in.Element(ph.Value(), uint32(2*i))), recurseTimes, false)
		if isMap {
			k += " => " + c.formatValue(h.NewHandle(in.Element(ph.Value(), uint32(2*i+1))), recurseTimes, false)
		}
		out = append(out, k)
		s.Close()
	}
	c.indentationLvl -= 2
	return out
}

// isIndexString reports whether s spells an array index.
func isIndexString(s string) bool {
	_, ok := jsnum.ArrayIndex(s)
	return ok
}

// formatBufferish lists a typed array's elements, an ArrayBuffer's bytes
// and length, or a DataView's fields, as node's formatTypedArray,
// formatArrayBuffer and the DataView keys do.
func (c *inspectCtx) formatBufferish(v heap.Handle, recurseTimes int) []string {
	in := c.in
	val := v.Value()
	var out []string
	switch {
	case in.IsTypedArray(val):
		n, _ := in.TypedArrayLength(val)
		for i := 0; i < n && i < c.maxArrayLength; i++ {
			e, _ := in.Get(v.Value(), interp.IndexKey(uint32(i)))
			out = append(out, c.formatPrimitive(e))
		}
		if n > c.maxArrayLength {
			out = append(out, "... "+strconv.Itoa(n-c.maxArrayLength)+" more item"+plural(n-c.maxArrayLength))
		}
	case in.IsArrayBuffer(val):
		if in.BufferDetached(val) {
			return []string{"(detached)"}
		}
		b := in.BufferBytes(val)
		var sb strings.Builder
		for i := 0; i < len(b) && i < 50; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(strconv.FormatUint(uint64(b[i])>>4, 16) + strconv.FormatUint(uint64(b[i])&15, 16))
		}
		if len(b) > 50 {
			sb.WriteString(" ... " + strconv.Itoa(len(b)-50) + " more byte" + plural(len(b)-50))
		}
		out = append(out, "[Uint8Contents]: <"+sb.String()+">", "byteLength: "+strconv.Itoa(len(b)))
	default:
		off, n, _ := in.DataViewRange(val)
		out = append(out, "byteLength: "+strconv.Itoa(n), "byteOffset: "+strconv.Itoa(off),
			"buffer: "+c.formatValue(in.Handle(in.ViewBuffer(v.Value())), recurseTimes, false))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatPromise is node's formatPromise: the state and result.
func (c *inspectCtx) formatPromise(v heap.Handle, recurseTimes int) []string {
	in := c.in
	state, result := in.PromiseInfo(v.Value())
	switch state {
	case interp.PromisePending:
		return []string{"<pending>"}
	case interp.PromiseRejected:
		c.indentationLvl += 2
		s := c.formatValue(in.Handle(result), recurseTimes, true)
		c.indentationLvl -= 2
		return []string{"<rejected> " + s}
	}
	c.indentationLvl += 2
	s := c.formatValue(in.Handle(result), recurseTimes, true)
	c.indentationLvl -= 2
	return []string{s}
}
