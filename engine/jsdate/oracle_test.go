package jsdate

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // a fallback for machines without a zoneinfo database
)

// The oracle tests compare against testdata/expected.json, recorded from node
// by testdata/gen.js (see its header to regenerate). Numbers are strings
// (String(x), "-0" for negative zero).

type zoneOracle struct {
	Zone        string     `json:"zone"`
	Transitions []string   `json:"transitions"`
	Local       [][]string `json:"local"`
	Invalid     []string   `json:"invalid"`
	MakeLocal   [][]string `json:"makeLocal"`
	Parse       [][]string `json:"parse"`
}

type oracle struct {
	Decompose [][]string             `json:"decompose"`
	UTCFormat [][]string             `json:"utcFormat"`
	YearStart [][]string             `json:"yearStart"`
	UTC       [][]string             `json:"utc"`
	TimeClip  [][]string             `json:"timeClip"`
	Zones     map[string]*zoneOracle `json:"zones"`
	Names     map[string][][]string  `json:"names"`
}

func loadOracle(t testing.TB) *oracle {
	t.Helper()
	data, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var o oracle
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	return &o
}

// num reads a number as gen.js writes it.
func num(t testing.TB, s string) float64 {
	t.Helper()
	if s == "-0" {
		return math.Copysign(0, -1)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q: %v", s, err)
	}
	return x
}

// fmtNum renders a float as JavaScript's String does for the values here
// (integers, NaN, ±0).
func fmtNum(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case x == 0 && math.Signbit(x):
		return "-0"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// sameNumber compares as Object.is does.
func sameNumber(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// loadZone loads an oracle zone, skipping when the machine cannot.
func loadZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s is unavailable here (no tz database?): %v", name, err)
	}
	return loc
}

// forZones runs f for each zone the oracle recorded.
func forZones(t *testing.T, o *oracle, f func(t *testing.T, loc *time.Location, z *zoneOracle)) {
	if len(o.Zones) == 0 {
		t.Fatal("no zones in the oracle")
	}
	for name, z := range o.Zones {
		t.Run(name, func(t *testing.T) { f(t, loadZone(t, name), z) })
	}
}

// report collects the checks of one oracle section, printing the first
// mismatches and then their count.
type report struct {
	t      *testing.T
	n, bad int // checks, failed checks
}

func (r *report) check(ok bool, format string, args ...any) {
	r.n++
	if ok {
		return
	}
	r.bad++
	if r.bad <= 20 {
		r.t.Errorf(format, args...)
	}
}

func (r *report) done(what string, cases int) {
	if r.bad > 0 {
		r.t.Errorf("%s: %d of %d checks (%d cases) differ from node", what, r.bad, r.n, cases)
	} else {
		r.t.Logf("%s: %d cases (%d checks) match node", what, cases, r.n)
	}
}

func TestOracleDecompose(t *testing.T) {
	o := loadOracle(t)
	r := &report{t: t}
	for _, c := range o.Decompose {
		tv := TimeClip(num(t, c[0]))
		got := []float64{YearFromTime(tv), MonthFromTime(tv), DateFromTime(tv), WeekDay(tv),
			HourFromTime(tv), MinFromTime(tv), SecFromTime(tv), MsFromTime(tv)}
		for i, g := range got {
			r.check(sameNumber(g, num(t, c[i+1])), "field %d of %s = %v, want %s", i, c[0], g, c[i+1])
		}
		f, ok := Decompose(tv)
		fs := []int64{f.Year, int64(f.Month), int64(f.Day), int64(f.WeekDay), int64(f.Hour), int64(f.Minute),
			int64(f.Second), int64(f.Millisecond)}
		for i, g := range fs {
			r.check(ok && float64(g) == num(t, c[i+1]), "Decompose(%s) field %d = %d, want %s", c[0], i, g, c[i+1])
		}
		// The spec's identities tie the rest together.
		y := YearFromTime(tv)
		r.check(Day(tv) == DayFromYear(y)+DayWithinYear(tv), "Day(%s) ≠ DayFromYear + DayWithinYear", c[0])
		r.check(TimeWithinDay(tv) == tv-Day(tv)*MsPerDay, "TimeWithinDay(%s)", c[0])
		r.check(InLeapYear(tv) == (DaysInYear(y) == 366), "InLeapYear(%s)", c[0])
		r.check(TimeFromYear(y) <= tv && tv < TimeFromYear(y+1), "YearFromTime(%s) bounds", c[0])
	}
	r.done("decompose", len(o.Decompose))
}

func TestOracleYearStart(t *testing.T) {
	o := loadOracle(t)
	r := &report{t: t}
	for _, c := range o.YearStart {
		y := num(t, c[0])
		got := TimeClip(TimeFromYear(y))
		r.check(sameNumber(got, num(t, c[1])), "TimeFromYear(%s) = %v, want %s", c[0], got, c[1])
		got = TimeClip(MakeDate(MakeDay(y, 0, 1), 0))
		r.check(sameNumber(got, num(t, c[1])), "MakeDay(%s, 0, 1) = %v, want %s", c[0], got, c[1])
	}
	r.done("yearStart", len(o.YearStart))
}

func TestOracleUTC(t *testing.T) {
	o := loadOracle(t)
	r := &report{t: t}
	for _, c := range o.UTC {
		a := make([]float64, 7)
		for i := range a {
			a[i] = num(t, c[i])
		}
		got := TimeClip(MakeDate(MakeDay(MakeFullYear(a[0]), a[1], a[2]), MakeTime(a[3], a[4], a[5], a[6])))
		r.check(sameNumber(got, num(t, c[7])), "Date.UTC%v = %s, want %s", c[:7], fmtNum(got), c[7])
	}
	for _, c := range o.TimeClip {
		got := TimeClip(num(t, c[0]))
		r.check(sameNumber(got, num(t, c[1])), "TimeClip(%s) = %s, want %s", c[0], fmtNum(got), c[1])
	}
	r.done("Date.UTC and TimeClip", len(o.UTC)+len(o.TimeClip))
}

func TestOracleUTCFormat(t *testing.T) {
	o := loadOracle(t)
	r := &report{t: t}
	for _, c := range o.UTCFormat {
		tv := TimeClip(num(t, c[0]))
		iso, err := ToISOString(tv)
		if err != nil {
			iso = "!RangeError: " + err.Error()
		}
		r.check(iso == c[1], "toISOString(%s) = %q, want %q", c[0], iso, c[1])
		got := ToUTCString(tv)
		r.check(got == c[2], "toUTCString(%s) = %q, want %q", c[0], got, c[2])
		js := "null"
		if s, ok := ToJSON(tv); ok {
			b, _ := json.Marshal(s)
			js = string(b)
		}
		r.check(js == c[3], "toJSON(%s) = %s, want %s", c[0], js, c[3])
	}
	r.done("toISOString, toUTCString, toJSON", len(o.UTCFormat))
}

func TestOracleLocal(t *testing.T) {
	o := loadOracle(t)
	forZones(t, o, func(t *testing.T, loc *time.Location, z *zoneOracle) {
		r := &report{t: t}
		for _, c := range z.Local {
			tv := num(t, c[0])
			got := TimezoneOffset(tv, loc)
			r.check(sameNumber(got, num(t, c[1])), "getTimezoneOffset(%s) = %v, want %s", c[0], got, c[1])
			lt := LocalTime(tv, loc)
			f, _ := Decompose(lt)
			fs := []int64{f.Year, int64(f.Month), int64(f.Day), int64(f.WeekDay), int64(f.Hour), int64(f.Minute),
				int64(f.Second), int64(f.Millisecond)}
			for i, g := range fs {
				r.check(float64(g) == num(t, c[i+2]), "local field %d of %s = %d, want %s", i, c[0], g, c[i+2])
			}
			r.check(LocalTZA(tv, true, loc) == lt-tv, "LocalTZA(%s, true)", c[0])
			strs := []string{ToString(tv, loc), ToDateString(tv, loc), ToTimeString(tv, loc),
				ToLocaleString(tv, loc), ToLocaleDateString(tv, loc), ToLocaleTimeString(tv, loc)}
			for i, s := range strs {
				r.check(s == c[i+10], "format %d of %s = %q, want %q", i, c[0], s, c[i+10])
			}
		}
		nan := math.NaN()
		for i, s := range []string{ToString(nan, loc), ToDateString(nan, loc), ToTimeString(nan, loc),
			ToLocaleString(nan, loc), ToLocaleDateString(nan, loc), ToLocaleTimeString(nan, loc)} {
			r.check(s == z.Invalid[i], "format %d of NaN = %q, want %q", i, s, z.Invalid[i])
		}
		r.done("local decomposition and formats", len(z.Local)+1)
	})
}

func TestOracleMakeLocal(t *testing.T) {
	o := loadOracle(t)
	forZones(t, o, func(t *testing.T, loc *time.Location, z *zoneOracle) {
		r := &report{t: t}
		for _, c := range z.MakeLocal {
			a := make([]float64, 7)
			for i := range a {
				a[i] = num(t, c[i])
			}
			local := MakeDate(MakeDay(MakeFullYear(a[0]), a[1], a[2]), MakeTime(a[3], a[4], a[5], a[6]))
			got := TimeClip(UTC(local, loc))
			r.check(sameNumber(got, num(t, c[7])), "new Date%v = %s, want %s", c[:7], fmtNum(got), c[7])
		}
		r.done("new Date(fields)", len(z.MakeLocal))
	})
}

func TestOracleParse(t *testing.T) {
	o := loadOracle(t)
	forZones(t, o, func(t *testing.T, loc *time.Location, z *zoneOracle) {
		r := &report{t: t}
		for _, c := range z.Parse {
			got := ParseIn(c[0], loc)
			r.check(sameNumber(got, num(t, c[1])), "Date.parse(%q) = %s, want %s", c[0], fmtNum(got), c[1])
		}
		r.done("Date.parse", len(z.Parse))
	})
}

// nameDeviations are the zones of the names section whose ICU long names
// ZoneName does not reproduce (see its documentation), with what V8 prints.
// For them only the text before the name is compared.
var nameDeviations = map[string]string{
	"America/Sao_Paulo":   "Brasilia Standard Time, Brasilia Summer Time (we print GMT-03:00, GMT-02:00)",
	"Asia/Dubai":          "Gulf Standard Time (we print GMT+04:00)",
	"Asia/Kathmandu":      "Nepal Time (we print GMT+05:45)",
	"Australia/Lord_Howe": "Lord Howe Standard Time, Lord Howe Daylight Time (we print GMT+10:30, GMT+11:00)",
	"Pacific/Apia":        "Samoa Standard Time (we print GMT+13:00)",
	"Europe/Dublin":       "Greenwich Mean Time for 1968-1971 (Go reads Dublin with negative DST, winter GMT being the DST period, so the standard name is Irish Standard Time)",
}

func TestOracleZoneNames(t *testing.T) {
	o := loadOracle(t)
	if len(o.Names) == 0 {
		t.Fatal("no names in the oracle")
	}
	for name, cases := range o.Names {
		t.Run(name, func(t *testing.T) {
			loc := loadZone(t, name)
			r := &report{t: t}
			_, deviates := nameDeviations[name]
			for _, c := range cases {
				got, want := ToString(num(t, c[0]), loc), c[1]
				if deviates {
					got, want = got[:strings.IndexByte(got, '(')], want[:strings.IndexByte(want, '(')]
				}
				r.check(got == want, "toString(%s) = %q, want %q", c[0], got, want)
			}
			r.done("toString", len(cases))
		})
	}
}
