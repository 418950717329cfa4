package jsdate

import (
	"errors"
	"time"
)

// InvalidDate is what every Date string conversion but toISOString returns
// for a NaN time value.
const InvalidDate = "Invalid Date"

// ErrInvalidTime is the RangeError toISOString throws for a NaN time value;
// its text is V8's message.
var ErrInvalidTime = errors.New("Invalid time value")

// The English names V8 prints (builtins-date.cc kShortWeekDays, kShortMonths).
const (
	weekDayNames = "SunMonTueWedThuFriSat"
	monthNames   = "JanFebMarAprMayJunJulAugSepOctNovDec"
)

// localParts is what the local-time formats need of UTC time value t: the
// local fields, the offset in whole minutes as V8 prints it (truncated
// toward zero, so −4:56:02 prints as −0456) and the zone's name.
type localParts struct {
	f      Fields
	offMin int64
	zone   string
}

// local computes localParts for a finite time value.
func local(t float64, loc *time.Location, withZone bool) localParts {
	loc = location(loc)
	ms := int64(t)
	off := offsetFromUTC(ms, loc)
	p := localParts{f: decompose(ms + off), offMin: off / 60000}
	if withZone {
		p.zone = ZoneName(t, loc)
	}
	return p
}

// valid reports whether t can be formatted: time values are NaN or within
// ±8.64e15; larger finite values are accepted up to the decomposition limit.
func valid(t float64) bool {
	return isFinite(t) && t < maxExact && t > -maxExact
}

// appendYear appends a year as V8's "%04d" (non-negative) or "%05d"
// (negative) does: at least four digits, after the sign.
func appendYear(b []byte, y int64) []byte {
	if y < 0 {
		return appendPad(append(b, '-'), -y, 4)
	}
	return appendPad(b, y, 4)
}

func appendWeekDay(b []byte, wd int) []byte { return append(b, weekDayNames[3*wd:3*wd+3]...) }
func appendMonth(b []byte, m int) []byte    { return append(b, monthNames[3*m:3*m+3]...) }

// appendDate appends "Www Mmm dd yyyy".
func appendDate(b []byte, f Fields) []byte {
	b = appendWeekDay(b, f.WeekDay)
	b = append(b, ' ')
	b = appendMonth(b, f.Month)
	b = append(b, ' ')
	b = appendPad(b, int64(f.Day), 2)
	b = append(b, ' ')
	return appendYear(b, f.Year)
}

// appendClock appends "hh:mm:ss".
func appendClock(b []byte, f Fields) []byte {
	b = appendPad(b, int64(f.Hour), 2)
	b = append(b, ':')
	b = appendPad(b, int64(f.Minute), 2)
	b = append(b, ':')
	return appendPad(b, int64(f.Second), 2)
}

// appendTime appends "hh:mm:ss GMT+hhmm (Zone Name)".
func appendTime(b []byte, p localParts) []byte {
	b = appendClock(b, p.f)
	b = append(b, " GMT+"...)
	off := p.offMin
	if off < 0 {
		b[len(b)-1] = '-'
		off = -off
	}
	b = appendPad(b, off/60, 2)
	b = appendPad(b, off%60, 2)
	b = append(b, " ("...)
	b = append(b, p.zone...)
	return append(b, ')')
}

// ToString is Date.prototype.toString and String(date) (ECMA-262
// §21.4.4.41.4 ToDateString): "Sat Nov 21 2026 09:24:32 GMT+0000
// (Coordinated Universal Time)" in loc's local time, or "Invalid Date". The
// year has at least four digits and a leading "-" when negative ("-0001");
// the offset is in whole minutes, truncated; the name is ZoneName's.
func ToString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	p := local(t, loc, true)
	b := make([]byte, 0, 64)
	b = appendDate(b, p.f)
	b = append(b, ' ')
	return string(appendTime(b, p))
}

// ToDateString is Date.prototype.toDateString (ECMA-262 §21.4.4.35): the
// date part of ToString, "Sat Nov 21 2026", or "Invalid Date".
func ToDateString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	p := local(t, loc, false)
	return string(appendDate(make([]byte, 0, 16), p.f))
}

// ToTimeString is Date.prototype.toTimeString (ECMA-262 §21.4.4.42): the
// time part of ToString, "09:24:32 GMT+0000 (Coordinated Universal
// Time)", or "Invalid Date".
func ToTimeString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	return string(appendTime(make([]byte, 0, 48), local(t, loc, true)))
}

// ToUTCString is Date.prototype.toUTCString (ECMA-262 §21.4.4.43), the RFC
// 7231 form in UTC: "Sat, 21 Nov 2026 09:24:32 GMT", or "Invalid Date".
func ToUTCString(t float64) string {
	if !valid(t) {
		return InvalidDate
	}
	f := decompose(int64(t))
	b := make([]byte, 0, 32)
	b = appendWeekDay(b, f.WeekDay)
	b = append(b, ", "...)
	b = appendPad(b, int64(f.Day), 2)
	b = append(b, ' ')
	b = appendMonth(b, f.Month)
	b = append(b, ' ')
	b = appendYear(b, f.Year)
	b = append(b, ' ')
	b = appendClock(b, f)
	return string(append(b, " GMT"...))
}

// ToISOString is Date.prototype.toISOString (ECMA-262 §21.4.4.36), the Date
// Time String Format in UTC: "2026-11-21T09:24:32.000Z", with the expanded
// years "+275760" and "-000001" (sign and six digits) outside 0000-9999.
// For NaN it returns ErrInvalidTime, the RangeError the method throws.
func ToISOString(t float64) (string, error) {
	if !valid(t) {
		return "", ErrInvalidTime
	}
	f := decompose(int64(t))
	b := make([]byte, 0, 28)
	switch {
	case f.Year < 0:
		b = appendPad(append(b, '-'), -f.Year, 6)
	case f.Year > 9999:
		b = appendPad(append(b, '+'), f.Year, 6)
	default:
		b = appendPad(b, f.Year, 4)
	}
	b = append(b, '-')
	b = appendPad(b, int64(f.Month+1), 2)
	b = append(b, '-')
	b = appendPad(b, int64(f.Day), 2)
	b = append(b, 'T')
	b = appendClock(b, f)
	b = append(b, '.')
	b = appendPad(b, int64(f.Millisecond), 3)
	return string(append(b, 'Z')), nil
}

// ToJSON is Date.prototype.toJSON (ECMA-262 §21.4.4.37) for a Date whose
// toISOString is the intrinsic one: ok is false (the method returns null)
// when t is not finite, and otherwise the result is ToISOString's. The
// builtin itself must still call ToPrimitive and look toISOString up on the
// receiver, which may have been replaced.
func ToJSON(t float64) (s string, ok bool) {
	if !isFinite(t) {
		return "", false
	}
	s, err := ToISOString(t)
	return s, err == nil
}
