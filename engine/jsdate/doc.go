// Package jsdate implements the algorithms behind ECMAScript's Date builtin
// exactly as V8 (and so node) performs them, as pure Go with no engine types
// and no package-level mutable state:
//
//   - the time arithmetic of ECMA-262 §21.4.1 (Day, YearFromTime, MakeDay,
//     MakeTime, MakeDate, TimeClip, ...) on float64 milliseconds, exact over
//     the whole time-value range of ±8.64e15 ms (±275,760 years);
//   - local time (LocalTZA, LocalTime, UTC, getTimezoneOffset) for a
//     *time.Location chosen by the caller, with V8's handling of the local
//     times a DST transition skips or repeats;
//   - Date.parse: the ISO 8601 Date Time String Format and V8's legacy
//     fallback grammar ("Nov 21 2026", "2026/11/21 10:00", RFC 2822, the
//     output of toString and toUTCString, ...);
//   - the string forms: toString, toDateString, toTimeString, toUTCString,
//     toISOString, toJSON and the default (en-US) toLocaleString,
//     toLocaleDateString and toLocaleTimeString.
//
// Time values are float64 milliseconds since the epoch, NaN meaning an
// invalid date, as in the specification. Functions that need the local time
// zone take a *time.Location; nil means time.Local, which Go initialises from
// the TZ environment variable (or /etc/localtime), as node does.
//
// Where V8 departs from the letter of the specification, this package follows
// V8; each such place says so in its documentation. The one thing Go cannot
// reproduce is ICU's long time-zone names, which V8 prints in parentheses at
// the end of toString; see ZoneName.
//
// The expected outputs in testdata/expected.json were recorded from node
// (testdata/gen.js, under TZ=UTC, America/New_York and Europe/Berlin) and the
// tests compare against them exactly.
package jsdate
