package cdp

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/zap"
)

// Defaults for Config's limits.
const (
	// DefaultAddr is node's default inspector address.
	DefaultAddr = "127.0.0.1:9229"
	// DefaultMaxMessageSize bounds one incoming message: 100 MiB, Chrome's
	// receive buffer for DevTools connections (kReceiveBufferSizeForDevTools
	// in content/browser/devtools). node has no limit; commands are small
	// except Runtime.evaluate and compileScript with huge sources. A bigger
	// message closes the session with status 1009 and the reason
	// "message exceeds N bytes".
	DefaultMaxMessageSize = 100 << 20
	// DefaultMaxQueuedBytes bounds one session's unsent output: 256 MiB,
	// Chrome's send buffer for DevTools connections
	// (kSendBufferSizeForDevTools); Chrome too drops a connection that
	// falls that far behind.
	DefaultMaxQueuedBytes = 256 << 20
	// DefaultMaxQueuedMessages bounds one session's unsent messages.
	DefaultMaxQueuedMessages = 1 << 16
	// DefaultMaxInFlight bounds the commands of one session posted to the
	// isolate and not yet run. DevTools sends 14 at once on attach.
	DefaultMaxInFlight = 1024
)

// HelpURL is the address node prints under "Debugger listening on".
const HelpURL = "https://nodejs.org/en/docs/inspector"

// Messages node prints on stderr around a debugging session, for the CLI to
// print at the same moments (the isolate's run loop knows when).
const (
	// MsgDebuggerAttached is printed when a session starts.
	MsgDebuggerAttached = "Debugger attached.\n"
	// MsgWaitingForDisconnect is printed when the script has ended while
	// a session is attached; the process then stays up until NoSessions.
	MsgWaitingForDisconnect = "Waiting for the debugger to disconnect...\n"
)

// Config configures a Server. Executor is required; everything else has a
// default.
type Config struct {
	// Addr is the "host:port" to listen on. An empty host means 127.0.0.1
	// (node's default, not Go's "all interfaces"); port 0 picks a free
	// port (see Server.Addr). Empty means DefaultAddr.
	Addr string
	// AllowRemote permits binding an address that is not loopback
	// (0.0.0.0, a LAN address). Anyone who can reach the port can run
	// code in this process, so it is refused unless asked for, and
	// logged as a warning when it is.
	AllowRemote bool

	// Executor runs commands on the isolate goroutine.
	Executor Executor
	// Registry holds the domains' handlers and session listeners; New
	// freezes it. nil means an empty one: every method answers -32601.
	Registry *Registry

	// TargetID is the target's id, the WebSocket path. Default: a random
	// UUID, like node's.
	TargetID string
	// Title is the target's title in /json/list; node uses the script
	// path. Default "sonde[<pid>]", as node uses "node[<pid>]".
	Title string
	// URL is the target's url in /json/list: "file:///abs/script.js" (see
	// FileURL). Default "file://", node's value without a script.
	URL string
	// Description is the target's description. Default "Sonde instance"
	// (node: "node.js instance").
	Description string
	// Version is the engine version, shown by DevTools from /json/version
	// as "Browser": "Sonde/<Version>". Default "dev".
	Version string
	// Protocol returns the body of /json/protocol (the protocol
	// definition, with our extensions). nil answers 404.
	Protocol func() []byte
	// DisableDiscovery answers every HTTP request but the WebSocket
	// upgrade with an empty 404, like node --inspect-publish-uid=stderr.
	DisableDiscovery bool

	// Logger receives connection lifecycle at info level and protocol
	// traffic at debug level. nil is quiet.
	Logger *zap.Logger

	// MaxMessageSize bounds an incoming message, in bytes.
	// Default DefaultMaxMessageSize.
	MaxMessageSize int64
	// MaxQueuedBytes and MaxQueuedMessages bound a session's unsent
	// output; past them the session is closed. Defaults
	// DefaultMaxQueuedBytes, DefaultMaxQueuedMessages.
	MaxQueuedBytes    int64
	MaxQueuedMessages int
	// MaxInFlight bounds a session's commands posted to the isolate and
	// not yet run; past it the server stops reading that client until
	// the isolate catches up. Default DefaultMaxInFlight.
	MaxInFlight int
}

// Server is the inspector endpoint of one isolate: HTTP discovery (/json/*),
// WebSocket sessions at /<target-id>, and dispatch of their commands to the
// isolate goroutine.
//
// Threading: every method is safe from any goroutine. The server reads and
// writes WebSockets on goroutines of its own (per session: the HTTP handler
// goroutine reads, one writer goroutine writes) and touches the isolate only
// through Config.Executor: decoded commands, session start and end are posted
// there, and answers and events produced on the isolate goroutine are queued
// without blocking it.
type Server struct {
	cfg      Config
	log      *zap.Logger
	exec     Executor
	reg      *Registry
	host     string // the configured host, for URLs ("127.0.0.1", "::1", "localhost")
	browser  string
	http     *http.Server
	serveErr chan error // Serve's result, once serving

	mu       sync.Mutex
	ln       net.Listener
	port     int
	started  bool
	serving  bool
	closing  bool
	sessions map[*Session]struct{} // transport still open
	attached int                   // sessions whose SessionEnded has not run
	idle     chan struct{}         // closed while attached == 0
	nextID   int64
	conns    sync.WaitGroup // one per session, done when its goroutines exit

	runOnce sync.Once
	run     chan struct{}
}

// New checks cfg, fills in defaults and returns a server that does not
// listen yet: call Start, or mount the Server (an http.Handler) on a server
// of your own.
func New(cfg Config) (*Server, error) {
	if cfg.Executor == nil {
		return nil, errors.New("cdp: Config.Executor is required")
	}
	if cfg.Registry == nil {
		cfg.Registry = NewRegistry()
	}
	cfg.Registry.frozen = true
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("cdp: inspector address %q: %w", cfg.Addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if cfg.TargetID == "" {
		cfg.TargetID = newUUID()
	}
	if cfg.Title == "" {
		cfg.Title = "sonde[" + strconv.Itoa(os.Getpid()) + "]"
	}
	if cfg.URL == "" {
		cfg.URL = "file://"
	}
	if cfg.Description == "" {
		cfg.Description = "Sonde instance"
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.MaxMessageSize <= 0 {
		cfg.MaxMessageSize = DefaultMaxMessageSize
	}
	if cfg.MaxQueuedBytes <= 0 {
		cfg.MaxQueuedBytes = DefaultMaxQueuedBytes
	}
	if cfg.MaxQueuedMessages <= 0 {
		cfg.MaxQueuedMessages = DefaultMaxQueuedMessages
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	s := &Server{
		cfg:      cfg,
		log:      cfg.Logger.Named("cdp"),
		exec:     cfg.Executor,
		reg:      cfg.Registry,
		host:     host,
		browser:  "Sonde/" + cfg.Version,
		sessions: make(map[*Session]struct{}),
		idle:     make(chan struct{}),
		run:      make(chan struct{}),
		serveErr: make(chan error, 1),
	}
	close(s.idle)
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute, // DevTools polls /json/* every second
	}
	if stdlog, err := zap.NewStdLogAt(s.log, zap.DebugLevel); err == nil {
		s.http.ErrorLog = stdlog
	}
	return s, nil
}

// Listen is New followed by Start.
func Listen(cfg Config) (*Server, error) {
	s, err := New(cfg)
	if err != nil {
		return nil, err
	}
	if err := s.Start(); err != nil {
		return nil, err
	}
	return s, nil
}

// Start binds Config.Addr and serves in the background until Close. A bound
// address that is not loopback is refused unless Config.AllowRemote is set.
func (s *Server) Start() error {
	s.mu.Lock()
	if s.started || s.closing {
		s.mu.Unlock()
		return errors.New("cdp: server already started or closed")
	}
	s.started = true
	s.mu.Unlock()

	ln, err := net.Listen("tcp", net.JoinHostPort(s.host, portOf(s.cfg.Addr)))
	if err != nil {
		return fmt.Errorf("cdp: starting inspector on %s failed: %w", s.cfg.Addr, err)
	}
	tcp, _ := ln.Addr().(*net.TCPAddr)
	if tcp == nil || !tcp.IP.IsLoopback() {
		if !s.cfg.AllowRemote {
			ln.Close()
			return fmt.Errorf("cdp: refusing to listen on non-loopback address %s (set AllowRemote to expose the inspector)", ln.Addr())
		}
		s.log.Warn("inspector listening on a non-loopback address: anyone who can reach it can run code in this process",
			zap.Stringer("addr", ln.Addr()))
	}
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		ln.Close()
		return errors.New("cdp: server closed while starting")
	}
	s.ln = ln
	if tcp != nil {
		s.port = tcp.Port
	}
	s.serving = true
	s.mu.Unlock()
	go func() { s.serveErr <- s.http.Serve(ln) }()
	s.log.Info("listening", zap.String("url", s.WebSocketURL()))
	return nil
}

func portOf(addr string) string {
	_, port, _ := net.SplitHostPort(addr)
	return port
}

// Addr returns the address the server listens on (with the port chosen for
// port 0), or nil before Start.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// TargetID returns the target's id, the path of its WebSocket.
func (s *Server) TargetID() string { return s.cfg.TargetID }

// HostPort returns "host:port" as node formats it for URLs: the configured
// host (not the resolved one), IPv6 in brackets, and the bound port.
func (s *Server) HostPort() string {
	s.mu.Lock()
	port := s.port
	s.mu.Unlock()
	return net.JoinHostPort(s.host, strconv.Itoa(port))
}

// WebSocketURL returns the session endpoint, "ws://127.0.0.1:9229/<id>".
func (s *Server) WebSocketURL() string {
	return "ws://" + s.HostPort() + "/" + s.cfg.TargetID
}

// FrontendURL returns the URL that opens Chrome's bundled DevTools on this
// target, "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=127.0.0.1:9229/<id>".
func (s *Server) FrontendURL() string {
	return frontendURL("js_app", s.HostPort()+"/"+s.cfg.TargetID)
}

// ReadyMessage returns what node prints on stderr when the inspector starts
// (verb "listening") and when the last session ends (verb "ending"):
//
//	Debugger listening on ws://127.0.0.1:9229/<id>
//	For help, see: https://nodejs.org/en/docs/inspector
//
// IDEs find the WebSocket URL by matching the first line.
func (s *Server) ReadyMessage(verb string) string {
	return "Debugger " + verb + " on " + s.WebSocketURL() + "\nFor help, see: " + HelpURL + "\n"
}

// SessionCount returns the number of attached sessions: counted from before
// the client receives its handshake response until SessionEnded has run on
// the isolate. Inside SessionEnded the ending session still counts, so
// "the last client is leaving" (when node prints ReadyMessage("ending")) is
// SessionCount() == 1 there.
func (s *Server) SessionCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attached
}

// NoSessions returns a channel that is closed while no session is attached
// (at once if none is). A new session replaces it with an open one, so call
// it again after each wait. Because SessionEnded runs on the isolate, the
// isolate goroutine must keep draining its inbox while it waits; that is the
// loop behind node's "Waiting for the debugger to disconnect...":
//
//	for srv.SessionCount() > 0 {
//		select {
//		case <-iso.Woken():
//			iso.HandleInterrupts()
//		case <-srv.NoSessions():
//		}
//	}
func (s *Server) NoSessions() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idle
}

// WaitForDisconnect blocks until no session is attached or ctx is done. It
// is for goroutines other than the isolate's (which must use NoSessions in
// its run loop, or the sessions' SessionEnded never runs).
func (s *Server) WaitForDisconnect(ctx context.Context) error {
	select {
	case <-s.NoSessions():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// RunIfWaitingForDebugger records that a client sent
// Runtime.runIfWaitingForDebugger. The Runtime domain's handler calls it
// (through Session.Server); later calls do nothing.
func (s *Server) RunIfWaitingForDebugger() {
	s.runOnce.Do(func() {
		s.log.Info("run requested by the debugger")
		close(s.run)
	})
}

// RunRequested returns a channel closed once a client has sent
// Runtime.runIfWaitingForDebugger. With --inspect-brk the isolate goroutine
// drains its inbox until then, as node's waitForFrontend loop does:
//
//	for {
//		select {
//		case <-iso.Woken():
//			iso.HandleInterrupts()
//			continue
//		case <-srv.RunRequested():
//		}
//		break
//	}
func (s *Server) RunRequested() <-chan struct{} { return s.run }

// Close stops listening, closes every session (status 1001, "server shutting
// down") and waits until their goroutines have exited or ctx is done, in
// which case the remaining connections are dropped without a close
// handshake and waited for again (that part is quick). SessionEnded
// callbacks are posted to the isolate as usual; Close does not wait for the
// isolate to run them.
func (s *Server) Close(ctx context.Context) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return errors.New("cdp: server already closed")
	}
	s.closing = true
	serving := s.serving
	sessions := make([]*Session, 0, len(s.sessions))
	for sess := range s.sessions {
		sessions = append(sessions, sess)
	}
	s.mu.Unlock()

	err := s.http.Close()
	if serving {
		if serr := <-s.serveErr; !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
	}
	var closers sync.WaitGroup
	for _, sess := range sessions {
		closers.Go(func() { sess.shutdown(websocket.StatusGoingAway, "server shutting down") })
	}
	done := make(chan struct{})
	go func() {
		closers.Wait()
		s.conns.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		for _, sess := range sessions {
			sess.abort("server shutdown timed out")
		}
		<-done
		if err == nil {
			err = ctx.Err()
		}
	}
	s.log.Info("closed")
	return err
}

// addSession counts a new session, its connection still to come, or returns
// nil when the server is closing.
func (s *Server) addSession(remote string) *Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return nil
	}
	s.nextID++
	if s.attached == 0 {
		s.idle = make(chan struct{})
	}
	s.attached++
	s.conns.Add(1)
	return newSession(s, s.nextID, remote)
}

// activate makes a connected session visible to Close, or reports false if
// the server started closing meanwhile.
func (s *Server) activate(sess *Session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[sess] = struct{}{}
	return true
}

// abandon undoes addSession for a session that never started.
func (s *Server) abandon(sess *Session) {
	sess.closed.Store(true)
	sess.cancel()
	s.transportDone(sess)
	s.sessionEnded()
}

// transportDone is called once a session's goroutines have exited.
func (s *Server) transportDone(sess *Session) {
	s.mu.Lock()
	delete(s.sessions, sess)
	s.mu.Unlock()
	s.conns.Done()
}

// sessionEnded is called on the isolate after a session's SessionEnded.
func (s *Server) sessionEnded() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attached--
	if s.attached == 0 {
		close(s.idle)
	}
}

// newUUID returns a random (version 4) UUID, the form of node's target ids.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&0xf])
	}
	return string(out)
}
