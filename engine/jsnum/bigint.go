package jsnum

import "math/big"

// BigIntToString is BigInt::toString(x, radix) (ECMA-262 §6.1.6.2.23),
// which is BigInt.prototype.toString(radix) and, for radix 10, ToString of a
// BigInt: lower-case digits with a leading "-" for negative values. The
// caller checks the radix (ErrRadix); BigIntToString panics outside 2..36.
func BigIntToString(x *big.Int, radix int) string {
	if radix < 2 || radix > 36 {
		panic(ErrRadix)
	}
	return x.Text(radix)
}

// StringToBigInt is ECMA-262 §7.1.14 StringToBigInt (BigInt(string), the
// BigInt side of == and relational comparisons): surrounding StrWhiteSpaceChar
// is ignored; the empty string is 0n; a decimal integer may have a sign; 0x,
// 0o and 0b literals (either case) may not; nothing else, not even a decimal
// point, an exponent or a numeric separator, is allowed. ok is false where
// BigInt() throws SyntaxError "Cannot convert <s> to a BigInt" (and == gives
// false).
func StringToBigInt(s string) (x *big.Int, ok bool) {
	t := trimUTF8(s, true)
	n := len(t)
	if n == 0 {
		return new(big.Int), true
	}
	i := 0
	neg := false
	switch t[0] {
	case '+':
		i++
	case '-':
		neg = true
		i++
	}
	radix := 10
	if n-i >= 2 && t[i] == '0' {
		switch t[i+1] {
		case 'x', 'X':
			radix = 16
		case 'o', 'O':
			radix = 8
		case 'b', 'B':
			radix = 2
		}
		if radix != 10 {
			if i != 0 {
				return nil, false // no sign with a radix prefix
			}
			i += 2
		}
	}
	if i == n {
		return nil, false // "+", "-", "0x"
	}
	for k := i; k < n; k++ {
		if digitValue(t[k]) >= radix {
			return nil, false
		}
	}
	x, ok = new(big.Int).SetString(string(t[i:]), radix)
	if !ok {
		return nil, false
	}
	if neg {
		x.Neg(x)
	}
	return x, true
}
