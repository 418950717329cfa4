package runtime

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/protocol"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// contextID is the id of the one execution context (the main realm).
const contextID = 1

// Config configures the domain.
type Config struct {
	// Isolate is the isolate the domain inspects. New must be called on its
	// goroutine.
	Isolate *engine.Isolate
	// ContextName is the execution context's name, which DevTools shows
	// in its context selector; node uses "<execPath>[<pid>]". Default
	// "<executable>[<pid>]".
	ContextName string
}

// Domain serves Runtime, the Debugger script subset and Schema for one
// isolate. Everything but New's caller-side setup runs on the isolate
// goroutine: the cdp server posts every command there.
type Domain struct {
	iso         *engine.Isolate
	in          *interp.Interp
	isolateID   string
	uniqueID    string
	contextName string
	debuggerID  string
	// sessions are the attached sessions, in attach order.
	sessions []*session
	console  consoleLog
	// exceptionID numbers exceptionDetails, per isolate as V8 does.
	exceptionID int
	// maxStack bounds captured stack traces
	// (Runtime.setMaxCallStackSizeToCapture).
	maxStack int
	// quiet counts nested compilations of the domain's own helper code,
	// which are not announced as scripts.
	quiet int
	// cliInstaller installs the command-line API (a function, lazily
	// compiled).
	cliInstaller *heap.Global
	// internalScripts are ids of the domain's helper scripts.
	internalScripts map[int]bool
	// bindings counts the sessions that added each binding name.
	bindings map[string]int
	// compiledFns are the scripts compileScript persisted, by session.
	compiledFns []compiledScript
	// errorStacks are the stacks recent errors captured (errorCreated).
	errorStacks []errorStack
	// failed are the sources that failed to parse; lastFailedID the
	// newest one's id (for the exceptionDetails of the syntax error).
	failed       []failedScript
	lastFailedID int
	// storedStacks are the async stacks reported by parentId, by id
	// (Debugger.getStackTrace); lastStackID numbers them.
	storedStacks map[int]*interp.AsyncStack
	lastStackID  int
}

// compiledScript is a persisted Runtime.compileScript.
type compiledScript struct {
	id    string
	fn    heap.Global
	owner *session
}

// session is one client's state.
type session struct {
	s               *cdp.Session
	runtimeEnabled  bool
	debuggerEnabled bool
	store           *objectStore
	bindings        map[string]bool
	// compiled are the scripts of compileScript with persistScript.
	compiled map[string]bool
	// inspected are $0…$4 of the command-line API, newest first.
	inspected []heap.Global
	// runtimeAsyncDepth and debuggerAsyncDepth are the depths the
	// session asked for through Runtime and Debugger.
	runtimeAsyncDepth, debuggerAsyncDepth int
}

type sessionKey struct{}

// New creates the domain and hooks it into the isolate's console and
// compiler. Call it on the isolate goroutine, before running scripts, so
// that every console message and script is seen.
func New(cfg Config) *Domain {
	if cfg.Isolate == nil {
		panic("runtime: Config.Isolate is required")
	}
	name := cfg.ContextName
	if name == "" {
		exe, _ := os.Executable()
		name = exe + "[" + strconv.Itoa(os.Getpid()) + "]"
	}
	d := &Domain{iso: cfg.Isolate, in: cfg.Isolate.JS(), contextName: name,
		isolateID: randomIsolateID(), maxStack: 200,
		internalScripts: map[int]bool{}, bindings: map[string]int{}}
	d.debuggerID = randomPair()
	d.uniqueID = randomPair()
	d.in.ConsoleHook = d.consoleCalled
	d.in.SetScriptCompiledHook(d.scriptCompiled)
	d.in.ErrorCreatedHook = d.errorCreated
	d.in.SetScriptFailedHook(d.scriptFailed)
	return d
}

// randomPair is V8's format of unique ids: two random signed 64-bit
// numbers joined by a dot.
func randomPair() string {
	var a, b [8]byte
	rand.Read(a[:])
	rand.Read(b[:])
	return strconv.FormatInt(int64(binary.LittleEndian.Uint64(a[:])), 10) + "." + strconv.FormatInt(int64(binary.LittleEndian.Uint64(b[:])), 10)
}

// randomIsolateID is V8's isolate id format: a random 64-bit number in
// hex, without leading zeros.
func randomIsolateID() string {
	var b [8]byte
	rand.Read(b[:])
	return strconv.FormatUint(binary.LittleEndian.Uint64(b[:]), 16)
}

// objectIDPrefix is the isolate part of object ids: V8 uses a random
// 64-bit number.
func (d *Domain) objectIDPrefix() string {
	v, _ := strconv.ParseUint(d.isolateID, 16, 64)
	return strconv.FormatUint(v>>1, 10)
}

// Register adds the domain's methods and its session listener to reg.
func (d *Domain) Register(reg *cdp.Registry) {
	reg.AddListener(cdp.SessionFuncs{Started: d.sessionStarted, Ended: d.sessionEnded})
	d.registerRuntime(reg)
	d.registerDebugger(reg)
	d.registerSchema(reg)
}

func (d *Domain) sessionStarted(s *cdp.Session) {
	ss := &session{s: s, store: newObjectStore(d.iso.Heap, d.objectIDPrefix(), contextID),
		bindings: map[string]bool{}, compiled: map[string]bool{}}
	s.SetValue(sessionKey{}, ss)
	d.sessions = append(d.sessions, ss)
}

func (d *Domain) sessionEnded(s *cdp.Session) {
	ss := d.state(s)
	if ss == nil {
		return
	}
	ss.store.releaseAll()
	for _, g := range ss.inspected {
		g.Release()
	}
	kept := d.compiledFns[:0]
	for _, c := range d.compiledFns {
		if c.owner == ss {
			c.fn.Release()
		} else {
			kept = append(kept, c)
		}
	}
	d.compiledFns = kept
	for name := range ss.bindings {
		d.removeBindingIfUnused(name, ss)
	}
	for i, x := range d.sessions {
		if x == ss {
			d.sessions = append(d.sessions[:i], d.sessions[i+1:]...)
			break
		}
	}
	d.applyAsyncDepth()
}

func (d *Domain) state(s *cdp.Session) *session {
	ss, _ := s.Value(sessionKey{}).(*session)
	return ss
}

// handler adapts a typed method: decode params into P (reporting -32602
// as V8 does), run f, encode its result.
func handle[P any, PP interface {
	*P
	easyjson.Unmarshaler
}](d *Domain, f func(ss *session, p *P) (easyjson.Marshaler, *cdp.Error)) cdp.Handler {
	return func(s *cdp.Session, raw json.RawMessage) (json.RawMessage, *cdp.Error) {
		ss := d.state(s)
		if ss == nil {
			return nil, cdp.ServerError("session is gone")
		}
		var p P
		if err := protocol.DecodeParams(easyjson.RawMessage(raw), PP(&p)); err != nil {
			return nil, err
		}
		res, err := f(ss, &p)
		if err != nil {
			return nil, err
		}
		if res == nil {
			return nil, nil
		}
		b, merr := protocol.Marshal(res)
		if merr != nil {
			return nil, cdp.ServerError(fmt.Sprintf("encode result: %v", merr))
		}
		return b, nil
	}
}

// notify sends an event to one session.
func notify(ss *session, method string, params easyjson.Marshaler) {
	b, err := protocol.Marshal(params)
	if err != nil {
		return
	}
	ss.s.Notify(method, b)
}

// contextDescription is the execution context node announces.
func (d *Domain) contextDescription() rt.ExecutionContextDescription {
	return rt.ExecutionContextDescription{ID: contextID, Origin: "", Name: d.contextName, UniqueID: d.uniqueID,
		AuxData: easyjson.RawMessage(`{"isDefault":true}`)}
}

// checkContext validates an optional executionContextId / contextId.
func checkContext(id *rt.ExecutionContextID) *cdp.Error {
	if id != nil && *id != contextID {
		return cdp.ServerError("Cannot find context with specified id")
	}
	return nil
}
