package engine

import (
	sheap "github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// WeakRef and FinalizationRegistry on the heap's weak global handles.
//
// A WeakRef object's internal data is the id of a weak global on its
// target; a weak global on the WeakRef itself releases that handle when
// the WeakRef dies. The target of a new WeakRef or of a deref() is kept
// alive until the current job ends (the spec's [[KeptAlive]] list,
// emptied by ClearKeptObjects when the microtask checkpoint is done).
//
// A FinalizationRegistry keeps one cell per registration: a weak global on
// the target whose callback (run right after the GC that cleared it, so it
// only records) queues the held value for the registry's cleanup; the
// event loop calls the cleanup callbacks as a task.

type weakState struct {
	refs     map[int]sheap.Global // WeakRef id → weak handle on its target
	nextRef  int
	kept     []sheap.Global
	regs     map[int]*registry
	nextReg  int
	cleanups []*registry // registries with cleared cells, in order
}

type registry struct {
	id      int
	cleanup sheap.Global
	cells   []*finCell
	// dead are the held values of collected targets waiting for cleanup.
	dead      []sheap.Global
	scheduled bool
}

type finCell struct {
	target sheap.Global // weak
	held   sheap.Global
	token  sheap.Global // weak, or the zero Global
	hasTok bool
	gone   bool
}

func (iso *Isolate) weak() *weakState {
	if iso.weaks == nil {
		iso.weaks = &weakState{refs: map[int]sheap.Global{}, regs: map[int]*registry{}}
	}
	return iso.weaks
}

// keepAlive adds v to the kept-alive list of the current job.
func (iso *Isolate) keepAlive(v layout.Value) {
	w := iso.weak()
	w.kept = append(w.kept, iso.Heap.NewGlobal(v))
}

// clearKeptObjects is ClearKeptObjects: called when a job and its
// microtask checkpoint are done.
func (iso *Isolate) clearKeptObjects() {
	w := iso.weaks
	if w == nil || len(w.kept) == 0 {
		return
	}
	for _, g := range w.kept {
		g.Release()
	}
	w.kept = w.kept[:0]
}

// canBeHeldWeakly is CanBeHeldWeakly: objects, and symbols that are not
// registered ones (Symbol.for: asked through Symbol.keyFor).
func canBeHeldWeakly(js *interp.Interp, v layout.Value) bool {
	if js.IsObject(v) {
		return true
	}
	if !js.IsSymbol(v) {
		return false
	}
	h := js.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	name := js.InternalizeGo("Symbol")
	sym, _, found := js.Lookup(js.GlobalObject(), interp.NameKey(name.Value()))
	if !found || !js.IsObject(sym) {
		return true
	}
	symh := h.NewHandle(sym)
	key := js.InternalizeGo("keyFor")
	keyFor, _, found := js.Lookup(symh.Value(), interp.NameKey(key.Value()))
	if !found || !js.IsCallable(keyFor) {
		return true
	}
	r, ok := js.Call(keyFor, symh.Value(), vh.Value())
	if !ok {
		js.ClearException()
		return true
	}
	return r == js.Undefined()
}

// installWeakRefs defines WeakRef and FinalizationRegistry.
func (iso *Isolate) installWeakRefs() {
	js := iso.js
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	global := js.Handle(js.GlobalObject())
	w := iso.weak()
	tagged := func(proto sheap.Handle, tag string) {
		js.Factory().DefineProperty(proto, js.Handle(js.Intrinsic(interp.SymbolToStringTag)), js.InternalizeGo(tag), objects.AttrReadOnly|objects.AttrDontEnum)
	}

	// WeakRef.
	refProto := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	refCtor := js.NewNativeFunction("WeakRef", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !a.IsConstruct() {
			return in.ThrowError(interp.TypeError, "Constructor WeakRef requires 'new'")
		}
		target := a.Arg(0)
		if !canBeHeldWeakly(in, target) {
			return in.ThrowError(interp.TypeError, "WeakRef: invalid target")
		}
		s := h.OpenScope()
		defer s.Close()
		th := h.NewHandle(a.Arg(0)) // re-read: the check may allocate
		obj, ok := in.OrdinaryCreateFromConstructor(a.NewTarget(), interp.ObjectPrototype)
		if !ok {
			return 0, false
		}
		w.nextRef++
		id := w.nextRef
		in.SetInternalData(obj, layout.Smi(id))
		w.refs[id] = h.NewWeak(th.Value(), nil)
		h.NewWeak(obj.Value(), func() {
			if g, ok := w.refs[id]; ok {
				g.Release()
				delete(w.refs, id)
			}
		})
		iso.keepAlive(th.Value())
		return obj.Value(), true
	}, interp.NativeConstructor)
	js.SetFunctionPrototype(refCtor, refProto)
	// The inspector's [[WeakRefTarget]]: a WeakRef is an object with
	// WeakRef.prototype on its chain and a ref id.
	refProtoG := h.NewGlobal(refProto.Value())
	js.SetWeakRefMirror(func(v layout.Value) (layout.Value, bool) {
		rp, _ := refProtoG.Value()
		isRef := false
		for p, n := js.Prototype(v), 0; js.IsObject(p) && n < 1000; p, n = js.Prototype(p), n+1 {
			if p == rp {
				isRef = true
				break
			}
		}
		d := js.InternalData(v)
		if !isRef || !d.IsSmi() {
			return 0, false
		}
		g, ok := w.refs[d.SmiValue()]
		if !ok {
			return js.Undefined(), true
		}
		if t, live := g.Value(); live {
			return t, true
		}
		return js.Undefined(), true
	})
	js.DefineValue(refProto, "constructor", refCtor, objects.AttrDontEnum)
	js.DefineValue(global, "WeakRef", refCtor, objects.AttrDontEnum)
	js.DefineFunction(refProto, "deref", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		d := in.InternalData(a.This())
		g, ok := w.refs[d.SmiValue()]
		if !d.IsSmi() || !ok {
			return in.ThrowError(interp.TypeError, "Method WeakRef.prototype.deref called on incompatible receiver "+displayOf(in, a.This()))
		}
		v, live := g.Value()
		if !live {
			return in.Undefined(), true
		}
		iso.keepAlive(v)
		return v, true
	})
	tagged(refProto, "WeakRef")

	// FinalizationRegistry.
	regProto := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	regOf := func(in *interp.Interp, v layout.Value, method string) (*registry, bool) {
		d := in.InternalData(v)
		if d.IsSmi() {
			if r, ok := w.regs[d.SmiValue()]; ok {
				return r, true
			}
		}
		in.ThrowError(interp.TypeError, "Method FinalizationRegistry.prototype."+method+" called on incompatible receiver "+displayOf(in, v))
		return nil, false
	}
	regCtor := js.NewNativeFunction("FinalizationRegistry", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !a.IsConstruct() {
			return in.ThrowError(interp.TypeError, "Constructor FinalizationRegistry requires 'new'")
		}
		cb := a.Arg(0)
		if !in.IsCallable(cb) {
			return in.ThrowError(interp.TypeError, "FinalizationRegistry: cleanup must be callable")
		}
		s := h.OpenScope()
		defer s.Close()
		cbh := h.NewHandle(cb)
		obj, ok := in.OrdinaryCreateFromConstructor(a.NewTarget(), interp.ObjectPrototype)
		if !ok {
			return 0, false
		}
		w.nextReg++
		r := &registry{id: w.nextReg, cleanup: h.NewGlobal(cbh.Value())}
		w.regs[r.id] = r
		in.SetInternalData(obj, layout.Smi(r.id))
		// When the registry dies, its cells and callback go too.
		h.NewWeak(obj.Value(), func() {
			delete(w.regs, r.id)
			r.cleanup.Release()
			for _, c := range r.cells {
				c.release()
			}
			for _, d := range r.dead {
				d.Release()
			}
			r.cells, r.dead = nil, nil
		})
		return obj.Value(), true
	}, interp.NativeConstructor)
	js.SetFunctionPrototype(regCtor, regProto)
	js.DefineValue(regProto, "constructor", regCtor, objects.AttrDontEnum)
	js.DefineValue(global, "FinalizationRegistry", regCtor, objects.AttrDontEnum)
	js.DefineFunction(regProto, "register", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		r, ok := regOf(in, a.This(), "register")
		if !ok {
			return 0, false
		}
		target, held, token := a.Arg(0), a.Arg(1), a.Arg(2)
		if !canBeHeldWeakly(in, target) {
			return in.ThrowError(interp.TypeError, "FinalizationRegistry.prototype.register: invalid target")
		}
		if in.SameValue(target, held) {
			return in.ThrowError(interp.TypeError, "FinalizationRegistry.prototype.register: target and holdings must not be same")
		}
		if token != in.Undefined() && !canBeHeldWeakly(in, token) {
			return in.ThrowError(interp.TypeError, "Invalid unregisterToken ('"+displayOf(in, token)+"')")
		}
		target, held, token = a.Arg(0), a.Arg(1), a.Arg(2) // the checks may allocate
		c := &finCell{held: h.NewGlobal(held)}
		if token != in.Undefined() {
			c.token, c.hasTok = h.NewWeak(token, nil), true
		}
		c.target = h.NewWeak(target, func() {
			if c.gone {
				return
			}
			c.gone = true
			held := c.held
			c.held = sheap.Global{}
			c.release()
			r.dead = append(r.dead, held)
			if !r.scheduled {
				r.scheduled = true
				w.cleanups = append(w.cleanups, r)
			}
		})
		r.cells = append(r.cells, c)
		return in.Undefined(), true
	})
	js.DefineFunction(regProto, "unregister", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		r, ok := regOf(in, a.This(), "unregister")
		if !ok {
			return 0, false
		}
		token := a.Arg(0)
		if !canBeHeldWeakly(in, token) {
			return in.ThrowError(interp.TypeError, "Invalid unregisterToken ('"+displayOf(in, token)+"')")
		}
		token = a.Arg(0)
		removed := false
		kept := r.cells[:0]
		for _, c := range r.cells {
			if c.gone {
				continue
			}
			if c.hasTok {
				if v, live := c.token.Value(); live && v == token {
					c.gone = true
					c.release()
					removed = true
					continue
				}
			}
			kept = append(kept, c)
		}
		r.cells = kept
		return in.Bool(removed), true
	})
	tagged(regProto, "FinalizationRegistry")
}

func (c *finCell) release() {
	if c.target != (sheap.Global{}) {
		c.target.Release()
		c.target = sheap.Global{}
	}
	if c.held != (sheap.Global{}) {
		c.held.Release()
		c.held = sheap.Global{}
	}
	if c.hasTok {
		c.token.Release()
		c.hasTok = false
	}
}

// runFinalizers calls the cleanup callbacks of registries whose targets
// were collected (a task of the event loop). It reports whether any ran.
func (iso *Isolate) runFinalizers() (bool, error) {
	w := iso.weaks
	if w == nil || len(w.cleanups) == 0 {
		return false, nil
	}
	list := w.cleanups
	w.cleanups = nil
	for _, r := range list {
		r.scheduled = false
		dead := r.dead
		r.dead = nil
		kept := r.cells[:0]
		for _, c := range r.cells {
			if !c.gone {
				kept = append(kept, c)
			}
		}
		r.cells = kept
		for _, d := range dead {
			err := iso.callGlobal(r.cleanup, []sheap.Global{d}, nil)
			d.Release()
			if err == nil {
				err = iso.RunMicrotasks()
			}
			if err != nil {
				return true, err
			}
		}
	}
	return true, nil
}

// displayOf renders a value for a TypeError message.
func displayOf(js *interp.Interp, v layout.Value) string {
	switch {
	case js.IsObject(v):
		return "#<" + constructorName(js, v) + ">"
	case js.IsString(v):
		return js.GoString(v)
	}
	s, _ := js.ToGoString(v)
	return s
}
