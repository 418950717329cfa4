package cdp

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/coder/websocket"
	"go.uber.org/zap"

	"github.com/sonde-js/sonde/protocol"
)

// Session is one client connection: a WebSocket at /<target-id>. Several
// sessions may be attached at once (DevTools plus a script, say); each has
// its own domain state, kept by the domains (SessionListener, SetValue).
//
// Threading:
//   - ID, Server, Context, RemoteAddr, Closed, Notify, Close and Backlog are
//     safe from any goroutine;
//   - Value and SetValue, like every handler and listener call, belong to
//     the isolate goroutine;
//   - the session's own goroutines (the reader, which decodes commands and
//     posts them, and the writer, which encodes and sends the outbound
//     queue) never touch domain state.
//
// Once closed (client gone, protocol error, overflow, server shutdown) a
// session sends nothing more: Notify and late replies are dropped, queued
// commands are skipped, and SessionEnded runs on the isolate after the last
// command that did run.
type Session struct {
	id     int64
	srv    *Server
	conn   *websocket.Conn // set after the handshake; nil in dispatcher tests
	remote string
	log    *zap.Logger
	ctx    context.Context
	cancel context.CancelFunc
	out    *outbox
	slots  chan struct{} // commands posted and not yet run

	closed    atomic.Bool
	closeOnce sync.Once
	whyMu     sync.Mutex
	why       string         // first reason the session was aborted
	writer    sync.WaitGroup // the writer goroutine

	// Isolate goroutine only.
	started bool
	values  map[any]any
}

func newSession(srv *Server, id int64, remote string) *Session {
	ctx, cancel := context.WithCancel(context.Background())
	return &Session{
		id:     id,
		srv:    srv,
		remote: remote,
		log:    srv.log.With(zap.Int64("session", id)),
		ctx:    ctx,
		cancel: cancel,
		out:    newOutbox(srv.cfg.MaxQueuedMessages, srv.cfg.MaxQueuedBytes),
		slots:  make(chan struct{}, srv.cfg.MaxInFlight),
	}
}

// ID returns the session's number, unique within its server, from 1.
func (s *Session) ID() int64 { return s.id }

// Server returns the server the session belongs to (for hooks such as
// RunIfWaitingForDebugger).
func (s *Session) Server() *Server { return s.srv }

// Context returns a context canceled when the session's transport closes,
// for work a handler starts that should stop with the client.
func (s *Session) Context() context.Context { return s.ctx }

// RemoteAddr returns the client's address.
func (s *Session) RemoteAddr() string { return s.remote }

// Closed reports whether the session has closed; nothing sent now arrives.
func (s *Session) Closed() bool { return s.closed.Load() }

// Notify sends an event, {"method":method,"params":params}; nil params are
// sent as {}. It queues and returns at once, whatever the client does; the
// session owns params from then on. Events and replies reach the client in
// the order they were queued, so a domain that notifies before replying
// (heap snapshot chunks, then the takeHeapSnapshot answer) is answered in
// that order. After the session closed, Notify does nothing.
func (s *Session) Notify(method string, params json.RawMessage) {
	s.send(outMsg{kind: outEvent, method: method, raw: params})
}

// Close ends the session from the server side, with status 1000 and the
// given reason (at most 123 bytes). It returns at once; the close handshake
// happens on another goroutine and SessionEnded follows on the isolate.
func (s *Session) Close(reason string) {
	go s.shutdown(websocket.StatusNormalClosure, reason)
}

// Backlog returns the messages and bytes queued for this client and not yet
// written. A domain streaming a lot (snapshot chunks) can watch it; past
// Config.MaxQueuedMessages or MaxQueuedBytes the session is closed.
func (s *Session) Backlog() (messages int, bytes int64) { return s.out.backlog() }

// Value returns what SetValue stored under key, or nil. Isolate goroutine
// only.
func (s *Session) Value(key any) any { return s.values[key] }

// SetValue stores per-session state (a domain's agent, say) under key, which
// should be a private type of the storing package, as with context keys.
// Cleared after SessionEnded. Isolate goroutine only.
func (s *Session) SetValue(key, value any) {
	if s.values == nil {
		s.values = make(map[any]any)
	}
	s.values[key] = value
}

// send queues m; an overflowing queue closes the session.
func (s *Session) send(m outMsg) {
	if _, overflow := s.out.push(m); overflow {
		msgs, bytes := s.out.backlog()
		s.log.Warn("client does not keep up: outbound queue full, closing the session",
			zap.Int("messages", msgs), zap.Int64("bytes", bytes))
		s.abort("outbound queue overflow: client too slow")
	}
}

// reply returns the Reply for command id.
func (s *Session) reply(id int32) Reply {
	var done atomic.Bool
	return func(result json.RawMessage, err *Error) {
		if !done.CompareAndSwap(false, true) {
			s.log.Warn("command answered twice; second answer dropped", zap.Int32("id", id))
			return
		}
		if ce := s.log.Check(zap.DebugLevel, "answer"); ce != nil {
			fields := []zap.Field{zap.Int32("id", id)}
			if err != nil {
				fields = append(fields, zap.Int("code", err.Code), zap.String("error", err.Message))
			}
			ce.Write(fields...)
		}
		if err != nil {
			s.send(outMsg{kind: outError, id: id, hasID: true, err: err})
			return
		}
		s.send(outMsg{kind: outResult, id: id, raw: result})
	}
}

// dispatch decodes one message on the reader goroutine and posts its
// execution to the isolate, waiting first for a free in-flight slot. Every
// message gets exactly one answer: its handler's, or an envelope error
// (-32700, -32600, -32601), which is posted too so that answers keep the
// order of the requests. It returns false if the session closed while
// waiting for a slot.
func (s *Session) dispatch(msg []byte) bool {
	select {
	case s.slots <- struct{}{}:
	case <-s.ctx.Done():
		return false
	}
	req, perr := decodeRequest(msg)
	// Protocol traffic at debug level (--log-level=debug): one line per
	// command and per answer, so a log shows any command left unanswered.
	if ce := s.log.Check(zap.DebugLevel, "command"); ce != nil {
		ce.Write(zap.Int32("id", req.id), zap.String("method", req.method))
	}
	var h AsyncHandler
	if perr == nil {
		var ok bool
		if h, ok = s.srv.reg.lookup(req.method); !ok {
			perr = MethodNotFound(req.method)
		} else if e := protocol.CheckParams(req.method, req.params); e != nil {
			// V8's bindings text, with the CBOR position of the problem.
			perr = e
		}
	}
	s.srv.exec.Post(func() {
		defer func() { <-s.slots }()
		if s.closed.Load() {
			return
		}
		if perr != nil {
			if ce := s.log.Check(zap.DebugLevel, "answer"); ce != nil {
				ce.Write(zap.Int32("id", req.id), zap.Int("code", perr.Code), zap.String("error", perr.Message))
			}
			s.send(outMsg{kind: outError, id: req.id, hasID: req.hasID, err: perr})
			return
		}
		params := req.params
		if params == nil {
			params = json.RawMessage("{}")
		}
		h(s, params, s.reply(req.id))
	})
	return true
}

// start runs the listeners' SessionStarted on the isolate.
func (s *Session) start() {
	if s.closed.Load() {
		return // closed before the isolate got to it: no Started, no Ended
	}
	s.started = true
	for _, l := range s.srv.reg.listeners {
		l.SessionStarted(s)
	}
}

// end runs the listeners' SessionEnded on the isolate, in reverse order.
func (s *Session) end() {
	if s.started {
		ls := s.srv.reg.listeners
		for i := len(ls) - 1; i >= 0; i-- {
			ls[i].SessionEnded(s)
		}
	}
	s.values = nil
	s.srv.sessionEnded()
}

// abort closes the session without waiting for anything: safe on the isolate
// goroutine. It cancels the context, which drops the connection under the
// reader and writer; the reader then finishes the shutdown.
func (s *Session) abort(why string) {
	s.whyMu.Lock()
	if s.why == "" {
		s.why = why
	}
	s.whyMu.Unlock()
	s.closed.Store(true)
	s.out.close()
	s.cancel()
}

// shutdown closes the session with a close handshake (code, reason) unless it
// was aborted, then cancels its context. Only the first call acts; the others
// wait for it. Blocks for at most the handshake timeouts of the websocket
// package (5 s to write the close frame, 5 s for the peer's).
func (s *Session) shutdown(code websocket.StatusCode, reason string) {
	s.closeOnce.Do(func() {
		aborted := s.closed.Swap(true)
		s.out.close()
		s.whyMu.Lock()
		why := s.why
		s.whyMu.Unlock()
		switch {
		case s.conn == nil:
		case aborted:
			s.conn.CloseNow()
		default:
			s.conn.Close(code, reason)
		}
		s.cancel()
		if why == "" {
			why = reason
		}
		s.log.Info("session closed", zap.String("remote", s.remote),
			zap.Int("status", int(code)), zap.String("reason", why))
	})
}
