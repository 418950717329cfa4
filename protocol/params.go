package protocol

import (
	"encoding/json"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// CheckParams checks the raw parameters of a request for method as V8's
// protocol bindings do, and returns V8's -32602 error for the first
// problem, or nil. params is the JSON value of "params"; nil means absent
// or null (V8 treats both as an empty message). Methods the description
// does not declare parameters for are not checked.
//
// V8 converts every JSON message to CBOR before it decodes the
// parameters, and its error text names a byte position in the CBOR of
// params, e.g. "Failed to deserialize params.expression - BINDINGS:
// mandatory field missing at position 8" for Runtime.evaluate with {}. The
// checker walks the JSON once, computing the size each value has in V8's
// encoding (see cborSize), so positions match without building the CBOR.
func CheckParams(method string, params []byte) *Error {
	t := paramsSchema()[method]
	if t == nil {
		return nil
	}
	c := checker{src: params}
	i := c.space(0)
	if i >= len(params) || params[i] == 'n' {
		// Absent or null: V8 decodes an empty span, which it accepts
		// when nothing is mandatory.
		if t.mandatory == 0 {
			return nil
		}
		c.fail(0, "CBOR: map start expected")
		return c.error()
	}
	if params[i] != '{' && params[i] != '[' {
		return nil // the envelope check answers -32600 first
	}
	if c.object(t, i, 0) {
		return nil
	}
	return c.error()
}

// V8's CBOR layout: maps and arrays are wrapped in an envelope (tag 24 and
// a byte string with a 4-byte length: 7 bytes) and written with
// indefinite length (start byte, items, stop byte).
const (
	envelopeHeader = 7
)

// kind is a parameter's wire type as V8's bindings decode it.
type kind uint8

const (
	kindAny kind = iota
	kindString
	kindBool
	kindInt
	kindNumber
	kindArray
	kindObject
)

type paramType struct {
	kind  kind
	items *paramType
	// fields are an object's properties sorted by name, as V8's
	// deserializer descriptors (the first missing mandatory field in this
	// order is the one reported).
	fields    []paramField
	mandatory uint64
}

type paramField struct {
	name     string
	optional bool
	t        *paramType
}

// paramsSchema is every command's parameter type by "Domain.method", built
// once from Description (immutable afterwards).
var paramsSchema = sync.OnceValue(func() map[string]*paramType {
	var d struct {
		Domains []struct {
			Domain   string
			Types    []jsonType
			Commands []struct {
				Name       string
				Parameters []jsonProp
			}
		}
	}
	if err := json.Unmarshal(Description(), &d); err != nil {
		return nil
	}
	b := schemaBuilder{types: map[string]*jsonType{}, built: map[string]*paramType{}}
	for _, dom := range d.Domains {
		for i := range dom.Types {
			b.types[dom.Domain+"."+dom.Types[i].ID] = &dom.Types[i]
		}
	}
	out := map[string]*paramType{}
	for _, dom := range d.Domains {
		for _, c := range dom.Commands {
			if len(c.Parameters) == 0 {
				continue
			}
			out[dom.Domain+"."+c.Name] = b.object(dom.Domain, c.Parameters)
		}
	}
	return out
})

type jsonProp struct {
	Name     string
	Optional bool
	Type     string
	Ref      string `json:"$ref"`
	Items    *jsonProp
}

type jsonType struct {
	ID         string
	Type       string
	Items      *jsonProp
	Properties []jsonProp
}

type schemaBuilder struct {
	types map[string]*jsonType
	built map[string]*paramType
}

func (b *schemaBuilder) object(domain string, props []jsonProp) *paramType {
	t := &paramType{kind: kindObject}
	sorted := append([]jsonProp(nil), props...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for i, p := range sorted {
		t.fields = append(t.fields, paramField{name: p.Name, optional: p.Optional, t: b.prop(domain, p)})
		if !p.Optional && i < 64 {
			t.mandatory |= 1 << i
		}
	}
	return t
}

func (b *schemaBuilder) prop(domain string, p jsonProp) *paramType {
	if p.Ref != "" {
		return b.ref(domain, p.Ref)
	}
	return b.simple(domain, p.Type, p.Items, nil)
}

func (b *schemaBuilder) simple(domain, typ string, items *jsonProp, props []jsonProp) *paramType {
	switch typ {
	case "string":
		return &paramType{kind: kindString}
	case "boolean":
		return &paramType{kind: kindBool}
	case "integer":
		return &paramType{kind: kindInt}
	case "number":
		return &paramType{kind: kindNumber}
	case "array":
		t := &paramType{kind: kindArray, items: &paramType{kind: kindAny}}
		if items != nil {
			t.items = b.prop(domain, *items)
		}
		return t
	case "object":
		if len(props) == 0 {
			// A dictionary without declared properties: any map.
			return &paramType{kind: kindObject}
		}
		return b.object(domain, props)
	}
	return &paramType{kind: kindAny}
}

func (b *schemaBuilder) ref(domain, ref string) *paramType {
	full := ref
	if !containsDot(ref) {
		full = domain + "." + ref
	}
	if t, ok := b.built[full]; ok {
		return t
	}
	jt := b.types[full]
	if jt == nil {
		return &paramType{kind: kindAny}
	}
	refDomain := full[:indexDot(full)]
	if jt.Type == "object" && len(jt.Properties) > 0 {
		// Placeholder first: types may refer to themselves.
		t := &paramType{kind: kindObject}
		b.built[full] = t
		*t = *b.object(refDomain, jt.Properties)
		return t
	}
	t := b.simple(refDomain, jt.Type, jt.Items, jt.Properties)
	b.built[full] = t
	return t
}

func containsDot(s string) bool { return indexDot(s) >= 0 }

func indexDot(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

// checker walks the JSON of params. The JSON is valid (the envelope was
// checked before); positions are CBOR byte offsets in V8's encoding of
// params.
type checker struct {
	src []byte
	// path is the failing field's path, innermost first (appended while
	// unwinding, as V8's RegisterFieldPath).
	path    []string
	pos     int
	problem string
}

func (c *checker) fail(pos int, problem string) bool {
	c.pos, c.problem = pos, problem
	return false
}

func (c *checker) error() *Error {
	where := "params"
	for j := len(c.path) - 1; j >= 0; j-- {
		where += "." + c.path[j]
	}
	return &Error{Code: CodeInvalidParams, Message: "Invalid parameters",
		Data: "Failed to deserialize " + where + " - " + c.problem + " at position " + strconv.Itoa(c.pos)}
}

func (c *checker) space(i int) int {
	for i < len(c.src) {
		switch c.src[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// check checks the value at src[i] (CBOR position pos) against t.
func (c *checker) check(t *paramType, i, pos int) bool {
	i = c.space(i)
	b := c.src[i]
	switch t.kind {
	case kindAny:
		return true
	case kindString:
		if b != '"' {
			return c.fail(pos, "BINDINGS: string value expected")
		}
	case kindBool:
		if b != 't' && b != 'f' {
			return c.fail(pos, "BINDINGS: bool value expected")
		}
	case kindInt:
		if _, isInt, ok := c.number(i); !ok || !isInt {
			return c.fail(pos, "BINDINGS: int32 value expected")
		}
	case kindNumber:
		if _, _, ok := c.number(i); !ok {
			return c.fail(pos, "BINDINGS: double value expected")
		}
	case kindArray:
		return c.array(t, i, pos)
	case kindObject:
		return c.object(t, i, pos)
	}
	return true
}

// object checks the object at src[i] (CBOR position pos) against t: its
// known fields in message order, then the mandatory ones.
func (c *checker) object(t *paramType, i, pos int) bool {
	if c.src[i] != '{' {
		if c.src[i] == '[' {
			pos += envelopeHeader // V8 enters the envelope, then sees an array start
		}
		return c.fail(pos, "CBOR: map start expected")
	}
	i++
	pos += envelopeHeader + 1
	var seen uint64
	for {
		i = c.space(i)
		if c.src[i] == ',' {
			i = c.space(i + 1)
		}
		if c.src[i] == '}' {
			break
		}
		key, _ := c.stringAt(i)
		n, next := c.size(i)
		pos += n
		i = c.space(next)
		i = c.space(i + 1) // ':'
		if len(t.fields) > 0 {
			idx := sort.Search(len(t.fields), func(j int) bool { return t.fields[j].name >= key })
			if idx < len(t.fields) && t.fields[idx].name == key {
				f := t.fields[idx]
				if !c.check(f.t, i, pos) {
					c.path = append(c.path, f.name)
					return false
				}
				if !f.optional && idx < 64 {
					seen |= 1 << idx
				}
			}
		}
		n, i = c.size(i)
		pos += n
	}
	if missing := t.mandatory &^ seen; missing != 0 {
		idx := 0
		for missing&1 == 0 {
			missing >>= 1
			idx++
		}
		c.path = append(c.path, t.fields[idx].name)
		return c.fail(pos, "BINDINGS: mandatory field missing")
	}
	return true
}

// array checks the array at src[i] (CBOR position pos) and its items.
func (c *checker) array(t *paramType, i, pos int) bool {
	if c.src[i] != '[' {
		if c.src[i] == '{' {
			pos += envelopeHeader
		}
		return c.fail(pos, "CBOR: array start expected")
	}
	i++
	pos += envelopeHeader + 1
	for {
		i = c.space(i)
		if c.src[i] == ',' {
			i = c.space(i + 1)
		}
		if c.src[i] == ']' {
			return true
		}
		if !c.check(t.items, i, pos) {
			return false
		}
		var n int
		n, i = c.size(i)
		pos += n
	}
}

// size returns the CBOR size of the JSON value at src[i] in V8's encoding
// and the index after it: strings of ASCII characters as UTF-8 strings,
// others as UTF-16 byte strings; numbers that are int32 values as
// integers, others as doubles; maps and arrays in envelopes with start and
// stop bytes.
func (c *checker) size(i int) (int, int) {
	i = c.space(i)
	switch b := c.src[i]; b {
	case 'n':
		return 1, i + 4
	case 't':
		return 1, i + 4
	case 'f':
		return 1, i + 5
	case '"':
		s, next := c.stringAt(i)
		ascii := true
		units := 0
		for _, r := range s {
			if r >= 0x80 {
				ascii = false
			}
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
		}
		n := len(s)
		if !ascii {
			n = 2 * units
		}
		return headerSize(uint64(n)) + n, next
	case '{', '[':
		n := envelopeHeader + 1
		i++
		for {
			i = c.space(i)
			switch c.src[i] {
			case ',', ':':
				i++
				continue
			case '}', ']':
				return n + 1, i + 1
			}
			m, next := c.size(i)
			n += m
			i = next
		}
	default:
		v, isInt, _ := c.number(i)
		j := i
		for j < len(c.src) && isNumberByte(c.src[j]) {
			j++
		}
		if !isInt {
			return 9, j
		}
		u := uint64(v)
		if v < 0 {
			u = uint64(-1 - v)
		}
		return headerSize(u), j
	}
}

func isNumberByte(b byte) bool {
	return b >= '0' && b <= '9' || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E'
}

// headerSize is the size of a CBOR initial byte with argument n.
func headerSize(n uint64) int {
	switch {
	case n < 24:
		return 1
	case n <= 0xff:
		return 2
	case n <= 0xffff:
		return 3
	case n <= 0xffffffff:
		return 5
	}
	return 9
}

// number parses the JSON number at src[i]: its value when it is an int32
// (V8 sends such numbers as CBOR integers, whatever their spelling), and
// ok when it is a number at all.
func (c *checker) number(i int) (v int64, isInt, ok bool) {
	j := i
	for j < len(c.src) && isNumberByte(c.src[j]) {
		j++
	}
	if j == i {
		return 0, false, false
	}
	f, err := strconv.ParseFloat(string(c.src[i:j]), 64)
	if err != nil {
		// Out of range: a double all the same.
		return 0, false, true
	}
	if f >= -2147483648 && f <= 2147483647 && f == float64(int32(f)) {
		return int64(int32(f)), true, true
	}
	return 0, false, true
}

// stringAt decodes the JSON string at src[i] and returns it with the index
// after its closing quote.
func (c *checker) stringAt(i int) (string, int) {
	j := i + 1
	plain := true
	for j < len(c.src) && c.src[j] != '"' {
		if c.src[j] == '\\' {
			plain = false
			j++
		}
		j++
	}
	raw := c.src[i : j+1]
	if plain && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), j + 1
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return string(raw[1 : len(raw)-1]), j + 1
	}
	return s, j + 1
}
