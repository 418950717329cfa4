package engine

import (
	"github.com/sonde-js/sonde/engine/heapsnapshot"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// v8.getHeapSnapshot([options]): node takes the snapshot when called and
// returns a stream.Readable of its JSON text. There is no stream module
// (nor Buffer) here yet, so the result is a Readable-like object of string
// chunks: async iteration, 'data'/'end'/'close' events (with on, once,
// addListener, resume, pause), read(), setEncoding and pipe(dest) — what
// programs do with it (collect the text, or pipe it to a writable). The
// chunks stay in Go memory until read.

// readableSource builds the Readable-like object around next, a function
// returning the next chunk or null.
const readableSource = `(function (next) {
  var listeners = {}, flowing = false, ended = false, scheduled = false;
  function emit(ev, arg) {
    var l = (listeners[ev] || []).slice();
    for (var i = 0; i < l.length; i++) {
      if (l[i].once) listeners[ev].splice(listeners[ev].indexOf(l[i]), 1);
      l[i].fn.call(stream, arg);
    }
  }
  function finish() {
    if (stream.readableEnded) return;
    stream.readableEnded = true;
    stream.readable = false;
    emit('end');
    emit('close');
  }
  function pull() {
    if (ended) return null;
    var c = next();
    if (c === null) ended = true;
    return c;
  }
  function flow() {
    scheduled = false;
    while (flowing) {
      var c = pull();
      if (c === null) { finish(); return; }
      emit('data', c);
    }
  }
  function schedule() {
    if (!scheduled) { scheduled = true; setImmediate(flow); }
  }
  function add(ev, fn, once) {
    (listeners[ev] = listeners[ev] || []).push({ fn: fn, once: once });
    if (ev === 'data') { flowing = true; schedule(); }
    return stream;
  }
  var stream = {
    readable: true,
    readableEnded: false,
    on: function (ev, fn) { return add(ev, fn, false); },
    addListener: function (ev, fn) { return add(ev, fn, false); },
    once: function (ev, fn) { return add(ev, fn, true); },
    off: function (ev, fn) {
      var l = listeners[ev] || [];
      for (var i = 0; i < l.length; i++) if (l[i].fn === fn) { l.splice(i, 1); break; }
      return stream;
    },
    resume: function () { flowing = true; schedule(); return stream; },
    pause: function () { flowing = false; return stream; },
    isPaused: function () { return !flowing; },
    setEncoding: function () { return stream; },
    read: function () {
      var c = pull();
      if (c === null) setImmediate(finish);
      return c;
    },
    pipe: function (dest) {
      add('data', function (c) { dest.write(c); }, false);
      add('end', function () { if (typeof dest.end === 'function') dest.end(); }, true);
      return dest;
    },
  };
  stream[Symbol.asyncIterator] = async function* () {
    for (;;) {
      var c = pull();
      if (c === null) { finish(); return; }
      yield c;
    }
  };
  return stream;
})`

// snapshotOptions reads node's heap snapshot options object (undefined or
// an object with exposeInternals and exposeNumericValues).
func (iso *Isolate) snapshotOptions(in *interp.Interp, o layout.Value) (internals, numeric, ok bool) {
	if o == in.Undefined() {
		return false, false, true
	}
	if !in.IsObject(o) {
		iso.throwTypeErrorCode("The \"options\" argument must be of type object. Received "+describeReceived(in, o), "ERR_INVALID_ARG_TYPE")
		return false, false, false
	}
	oh := iso.Heap.NewHandle(o)
	for _, opt := range []struct {
		name string
		to   *bool
	}{{"exposeInternals", &internals}, {"exposeNumericValues", &numeric}} {
		v, ok := iso.getProp(oh, opt.name)
		if !ok {
			return false, false, false
		}
		*opt.to = in.ToBoolean(v)
	}
	return internals, numeric, true
}

// v8GetHeapSnapshot is v8.getHeapSnapshot([options]).
func (iso *Isolate) v8GetHeapSnapshot(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := iso.Heap
	internals, numeric, ok := iso.snapshotOptions(in, a.Arg(0))
	if !ok {
		return 0, false
	}
	var chunks [][]byte
	err := iso.WriteHeapSnapshot(heapsnapshot.ChunkFunc(func(c []byte) error {
		chunks = append(chunks, append([]byte(nil), c...))
		return nil
	}), NodeSnapshotOptions(internals, numeric))
	if err != nil {
		return in.ThrowError(interp.Error, err.Error())
	}
	if iso.readableFactory == nil {
		fn, ok := in.CompileScript(readableSource, "node:internal/heap_utils")
		if !ok {
			return 0, false
		}
		v, ok := in.RunFunction(fn)
		if !ok {
			return 0, false
		}
		g := h.NewGlobal(v)
		iso.readableFactory = &g
	}
	scope := h.OpenScope()
	defer scope.Close()
	next := in.NewNativeFunction("next", 0, func(in *interp.Interp, _ interp.Args) (layout.Value, bool) {
		if len(chunks) == 0 {
			return in.Null(), true
		}
		c := chunks[0]
		chunks[0] = nil
		chunks = chunks[1:]
		return in.NewString(string(c)).Value(), true
	}, 0)
	factory, _ := iso.readableFactory.Value()
	return in.Call(factory, in.Undefined(), next.Value())
}
