package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"go.uber.org/zap"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/domains/heapprofiler"
	"github.com/sonde-js/sonde/domains/profiler"
	"github.com/sonde-js/sonde/domains/runtime"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/protocol"
)

// inspector is the --inspect server of one run: the cdp server, the
// Runtime domain, and the moments node prints messages at.
type inspector struct {
	iso    *engine.Isolate
	srv    *cdp.Server
	dom    *runtime.Domain
	stderr io.Writer
}

// startInspector serves the isolate on opts' address and prints node's
// "Debugger listening on ..." lines. Call it on the isolate goroutine,
// before running the script.
func startInspector(iso *engine.Isolate, prof *profiler.Profiler, opts inspectOptions, scriptPath string, log *zap.Logger, stderr io.Writer) (*inspector, error) {
	dom := runtime.New(runtime.Config{Isolate: iso})
	ins := &inspector{iso: iso, dom: dom, stderr: stderr}
	reg := cdp.NewRegistry()
	reg.AddListener(cdp.SessionFuncs{
		Started: func(*cdp.Session) { fmt.Fprint(stderr, cdp.MsgDebuggerAttached) },
	})
	dom.Register(reg)
	prof.Register(reg)
	hp := heapprofiler.Register(reg, iso, heapprofiler.Config{})
	hp.SetObjects(dom)
	// What no domain claimed yet of what DevTools sends on attach.
	registered := reg.Methods()
	runtime.RegisterPlaceholders(reg, func(m string) bool { return slices.Contains(registered, m) })
	iso.SetUncaughtExceptionHook(func(exc layout.Value) {
		loc, ok := iso.JS().ThrowPosition()
		dom.ReportException("Uncaught", exc, loc, ok)
	})
	remote := opts.Remote()
	srv, err := cdp.Listen(cdp.Config{
		Addr:        opts.Addr(),
		AllowRemote: remote,
		Executor:    iso,
		Registry:    reg,
		Title:       scriptPath,
		URL:         cdp.FileURL(scriptPath),
		Protocol:    protocol.Description,
		Logger:      log,
	})
	if err != nil {
		return nil, fmt.Errorf("Starting inspector on %s failed: %w", opts.Addr(), err)
	}
	ins.srv = srv
	if remote {
		fmt.Fprintf(stderr, "(node:%d) %s\n(Use `node --trace-warnings ...` to show where the warning was created)\n", os.Getpid(), remoteWarning)
	}
	fmt.Fprint(stderr, srv.ReadyMessage("listening"))
	return ins, nil
}

// start starts the inspector when a flag asked for it (nil otherwise; the
// nil inspector's methods do nothing) and, for --inspect-brk and
// --inspect-wait, waits for the debugger.
func (o inspectOptions) start(iso *engine.Isolate, prof *profiler.Profiler, scriptPath string, stderr io.Writer) (*inspector, error) {
	if !o.Enabled {
		return nil, nil
	}
	log, err := o.logger(stderr)
	if err != nil {
		return nil, err
	}
	ins, err := startInspector(iso, prof, o, scriptPath, log, stderr)
	if err != nil {
		return nil, err
	}
	if o.Break || o.Wait {
		ins.waitForDebugger()
	}
	return ins, nil
}

// waitForDebugger holds the script until a client sends
// Runtime.runIfWaitingForDebugger (--inspect-brk, --inspect-wait), serving
// commands meanwhile.
func (ins *inspector) waitForDebugger() {
	for {
		select {
		case <-ins.iso.Woken():
			ins.iso.HandleInterrupts()
			continue
		case <-ins.srv.RunRequested():
		}
		return
	}
}

// afterScript keeps serving while a client is attached once the script has
// ended, as node does ("Waiting for the debugger to disconnect...").
func (ins *inspector) afterScript() {
	if ins == nil || ins.srv.SessionCount() == 0 {
		return
	}
	fmt.Fprint(ins.stderr, cdp.MsgWaitingForDisconnect)
	for ins.srv.SessionCount() > 0 {
		select {
		case <-ins.iso.Woken():
			ins.iso.HandleInterrupts()
			// What the client's commands started (awaited promises,
			// timers) runs as in node's loop.
			if err := ins.iso.RunEventLoop(); err != nil {
				ins.report(err)
			}
		case <-ins.srv.NoSessions():
			// SessionEnded runs on this goroutine: drain once more.
			ins.iso.HandleInterrupts()
		}
	}
}

// report prints an uncaught error of code run after the script as node
// prints it.
func (ins *inspector) report(err error) {
	var jsErr *engine.JSError
	if errors.As(err, &jsErr) {
		fmt.Fprint(ins.stderr, jsErr.Report())
	}
}

// close stops the server; SessionEnded tasks still queued are run.
func (ins *inspector) close() {
	if ins == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	ins.srv.Close(ctx)
	ins.iso.HandleInterrupts()
}
