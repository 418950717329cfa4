package heapsnapshot

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// TestEngineTypes builds one of each of the engine's internal kinds of
// objects and checks the type, name and edges V8 would give them.
func TestEngineTypes(t *testing.T) {
	f := newFactory(t, heap.Options{VerifyHeap: true})
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	w := newWorld(f)
	keep := f.NewJSArray(0)
	push := func(v heap.Handle) { f.ArrayPush(keep, v) }

	// A compiled anonymous function: bytecode with a constant pool holding
	// an array, a feedback vector with closure feedback cells, a scope info.
	pool := f.NewFixedArray(2, heap.OldSpace)
	f.Set(pool.Value(), 0, f.NewFixedArray(1, heap.OldSpace).Value())
	bc := f.NewBytecodeArray([]byte{1, 2, 3}, 8, 1, pool)
	sfi := f.NewSharedFunctionInfo(heap.Handle{}, w.script, 5, 9, 2, 0)
	f.SetSharedBytecode(sfi.Value(), bc.Value())
	f.SetSharedScopeInfo(sfi.Value(), f.NewScopeInfo(objects.FunctionScope, nil).Value())
	fv := f.NewFeedbackVector(sfi, 1, f.NewClosureFeedbackCellArray(2))
	anon := f.NewJSFunction(sfi, w.native, f.NewFeedbackCell(fv))
	push(anon)

	// A block context: its variable is a hidden edge, as in V8.
	block := f.NewBlockContext(f.NewScopeInfo(objects.BlockScope, []heap.Handle{f.InternalizeGo("blockVar")}), w.native, 1)
	f.SetContextSlot(block.Value(), layout.ContextMinSlots, f.NewStringFromGo("in a block", heap.NewSpace).Value())
	push(w.function("inBlock", -1, block))

	// Symbols, one as a property key; a private symbol.
	obj := f.NewPlainObject()
	f.SetProperty(obj, f.NewSymbol(heap.Handle{}), f.NewStringFromGo("by symbol", heap.NewSpace))
	f.SetProperty(obj, f.NewPrivateSymbol(heap.Handle{}), f.NewStringFromGo("by private symbol", heap.NewSpace))
	push(obj)

	// An object whose prototype changed: its map gets prototype transitions.
	other := f.NewPlainObject()
	f.SetPrototype(other, obj)
	push(other)

	// A nameless script.
	push(f.NewScript(f.NewStringFromGo("1", heap.OldSpace), heap.Handle{}, 99))

	p := takeSnapshot(t, New(f), Options{ExposeInternals: true})

	closure := p.nodeByName(t, "closure", "")
	shared, _ := p.edge(closure.Index, "shared")
	if shared.Type != "code" || shared.Name != "(shared function info)" {
		t.Errorf("anonymous function's shared info: %+v", shared)
	}
	data, _ := p.edge(shared.Index, "function_data")
	if data.Type != "code" || data.Name != "system / BytecodeArray" {
		t.Errorf("function data %+v", data)
	}
	cp, _ := p.edge(data.Index, "0")
	if cp.Type != "code" || cp.Name != "(constant pool)" {
		t.Errorf("constant pool %+v, bytecode edges %+v", cp, p.edges(data.Index))
	}
	if nested, _ := p.edge(cp.Index, "0"); nested.Name != "(constant pool)" || nested.Type != "code" {
		t.Errorf("nested constant pool array %+v", nested)
	}
	cell, _ := p.edge(closure.Index, "feedback_cell")
	vector, _ := p.edge(cell.Index, "value")
	if vector.Type != "code" || vector.Name != "system / FeedbackVector" {
		t.Errorf("feedback vector %+v", vector)
	}
	var cells bool
	for _, e := range p.edges(vector.Index) {
		if n := p.node(e.To); n.Name == "system / ClosureFeedbackCellArray" && n.Type == "code" && e.Type == "hidden" {
			cells = true
		}
	}
	if !cells {
		t.Errorf("feedback vector edges %+v", p.edges(vector.Index))
	}

	inBlock := p.nodeByName(t, "closure", "inBlock")
	ctx, _ := p.edge(inBlock.Index, "context")
	if _, ok := p.edge(ctx.Index, "blockVar"); ok {
		t.Error("a block context's variable is a context edge")
	}
	// Hidden edges count every unvisited reference: the extension slot
	// (undefined, left out) is 0, the variable 1.
	if v, ok := p.edge(ctx.Index, "1"); !ok || v.Name != "in a block" {
		t.Errorf("block context edges %+v", p.edges(ctx.Index))
	}

	p.nodeByName(t, "symbol", "symbol")
	p.nodeByName(t, "hidden", "private symbol")
	var bySymbol int
	for i := 0; i < p.nodeCount(); i++ {
		for _, e := range p.edges(i) {
			if e.Name == "<symbol>" && e.Type == "property" {
				bySymbol++
			}
		}
	}
	if bySymbol != 2 {
		t.Errorf("%d property edges named <symbol>", bySymbol)
	}
	p.nodeByName(t, "object shape", "(prototype transitions)")
	if n := p.nodeByName(t, "code", ""); n.Size != layout.ScriptSize {
		t.Errorf("nameless script %+v", n)
	}
}
