package heapsnapshot

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/objects"
)

// The performance target: with a million live objects, generating and
// serializing a snapshot takes at most half of what node's
// v8.writeHeapSnapshot() takes for the same objects, with at most the heap's
// used size of extra memory. The benchmark builds the objects of
//
//	class LeakyThing { constructor(i) { this.i = i; this.s = 'x' + i; } }
//	const keep = []; for (let i = 0; i < 1e6; i++) keep.push(new LeakyThing(i));
//
// through the factory, and snapshots them to io.Discard:
//
//	go test -run '^$' -bench Snapshot1M -benchtime 3x ./engine/heapsnapshot/
//	go test -run '^$' -bench VersusNode -benchtime 3x ./engine/heapsnapshot/
//
// BenchmarkVersusNode also runs that script under node (skipped when node is
// not on PATH) and prints both timings with their ratio.

const leakyCount = 1_000_000

// nodeScript is the node side of the comparison: the same objects, then
// writeHeapSnapshot to /dev/null (the Go side writes to io.Discard).
const nodeScript = `
class LeakyThing { constructor(i) { this.i = i; this.s = 'x' + i; } }
const keep = [];
for (let i = 0; i < 1e6; i++) keep.push(new LeakyThing(i));
globalThis.keep = keep;
const v8 = require('v8');
const used = process.memoryUsage().heapUsed, rss = process.memoryUsage().rss;
const c0 = process.cpuUsage(), t0 = process.hrtime.bigint();
v8.writeHeapSnapshot('/dev/null');
const ms = Number(process.hrtime.bigint() - t0) / 1e6, c = process.cpuUsage(c0);
console.log('ms=' + ms + ' cpums=' + (c.user + c.system) / 1000 + ' heapUsed=' + used + ' rss=' + rss + ' maxRSS=' + process.resourceUsage().maxRSS * 1024);
`

// buildLeaky makes the benchmark's heap: n LeakyThing in an array held by a
// handle (of a scope left open).
func buildLeaky(tb testing.TB, n int) *objects.Factory {
	f := newFactory(tb, heap.Options{})
	h := f.H
	h.OpenScope()
	w := newWorld(f)
	c := w.newClass("LeakyThing", 2)
	iKey, sKey := f.InternalizeGo("i"), f.InternalizeGo("s")
	keep := f.NewJSArray(0)
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		f.ArrayPush(keep, w.newLeakyThing(c, i, iKey, sKey))
		s.Close()
	}
	h.CollectGarbage(true)
	return f
}

// memoryWatch samples the Go heap while a snapshot runs, to find its peak.
type memoryWatch struct {
	stop     chan struct{}
	done     chan struct{}
	peak     atomic.Uint64
	before   runtime.MemStats
	after    runtime.MemStats
	baseline uint64
}

func heapObjectBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func startWatch() *memoryWatch {
	runtime.GC()
	m := &memoryWatch{stop: make(chan struct{}), done: make(chan struct{})}
	runtime.ReadMemStats(&m.before)
	m.baseline = heapObjectBytes()
	go func() {
		defer close(m.done)
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			if v := heapObjectBytes(); v > m.peak.Load() {
				m.peak.Store(v)
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// end returns the bytes the Go program allocated meanwhile and the peak
// of live Go heap objects above the baseline.
func (m *memoryWatch) end() (allocated, peak uint64) {
	close(m.stop)
	<-m.done
	runtime.ReadMemStats(&m.after)
	p := m.peak.Load()
	if p < m.baseline {
		p = m.baseline
	}
	return m.after.TotalAlloc - m.before.TotalAlloc, p - m.baseline
}

// cpuTime returns the CPU time the process has used, every thread counted
// (the machine the benchmarks run on may be shared: wall time then lies).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measured is one snapshot's figures.
type measured struct {
	wall, cpu   time.Duration
	alloc, peak uint64
}

// snapshotOnce takes one snapshot to io.Discard and returns its time and
// memory figures.
func snapshotOnce(tb testing.TB, s *Snapshotter) measured {
	w := startWatch()
	c0, t0 := cpuTime(), time.Now()
	if err := s.WriteSnapshot(io.Discard, Options{}); err != nil {
		tb.Fatal(err)
	}
	m := measured{wall: time.Since(t0), cpu: cpuTime() - c0}
	m.alloc, m.peak = w.end()
	return m
}

func reportSnapshot(b *testing.B, f *objects.Factory, s *Snapshotter, m measured) {
	d, alloc, peak := m.wall, m.alloc, m.peak
	used := f.H.SizeOfObjects()
	st := s.LastStats()
	b.ReportMetric(float64(d.Milliseconds()), "ms/snapshot")
	b.ReportMetric(float64(m.cpu.Milliseconds()), "cpu-ms/snapshot")
	b.ReportMetric(float64(peak)/float64(used), "peak-extra/heap-used")
	b.Logf("%d objects, %d nodes, %d edges, %.1f MB of JSON; heap used %.1f MB",
		st.Objects, st.Nodes, st.Edges, float64(st.OutputBytes)/1e6, float64(used)/1e6)
	b.Logf("time %v (CPU %v): prepare+GC %v, index %v, roots %v, count %v, write %v",
		d.Round(time.Millisecond), m.cpu.Round(time.Millisecond), st.Prepare.Round(time.Millisecond), st.Index.Round(time.Millisecond),
		st.Roots.Round(time.Millisecond), st.Count.Round(time.Millisecond), st.Write.Round(time.Millisecond))
	b.Logf("extra Go memory: peak live %.1f MB (%.0f%% of heap used), allocated %.1f MB; index %.1f MB, per-node %.1f MB, id table %.1f MB",
		float64(peak)/1e6, 100*float64(peak)/float64(used), float64(alloc)/1e6,
		float64(st.IndexBytes)/1e6, float64(st.PerNodeBytes)/1e6, float64(st.IDBytes)/1e6)
}

func BenchmarkSnapshot1M(b *testing.B) {
	f := buildLeaky(b, leakyCount)
	s := New(f)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := snapshotOnce(b, s)
		if i == b.N-1 {
			b.StopTimer()
			reportSnapshot(b, f, s, m)
		}
	}
}

// BenchmarkVersusNode times node's writeHeapSnapshot on the same objects,
// then ours, and prints the ratio.
func BenchmarkVersusNode(b *testing.B) {
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("node is not on PATH: no comparison (install node 20 to run it)")
	}
	nodeMS, nodeCPU, nodeInfo := runNode(b, node)
	f := buildLeaky(b, leakyCount)
	s := New(f)
	var best measured
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := snapshotOnce(b, s)
		if best.wall == 0 || m.wall < best.wall {
			best.wall = m.wall
		}
		if best.cpu == 0 || m.cpu < best.cpu {
			best.cpu = m.cpu
		}
		if i == b.N-1 {
			b.StopTimer()
			reportSnapshot(b, f, s, m)
		}
	}
	wallRatio := nodeMS / float64(best.wall.Milliseconds())
	cpuRatio := nodeCPU / float64(best.cpu.Milliseconds())
	b.ReportMetric(wallRatio, "x-faster-than-node")
	b.ReportMetric(cpuRatio, "x-less-cpu-than-node")
	b.Logf("node %s: writeHeapSnapshot %.0f ms, CPU %.0f ms (%s)", nodeVersion(node), nodeMS, nodeCPU, nodeInfo)
	b.Logf("sonde best: %v, CPU %v: %.1fx faster, %.1fx less CPU",
		best.wall.Round(time.Millisecond), best.cpu.Round(time.Millisecond), wallRatio, cpuRatio)
}

func runNode(b *testing.B, node string) (ms, cpuMS float64, info string) {
	dir := b.TempDir()
	script := filepath.Join(dir, "leaky.js")
	if err := os.WriteFile(script, []byte(nodeScript), 0o644); err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command(node, script).CombinedOutput()
	if err != nil {
		b.Fatalf("node: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`ms=([\d.]+) cpums=([\d.]+) heapUsed=(\d+) rss=(\d+) maxRSS=(\d+)`).FindSubmatch(out)
	if m == nil {
		b.Fatalf("node printed %q", out)
	}
	ms, _ = strconv.ParseFloat(string(m[1]), 64)
	cpuMS, _ = strconv.ParseFloat(string(m[2]), 64)
	used, _ := strconv.ParseFloat(string(m[3]), 64)
	rss, _ := strconv.ParseFloat(string(m[4]), 64)
	maxRSS, _ := strconv.ParseFloat(string(m[5]), 64)
	return ms, cpuMS, fmt.Sprintf("heap used %.1f MB, RSS grew by %.1f MB at its peak: %.1fx the heap", used/1e6, (maxRSS-rss)/1e6, (maxRSS-rss)/used)
}

func nodeVersion(node string) string {
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return "?"
	}
	return string(regexp.MustCompile(`\s+`).ReplaceAll(out, nil))
}
