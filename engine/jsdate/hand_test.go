package jsdate

import (
	"math"
	"testing"
	"time"
)

// Hand-checked cases for what the oracle does not reach directly.

var negZero = math.Copysign(0, -1)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s is unavailable here: %v", name, err)
	}
	return loc
}

func TestMakeDayV8Bounds(t *testing.T) {
	for _, c := range []struct{ y, m, d, want float64 }{
		{1970, 0, 1, 0},
		{1970, 12e6, -365e6, math.NaN()}, // the spec would give a finite day
		{1e6, 0, 1, DayFromYear(1e6)},
		{1e6 + 1, -12, 1, math.NaN()},
		{-1e6, 0, 1, DayFromYear(-1e6)},
		{2020, 1e7, 1, MakeDay(2020+1e7/12, 1e7-12*math.Floor(1e7/12), 1)},
		{2020, 1e7 + 1, 1, math.NaN()},
		{2020, 0, 1.9, MakeDay(2020, 0, 1)},
		{2020, -0.9, 1, MakeDay(2020, 0, 1)},
		{math.NaN(), 0, 1, math.NaN()},
		{2020, 0, math.Inf(1), math.NaN()},
	} {
		if got := MakeDay(c.y, c.m, c.d); !sameNumber(got, c.want) {
			t.Errorf("MakeDay(%v, %v, %v) = %v, want %v", c.y, c.m, c.d, got, c.want)
		}
	}
}

func TestTimeClip(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{negZero, 0}, {-0.5, 0}, {1.9, 1}, {-1.9, -1}, {MaxTime, MaxTime}, {-MaxTime, -MaxTime},
		{MaxTime + 1, math.NaN()}, {math.Inf(-1), math.NaN()}, {math.NaN(), math.NaN()},
	} {
		if got := TimeClip(c.x); !sameNumber(got, c.want) {
			t.Errorf("TimeClip(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestMakeTimeAndDate(t *testing.T) {
	if got := MakeTime(1, 2, 3, 4.9); got != 3723004 {
		t.Errorf("MakeTime(1, 2, 3, 4.9) = %v", got)
	}
	if got := MakeTime(1, math.NaN(), 0, 0); !math.IsNaN(got) {
		t.Errorf("MakeTime with NaN = %v", got)
	}
	if got := MakeDate(1e305, 0); !math.IsNaN(got) {
		t.Errorf("MakeDate overflow = %v, want NaN", got)
	}
	if got := MakeFullYear(99.5); got != 1999 {
		t.Errorf("MakeFullYear(99.5) = %v", got)
	}
	if got := MakeFullYear(100.5); got != 100.5 {
		t.Errorf("MakeFullYear(100.5) = %v", got)
	}
}

func TestDecompositionIdentities(t *testing.T) {
	for _, tv := range []float64{-MaxTime, -1, 0, 951782400000, MaxTime, 1 << 61, -(1 << 61)} {
		y := YearFromTime(tv)
		if !(TimeFromYear(y) <= tv && tv < TimeFromYear(y+1)) {
			t.Errorf("YearFromTime(%v) = %v out of bounds", tv, y)
		}
		if HourFromTime(tv)*MsPerHour+MinFromTime(tv)*MsPerMinute+SecFromTime(tv)*MsPerSecond+MsFromTime(tv) != TimeWithinDay(tv) {
			t.Errorf("time fields of %v do not add up", tv)
		}
	}
	if YearFromTime(1<<62) == YearFromTime(1<<62) { // NaN beyond the exact range
		t.Errorf("YearFromTime(2^62) is not NaN")
	}
	if got := Day(negZero); !sameNumber(got, 0) {
		t.Errorf("Day(-0) = %v", got)
	}
}

func TestEquivalentYear(t *testing.T) {
	for y := int64(-3000); y <= 3000; y++ {
		e := equivalentYear(y)
		if e < 2008 || e > 2035 || isLeap(e) != isLeap(y) || weekDay(dayFromYear(e)) != weekDay(dayFromYear(y)) {
			t.Fatalf("equivalentYear(%d) = %d", y, e)
		}
	}
}

// localMs is the time value of local date-time fields, before UTC.
func localMs(y, mo, d, h, mi float64) float64 {
	return MakeDate(MakeDay(y, mo, d), MakeTime(h, mi, 0, 0))
}

func TestDSTTransitions(t *testing.T) {
	ny, berlin := mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin")
	for _, c := range []struct {
		loc  *time.Location
		l    float64
		want string
	}{
		// Skipped local times read with the offset before the transition.
		{ny, localMs(2026, 2, 8, 2, 30), "2026-03-08T07:30:00.000Z"},
		{berlin, localMs(2026, 2, 29, 2, 30), "2026-03-29T01:30:00.000Z"},
		// Repeated local times: the earlier instant.
		{ny, localMs(2026, 10, 1, 1, 30), "2026-11-01T05:30:00.000Z"},
		{berlin, localMs(2026, 9, 25, 2, 30), "2026-10-25T00:30:00.000Z"},
		// Just outside the ambiguous hours.
		{ny, localMs(2026, 10, 1, 2, 0), "2026-11-01T07:00:00.000Z"},
		{ny, localMs(2026, 2, 8, 3, 0), "2026-03-08T07:00:00.000Z"},
		// Local mean time before 1883 (−4:56:02).
		{ny, localMs(1800, 0, 1, 0, 0), "1800-01-01T04:56:02.000Z"},
	} {
		got, _ := ToISOString(TimeClip(UTC(c.l, c.loc)))
		if got != c.want {
			t.Errorf("UTC(%v) in %v = %s, want %s", c.l, c.loc, got, c.want)
		}
	}
	if got := TimezoneOffset(localMs(1800, 0, 1, 0, 0), ny); got != 296 {
		t.Errorf("getTimezoneOffset in 1800 New York = %v, want 296 (truncated)", got)
	}
	if got := UTC(maxTimeBeforeUTC+1, ny); !math.IsNaN(got) {
		t.Errorf("UTC beyond V8's range = %v, want NaN", got)
	}
}

func TestFormats(t *testing.T) {
	utc := time.UTC
	tv := Parse("2026-11-21T09:24:32Z")
	for _, c := range []struct{ got, want string }{
		{ToString(tv, utc), "Sat Nov 21 2026 09:24:32 GMT+0000 (Coordinated Universal Time)"},
		{ToDateString(tv, utc), "Sat Nov 21 2026"},
		{ToTimeString(tv, utc), "09:24:32 GMT+0000 (Coordinated Universal Time)"},
		{ToUTCString(tv), "Sat, 21 Nov 2026 09:24:32 GMT"},
		{ToLocaleString(tv, utc), "11/21/2026, 9:24:32 AM"},
		{ToLocaleDateString(tv, utc), "11/21/2026"},
		{ToLocaleTimeString(tv, utc), "9:24:32 AM"},
		{ToString(math.NaN(), utc), "Invalid Date"},
		{ToUTCString(-62198755200000), "Fri, 01 Jan -0001 00:00:00 GMT"},
		{ToLocaleString(-62198755200000, utc), "1/1/2, 12:00:00 AM"},
		{ToString(MaxTime, utc), "Sat Sep 13 275760 00:00:00 GMT+0000 (Coordinated Universal Time)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for _, c := range []struct {
		tv   float64
		want string
	}{{MaxTime, "+275760-09-13T00:00:00.000Z"}, {-MaxTime, "-271821-04-20T00:00:00.000Z"},
		{-62198755200000, "-000001-01-01T00:00:00.000Z"}, {253402300800000, "+010000-01-01T00:00:00.000Z"}} {
		if got, err := ToISOString(c.tv); got != c.want || err != nil {
			t.Errorf("ToISOString(%v) = %q, %v, want %q", c.tv, got, err, c.want)
		}
	}
	if _, err := ToISOString(math.NaN()); err != ErrInvalidTime || err.Error() != "Invalid time value" {
		t.Errorf("ToISOString(NaN) error = %v", err)
	}
	if _, ok := ToJSON(math.NaN()); ok {
		t.Errorf("ToJSON(NaN) is not null")
	}
}

func TestZoneNameFallbacks(t *testing.T) {
	for _, c := range []struct {
		abbr   string
		offset int64
		want   string
	}{
		{"UTC", 0, "Coordinated Universal Time"},
		{"CST", 8 * 3600, "China Standard Time"},
		{"CST", -6 * 3600, "Central Standard Time"},
		{"IST", 19800, "India Standard Time"},
		{"+04", 4 * 3600, "GMT+04:00"},
		{"-0930", -34200, "GMT-09:30"},
		{"+00", 0, "GMT"},
		{"LMT", -17762, "LMT"},
		{"XYZ", 3600, "XYZ"},
	} {
		if got := longZoneName(c.abbr, c.offset); got != c.want {
			t.Errorf("longZoneName(%q, %d) = %q, want %q", c.abbr, c.offset, got, c.want)
		}
	}
	if got := gmtOffsetName(-(4*3600 + 56*60 + 2)); got != "GMT-04:56:02" {
		t.Errorf("gmtOffsetName = %q", got)
	}
}

func TestParseForms(t *testing.T) {
	utc := time.UTC
	ny := mustZone(t, "America/New_York")
	for _, c := range []struct {
		s    string
		loc  *time.Location
		want string // ISO, or "" for NaN
	}{
		{"2026-11-21", ny, "2026-11-21T00:00:00.000Z"},       // date-only ISO: UTC
		{"2026-11-21T10:00", ny, "2026-11-21T15:00:00.000Z"}, // date-time ISO: local
		{"2026-11-21T10:00:00.123+01:00", ny, "2026-11-21T09:00:00.123Z"},
		{"2026-11-21 10:00", ny, "2026-11-21T15:00:00.000Z"}, // legacy: local
		{"Sat Nov 21 2026 09:24:32 GMT+0000 (Coordinated Universal Time)", ny, "2026-11-21T09:24:32.000Z"},
		{"Nov 21 2026", utc, "2026-11-21T00:00:00.000Z"},
		{"2026/11/21 10:00", utc, "2026-11-21T10:00:00.000Z"},
		{"21 Nov 2026 10:00:00 GMT", ny, "2026-11-21T10:00:00.000Z"},
		{"Thu, 01 Jan 1970 00:00:00 GMT", ny, "1970-01-01T00:00:00.000Z"},
		{"Thu, 01 Jan 1970 00:00:00 PST", utc, "1970-01-01T08:00:00.000Z"},
		{"11/21/2026 9:24 PM", utc, "2026-11-21T21:24:00.000Z"},
		{"Jan 5", utc, "2001-01-05T00:00:00.000Z"}, // V8: the missing year is 1, so 2001
		{"2026-11-21T24:00", utc, "2026-11-22T00:00:00.000Z"},
		{"+275760-09-13T00:00:00.001Z", utc, ""},
		{"2026-11-21T10:00:00UTC", utc, ""},
		{"Nov 21 2026 foo", utc, ""},
		{"", utc, ""},
	} {
		want := math.NaN()
		if c.want != "" {
			want = Parse(c.want)
		}
		if got := ParseIn(c.s, c.loc); !sameNumber(got, want) {
			t.Errorf("ParseIn(%q, %v) = %v, want %v (%s)", c.s, c.loc, got, want, c.want)
		}
	}
}

func TestNilLocationIsLocal(t *testing.T) {
	tv := 1.7e12
	if LocalTime(tv, nil) != LocalTime(tv, time.Local) || ToString(tv, nil) != ToString(tv, time.Local) {
		t.Errorf("nil location is not time.Local")
	}
}
