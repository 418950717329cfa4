package heap

import (
	"fmt"
	"os"
	"strings"
	"time"

	"go.uber.org/zap"
)

type gcKind int

const (
	scavenge gcKind = iota
	fullGC
)

func (k gcKind) String() string {
	if k == scavenge {
		return "Scavenge"
	}
	return "Mark-Compact"
}

// gcCounters are the heap's running GC totals.
type gcCounters struct {
	scavenges, fullGCs int
	promoted, copied   uint64 // bytes moved by scavenges
	compacted          uint64 // bytes moved by full GCs
	pause              time.Duration
	lastLive           uint64 // old generation's live bytes after the last full GC
	releasedPages      int
	evacuatedPages     int
	started            time.Time
	peakMalloced       uint64
}

// CollectGarbage runs a full GC (mark-compact of every space) when full is
// true, else a scavenge of the new space. The call is a safepoint.
func (h *Heap) CollectGarbage(full bool) {
	if full {
		h.collect(fullGC, "testing")
	} else {
		h.collect(scavenge, "testing")
	}
}

// Safepoint is where the interpreter offers the heap a chance to collect
// (function entry, loop back-edges). It only collects in GC stress mode.
func (h *Heap) Safepoint() {
	if h.opts.GCStressSafepoints {
		h.stressCollect()
	}
}

// stressCollect alternates scavenges and full GCs.
func (h *Heap) stressCollect() {
	if (h.stats.scavenges+h.stats.fullGCs)%2 == 0 {
		h.collect(scavenge, "stress")
	} else {
		h.collect(fullGC, "stress")
	}
}

// collect runs one GC, verifies the heap if asked, and applies the heap
// limit: after a full GC the old generation must fit under it.
func (h *Heap) collect(kind gcKind, reason string) {
	if h.inGC {
		return
	}
	if h.stats.started.IsZero() {
		h.stats.started = time.Now()
	}
	h.inGC = true
	start := time.Now()
	usedBefore, committedBefore := h.SizeOfObjects(), h.CommittedSize()
	h.retireAll()
	var pending []func()
	if kind == scavenge {
		pending = h.scavenge()
		h.stats.scavenges++
	} else {
		pending = h.markCompact()
		h.stats.fullGCs++
	}
	h.retireAll()
	pause := time.Since(start)
	h.stats.pause += pause
	h.inGC = false
	h.trace(kind, reason, usedBefore, committedBefore, pause)
	if h.opts.VerifyHeap {
		if err := h.Verify(); err != nil {
			panic(fmt.Sprintf("heap: verification after %v failed: %v", kind, err))
		}
	}
	if kind == fullGC {
		live := h.oldGenerationUsed()
		h.stats.lastLive = live
		h.oldGenLimit = min(max(2*live, initialOldGenLimit), h.maxOld)
		if h.oldGenerationSize() > h.maxOld && h.opts.NearHeapLimit != nil {
			if limit := h.opts.NearHeapLimit(h.maxOld, h.initialMaxOld()); limit > h.maxOld {
				h.maxOld = limit
				h.oldGenLimit = min(max(2*live, initialOldGenLimit), h.maxOld)
			}
		}
		if h.oldGenerationSize() > h.maxOld {
			h.fatalOOM(reasonHeapLimit)
		}
	} else if h.oldGenerationSize() > h.oldGenLimit {
		h.collect(fullGC, "scavenge might not succeed")
	}
	for _, cb := range pending {
		cb()
	}
}

// tracer keeps the last few GC lines for the fatal report, as V8's ring
// buffer does, and writes them out under --trace-gc.
type tracer struct {
	lines [4]string
	n     int
}

func (t *tracer) add(line string) {
	t.lines[t.n%len(t.lines)] = line
	t.n++
}

func (t *tracer) lastFew() string {
	var b strings.Builder
	b.WriteString("<--- Last few GCs --->\n\n")
	for i := max(0, t.n-len(t.lines)); i < t.n; i++ {
		b.WriteString(t.lines[i%len(t.lines)])
		b.WriteByte('\n')
	}
	return b.String()
}

func (h *Heap) trace(kind gcKind, reason string, usedBefore, committedBefore uint64, pause time.Duration) {
	const mb = 1 << 20
	line := fmt.Sprintf("[%d:%p] %8d ms: %s %.1f (%.1f) -> %.1f (%.1f) MB, %.2f / 0.00 ms  %s; ",
		os.Getpid(), h, time.Since(h.stats.started).Milliseconds(), kind,
		float64(usedBefore)/mb, float64(committedBefore)/mb,
		float64(h.SizeOfObjects())/mb, float64(h.CommittedSize())/mb,
		float64(pause.Microseconds())/1000, reason)
	h.tracer.add(line)
	if h.opts.TraceGC != nil {
		fmt.Fprintln(h.opts.TraceGC, line)
	}
	h.log.Debug("gc", zap.Stringer("kind", kind), zap.String("reason", reason),
		zap.Uint64("used_before", usedBefore), zap.Uint64("used_after", h.SizeOfObjects()),
		zap.Duration("pause", pause))
}

// initialMaxOld returns the configured old-generation maximum, before any
// NearHeapLimit raise.
func (h *Heap) initialMaxOld() uint64 {
	if h.opts.MaxOldSpaceMiB <= 0 {
		return defaultMaxOldMiB << 20
	}
	return uint64(h.opts.MaxOldSpaceMiB) << 20
}
