package jsdate

import (
	"math"
	"time"
)

// maxTimeBeforeUTC is V8's DateCache::kMaxTimeBeforeUTCInMs, 8.64e15 ms plus
// 30 days: the largest magnitude a local time may have before V8 converts it
// to UTC (a larger one gives NaN without consulting the time zone).
const maxTimeBeforeUTC = MaxTime + 30*MsPerDay

// location resolves the caller's zone: nil means time.Local.
func location(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

// zoneAt describes loc at the instant u (ms since the epoch, UTC): its offset
// from UTC in milliseconds, whether daylight saving time is in effect and the
// zone's abbreviation.
func zoneAt(u int64, loc *time.Location) (offset int64, dst bool, abbr string) {
	t := time.UnixMilli(u).In(loc)
	abbr, off := t.Zone()
	return int64(off) * 1000, t.IsDST(), abbr
}

// offsetFromUTC is LocalTZA(u, true) on integral milliseconds.
func offsetFromUTC(u int64, loc *time.Location) int64 {
	off, _, _ := zoneAt(u, loc)
	return off
}

// offsetFromLocal is LocalTZA(l, false) on integral milliseconds: the offset
// to subtract from local time l to get UTC.
//
// V8 asks ICU for the offset with UCAL_TZ_LOCAL_FORMER for both kinds of
// ambiguity, which is what ECMA-262 prescribes too: a local time repeated
// when the clocks go back is read with the offset in force before the
// transition (the earlier instant), and a local time skipped when they go
// forward is also read with the offset before the transition (so 02:30 on a
// spring-forward night in New York means 03:30 EDT). Equivalently, ICU
// searches the transitions backwards for the latest one, at instant T from
// offset b to offset a, with l ≥ T + max(a, b), and uses a; before the first
// transition the zone's initial offset applies. This walks Go's zone periods
// the same way, starting a day after l (no offset exceeds a day).
func offsetFromLocal(l int64, loc *time.Location) int64 {
	t := time.UnixMilli(l + msPerDayInt).In(loc)
	for range 64 {
		_, off := t.Zone()
		after := int64(off) * 1000
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return after
		}
		prev := start.Add(-time.Millisecond)
		_, poff := prev.Zone()
		before := int64(poff) * 1000
		if l >= start.UnixMilli()+max(before, after) {
			return after
		}
		t = prev
	}
	return offsetFromUTC(l, loc) // unreachable for real zones
}

// LocalTZA is ECMA-262 §21.4.1.20 LocalTZA(t, isUTC): the offset of loc
// from UTC in milliseconds, positive east of Greenwich, including any
// daylight saving time. With isUTC true, t is a UTC time value and the result
// is the offset in force at that instant. With isUTC false, t is a local
// time and the result is the offset that maps it back to UTC, with V8's (and
// the specification's) choice for local times a transition skips or repeats:
// the offset in force just before the transition (see offsetFromLocal).
//
// Offsets come from loc's tz data (nil loc means time.Local), so zones'
// historical offsets, including local mean time before standard time was
// adopted (New York's −4:56:02), apply as they do in node, whose ICU carries
// the same IANA data. t is truncated to an integer first, as V8 does; NaN,
// infinities and magnitudes beyond ±2^62 give NaN.
func LocalTZA(t float64, isUTC bool, loc *time.Location) float64 {
	if !isFinite(t) || math.Abs(t) >= maxExact {
		return math.NaN()
	}
	loc = location(loc)
	if isUTC {
		return float64(offsetFromUTC(int64(t), loc))
	}
	return float64(offsetFromLocal(int64(t), loc))
}

// LocalTime is ECMA-262 §21.4.1.25 LocalTime(t) = t + LocalTZA(t, true):
// the local time of UTC time value t in loc, which the Date getters (other
// than the getUTC ones) decompose. NaN stays NaN.
func LocalTime(t float64, loc *time.Location) float64 {
	if !isFinite(t) || math.Abs(t) >= maxExact {
		return math.NaN()
	}
	ms := int64(t)
	return float64(ms + offsetFromUTC(ms, location(loc)))
}

// UTC is ECMA-262 §21.4.1.26 UTC(t) = t − LocalTZA(t, false): the UTC time
// value of local time t in loc, as the Date constructor with fields, the
// local setters and Date.parse of a string without an offset compute it.
// Callers apply TimeClip to the result.
//
// As V8 does, a t that is not within 8.64e15 ms plus 30 days of the epoch
// gives NaN without consulting the zone (the spec would convert it and let
// TimeClip reject it; the outcome is the same except that V8 never asks the
// zone about such a time). t is truncated to an integer first.
func UTC(t float64, loc *time.Location) float64 {
	if !(-maxTimeBeforeUTC <= t && t <= maxTimeBeforeUTC) {
		return math.NaN()
	}
	ms := int64(t)
	return float64(ms - offsetFromLocal(ms, location(loc)))
}

// TimezoneOffset is Date.prototype.getTimezoneOffset (ECMA-262 §21.4.4.11):
// (t − LocalTime(t)) / msPerMinute, the minutes to add to local time to get
// UTC. V8 truncates this to an integer (DateCache::TimezoneOffset), which
// shows for offsets with seconds: New York's local mean time of −4:56:02
// gives 296, where the specification would give 296.0333…. NaN gives NaN.
func TimezoneOffset(t float64, loc *time.Location) float64 {
	if !isFinite(t) || math.Abs(t) >= maxExact {
		return math.NaN()
	}
	off := offsetFromUTC(int64(t), location(loc))
	return float64(-off/60000) + 0
}
