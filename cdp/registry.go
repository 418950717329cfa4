package cdp

import (
	"encoding/json"
	"slices"
)

// Handler executes one CDP method on the isolate goroutine. params is the
// command's "params" value, raw: an object, "{}" when the client sent none or
// null, or, since V8 lets it through the envelope, an array (a handler that
// decodes parameters answers that with ParamError("", ...)). The handler
// returns the raw "result" object (nil means {}) or an error.
//
// params aliases the received message: a handler that keeps it past its
// return must copy it. The returned result is owned by the session from then
// on and must not be modified.
type Handler func(s *Session, params json.RawMessage) (result json.RawMessage, err *Error)

// AsyncHandler is a Handler that may answer later, for commands whose result
// depends on JavaScript that has not run yet (Runtime.evaluate with
// awaitPromise, Runtime.awaitPromise). It is called on the isolate goroutine
// and must eventually call reply exactly once, from any goroutine. Events the
// session sends before reply reach the client before the answer.
type AsyncHandler func(s *Session, params json.RawMessage, reply Reply)

// Reply answers one command: a result (nil means {}) or an error. Safe from
// any goroutine; calls after the first are ignored, and so is a call after
// the session closed. result is owned by the session from then on.
type Reply func(result json.RawMessage, err *Error)

// SessionListener is told when sessions start and end, on the isolate
// goroutine. Domains keep their per-session state (enabled flags, running
// profilers, agents stored with Session.SetValue) and undo it in SessionEnded,
// which is how Runtime.disable-on-disconnect and "stop the profiler when
// DevTools goes away" work.
//
// For each session, SessionStarted runs before any of its commands and
// SessionEnded runs once, after the last command that will ever run for it;
// no handler sees the session after SessionEnded.
type SessionListener interface {
	SessionStarted(s *Session)
	SessionEnded(s *Session)
}

// SessionFuncs is a SessionListener made of two optional functions.
type SessionFuncs struct {
	Started func(s *Session)
	Ended   func(s *Session)
}

// SessionStarted calls f.Started if set.
func (f SessionFuncs) SessionStarted(s *Session) {
	if f.Started != nil {
		f.Started(s)
	}
}

// SessionEnded calls f.Ended if set.
func (f SessionFuncs) SessionEnded(s *Session) {
	if f.Ended != nil {
		f.Ended(s)
	}
}

// Registry maps method names ("Runtime.evaluate") to handlers and holds the
// session listeners. Each domain fills it at startup (generated registration
// code calls Handle per method); it is a map, never an if-chain.
//
// Threading: fill it on one goroutine before passing it to New; New freezes
// it, and Handle or AddListener on a frozen registry panics. After that it is
// read-only and safe to share.
type Registry struct {
	handlers  map[string]AsyncHandler
	listeners []SessionListener
	frozen    bool
}

// NewRegistry returns an empty registry: every method answers -32601.
func NewRegistry() *Registry {
	return &Registry{handlers: make(map[string]AsyncHandler)}
}

// Handle registers h for method. Registering a method twice panics, as
// http.ServeMux does: two domains claiming one method is a wiring bug.
func (r *Registry) Handle(method string, h Handler) {
	r.HandleAsync(method, func(s *Session, params json.RawMessage, reply Reply) {
		reply(h(s, params))
	})
}

// HandleAsync registers an AsyncHandler for method; see Handle.
func (r *Registry) HandleAsync(method string, h AsyncHandler) {
	r.mustBeOpen()
	if h == nil {
		panic("cdp: nil handler for " + method)
	}
	if _, dup := r.handlers[method]; dup {
		panic("cdp: method registered twice: " + method)
	}
	r.handlers[method] = h
}

// AddListener adds a session listener. SessionStarted is called in the order
// listeners were added, SessionEnded in reverse order, so a domain added
// later (and maybe depending on an earlier one) is torn down first.
func (r *Registry) AddListener(l SessionListener) {
	r.mustBeOpen()
	r.listeners = append(r.listeners, l)
}

// Methods returns the registered method names, sorted.
func (r *Registry) Methods() []string {
	names := make([]string, 0, len(r.handlers))
	for m := range r.handlers {
		names = append(names, m)
	}
	slices.Sort(names)
	return names
}

func (r *Registry) mustBeOpen() {
	if r.frozen {
		panic("cdp: registry changed after the server was created")
	}
}

func (r *Registry) lookup(method string) (AsyncHandler, bool) {
	h, ok := r.handlers[method]
	return h, ok
}
