package engine

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sonde-js/sonde/engine/heapsnapshot"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// The isolate's heap profiling API: one heapsnapshot.Snapshotter per
// isolate (object ids live as long as the isolate), heap object tracking
// with allocation stacks captured from the interpreter's frames, and heap
// snapshot files as node's v8.writeHeapSnapshot writes them. Used by the
// HeapProfiler domain, the v8 module and the command line's snapshot flags.

// HeapSnapshotter returns the isolate's snapshotter, creating it on first
// use.
func (iso *Isolate) HeapSnapshotter() *heapsnapshot.Snapshotter {
	if iso.snapshotter == nil {
		iso.snapshotter = heapsnapshot.New(iso.Factory)
		iso.snapshotter.SetFunctionStart(func(shared layout.Value) int {
			if iso.js == nil {
				return -1
			}
			return iso.js.V8StartPosition(shared)
		})
	}
	return iso.snapshotter
}

// StartHeapObjectTracking starts heap object tracking
// (HeapProfiler.startTrackingHeapObjects); with allocations, every
// allocation's JavaScript stack is recorded for the snapshots' allocation
// traces (DevTools' "Allocations on timeline").
func (iso *Isolate) StartHeapObjectTracking(allocations bool) {
	var src heapsnapshot.StackSource
	if allocations {
		src = &allocationStacks{iso: iso}
	}
	iso.HeapSnapshotter().StartTrackingObjects(allocations, src)
}

// StopHeapObjectTracking ends heap object tracking and allocation stacks.
func (iso *Isolate) StopHeapObjectTracking() {
	if iso.snapshotter != nil {
		iso.snapshotter.StopTrackingObjects()
	}
}

// allocationStacks is the allocation tracker's view of the JavaScript stack.
type allocationStacks struct {
	iso *Isolate
	buf []interp.StackFrame
}

// AllocationStack appends the JavaScript frames, innermost first, leaving
// out builtins. It does not allocate on the heap.
func (a *allocationStacks) AllocationStack(dst []heapsnapshot.TraceFrame, max int) []heapsnapshot.TraceFrame {
	js := a.iso.js
	if js == nil {
		return dst
	}
	a.buf = js.StackFunctions(a.buf[:0], 0)
	for _, fr := range a.buf {
		if fr.Native || fr.ScriptID == 0 {
			continue
		}
		if len(dst) >= max {
			break
		}
		dst = append(dst, heapsnapshot.TraceFrame{Shared: fr.Shared, ScriptID: fr.ScriptID})
	}
	return dst
}

// FunctionName returns the function's debug name.
func (a *allocationStacks) FunctionName(shared layout.Value) string {
	return a.iso.js.DebugName(shared)
}

// WriteHeapSnapshot writes a heap snapshot to w (v8.getHeapSnapshot's
// stream reads it; w gets 102400-byte chunks).
func (iso *Isolate) WriteHeapSnapshot(w io.Writer, opts heapsnapshot.Options) error {
	if opts.TimingLog == nil && iso.opts.ProfileHeapSnapshot {
		opts.TimingLog = iso.opts.Stderr
	}
	return iso.HeapSnapshotter().WriteSnapshot(w, opts)
}

// NodeSnapshotOptions maps the options of node's v8.writeHeapSnapshot and
// v8.getHeapSnapshot ({exposeInternals, exposeNumericValues}, both false
// by default) to snapshot options.
func NodeSnapshotOptions(exposeInternals, exposeNumericValues bool) heapsnapshot.Options {
	return heapsnapshot.Options{ExposeInternals: exposeInternals, CaptureNumericValue: exposeNumericValues}
}

// FunctionStart returns V8's start position of the function.
func (a *allocationStacks) FunctionStart(shared layout.Value) int {
	return a.iso.js.V8StartPosition(shared)
}

// HeapSnapshotFileName returns node's default heap snapshot file name,
// Heap.<yyyymmdd>.<hhmmss>.<pid>.<tid>.<seq>.heapsnapshot, counting seq
// per isolate (node counts per process; one isolate per process here). tid
// is node's thread id: 0 on the main thread.
func (iso *Isolate) HeapSnapshotFileName(now time.Time) string {
	iso.snapshotSeq++
	return fmt.Sprintf("Heap.%s.%d.0.%03d.heapsnapshot", now.Format("20060102.150405"), os.Getpid(), iso.snapshotSeq)
}

// WriteHeapSnapshotFile writes a heap snapshot to filename (node's default
// name in the working directory when empty) and returns the name written,
// as v8.writeHeapSnapshot does. opts are node's: exposeInternals and
// exposeNumericValues (heapsnapshot.Options' ExposeInternals and
// CaptureNumericValue).
func (iso *Isolate) WriteHeapSnapshotFile(filename string, opts heapsnapshot.Options) (string, error) {
	if filename == "" {
		filename = iso.HeapSnapshotFileName(time.Now())
	}
	f, err := os.Create(filename)
	if err != nil {
		return "", fmt.Errorf("write heap snapshot: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = iso.WriteHeapSnapshot(bw, opts)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("write heap snapshot %s: %w", filepath.Base(filename), err)
	}
	return filename, nil
}
