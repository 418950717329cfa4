package jsdate

import "math"

// The constants of ECMA-262 §21.4.1.3 (Day Number and Time within Day) and
// §21.4.1.14 (Hours, Minutes, Second, and Milliseconds), in milliseconds.
const (
	MsPerSecond = 1000.0
	MsPerMinute = 60000.0
	MsPerHour   = 3600000.0
	MsPerDay    = 86400000.0
)

// MaxTime is the largest magnitude a time value may have (§21.4.1.1 Time
// Values and Time Range): 100,000,000 days either side of the epoch.
const MaxTime = 8.64e15

// msPerDayInt is MsPerDay for the integer paths.
const msPerDayInt = 86400000

// maxExact bounds the arguments for which the decompositions below work on
// int64 day numbers: far beyond every time value, well inside int64.
const maxExact = 1 << 62

// floorDiv is floor(x / m) for finite x and positive m, corrected so that the
// rounding of the float division never moves the result across an integer.
func floorDiv(x, m float64) float64 {
	q := math.Floor(x / m)
	if q*m > x {
		q--
	} else if (q+1)*m <= x {
		q++
	}
	return q
}

// modulo is ECMA-262's "x modulo y" (§5.2.5): the result has the sign of y,
// here always positive.
func modulo(x, y float64) float64 {
	r := math.Mod(x, y)
	if r < 0 {
		r += y
	}
	return r + 0 // -0 becomes +0
}

// Day is ECMA-262 §21.4.1.3 Day(t) = floor(t / msPerDay), the day number of
// time value t. NaN and infinities give NaN. It is computed as (t − (t
// modulo msPerDay)) / msPerDay, where both steps are exact in float64.
func Day(t float64) float64 {
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return math.NaN()
	}
	return (t-modulo(t, MsPerDay))/MsPerDay + 0
}

// TimeWithinDay is ECMA-262 §21.4.1.3 TimeWithinDay(t) = t modulo msPerDay,
// the milliseconds since midnight, in [0, msPerDay).
func TimeWithinDay(t float64) float64 {
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return math.NaN()
	}
	return modulo(t, MsPerDay)
}

// isLeap reports whether proleptic Gregorian year y has 366 days.
func isLeap(y int64) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// DaysInYear is ECMA-262 §21.4.1.4 DaysInYear(y): 366 for the leap years of
// the proleptic Gregorian calendar, 365 for the others. y should be an
// integral Number; NaN and infinities give NaN.
func DaysInYear(y float64) float64 {
	if math.IsNaN(y) || math.IsInf(y, 0) {
		return math.NaN()
	}
	if math.Mod(y, 4) != 0 {
		return 365
	}
	if math.Mod(y, 100) != 0 {
		return 366
	}
	if math.Mod(y, 400) != 0 {
		return 365
	}
	return 366
}

// dayFromYear is DayFromYear for an int64 year: the day number of 1 January
// of year y, computed with floor divisions that are exact in int64.
func dayFromYear(y int64) int64 {
	return 365*(y-1970) + floorDivInt(y-1969, 4) - floorDivInt(y-1901, 100) + floorDivInt(y-1601, 400)
}

// floorDivInt is floor(a / b) for positive b.
func floorDivInt(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// DayFromYear is ECMA-262 §21.4.1.5 DayFromYear(y), the day number of the
// first day of year y: 365 × (y − 1970) + floor((y − 1969) / 4) −
// floor((y − 1901) / 100) + floor((y − 1601) / 400). y should be integral.
func DayFromYear(y float64) float64 {
	if math.IsNaN(y) || math.IsInf(y, 0) {
		return math.NaN()
	}
	if math.Abs(y) < 1<<40 && y == math.Trunc(y) {
		return float64(dayFromYear(int64(y)))
	}
	return 365*(y-1970) + floorDiv(y-1969, 4) - floorDiv(y-1901, 100) + floorDiv(y-1601, 400)
}

// TimeFromYear is ECMA-262 §21.4.1.6 TimeFromYear(y) = msPerDay ×
// DayFromYear(y), the time value of the start of year y.
func TimeFromYear(y float64) float64 {
	return MsPerDay * DayFromYear(y)
}

// civil is a date of the proleptic Gregorian calendar: month 0-11 and day of
// the month 1-31, as the Date getters report them.
type civil struct {
	year  int64
	month int
	day   int
}

// civilFromDays converts a day number (days since 1970-01-01) to its date.
// It counts in 400-year eras of 146,097 days starting on 1 March, so that the
// leap day falls at the end of each year (H. Hinnant's algorithm).
func civilFromDays(days int64) civil {
	z := days + 719468 // days since 0000-03-01
	era := floorDivInt(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365], from 1 March
	mp := (5*doy + 2) / 153                                // [0, 11], March = 0
	d := doy - (153*mp+2)/5 + 1
	m := mp + 2
	y := yoe + era*400
	if m >= 12 {
		m -= 12
		y++
	}
	return civil{y, int(m), int(d)}
}

// dayOf returns Day(t) as an int64 and whether t is usable by the integer
// decompositions (finite and within ±2^62 ms).
func dayOf(t float64) (int64, bool) {
	if math.IsNaN(t) || math.IsInf(t, 0) || math.Abs(t) >= maxExact {
		return 0, false
	}
	return int64(Day(t)), true
}

// The decompositions below (YearFromTime through MsFromTime) follow
// ECMA-262 §21.4.1.7-§21.4.1.14. They are exact for every time value and for
// any finite t up to ±2^62 ms; NaN, infinities and larger magnitudes give NaN.

// YearFromTime is ECMA-262 §21.4.1.7 YearFromTime(t): the largest integral y
// such that TimeFromYear(y) ≤ t.
func YearFromTime(t float64) float64 {
	d, ok := dayOf(t)
	if !ok {
		return math.NaN()
	}
	return float64(civilFromDays(d).year)
}

// DayWithinYear is ECMA-262 §21.4.1.8 DayWithinYear(t) = Day(t) −
// DayFromYear(YearFromTime(t)), in [0, 365].
func DayWithinYear(t float64) float64 {
	d, ok := dayOf(t)
	if !ok {
		return math.NaN()
	}
	return float64(d - dayFromYear(civilFromDays(d).year))
}

// InLeapYear is ECMA-262 §21.4.1.9 InLeapYear(t), reported as a bool: whether
// the year containing t has 366 days. It is false for NaN.
func InLeapYear(t float64) bool {
	d, ok := dayOf(t)
	if !ok {
		return false
	}
	return isLeap(civilFromDays(d).year)
}

// MonthFromTime is ECMA-262 §21.4.1.11 MonthFromTime(t), 0 (January) to 11.
func MonthFromTime(t float64) float64 {
	d, ok := dayOf(t)
	if !ok {
		return math.NaN()
	}
	return float64(civilFromDays(d).month)
}

// DateFromTime is ECMA-262 §21.4.1.12 DateFromTime(t), the day of the month,
// 1 to 31.
func DateFromTime(t float64) float64 {
	d, ok := dayOf(t)
	if !ok {
		return math.NaN()
	}
	return float64(civilFromDays(d).day)
}

// WeekDay is ECMA-262 §21.4.1.13 WeekDay(t) = (Day(t) + 4) modulo 7, 0 for
// Sunday to 6 for Saturday (1970-01-01 was a Thursday).
func WeekDay(t float64) float64 {
	d, ok := dayOf(t)
	if !ok {
		return math.NaN()
	}
	return float64(weekDay(d))
}

// weekDay is WeekDay for a day number.
func weekDay(days int64) int {
	w := (days + 4) % 7
	if w < 0 {
		w += 7
	}
	return int(w)
}

// The time-of-day fields are computed from TimeWithinDay, which is exact:
// floor(t / msPerHour) modulo 24 equals floor((t modulo msPerDay) /
// msPerHour) because msPerDay is 24 msPerHour, and likewise below.

// HourFromTime is ECMA-262 §21.4.1.14 HourFromTime(t) = floor(t / msPerHour)
// modulo 24.
func HourFromTime(t float64) float64 {
	if _, ok := dayOf(t); !ok {
		return math.NaN()
	}
	return math.Floor(modulo(t, MsPerDay) / MsPerHour)
}

// MinFromTime is ECMA-262 §21.4.1.14 MinFromTime(t) = floor(t / msPerMinute)
// modulo 60.
func MinFromTime(t float64) float64 {
	if _, ok := dayOf(t); !ok {
		return math.NaN()
	}
	return math.Floor(modulo(t, MsPerHour) / MsPerMinute)
}

// SecFromTime is ECMA-262 §21.4.1.14 SecFromTime(t) = floor(t / msPerSecond)
// modulo 60.
func SecFromTime(t float64) float64 {
	if _, ok := dayOf(t); !ok {
		return math.NaN()
	}
	return math.Floor(modulo(t, MsPerMinute) / MsPerSecond)
}

// MsFromTime is ECMA-262 §21.4.1.14 MsFromTime(t) = t modulo msPerSecond.
func MsFromTime(t float64) float64 {
	if _, ok := dayOf(t); !ok {
		return math.NaN()
	}
	return modulo(t, MsPerSecond)
}
