package jsdate

// Fields is a time value broken down into the calendar fields the Date
// getters report (ECMA-262 §21.4.1.7-§21.4.1.14), all at once.
type Fields struct {
	Year        int64 // YearFromTime; may be negative (year 0 is 1 BC)
	Month       int   // MonthFromTime, 0 (January) to 11
	Day         int   // DateFromTime, 1 to 31
	WeekDay     int   // WeekDay, 0 (Sunday) to 6
	Hour        int   // HourFromTime, 0 to 23
	Minute      int   // MinFromTime, 0 to 59
	Second      int   // SecFromTime, 0 to 59
	Millisecond int   // MsFromTime, 0 to 999
}

// Decompose breaks time value t (UTC, or a local time from LocalTime) into
// its fields. ok is false when t is NaN, infinite or beyond ±2^62 ms; a
// fractional t is truncated toward zero first, as V8 does before it breaks a
// time down (time values are integral, so this only matters to callers that
// pass something else).
func Decompose(t float64) (f Fields, ok bool) {
	if !isFinite(t) || t >= maxExact || t <= -maxExact {
		return Fields{}, false
	}
	return decompose(int64(t)), true
}

// decompose is Decompose on integral milliseconds.
func decompose(ms int64) Fields {
	days := floorDivInt(ms, msPerDayInt)
	inDay := int(ms - days*msPerDayInt)
	c := civilFromDays(days)
	return Fields{
		Year:        c.year,
		Month:       c.month,
		Day:         c.day,
		WeekDay:     weekDay(days),
		Hour:        inDay / 3600000,
		Minute:      inDay / 60000 % 60,
		Second:      inDay / 1000 % 60,
		Millisecond: inDay % 1000,
	}
}
