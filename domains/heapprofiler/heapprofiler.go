// Package heapprofiler is the CDP HeapProfiler domain over the engine's heap
// snapshots (engine/heapsnapshot through engine.Isolate): takeHeapSnapshot
// streamed as node streams it, object ids, heap object tracking with
// allocation stacks, collectGarbage. Register adds its methods to a
// cdp.Registry; everything runs on the isolate goroutine.
//
// Answers follow V8's V8HeapProfilerAgentImpl:
//
//   - takeHeapSnapshot (and stopTrackingHeapObjects, which ends with one):
//     reportHeapSnapshotProgress events while generating (when asked), the
//     {finished:true} one, then the addHeapSnapshotChunk events (102400
//     characters each), then the answer. DevTools opens its loader on the
//     finished event and closes it on the answer.
//   - startTrackingHeapObjects: a stats push on V8's timer (every 50 ms, or
//     three times a push's cost when that is more: a push collects garbage
//     and walks the heap): a heapStatsUpdate when some interval changed,
//     then lastSeenObjectId.
//   - getHeapObjectId, getObjectByHeapObjectId, addInspectedHeapObject go
//     through RemoteObjects, which domains/runtime.Domain implements
//     (cmd/inspector wires the two).
//
// One difference from V8: disable does not forget the object ids (V8's
// ClearObjectIds would start numbering again); ids are never reused here.
package heapprofiler

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/heapsnapshot"
	"github.com/sonde-js/sonde/engine/layout"
	hp "github.com/sonde-js/sonde/protocol/heapprofiler"
)

// RemoteObjects is what the domain needs from the Runtime domain: turning
// RemoteObjectIds into values and back, and the console's $0.
type RemoteObjects interface {
	// ResolveObject returns the value a RemoteObjectId of the session
	// names (valid until the next allocation), or a CDP error.
	ResolveObject(s *cdp.Session, objectID string) (layout.Value, *cdp.Error)
	// WrapObject returns the Runtime.RemoteObject JSON for v in the object
	// group (getObjectByHeapObjectId's result).
	WrapObject(s *cdp.Session, v heap.Handle, group string) (json.RawMessage, *cdp.Error)
	// AddInspectedObject makes v the newest inspected object ($0 in
	// Runtime.evaluate with includeCommandLineAPI).
	AddInspectedObject(s *cdp.Session, v heap.Handle) *cdp.Error
}

// Config wires the domain.
type Config struct {
	// Objects is the Runtime domain's RemoteObject service; while nil,
	// the three methods that need it answer an error.
	Objects RemoteObjects
	// Now is the clock (tests set it); nil means time.Now.
	Now func() time.Time
	// StatsInterval is the tracking timer's base delay; 0 means V8's 50 ms.
	StatsInterval time.Duration
}

// Domain is the HeapProfiler domain of one isolate.
type Domain struct {
	iso *engine.Isolate
	cfg Config
	// tracker is the session that started heap object tracking (one
	// tracking per isolate, as V8's heap profiler has one), and gen
	// counts tracking starts so stale timer ticks do nothing.
	tracker *cdp.Session
	gen     int
	timer   *time.Timer
	// Backpressure limits (tests lower them): see waitForClient.
	backlogBytes int64
	stallTimeout time.Duration
}

// sessionKey keys the per-session state.
type sessionKey struct{}

type sessionState struct{ enabled bool }

// Register adds the HeapProfiler methods and the session listener to reg
// and returns the domain (for SetObjects once the Runtime domain exists).
func Register(reg *cdp.Registry, iso *engine.Isolate, cfg Config) *Domain {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.StatsInterval <= 0 {
		cfg.StatsInterval = 50 * time.Millisecond
	}
	d := &Domain{iso: iso, cfg: cfg, backlogBytes: maxBacklogBytes, stallTimeout: stallTimeout}
	reg.Handle(hp.CommandEnable, d.enable)
	reg.Handle(hp.CommandDisable, d.disable)
	reg.Handle(hp.CommandTakeHeapSnapshot, d.takeHeapSnapshot)
	reg.Handle(hp.CommandCollectGarbage, d.collectGarbage)
	reg.Handle(hp.CommandGetHeapObjectID, d.getHeapObjectID)
	reg.Handle(hp.CommandGetObjectByHeapObjectID, d.getObjectByHeapObjectID)
	reg.Handle(hp.CommandAddInspectedHeapObject, d.addInspectedHeapObject)
	reg.Handle(hp.CommandStartTrackingHeapObjects, d.startTracking)
	reg.Handle(hp.CommandStopTrackingHeapObjects, d.stopTracking)
	reg.AddListener(cdp.SessionFuncs{Ended: d.sessionEnded})
	return d
}

// SetObjects plugs in the Runtime domain's RemoteObject service (isolate
// goroutine, or before the server starts).
func (d *Domain) SetObjects(o RemoteObjects) { d.cfg.Objects = o }

func state(s *cdp.Session) *sessionState {
	if st, ok := s.Value(sessionKey{}).(*sessionState); ok {
		return st
	}
	st := &sessionState{}
	s.SetValue(sessionKey{}, st)
	return st
}

func (d *Domain) enable(s *cdp.Session, _ json.RawMessage) (json.RawMessage, *cdp.Error) {
	state(s).enabled = true
	return nil, nil
}

func (d *Domain) disable(s *cdp.Session, _ json.RawMessage) (json.RawMessage, *cdp.Error) {
	state(s).enabled = false
	if d.tracker == s {
		d.stopTrackingInternal()
	}
	return nil, nil
}

func (d *Domain) sessionEnded(s *cdp.Session) {
	if d.tracker == s {
		d.stopTrackingInternal()
	}
}

func (d *Domain) collectGarbage(*cdp.Session, json.RawMessage) (json.RawMessage, *cdp.Error) {
	d.iso.Heap.CollectGarbage(true)
	return nil, nil
}

// snapshotParams are takeHeapSnapshot's and stopTrackingHeapObjects'
// parameters.
type snapshotParams struct {
	ReportProgress, TreatGlobalObjectsAsRoots, CaptureNumericValue, ExposeInternals *bool
}

func flag(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

func (d *Domain) takeHeapSnapshot(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.TakeHeapSnapshotParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	return nil, d.snapshot(s, snapshotParams{p.ReportProgress, p.TreatGlobalObjectsAsRoots, p.CaptureNumericValue, p.ExposeInternals})
}

// snapshot streams a snapshot to s: progress, chunks; the caller answers.
func (d *Domain) snapshot(s *cdp.Session, p snapshotParams) *cdp.Error {
	opts := heapsnapshot.Options{
		CaptureNumericValue: flag(p.CaptureNumericValue, false),
		// V8 folds treatGlobalObjectsAsRoots=false into exposeInternals.
		ExposeInternals: flag(p.ExposeInternals, false) || !flag(p.TreatGlobalObjectsAsRoots, true),
	}
	if flag(p.ReportProgress, false) {
		opts.Progress = func(done, total int, finished bool) {
			s.Notify(hp.EventReportHeapSnapshotProgress, progressEvent(done, total, finished))
		}
	} else {
		// Without progress reports DevTools would not open its loader;
		// V8 still ends with nothing but chunks: so do we.
		opts.Progress = nil
	}
	err := d.iso.HeapSnapshotter().WriteSnapshot(heapsnapshot.ChunkFunc(func(chunk []byte) error {
		if err := d.waitForClient(s); err != nil {
			return err
		}
		s.Notify(hp.EventAddHeapSnapshotChunk, chunkEvent(chunk))
		return nil
	}), opts)
	if err != nil {
		return cdp.ServerError("Failed to take heap snapshot: " + err.Error())
	}
	return nil
}

// Backpressure while streaming: a snapshot can be far larger than a
// session's outbound queue. Writing waits while too much is queued, as V8
// writes to a socket that blocks; a client that reads nothing for
// stallTimeout is dropped (the isolate must not wait forever).
const (
	maxBacklogBytes = 32 << 20
	maxBacklogMsgs  = 1024
	stallTimeout    = time.Minute
)

type closedError struct{}

func (closedError) Error() string { return "the session closed" }

func (d *Domain) waitForClient(s *cdp.Session) error {
	var since time.Time
	var last int64 = -1
	for {
		if s.Closed() {
			return closedError{}
		}
		msgs, bytes := s.Backlog()
		if bytes < d.backlogBytes && msgs < maxBacklogMsgs {
			return nil
		}
		if bytes != last {
			last, since = bytes, time.Now()
		} else if time.Since(since) > d.stallTimeout {
			s.Close("the client stopped reading the heap snapshot")
			return closedError{}
		}
		time.Sleep(time.Millisecond)
	}
}

func progressEvent(done, total int, finished bool) json.RawMessage {
	b := make([]byte, 0, 64)
	b = append(b, `{"done":`...)
	b = strconv.AppendInt(b, int64(done), 10)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(total), 10)
	if finished {
		b = append(b, `,"finished":true`...)
	}
	return append(b, '}')
}

// chunkEvent encodes {"chunk": chunk}. Snapshot text is ASCII (the writer
// escapes everything else), so only quotes, backslashes and newlines need
// escaping.
func chunkEvent(chunk []byte) json.RawMessage {
	b := make([]byte, 0, len(chunk)+len(chunk)/8+16)
	b = append(b, `{"chunk":"`...)
	for _, c := range chunk {
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		default:
			if c < 0x20 || c >= 0x80 {
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, `"}`...)
}

func decode(params json.RawMessage, v any) *cdp.Error {
	if len(params) > 0 && params[0] == '[' {
		return cdp.ParamError("", "Invalid parameters")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return cdp.ParamError("", err.Error())
	}
	return nil
}

// heapObjectID parses a HeapSnapshotObjectId as V8 does (an integer).
func parseHeapObjectID(id string) (heapsnapshot.ObjectID, *cdp.Error) {
	n, err := strconv.ParseInt(id, 10, 32)
	if err != nil || n <= 0 {
		return 0, cdp.ServerError("Invalid heap snapshot object id")
	}
	return heapsnapshot.ObjectID(n), nil
}

var errNoRuntime = cdp.ServerError("Runtime domain is not available")

func (d *Domain) getHeapObjectID(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.GetHeapObjectIDParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	if d.cfg.Objects == nil {
		return nil, errNoRuntime
	}
	v, err := d.cfg.Objects.ResolveObject(s, string(p.ObjectID))
	if err != nil {
		return nil, err
	}
	if v == d.iso.Factory.Roots.Undefined {
		return nil, cdp.NewError(-32603, "Internal error")
	}
	id := d.iso.HeapSnapshotter().GetHeapObjectID(v)
	return json.RawMessage(`{"heapSnapshotObjectId":"` + strconv.FormatUint(uint64(id), 10) + `"}`), nil
}

// object finds the live object with a heap snapshot id, in a handle.
func (d *Domain) object(id string) (heap.Handle, *cdp.Error) {
	n, err := parseHeapObjectID(id)
	if err != nil {
		return heap.Handle{}, err
	}
	v, ok := d.iso.HeapSnapshotter().ObjectByID(n)
	if !ok || !d.inspectable(v) {
		return heap.Handle{}, cdp.ServerError("Object is not available")
	}
	return d.iso.Heap.NewHandle(v), nil
}

// inspectable reports whether v may be handed to the client: a JavaScript
// value (objects, strings, symbols, numbers, BigInts), not an engine-internal object
// (maps, arrays of slots, code), as V8's isInspectableHeapObject.
func (d *Domain) inspectable(v layout.Value) bool {
	t := d.iso.Heap.InstanceType(v.Addr())
	return t.IsJSObject() || t.IsString() || t == layout.SymbolType || t == layout.HeapNumberType || t == layout.BigIntType
}

func (d *Domain) getObjectByHeapObjectID(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.GetObjectByHeapObjectIDParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	if d.cfg.Objects == nil {
		return nil, errNoRuntime
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	h, err := d.object(string(p.ObjectID))
	if err != nil {
		return nil, err
	}
	group := ""
	if p.ObjectGroup != nil {
		group = *p.ObjectGroup
	}
	obj, err := d.cfg.Objects.WrapObject(s, h, group)
	if err != nil {
		return nil, err
	}
	return append(append([]byte(`{"result":`), obj...), '}'), nil
}

func (d *Domain) addInspectedHeapObject(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.AddInspectedHeapObjectParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	if d.cfg.Objects == nil {
		return nil, errNoRuntime
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	h, err := d.object(string(p.HeapObjectID))
	if err != nil {
		return nil, err
	}
	return nil, d.cfg.Objects.AddInspectedObject(s, h)
}

func (d *Domain) startTracking(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.StartTrackingHeapObjectsParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	if d.tracker != nil && d.tracker != s {
		d.stopTrackingInternal()
	}
	d.iso.StartHeapObjectTracking(flag(p.TrackAllocations, false))
	if d.tracker == nil {
		d.tracker = s
		d.gen++
		d.schedule(d.gen, d.cfg.StatsInterval)
	}
	return nil, nil
}

func (d *Domain) stopTracking(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
	var p hp.StopTrackingHeapObjectsParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	// V8: one last stats push, a snapshot (carrying the samples and the
	// allocation traces), then tracking ends.
	d.pushStats(s)
	err := d.snapshot(s, snapshotParams{p.ReportProgress, p.TreatGlobalObjectsAsRoots, p.CaptureNumericValue, p.ExposeInternals})
	d.stopTrackingInternal()
	return nil, err
}

func (d *Domain) stopTrackingInternal() {
	d.iso.StopHeapObjectTracking()
	d.tracker = nil
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// schedule arms the tracking timer: after delay, a task on the isolate
// pushes stats and re-arms.
func (d *Domain) schedule(gen int, delay time.Duration) {
	d.timer = time.AfterFunc(delay, func() {
		d.iso.Post(func() {
			if d.gen != gen || d.tracker == nil || d.tracker.Closed() {
				return
			}
			start := time.Now()
			d.pushStats(d.tracker)
			// V8 slows the timer down when a push is expensive.
			next := max(d.cfg.StatsInterval, 3*time.Since(start))
			d.schedule(gen, next)
		})
	})
}

// pushStats sends heapStatsUpdate (when an interval changed) and
// lastSeenObjectId.
func (d *Domain) pushStats(s *cdp.Session) {
	now := d.cfg.Now()
	updates, last := d.iso.HeapSnapshotter().PushHeapStats(now)
	if len(updates) > 0 {
		b := make([]byte, 0, 16+len(updates)*24)
		b = append(b, `{"statsUpdate":[`...)
		for i, u := range updates {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, uint64(u.Index), 10)
			b = append(b, ',')
			b = strconv.AppendUint(b, uint64(u.Count), 10)
			b = append(b, ',')
			b = strconv.AppendUint(b, uint64(u.Size), 10)
		}
		s.Notify(hp.EventHeapStatsUpdate, append(b, "]}"...))
	}
	b := make([]byte, 0, 64)
	b = append(b, `{"lastSeenObjectId":`...)
	b = strconv.AppendUint(b, uint64(last), 10)
	b = append(b, `,"timestamp":`...)
	b = strconv.AppendFloat(b, float64(now.UnixMicro())/1000, 'f', -1, 64)
	s.Notify(hp.EventLastSeenObjectID, append(b, '}'))
}
