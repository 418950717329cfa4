package jsdate

import "time"

// The toLocale*String methods with no arguments format with
// Intl.DateTimeFormat for the default locale, which in node run with an
// English (or C/POSIX) environment is en-US: "11/21/2026, 9:24:32 AM". These
// functions produce exactly that form and nothing else: no other locale, no
// options. They follow ICU's en-US patterns "M/d/y" and "h:mm:ss a" in loc's
// local time, in the proleptic Gregorian calendar V8 sets up, where the year
// is the year of the era without the era: 1 BC (year 0) prints as 1, 2 BC
// (year −1) as 2. Hours run 12, 1, ..., 11; the separator before AM/PM is an
// ordinary space (node's ICU data, not U+202F). NaN gives "Invalid Date".

// appendLocaleDate appends "M/d/y".
func appendLocaleDate(b []byte, f Fields) []byte {
	b = appendPad(b, int64(f.Month+1), 1)
	b = append(b, '/')
	b = appendPad(b, int64(f.Day), 1)
	b = append(b, '/')
	y := f.Year
	if y <= 0 {
		y = 1 - y // year of the era BC
	}
	return appendPad(b, y, 1)
}

// appendLocaleTime appends "h:mm:ss AM".
func appendLocaleTime(b []byte, f Fields) []byte {
	h := f.Hour % 12
	if h == 0 {
		h = 12
	}
	b = appendPad(b, int64(h), 1)
	b = append(b, ':')
	b = appendPad(b, int64(f.Minute), 2)
	b = append(b, ':')
	b = appendPad(b, int64(f.Second), 2)
	if f.Hour < 12 {
		return append(b, " AM"...)
	}
	return append(b, " PM"...)
}

// ToLocaleString is Date.prototype.toLocaleString() (ECMA-402 §20.4.1)
// with the default en-US locale and no options: "11/21/2026, 9:24:32 AM".
func ToLocaleString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	f := local(t, loc, false).f
	b := appendLocaleDate(make([]byte, 0, 32), f)
	b = append(b, ", "...)
	return string(appendLocaleTime(b, f))
}

// ToLocaleDateString is Date.prototype.toLocaleDateString() (ECMA-402
// §20.4.2) with the default en-US locale and no options: "11/21/2026".
func ToLocaleDateString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	return string(appendLocaleDate(make([]byte, 0, 16), local(t, loc, false).f))
}

// ToLocaleTimeString is Date.prototype.toLocaleTimeString() (ECMA-402
// §20.4.3) with the default en-US locale and no options: "9:24:32 AM".
func ToLocaleTimeString(t float64, loc *time.Location) string {
	if !valid(t) {
		return InvalidDate
	}
	return string(appendLocaleTime(make([]byte, 0, 16), local(t, loc, false).f))
}
