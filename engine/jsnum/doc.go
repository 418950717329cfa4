// Package jsnum implements ECMAScript's conversions between numbers and
// strings exactly as V8 (and so node) performs them: Number::toString for
// radix 10 and every other radix, toFixed, toExponential and toPrecision,
// StringToNumber, the global parseFloat and parseInt, the integer conversions
// (ToInt32, ToUint32, ToLength, ...), array-index recognition and the BigInt
// string conversions.
//
// Everything here is pure: no package-level mutable state, no engine types.
// Strings come in as Go UTF-8 text (the JavaScript string's code points), and
// for the parsers also as Latin-1 bytes (a one-byte JavaScript string) or as
// UTF-16 code units (a two-byte JavaScript string). Outputs are always ASCII.
//
// The expected outputs in testdata/expected.json were recorded from node
// (testdata/gen.js) and the tests compare against them byte for byte.
package jsnum
