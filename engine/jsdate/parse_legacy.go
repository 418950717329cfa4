package jsdate

// V8's legacy date grammar (src/date/dateparser-inl.h, DateParser::Parse,
// and the composers of dateparser.cc), which takes over wherever a string
// stops being an ISO date. It is a loose, token-driven reading:
//
//   - A number followed by ':' is a time field (hour, then minute, second);
//     "n::" is n hours and zero minutes. A number followed by '.' when a
//     minute or second is expected is the seconds, and the number after the
//     '.' the fraction. A number while a time field is expected completes
//     the time, and must be followed by the end, white space, 'Z' or a sign.
//     A number right after a time zone's hours is its minutes. Any other
//     number is a date field (up to three), and may be followed by '-'.
//   - A word (characters from 'A' up) is looked up: a month name (any word
//     starting with the first three letters of one) names the month; AM/PM
//     after a time shifts the hour; UT, UTC, GMT, Z and the US zone names
//     EST, EDT, CST, CDT, MST, MDT, PST and PDT set the offset once a
//     number has been read. Any other word is ignored before the first
//     number (and must not touch it) and is an error after it.
//   - A sign after a time or after a zero offset (GMT, UTC, Z, +0000)
//     starts an offset: "+h", "+hh", "+hmm", "+hhmm", or "+hh:" followed by
//     the minutes. Other signs, and ')', are errors after the first number
//     and ignored before it.
//   - Everything else, white space, parenthesized text, punctuation, is
//     ignored.
//
// The date fields are then read as month/day/year, or year/month/day when
// the first is not a valid day (1-31); with a month name, as day and year in
// either order (the one that is not a valid day is the year). Missing fields
// are 1, so "Jan 5" is 5 January 2001 and the year defaults to 2001, and a
// year 0-49 means 2000-2049 and 50-99 means 1950-1999. A missing time is
// midnight and a missing offset means local time.

// between is V8's DateParser::Between: lo ≤ x ≤ hi.
func between(x, lo, hi int) bool { return lo <= x && x <= hi }

func isMonth(x int) bool       { return between(x, 1, 12) }
func isDay(x int) bool         { return between(x, 1, 31) }
func isHour(x int) bool        { return between(x, 0, 23) }
func isHour12(x int) bool      { return between(x, 0, 12) }
func isMinute(x int) bool      { return between(x, 0, 59) }
func isSecond(x int) bool      { return between(x, 0, 59) }
func isMillisecond(x int) bool { return between(x, 0, 999) }

// dayComposer collects the date fields (V8's DayComposer).
type dayComposer struct {
	comp       [3]int
	n          int
	namedMonth int  // 1-12, or kNone
	iso        bool // read as an ISO date: always year, month, day
}

func (d *dayComposer) empty() bool { return d.n == 0 }

func (d *dayComposer) add(v int) bool {
	if d.n >= len(d.comp) {
		return false
	}
	d.comp[d.n] = v
	d.n++
	return true
}

// write resolves the fields into year, month (1-12) and day, or fails.
func (d *dayComposer) write() (year, month, day int, ok bool) {
	if d.n < 1 {
		return 0, 0, 0, false
	}
	for d.n < len(d.comp) {
		d.comp[d.n] = 1
		d.n++
	}
	// From here on all three fields are present (missing ones are 1), so
	// V8's tests for "only one field" never succeed: a lone day takes the
	// year 1, which becomes 2001.
	year, month, day = 0, kNone, kNone
	if d.namedMonth == kNone {
		if d.iso || !isDay(d.comp[0]) {
			year, month, day = d.comp[0], d.comp[1], d.comp[2]
		} else {
			month, day, year = d.comp[0], d.comp[1], d.comp[2]
		}
	} else {
		month = d.namedMonth
		if !isDay(d.comp[0]) {
			year, day = d.comp[0], d.comp[1]
		} else {
			day, year = d.comp[0], d.comp[1]
		}
	}
	if !d.iso {
		if between(year, 0, 49) {
			year += 2000
		} else if between(year, 50, 99) {
			year += 1900
		}
	}
	if !isMonth(month) || !isDay(day) {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// timeComposer collects hour, minute, second and millisecond (V8's
// TimeComposer).
type timeComposer struct {
	comp       [4]int
	n          int
	hourOffset int // 0 for AM, 12 for PM, or kNone
}

func (t *timeComposer) empty() bool { return t.n == 0 }

// expecting reports whether n can be the field the composer needs next
// (minute, second or millisecond).
func (t *timeComposer) expecting(n int) bool {
	return (t.n == 1 && isMinute(n)) || (t.n == 2 && isSecond(n)) || (t.n == 3 && isMillisecond(n))
}

func (t *timeComposer) add(v int) bool {
	if t.n >= len(t.comp) {
		return false
	}
	t.comp[t.n] = v
	t.n++
	return true
}

// addFinal adds v and zeroes the fields after it.
func (t *timeComposer) addFinal(v int) bool {
	if !t.add(v) {
		return false
	}
	for t.n < len(t.comp) {
		t.comp[t.n] = 0
		t.n++
	}
	return true
}

// write resolves the fields, applying AM/PM, or fails. 24:00:00.000 is
// allowed (the end of the day).
func (t *timeComposer) write() (h, m, s, ms int, ok bool) {
	for t.n < len(t.comp) {
		t.comp[t.n] = 0
		t.n++
	}
	h, m, s, ms = t.comp[0], t.comp[1], t.comp[2], t.comp[3]
	if t.hourOffset != kNone {
		if !isHour12(h) {
			return 0, 0, 0, 0, false
		}
		h = h%12 + t.hourOffset
	}
	if !isHour(h) || !isMinute(m) || !isSecond(s) || !isMillisecond(ms) {
		if h != 24 || m != 0 || s != 0 || ms != 0 {
			return 0, 0, 0, 0, false
		}
	}
	return h, m, s, ms, true
}

// tzComposer collects an explicit UTC offset (V8's TimeZoneComposer).
type tzComposer struct {
	sign, hour, minute int // kNone when not given
}

func newTZComposer() tzComposer { return tzComposer{kNone, kNone, kNone} }

// set records a whole-hour offset (a zone name, or Z).
func (z *tzComposer) set(hours int) {
	z.sign = 1
	if hours < 0 {
		z.sign = -1
	}
	z.hour = hours * z.sign
	z.minute = 0
}

func (z *tzComposer) setSign(sign int) {
	z.sign = 1
	if sign < 0 {
		z.sign = -1
	}
}

func (z *tzComposer) empty() bool { return z.hour == kNone }
func (z *tzComposer) isUTC() bool { return z.hour == 0 && z.minute == 0 }

// expecting reports whether n can be the offset's minutes.
func (z *tzComposer) expecting(n int) bool {
	return z.hour != kNone && z.minute == kNone && isMinute(n)
}

// smiMax is the largest Smi on 64-bit node (which does not compress
// pointers), V8's limit on the offset in seconds.
const smiMax = 1<<31 - 1

// write returns the offset in seconds east of UTC, whether there is one,
// and whether it is acceptable. Like V8, it computes hours × 3600 + minutes ×
// 60 in unsigned 32-bit arithmetic, which wraps for absurd hours, and rejects
// totals above the largest Smi.
func (z *tzComposer) write() (seconds int, present, ok bool) {
	if z.sign == kNone {
		return 0, false, true
	}
	h, m := z.hour, z.minute
	if h == kNone {
		h = 0
	}
	if m == kNone {
		m = 0
	}
	total := uint32(h)*3600 + uint32(m)*60
	if total > smiMax {
		return 0, true, false
	}
	seconds = int(total)
	if z.sign < 0 {
		seconds = -seconds
	}
	return seconds, true, true
}

// dateFields is what the parser makes of a string: a month 1-12 and, if
// hasOffset, an explicit offset in seconds east of UTC.
type dateFields struct {
	year, month, day, hour, minute, second, ms int
	offset                                     int
	hasOffset                                  bool
}

// parseFields runs the ISO and then the legacy grammar over s (V8's
// DateParser::Parse), reporting the fields or that s is no date.
func parseFields(s string) (dateFields, bool) {
	sc := newScanner(s)
	day := dayComposer{namedMonth: kNone}
	tm := timeComposer{hourOffset: kNone}
	tz := newTZComposer()

	next := parseISO(sc, &day, &tm, &tz)
	if next.kind == tokInvalid {
		return dateFields{}, false
	}
	hasReadNumber := !day.empty()
	for tok := next; tok.kind != tokEnd; tok = sc.advance() {
		switch {
		case tok.isNumber():
			hasReadNumber = true
			n := tok.value
			if sc.skipSymbol(':') {
				if sc.skipSymbol(':') {
					// "n::" is n hours and zero minutes.
					if !tm.empty() {
						return dateFields{}, false
					}
					tm.add(n)
					tm.add(0)
				} else {
					if !tm.add(n) {
						return dateFields{}, false
					}
					if sc.peek().isSymbol('.') {
						sc.advance()
					}
				}
			} else if sc.skipSymbol('.') && tm.expecting(n) {
				// V8 consumes the '.' even when no time field is
				// expected; the number is then read by the cases below.
				tm.add(n)
				if !sc.peek().isNumber() {
					return dateFields{}, false
				}
				tm.addFinal(readMilliseconds(sc.advance()))
			} else if tz.expecting(n) {
				tz.minute = n
			} else if tm.expecting(n) {
				tm.addFinal(n)
				// The time must end here: end, white space, Z or a sign.
				p := sc.peek()
				if p.kind != tokEnd && p.kind != tokSpace && !p.isZ() && !p.isSign() {
					return dateFields{}, false
				}
			} else {
				if !day.add(n) {
					return dateFields{}, false
				}
				sc.skipSymbol('-')
			}
		case tok.kind == tokWord:
			switch {
			case tok.kw == kwAMPM && !tm.empty():
				tm.hourOffset = tok.value
			case tok.kw == kwMonth:
				day.namedMonth = tok.value
				sc.skipSymbol('-')
			case tok.kw == kwZone && hasReadNumber:
				tz.set(tok.value)
			default:
				// Other words are noise before the first number, but
				// must be separated from it, and errors after it.
				if hasReadNumber || sc.peek().isNumber() {
					return dateFields{}, false
				}
			}
		case tok.isSign() && (tz.isUTC() || !tm.empty()):
			// An offset, after a time or a zero offset (GMT+1).
			tz.setSign(tok.sign())
			n, length := 0, 0
			if sc.peek().isNumber() {
				t := sc.advance()
				n, length = t.value, t.length
			}
			hasReadNumber = true
			switch {
			case sc.peek().isSymbol(':'):
				tz.hour, tz.minute = n, kNone // minutes follow
			case length == 1 || length == 2:
				tz.hour, tz.minute = n, 0
			case length == 3 || length == 4:
				tz.hour, tz.minute = n/100, n%100
			default:
				return dateFields{}, false
			}
		case (tok.isSign() || tok.isSymbol(')')) && hasReadNumber:
			return dateFields{}, false
		}
		// White space, unknown characters and the other symbols are
		// ignored.
	}

	var f dateFields
	var ok bool
	if f.year, f.month, f.day, ok = day.write(); !ok {
		return dateFields{}, false
	}
	if f.hour, f.minute, f.second, f.ms, ok = tm.write(); !ok {
		return dateFields{}, false
	}
	if f.offset, f.hasOffset, ok = tz.write(); !ok {
		return dateFields{}, false
	}
	return f, true
}
