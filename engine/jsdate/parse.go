package jsdate

import (
	"math"
	"time"
)

// Parse is Date.parse(s) (ECMA-262 §21.4.3.2) and the Date constructor's
// reading of a string, as V8 does it, in the local time zone time.Local. See
// ParseIn.
func Parse(s string) float64 {
	return ParseIn(s, time.Local)
}

// ParseIn is Date.parse(s) with loc as the local time zone (nil means
// time.Local): the time value s denotes, or NaN.
//
// s is first read as the Date Time String Format of ECMA-262 §21.4.1.32 with
// V8's extensions (see parseISO): "2026-11-21" and "2026-11" are UTC,
// "2026-11-21T10:00" is local time, "2026-11-21T10:00:00.000Z" and
// "+275760-09-13T00:00:00-01:00" carry their offset. Whatever is not such a
// string is read by V8's legacy grammar (see parse_legacy.go), which accepts
// the output of toString and toUTCString (for years from 0 up: a '-' after a
// number is an error there, so their negative years give NaN), RFC 2822
// dates, and many looser forms ("Nov 21 2026", "2026/11/21 10:00",
// "11/21/2026 9:24 PM", "21 Nov 2026 10:00:00 GMT+0100"). A string without
// an offset is local time, converted with LocalTZA(t, false).
//
// The result is NaN, as in V8, when the local date-time lies more than
// 8.64e15 ms plus 30 days from the epoch, when the UTC result lies beyond
// ±8.64e15 ms, and where MakeDay is NaN. s is the JavaScript string's text
// as UTF-8; any conversion that keeps ASCII characters and turns every other
// code unit into non-ASCII text (lone surrogates into U+FFFD, say) gives the
// same result, since the grammar only looks at ASCII.
func ParseIn(s string, loc *time.Location) float64 {
	f, ok := parseFields(s)
	if !ok {
		return math.NaN()
	}
	day := MakeDay(float64(f.year), float64(f.month-1), float64(f.day))
	tm := MakeTime(float64(f.hour), float64(f.minute), float64(f.second), float64(f.ms))
	date := MakeDate(day, tm)
	if !f.hasOffset {
		return TimeClip(UTC(date, loc))
	}
	date -= float64(f.offset) * 1000
	if !(-MaxTime <= date && date <= MaxTime) {
		return math.NaN()
	}
	return TimeClip(date)
}
