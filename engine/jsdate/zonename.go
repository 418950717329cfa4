package jsdate

import (
	"math"
	"strconv"
	"time"
)

// maxEpochTimeInMs is V8's DateCache::kMaxEpochTimeInMs, the last instant
// (2038-01-19T03:14:07Z) that V8 hands to the OS's zone functions as it is;
// for the zone name it maps instants outside 1970..2038 to an equivalent
// year first.
const maxEpochTimeInMs = 2147483647 * 1000

// ZoneName is the parenthesized zone name at the end of toString and
// toTimeString for UTC time value t in loc (nil means time.Local).
//
// V8 asks ICU for the zone's long display name in English, which depends only
// on the zone and on whether daylight saving time is in effect: "Coordinated
// Universal Time" for UTC, "Eastern Standard Time" and "Eastern Daylight
// Time" for America/New_York, "Central European Standard Time" and "Central
// European Summer Time" for Europe/Berlin. Before it asks whether DST is in
// effect, V8 maps an instant before 1970 or after 2037 to the same date in an
// equivalent year of 2008-2035 (same leap-ness, same weekday of 1 January;
// ECMA-262 5.1 §15.9.1.8), so July 1800 in New York is "Eastern Daylight
// Time" although its offset is local mean time.
//
// Go has no long names, only the tz abbreviations. ZoneName reproduces V8's
// DST decision (with the equivalent-year mapping) and then takes the
// abbreviation loc uses for that kind of time in 2025 (or, if loc had no
// such time in 2025, the abbreviation in force at the instant) and spells it
// out from a table of common abbreviations (UTC, GMT, the North American,
// European, Australian, New Zealand and a few Asian and African ones). This
// matches V8 for UTC and the zones of those abbreviations. Elsewhere it
// differs: a numeric abbreviation such as "+03" becomes "GMT+03:00", which
// is ICU's fallback but not the CLDR name ICU has for many such zones ("Gulf
// Standard Time" for Asia/Dubai), and any other abbreviation is printed as
// it is.
func ZoneName(t float64, loc *time.Location) string {
	if !isFinite(t) || math.Abs(t) >= maxExact {
		return ""
	}
	loc = location(loc)
	ms := int64(t)
	if ms < 0 || ms > maxEpochTimeInMs {
		ms = equivalentTime(ms)
	}
	off, dst, abbr := zoneAt(ms, loc)
	for _, probe := range [...]int64{1736942400000, 1752580800000} { // 2025-01-15, 2025-07-15 noon UTC
		if poff, pdst, pabbr := zoneAt(probe, loc); pdst == dst {
			off, abbr = poff, pabbr
			break
		}
	}
	return longZoneName(abbr, off/1000)
}

// equivalentTime is V8's DateCache::EquivalentTime: the instant with the same
// month, day and time of day as ms in the year equivalentYear picks.
func equivalentTime(ms int64) int64 {
	days := floorDivInt(ms, msPerDayInt)
	inDay := ms - days*msPerDayInt
	c := civilFromDays(days)
	y := equivalentYear(c.year)
	newDays := dayFromYear(y) + daysBeforeMonth(int64(c.month), isLeap(y)) + int64(c.day) - 1
	return newDays*msPerDayInt + inDay
}

// equivalentYear is V8's DateCache::EquivalentYear: a year in 2008-2035 with
// the same leap-ness as year and whose 1 January falls on the same weekday.
func equivalentYear(year int64) int64 {
	wd := int64(weekDay(dayFromYear(year)))
	recent := int64(1967)
	if isLeap(year) {
		recent = 1956
	}
	recent += wd * 12 % 28
	return 2008 + (recent+3*28-2008)%28
}

// longZoneName spells out a tz abbreviation as ICU's English long name for
// the zones that use it; offset (seconds east of UTC) tells apart the
// abbreviations several regions share.
func longZoneName(abbr string, offset int64) string {
	h := offset / 3600
	hm := offset / 60
	switch abbr {
	case "UTC":
		return "Coordinated Universal Time"
	case "GMT":
		return "Greenwich Mean Time"
	case "BST":
		if h == 1 {
			return "British Summer Time"
		}
	case "IST":
		switch hm {
		case 330:
			return "India Standard Time"
		case 60:
			return "Irish Standard Time"
		case 120:
			return "Israel Standard Time"
		}
	case "IDT":
		return "Israel Daylight Time"
	case "WET":
		return "Western European Standard Time"
	case "WEST":
		return "Western European Summer Time"
	case "CET":
		return "Central European Standard Time"
	case "CEST":
		return "Central European Summer Time"
	case "EET":
		return "Eastern European Standard Time"
	case "EEST":
		return "Eastern European Summer Time"
	case "MSK":
		return "Moscow Standard Time"
	case "MSD":
		return "Moscow Summer Time"
	case "EST":
		if h == -5 {
			return "Eastern Standard Time"
		}
	case "EDT":
		return "Eastern Daylight Time"
	case "CST":
		switch h {
		case -6:
			return "Central Standard Time"
		case 8:
			return "China Standard Time"
		}
	case "CDT":
		if h == -5 {
			return "Central Daylight Time"
		}
	case "MST":
		return "Mountain Standard Time"
	case "MDT":
		return "Mountain Daylight Time"
	case "PST":
		switch h {
		case -8:
			return "Pacific Standard Time"
		case 8:
			return "Philippine Standard Time"
		}
	case "PDT":
		return "Pacific Daylight Time"
	case "AKST":
		return "Alaska Standard Time"
	case "AKDT":
		return "Alaska Daylight Time"
	case "HST":
		return "Hawaii-Aleutian Standard Time"
	case "HDT":
		return "Hawaii-Aleutian Daylight Time"
	case "AST":
		if h == -4 {
			return "Atlantic Standard Time"
		}
	case "ADT":
		if h == -3 {
			return "Atlantic Daylight Time"
		}
	case "NST":
		return "Newfoundland Standard Time"
	case "NDT":
		return "Newfoundland Daylight Time"
	case "JST":
		return "Japan Standard Time"
	case "KST":
		return "Korean Standard Time"
	case "HKT":
		return "Hong Kong Standard Time"
	case "AEST":
		return "Australian Eastern Standard Time"
	case "AEDT":
		return "Australian Eastern Daylight Time"
	case "ACST":
		return "Australian Central Standard Time"
	case "ACDT":
		return "Australian Central Daylight Time"
	case "AWST":
		return "Australian Western Standard Time"
	case "AWDT":
		return "Australian Western Daylight Time"
	case "NZST":
		return "New Zealand Standard Time"
	case "NZDT":
		return "New Zealand Daylight Time"
	case "SAST":
		return "South Africa Standard Time"
	case "CAT":
		return "Central Africa Time"
	case "EAT":
		return "East Africa Time"
	case "WAT":
		return "West Africa Time"
	case "PKT":
		return "Pakistan Standard Time"
	case "PKST":
		return "Pakistan Summer Time"
	case "WIB":
		return "Western Indonesia Time"
	}
	if abbr != "" && (abbr[0] == '+' || abbr[0] == '-') {
		return gmtOffsetName(offset)
	}
	return abbr
}

// gmtOffsetName is ICU's long localized GMT format, ICU's name for a zone
// without one of its own: "GMT" for zero, otherwise "GMT+hh:mm" (with
// ":ss" if the offset has seconds).
func gmtOffsetName(offset int64) string {
	if offset == 0 {
		return "GMT"
	}
	b := []byte("GMT+")
	if offset < 0 {
		b[3] = '-'
		offset = -offset
	}
	b = appendPad(b, offset/3600, 2)
	b = append(b, ':')
	b = appendPad(b, offset/60%60, 2)
	if offset%60 != 0 {
		b = append(b, ':')
		b = appendPad(b, offset%60, 2)
	}
	return string(b)
}

// appendPad appends non-negative n in decimal, zero-padded to width digits.
func appendPad(b []byte, n int64, width int) []byte {
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], n, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
