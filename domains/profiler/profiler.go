package profiler

import (
	"errors"
	"path/filepath"
	"time"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/domains/profiler/coverage"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/interp"
	proto "github.com/sonde-js/sonde/protocol/profiler"
)

// V8's error texts (node v20 sends them as -32000 errors).
var (
	// ErrNotEnabled is the answer to startPreciseCoverage and
	// stopPreciseCoverage before Profiler.enable.
	ErrNotEnabled = errors.New("Profiler is not enabled")
	// ErrNotStarted is the answer to takePreciseCoverage before
	// startPreciseCoverage.
	ErrNotStarted = errors.New("Precise coverage has not been started.")
)

// Options configure a Profiler.
type Options struct {
	// V8Compatible keeps V8's behaviour when a block mode starts: functions
	// compiled before keep their bytecode and report function ranges only.
	// By default they are recompiled with block counters (see the package
	// documentation).
	V8Compatible bool
	// Now returns the timestamps' clock: monotonic seconds. nil means
	// seconds since the Profiler was made.
	Now func() float64
}

// Profiler is the coverage state of one isolate: the precise mode in force
// and the clients (CDP sessions, the NODE_V8_COVERAGE writer) using it.
// The coverage mode is the isolate's, as in V8: the last
// startPreciseCoverage chooses it, and it returns to best-effort when the
// last client using precise coverage stops.
type Profiler struct {
	iso     *engine.Isolate
	opts    Options
	origin  time.Time
	clients []*Client
}

// New returns the Profiler of iso.
func New(iso *engine.Isolate, opts Options) *Profiler {
	return &Profiler{iso: iso, opts: opts, origin: time.Now()}
}

// now is the timestamp clock.
func (p *Profiler) now() float64 {
	if p.opts.Now != nil {
		return p.opts.Now()
	}
	return time.Since(p.origin).Seconds()
}

// Client is one user of the domain: V8's per-session profiler agent.
type Client struct {
	p *Profiler
	// notify sends an event to the client (nil: events are dropped).
	notify                      func(method string, params proto.PreciseCoverageDeltaUpdateEvent)
	enabled, precise, triggered bool
	// mode is the precise mode this client asked for.
	mode coverage.Mode
}

// NewClient adds a client. notify receives its
// preciseCoverageDeltaUpdate events (may be nil).
func (p *Profiler) NewClient(notify func(method string, ev proto.PreciseCoverageDeltaUpdateEvent)) *Client {
	c := &Client{p: p, notify: notify}
	p.clients = append(p.clients, c)
	return c
}

// Close disables the client (stopping its precise coverage) and forgets it.
func (c *Client) Close() {
	c.Disable()
	p := c.p
	for i, o := range p.clients {
		if o == c {
			p.clients = append(p.clients[:i], p.clients[i+1:]...)
			break
		}
	}
}

// Enable is Profiler.enable.
func (c *Client) Enable() { c.enabled = true }

// Disable is Profiler.disable: it stops the client's precise coverage, as
// V8's agent does.
func (c *Client) Disable() {
	if c.precise {
		c.stopPrecise()
	}
	c.enabled = false
}

// Enabled reports whether Profiler.enable was called.
func (c *Client) Enabled() bool { return c.enabled }

// Precise reports whether the client has started precise coverage.
func (c *Client) Precise() bool { return c.precise }

// StartPrecise is Profiler.startPreciseCoverage: it switches the isolate
// to the precise mode callCount and detailed select (resetting every
// count), and returns the timestamp. triggered allows
// preciseCoverageDeltaUpdate events.
func (c *Client) StartPrecise(callCount, detailed, triggered bool) (float64, error) {
	if !c.enabled {
		return 0, ErrNotEnabled
	}
	c.precise, c.triggered = true, triggered
	c.mode = coverage.ModeFor(callCount, detailed)
	c.p.selectMode(c.mode)
	return c.p.now(), nil
}

// TakePrecise is Profiler.takePreciseCoverage: what ran since the
// previous take (or the start), and the timestamp. Counters are reset.
func (c *Client) TakePrecise() ([]proto.ScriptCoverage, float64, error) {
	if !c.precise {
		return nil, 0, ErrNotStarted
	}
	return c.p.takePrecise(), c.p.now(), nil
}

// StopPrecise is Profiler.stopPreciseCoverage.
func (c *Client) StopPrecise() error {
	if !c.enabled {
		return ErrNotEnabled
	}
	c.stopPrecise()
	return nil
}

func (c *Client) stopPrecise() {
	c.precise, c.triggered = false, false
	for _, o := range c.p.clients {
		if o.precise {
			return // another client still collects
		}
	}
	c.p.selectMode(coverage.BestEffort)
}

// BestEffort is Profiler.getBestEffortCoverage: the live functions'
// invocation counts as 0/1, function ranges only; no state, no reset.
func (p *Profiler) BestEffort() []proto.ScriptCoverage {
	return p.collect(coverage.BestEffort, p.iso.JS().PeekCoverage())
}

// TriggerUpdate sends preciseCoverageDeltaUpdate, with what ran since the
// previous take, to every client that started precise coverage with
// allowTriggeredUpdates (V8's triggerPreciseCoverageDeltaUpdate). occasion
// names the reason. It does nothing when no such client exists.
func (p *Profiler) TriggerUpdate(occasion string) {
	var to []*Client
	for _, c := range p.clients {
		if c.precise && c.triggered && c.notify != nil {
			to = append(to, c)
		}
	}
	if len(to) == 0 {
		return
	}
	ev := proto.PreciseCoverageDeltaUpdateEvent{Timestamp: p.now(), Occasion: occasion, Result: p.takePrecise()}
	for _, c := range to {
		c.notify(proto.EventPreciseCoverageDeltaUpdate, ev)
	}
}

// Mode returns the isolate's coverage mode.
func (p *Profiler) Mode() coverage.Mode { return fromEngine(p.iso.JS().CoverageMode()) }

// selectMode switches the isolate's coverage mode; entering a block mode
// recompiles what was compiled without counters unless V8Compatible.
func (p *Profiler) selectMode(m coverage.Mode) {
	js := p.iso.JS()
	wasBlock := js.CoverageMode() == interp.CoverageBlockCount || js.CoverageMode() == interp.CoverageBlockBinary
	js.SelectCoverageMode(toEngine(m))
	if m.IsBlock() && !wasBlock && !p.opts.V8Compatible {
		js.Recompile()
	}
}

// takePrecise collects in the isolate's precise mode and resets counts.
func (p *Profiler) takePrecise() []proto.ScriptCoverage {
	js := p.iso.JS()
	return p.collect(fromEngine(js.CoverageMode()), js.CollectCoverage())
}

// collect post-processes raw coverage for mode and marks what a binary
// mode reported.
func (p *Profiler) collect(mode coverage.Mode, raw []interp.CoverageScript) []proto.ScriptCoverage {
	scripts := make([]coverage.Script, len(raw))
	for i, s := range raw {
		cs := coverage.Script{ID: s.ID, URL: scriptURL(s.URL), Functions: make([]coverage.Function, len(s.Functions))}
		for j, f := range s.Functions {
			cf := coverage.Function{Start: f.Start, End: f.End, Name: f.Name, TopLevel: f.TopLevel,
				Count: f.Count, HasCoverageInfo: f.HasCoverageInfo, ReportedBinary: f.ReportedBinary}
			if len(f.Slots) > 0 {
				cf.Slots = make([]coverage.Slot, len(f.Slots))
				for k, sl := range f.Slots {
					cf.Slots[k] = coverage.Slot(sl)
				}
			}
			cs.Functions[j] = cf
		}
		scripts[i] = cs
	}
	res := coverage.Collect(mode, scripts)
	if mode.IsBinary() {
		js := p.iso.JS()
		for _, r := range res.Reported {
			js.SetReportedBinary(raw[r.Script].ID, raw[r.Script].Functions[r.Function].Literal)
		}
	}
	return coverage.ToProtocol(res.Scripts)
}

// scriptURL is the URL node's inspector reports for a script: a file run
// by path is file:///…; other names (eval's "", sourceURLs) are kept.
func scriptURL(name string) string {
	if filepath.IsAbs(name) {
		return cdp.FileURL(name)
	}
	return name
}

func toEngine(m coverage.Mode) interp.CoverageMode {
	switch m {
	case coverage.PreciseCount:
		return interp.CoveragePreciseCount
	case coverage.PreciseBinary:
		return interp.CoveragePreciseBinary
	case coverage.BlockCount:
		return interp.CoverageBlockCount
	case coverage.BlockBinary:
		return interp.CoverageBlockBinary
	}
	return interp.CoverageBestEffort
}

func fromEngine(m interp.CoverageMode) coverage.Mode {
	switch m {
	case interp.CoveragePreciseCount:
		return coverage.PreciseCount
	case interp.CoveragePreciseBinary:
		return coverage.PreciseBinary
	case interp.CoverageBlockCount:
		return coverage.BlockCount
	case interp.CoverageBlockBinary:
		return coverage.BlockBinary
	}
	return coverage.BestEffort
}
