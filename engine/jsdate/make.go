package jsdate

import "math"

// V8's bounds on MakeDay's arguments (builtins-date.cc kMinYear..kMaxMonth):
// outside them MakeDay is NaN even where the month and date would bring the
// day back into range.
const (
	makeDayMaxYear  = 1e6
	makeDayMaxMonth = 1e7
)

// daysBeforeMonth is the number of days in a year before month m (0-11).
func daysBeforeMonth(m int64, leap bool) int64 {
	d := [12]int64{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}[m]
	if leap && m >= 2 {
		d++
	}
	return d
}

// toIntegerOrInfinity is ECMA-262 §7.1.5 ToIntegerOrInfinity on a Number:
// NaN becomes +0, other values are truncated toward zero, -0 becomes +0.
func toIntegerOrInfinity(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return math.Trunc(x) + 0
}

// MakeTime is ECMA-262 §21.4.1.27 MakeTime(hour, min, sec, ms): NaN unless
// all four are finite, otherwise ((h × msPerHour + m × msPerMinute) + s ×
// msPerSecond) + milli on the ToIntegerOrInfinity of each argument, computed
// in float64 in that order as the specification requires.
func MakeTime(hour, min, sec, ms float64) float64 {
	if !isFinite(hour) || !isFinite(min) || !isFinite(sec) || !isFinite(ms) {
		return math.NaN()
	}
	h := toIntegerOrInfinity(hour)
	m := toIntegerOrInfinity(min)
	s := toIntegerOrInfinity(sec)
	milli := toIntegerOrInfinity(ms)
	return h*MsPerHour + m*MsPerMinute + s*MsPerSecond + milli
}

// MakeDay is ECMA-262 §21.4.1.28 MakeDay(year, month, date): the day number
// of the date'th day (counting from 1) of month month (0-based, may
// overflow into other years) of year year, each argument first passed
// through ToIntegerOrInfinity; NaN if any is not finite.
//
// As V8 does, MakeDay is also NaN when year lies outside ±1,000,000 or
// month outside ±10,000,000, even if date would bring the result back into
// the time-value range (the specification would give a finite day there,
// e.g. MakeDay(1970, 12e6, -365e6)). No other result differs: such days are
// always outside the time-value range unless date compensates.
func MakeDay(year, month, date float64) float64 {
	if !(-makeDayMaxYear <= year && year <= makeDayMaxYear) ||
		!(-makeDayMaxMonth <= month && month <= makeDayMaxMonth) || !isFinite(date) {
		return math.NaN()
	}
	y := int64(year) // truncation toward zero, as ToIntegerOrInfinity
	m := int64(month)
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	first := dayFromYear(y) + daysBeforeMonth(m, isLeap(y))
	return float64(first-1) + toIntegerOrInfinity(date)
}

// MakeDate is ECMA-262 §21.4.1.29 MakeDate(day, time) = day × msPerDay +
// time, NaN when either argument or the result is not finite.
func MakeDate(day, time float64) float64 {
	if !isFinite(day) || !isFinite(time) {
		return math.NaN()
	}
	tv := day*MsPerDay + time
	if !isFinite(tv) {
		return math.NaN()
	}
	return tv
}

// MakeFullYear is ECMA-262 §21.4.1.30 MakeFullYear(year), the two-digit year
// rule of the Date constructor and Date.UTC: a year whose integer part is 0
// to 99 means 1900 to 1999; any other year is returned unchanged (not
// truncated); NaN stays NaN.
func MakeFullYear(year float64) float64 {
	if math.IsNaN(year) {
		return year
	}
	if t := toIntegerOrInfinity(year); 0 <= t && t <= 99 {
		return 1900 + t
	}
	return year
}

// TimeClip is ECMA-262 §21.4.1.31 TimeClip(time): NaN unless time is finite
// with magnitude at most 8.64e15, otherwise ToIntegerOrInfinity(time) (so
// fractions are truncated and -0 becomes +0).
func TimeClip(time float64) float64 {
	if !isFinite(time) || math.Abs(time) > MaxTime {
		return math.NaN()
	}
	return toIntegerOrInfinity(time)
}

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0)
}
