package builtins

import (
	"strings"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// arrayToLocaleString is Array.prototype.toLocaleString: the elements'
// own toLocaleString results joined by ",", null and undefined as "". A
// cyclic array (one being joined already) gives "", as join does in V8.
func (b *installer) arrayToLocaleString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "toLocaleString")
	if !ok {
		return 0, false
	}
	h := in.Heap()
	obj := self(a)
	for _, g := range b.joining {
		if v, _ := g.Value(); v == obj {
			return in.Factory().Roots.EmptyString, true
		}
	}
	g := h.NewGlobal(obj)
	b.joining = append(b.joining, g)
	defer func() {
		b.joining = b.joining[:len(b.joining)-1]
		g.Release()
	}()
	scope := h.OpenScope()
	defer scope.Close()
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		if i > 0 {
			sb.WriteByte(',')
		}
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			return 0, false
		}
		if in.IsNullish(v) {
			continue
		}
		vh := h.NewHandle(v)
		name := in.InternalizeGo("toLocaleString")
		f, ok := in.GetNamed(vh.Value(), name.Value())
		if !ok {
			return 0, false
		}
		if !in.IsCallable(f) {
			return in.ThrowError(interp.TypeError, displayArg(in, f)+" is not a function")
		}
		r, ok := in.Call(f, vh.Value())
		if !ok {
			return 0, false
		}
		s, ok := in.ToGoString(r)
		if !ok {
			return 0, false
		}
		sb.WriteString(s)
	}
	return in.StringValue(sb.String()), true
}
