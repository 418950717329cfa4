package heapsnapshot

import (
	"slices"
	"time"
)

// Heap object tracking (HeapProfiler.startTrackingHeapObjects), as V8's
// HeapObjectsMap does it: each stats push collects garbage, gives every live
// object an id, and opens a time interval ending at the next id to be
// handed out. Interval k thus holds the objects with ids in
// [interval k-1's end, interval k's end): those allocated between push k-1
// and push k. A push reports the intervals whose live count or size changed
// since the previous push (HeapProfiler.heapStatsUpdate); DevTools' "Allocations
// on timeline" draws a bar per interval from them. The intervals are also
// the snapshot's "samples".

// HeapStatsUpdate is one changed interval: its index, and the count and
// total size of its objects still alive.
type HeapStatsUpdate struct {
	Index, Count, Size uint32
}

// timeInterval is V8's HeapObjectsMap::TimeInterval.
type timeInterval struct {
	end         ObjectID // first id not in the interval
	count, size uint32
	at          time.Time
}

// StartTrackingObjects starts heap object tracking: intervals are kept from
// now on, and with allocations set every allocation's JavaScript stack is
// recorded (src walks the stack) for the next snapshots' allocation traces.
// Calling it again restarts the allocation trace if allocations is set.
func (s *Snapshotter) StartTrackingObjects(allocations bool, src StackSource) {
	s.updateIDs()
	s.tracking = true
	if allocations && src != nil {
		s.stopAllocationTracking()
		s.tracker = newAllocationTracker(s, src)
		s.f.H.AddAllocationObserver(s.tracker)
	}
}

// StopTrackingObjects ends heap object tracking and allocation recording;
// later snapshots carry neither samples nor allocation traces.
func (s *Snapshotter) StopTrackingObjects() {
	s.tracking = false
	s.intervals = nil
	s.stopAllocationTracking()
}

// Tracking reports whether heap object tracking is on.
func (s *Snapshotter) Tracking() bool { return s.tracking }

// TrackingAllocations reports whether allocation stacks are being recorded.
func (s *Snapshotter) TrackingAllocations() bool { return s.tracker != nil }

func (s *Snapshotter) stopAllocationTracking() {
	if s.tracker != nil {
		s.f.H.RemoveAllocationObserver(s.tracker)
		s.tracker.stop()
		s.tracker = nil
	}
}

// PushHeapStats closes a time interval (V8's PushHeapObjectsStats): a full
// GC, ids for every live object, then the intervals whose live count or
// size changed. It returns those and the last id handed out. Only while
// tracking; otherwise it returns nothing but the last id.
func (s *Snapshotter) PushHeapStats(now time.Time) ([]HeapStatsUpdate, ObjectID) {
	if !s.tracking {
		return nil, s.LastSeenObjectID()
	}
	s.updateIDs()
	s.intervals = append(s.intervals, timeInterval{end: s.ids.next, at: now})
	counts := make([]uint32, len(s.intervals))
	sizes := make([]uint32, len(s.intervals))
	h := s.f.H
	for _, e := range s.ids.table {
		k, _ := slices.BinarySearchFunc(s.intervals, e.id, func(t timeInterval, id ObjectID) int {
			if t.end <= id {
				return -1
			}
			return 1
		})
		if k < len(s.intervals) {
			counts[k]++
			sizes[k] += h.SizeOf(e.addr)
		}
	}
	var updates []HeapStatsUpdate
	for k := range s.intervals {
		t := &s.intervals[k]
		if t.count != counts[k] || t.size != sizes[k] {
			t.count, t.size = counts[k], sizes[k]
			updates = append(updates, HeapStatsUpdate{uint32(k), t.count, t.size})
		}
	}
	return updates, s.LastSeenObjectID()
}

// updateIDs is V8's UpdateHeapObjectsMap: a full GC, then an id for every
// live object.
func (s *Snapshotter) updateIDs() {
	g := &generator{s: s, f: s.f, h: s.f.H}
	g.prepare()
	g.ix.build(g.h, false)
	g.assignIDs(nil)
}

// samples returns the snapshot's "samples": per interval, microseconds
// since the first and the last id assigned before it closed.
func (s *Snapshotter) samples() [][2]uint64 {
	if len(s.intervals) == 0 {
		return nil
	}
	first := s.intervals[0].at
	out := make([][2]uint64, len(s.intervals))
	for i, t := range s.intervals {
		out[i] = [2]uint64{uint64(t.at.Sub(first).Microseconds()), uint64(t.end - idStep)}
	}
	return out
}
