package heapsnapshot

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// program builds the test program's objects and keeps them in a JSArray
// held by a handle of the caller's scope: n LeakyThing, n/2 Foo, a closure
// over a function context, strings, a symbol, a dictionary-mode object and
// an accessor.
func program(f *objects.Factory, w *world, n int) heap.Handle {
	h := f.H
	keep := f.NewJSArray(0)
	scope := h.OpenScope()
	defer scope.Close()
	leaky, foo := w.newClass("LeakyThing", 2), w.newClass("Foo", 1)
	iKey, sKey, aKey := f.InternalizeGo("i"), f.InternalizeGo("s"), f.InternalizeGo("a")
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		f.ArrayPush(keep, w.newLeakyThing(leaky, i, iKey, sKey))
		s.Close()
	}
	for i := 0; i < n/2; i++ {
		s := h.OpenScope()
		obj := f.NewJSObject(foo.m)
		f.SetProperty(obj, aKey, f.NewHeapNumber(1.5))
		f.ArrayPush(keep, obj)
		s.Close()
	}
	// function outer() { let captured = {z: 1}; return function inner() {…} }
	si := f.NewScopeInfo(objects.FunctionScope, []heap.Handle{f.InternalizeGo("captured")})
	ctx := f.NewFunctionContext(si, w.native, 1)
	captured := f.NewPlainObject()
	f.SetProperty(captured, f.InternalizeGo("z"), h.NewHandle(layout.Smi(1)))
	f.SetContextSlot(ctx.Value(), layout.ContextMinSlots, captured.Value())
	start := strings.Index(w.source, "function inner")
	f.ArrayPush(keep, w.function("inner", start, ctx))
	// Strings: a cons string, a two-byte string.
	a := f.NewStringFromGo("abcdefghijklmnop", heap.NewSpace)
	b := f.NewStringFromGo("0.123456789", heap.NewSpace)
	cons, _ := f.NewConsString(a, b)
	f.ArrayPush(keep, cons)
	f.ArrayPush(keep, f.NewStringFromGo("héllo \"wörld\"\n☃", heap.NewSpace))
	f.ArrayPush(keep, f.NewSymbol(f.NewStringFromGo("desc", heap.OldSpace)))
	// A dictionary-mode object: many properties, one deleted.
	dict := f.NewPlainObject()
	for i := 0; i < 40; i++ {
		f.SetKeyedProperty(dict, f.InternalizeGo("k"+string(rune('a'+i%26))+string(rune('a'+i/26))), h.NewHandle(layout.Smi(i)))
	}
	f.DeleteProperty(dict, f.InternalizeGo("kaa"))
	f.ArrayPush(keep, dict)
	// An accessor: { get g() {} }.
	acc := f.NewPlainObject()
	getter := w.function("g", -1, w.native)
	f.DefineAccessor(acc, f.InternalizeGo("g"), getter, heap.Handle{}, objects.AttrNone)
	f.ArrayPush(keep, acc)
	return keep
}

func TestSnapshotOfAProgram(t *testing.T) {
	for _, opts := range []Options{
		{CaptureNumericValue: true, ExposeInternals: true},
		{},
	} {
		f := newFactory(t, heap.Options{VerifyHeap: true})
		scope := f.H.OpenScope()
		w := newWorld(f)
		program(f, w, 1000)
		s := New(f)
		var progress [][3]int
		opts.Progress = func(done, total int, finished bool) {
			fin := 0
			if finished {
				fin = 1
			}
			progress = append(progress, [3]int{done, total, fin})
		}
		p := takeSnapshot(t, s, opts)
		scope.Close()

		counts := p.classCounts()
		if counts["LeakyThing"] != 1000 || counts["Foo"] != 500 {
			t.Errorf("class counts: LeakyThing %d, Foo %d", counts["LeakyThing"], counts["Foo"])
		}
		if counts["system / Context"] != 1 {
			t.Errorf("%d contexts", counts["system / Context"])
		}

		// A LeakyThing: properties i and s, __proto__, map, its location.
		var lt pnode
		for i := 0; i < p.nodeCount(); i++ {
			if n := p.node(i); n.Type == "object" && n.Name == "LeakyThing" {
				lt = n
				break
			}
		}
		if lt.Size != layout.JSObjectHeaderSize+8 {
			t.Errorf("LeakyThing self size %d", lt.Size)
		}
		sNode, ok := p.edge(lt.Index, "s")
		if !ok || sNode.Type != "string" || !strings.HasPrefix(sNode.Name, "x") {
			t.Errorf("LeakyThing.s: %+v", sNode)
		}
		iNode, ok := p.edge(lt.Index, "i")
		if opts.CaptureNumericValue != ok || ok && (iNode.Type != "number" || iNode.Name != "smi number") {
			t.Errorf("LeakyThing.i: %+v %v", iNode, ok)
		}
		if ok {
			v, _ := p.edge(iNode.Index, "value")
			if v.Type != "string" || !strings.HasPrefix(sNode.Name, "x"+v.Name) {
				t.Errorf("LeakyThing.i's value %+v with s %q", v, sNode.Name)
			}
		}
		proto, _ := p.edge(lt.Index, "__proto__")
		if proto.Name != "Object" {
			t.Errorf("LeakyThing.__proto__ is %+v", proto)
		}
		if m, _ := p.edge(lt.Index, "map"); m.Type != "object shape" || m.Name != "system / Map" {
			t.Errorf("LeakyThing's map is %+v", m)
		}
		found := false
		for l := 0; l < len(p.Locations); l += 4 {
			if int(p.Locations[l])/nodeFieldCount == lt.Index {
				found = true
				if p.Locations[l+1] != 81 || p.Locations[l+2] != 0 || p.Locations[l+3] != 0 {
					t.Errorf("LeakyThing location %v", p.Locations[l:l+4])
				}
			}
		}
		if !found {
			t.Error("no location for LeakyThing")
		}
		if foo, ok := p.edge(p.nodeByName(t, "object", "Foo").Index, "a"); ok == opts.CaptureNumericValue {
			if ok {
				if v, _ := p.edge(foo.Index, "value"); foo.Name != "heap number" || v.Name != "1.5" {
					t.Errorf("Foo.a is %+v with value %+v", foo, v)
				}
			}
		} else {
			t.Errorf("Foo.a edge present: %v", ok)
		}

		// The closure, its context variable and location.
		inner := p.nodeByName(t, "closure", "inner")
		ctx, _ := p.edge(inner.Index, "context")
		if captured, ok := p.edge(ctx.Index, "captured"); !ok || captured.Name != "Object" {
			t.Errorf("inner's context: %+v", p.edges(ctx.Index))
		}
		shared, _ := p.edge(inner.Index, "shared")
		if shared.Type != "code" || shared.Name != "inner" {
			t.Errorf("inner's shared: %+v", shared)
		}
		if _, ok := p.edge(shared.Index, "script_or_debug_info"); !ok {
			t.Errorf("shared function info edges: %+v", p.edges(shared.Index))
		}

		p.nodeByName(t, "concatenated string", "(concatenated string)")
		p.nodeByName(t, "string", "héllo \"wörld\"\n☃")
		p.nodeByName(t, "symbol", "symbol")
		p.nodeByName(t, "array", "(object elements)")
		p.nodeByName(t, "code", "file:///app.js")
		acc := p.nodeByName(t, "closure", "g")
		_ = acc
		var getEdge bool
		for i := 0; i < p.nodeCount(); i++ {
			if _, ok := p.edge(i, "get g"); ok {
				getEdge = true
			}
		}
		if !getEdge {
			t.Error(`no "get g" edge`)
		}

		// Progress as V8 reports it.
		if len(progress) < 3 || progress[0][0] != 0 || progress[len(progress)-1][2] != 1 {
			t.Errorf("progress %v", progress)
		}

		// Root shortcuts only without ExposeInternals; (GC roots) first.
		if e := p.edges(0); e[0].Type != "element" || p.node(e[0].To).Name != "(GC roots)" {
			t.Errorf("root edges %+v", e)
		}
	}
}

func (p *parsedSnapshot) nodeByName(t *testing.T, typ, name string) pnode {
	t.Helper()
	for i := 0; i < p.nodeCount(); i++ {
		if n := p.node(i); n.Type == typ && n.Name == name {
			return n
		}
	}
	t.Errorf("no %s node named %q", typ, name)
	return pnode{}
}

// TestMetaIsNode20s compares snapshot.meta with the one node 20 writes
// (testdata/node_meta.json, made by testdata/node_meta.js).
func TestMetaIsNode20s(t *testing.T) {
	want, err := os.ReadFile("testdata/node_meta.json")
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(metaJSON), &b); err != nil {
		t.Fatal(err)
	}
	wa, _ := json.Marshal(a)
	wb, _ := json.Marshal(b)
	if !bytes.Equal(wa, wb) {
		t.Errorf("meta differs from node's:\n%s\n%s", wb, wa)
	}
}

func TestChunks(t *testing.T) {
	f := newFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	program(f, newWorld(f), 1000)
	var chunks [][]byte
	err := New(f).WriteSnapshot(ChunkFunc(func(c []byte) error {
		chunks = append(chunks, bytes.Clone(c))
		return nil
	}), Options{ChunkSize: 4096})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range chunks {
		if len(c) != 4096 && i != len(chunks)-1 || len(c) == 0 || len(c) > 4096 {
			t.Fatalf("chunk %d of %d has %d bytes", i, len(chunks), len(c))
		}
		for _, b := range c {
			if b >= 0x80 {
				t.Fatalf("chunk %d is not ASCII", i)
			}
		}
	}
	p := parseSnapshot(t, bytes.Join(chunks, nil))
	if err := p.check(); err != nil {
		t.Fatal(err)
	}
}

func TestJSNumber(t *testing.T) {
	for v, want := range map[float64]string{
		1.5: "1.5", 100: "100", 1e21: "1e+21", 1e20: "100000000000000000000", 0.000001: "0.000001",
		1e-7: "1e-7", -2.5e-10: "-2.5e-10", 123.456: "123.456", 1.7976931348623157e308: "1.7976931348623157e+308",
		0.1: "0.1", -0: "0",
	} {
		if got := string(appendJSNumber(nil, v)); got != want {
			t.Errorf("%v: got %q, want %q", v, got, want)
		}
	}
}

func TestUintFormatting(t *testing.T) {
	vals := []uint64{0, 12345, 4294967295, 4294967296, 1<<63 + 5}
	for p := uint64(1); p <= 1e10; p *= 10 {
		vals = append(vals, p-1, p, p+1)
	}
	for _, v := range vals {
		if got, want := string(appendUint(nil, v)), strings.TrimSpace(jsonNumber(v)); got != want {
			t.Errorf("%d: got %q", v, got)
		}
	}
}

func jsonNumber(v uint64) string { b, _ := json.Marshal(v); return string(b) }

// TestLineColumnMatchesTheFactory checks the snapshot's own line/column
// computation against objects.Factory.PositionToLineColumn.
func TestLineColumnMatchesTheFactory(t *testing.T) {
	f := newFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	for _, src := range []string{"", "a", "ab\ncd\r\nef\rg\u2028h\u2029i", "\n\n\nx", "é\r\n☃\n"} {
		u := utf16Units(src)
		script := f.NewScript(f.NewStringFromUTF16(u, heap.OldSpace), heap.Handle{}, 1)
		ends := lineEndsOf(u)
		for off := -1; off <= len(u)+1; off++ {
			l1, c1 := f.PositionToLineColumn(script, off)
			l2, c2 := lineColumn(ends, off)
			if l1 != l2 || c1 != c2 {
				t.Errorf("%q at %d: factory %d:%d, snapshot %d:%d", src, off, l1, c1, l2, c2)
			}
		}
	}
}

func utf16Units(s string) []uint16 {
	var u []uint16
	for _, r := range s {
		u = append(u, uint16(r))
	}
	return u
}

// TestFramingIsV8s checks the text layout node writes, which some tools read
// line by line: the header on one line, one row per line, each row but the
// first of an array led by a comma, strings one per line after "<dummy>".
func TestFramingIsV8s(t *testing.T) {
	f := newFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	program(f, newWorld(f), 10)
	var buf bytes.Buffer
	if err := New(f).WriteSnapshot(&buf, Options{}); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	lines := strings.Split(text, "\n")
	if want := `{"snapshot":{"meta":` + metaJSON + `,"node_count":`; !strings.HasPrefix(lines[0], want) ||
		!strings.HasSuffix(lines[0], `,"trace_function_count":0},`) {
		t.Errorf("header line %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], `"nodes":[9,`) || !strings.HasPrefix(lines[2], ",9,") {
		t.Errorf("nodes start %q %q", lines[1], lines[2])
	}
	for _, s := range []string{"\n],\n\"edges\":[1,1,7\n,1,", "\n],\n\"trace_function_infos\":[],\n\"trace_tree\":[],\n\"samples\":[],\n\"locations\":[",
		"\n],\n\"strings\":[\"<dummy>\",\n\"", "\"]}"} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q in the snapshot", s)
		}
	}
	if !strings.HasSuffix(text, "\"]}") {
		t.Errorf("snapshot ends with %q", text[len(text)-20:])
	}
}
