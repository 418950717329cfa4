package jsdate

// parseISO is V8's DateParser::ParseES5DateTime: it reads as much of the
// string as fits ECMA-262's Date Time String Format (§21.4.1.32)
//
//	[+|-YY]YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|(+|-)HH:mm]]
//
// into the composers. Its extensions are V8's: any number of fraction digits
// (at least one; only the first three count), an offset written HHmm, and
// the hour 24 when everything after it is zero.
//
// The result is tokEnd when the whole string was ISO; tokInvalid when it
// cannot be a date at all (a "T" was read, so it is no legacy date either);
// and otherwise the first token not consumed, with which the legacy parser
// continues, keeping what the composers already hold. An ISO date without a
// time and without an offset is UTC; with a time but no offset it is local.
func parseISO(sc *scanner, day *dayComposer, tm *timeComposer, tz *tzComposer) token {
	// The year: four digits, or a sign and six digits ("-000000" is not
	// allowed).
	switch {
	case sc.peek().isSign():
		signTok := sc.advance()
		if !sc.peek().isFixedNumber(6) {
			return signTok
		}
		year := sc.advance().value
		if signTok.sign() < 0 && year == 0 {
			return signTok // the digits stay consumed, as in V8
		}
		day.add(signTok.sign() * year)
	case sc.peek().isFixedNumber(4):
		day.add(sc.advance().value)
	default:
		return sc.advance()
	}
	if sc.skipSymbol('-') {
		if p := sc.peek(); !p.isFixedNumber(2) || !isMonth(p.value) {
			return sc.advance()
		}
		day.add(sc.advance().value)
		if sc.skipSymbol('-') {
			if p := sc.peek(); !p.isFixedNumber(2) || !isDay(p.value) {
				return sc.advance()
			}
			day.add(sc.advance().value)
		}
	}
	if !sc.peek().isKeyword(kwTimeSep) {
		if sc.peek().kind != tokEnd {
			return sc.advance()
		}
	} else {
		// The time: 'T' HH ':' mm [':' ss ['.' fraction]] [zone].
		sc.advance()
		p := sc.peek()
		if !p.isFixedNumber(2) || !between(p.value, 0, 24) {
			return token{kind: tokInvalid}
		}
		hourIs24 := p.value == 24
		tm.add(sc.advance().value)
		if !sc.skipSymbol(':') {
			return token{kind: tokInvalid}
		}
		if p := sc.peek(); !p.isFixedNumber(2) || !isMinute(p.value) || (hourIs24 && p.value > 0) {
			return token{kind: tokInvalid}
		}
		tm.add(sc.advance().value)
		if sc.skipSymbol(':') {
			if p := sc.peek(); !p.isFixedNumber(2) || !isSecond(p.value) || (hourIs24 && p.value > 0) {
				return token{kind: tokInvalid}
			}
			tm.add(sc.advance().value)
			if sc.skipSymbol('.') {
				if p := sc.peek(); !p.isNumber() || (hourIs24 && p.value > 0) {
					return token{kind: tokInvalid}
				}
				tm.add(readMilliseconds(sc.advance()))
			}
		}
		// The zone: 'Z', or a sign and HH:mm or HHmm.
		if sc.peek().isZ() {
			sc.advance()
			tz.set(0)
		} else if sc.peek().isSign() {
			tz.setSign(sc.advance().sign())
			if sc.peek().isFixedNumber(4) {
				hm := sc.advance().value
				h, m := hm/100, hm%100
				if !isHour(h) || !isMinute(m) {
					return token{kind: tokInvalid}
				}
				tz.hour, tz.minute = h, m
			} else {
				if p := sc.peek(); !p.isFixedNumber(2) || !isHour(p.value) {
					return token{kind: tokInvalid}
				}
				tz.hour = sc.advance().value
				if !sc.skipSymbol(':') {
					return token{kind: tokInvalid}
				}
				if p := sc.peek(); !p.isFixedNumber(2) || !isMinute(p.value) {
					return token{kind: tokInvalid}
				}
				tz.minute = sc.advance().value
			}
		}
		if sc.peek().kind != tokEnd {
			return token{kind: tokInvalid}
		}
	}
	// A whole ISO string. "When the UTC offset representation is absent,
	// date-only forms are interpreted as a UTC time and date-time forms are
	// interpreted as a local time."
	if tz.empty() && tm.empty() {
		tz.set(0)
	}
	day.iso = true
	return token{kind: tokEnd, value: -1}
}

// readMilliseconds is V8's DateParser::ReadMilliseconds: the first three
// digits of a fraction as milliseconds, from the numeral's value (of at most
// nine significant digits) and its length, so "5" is 500 and "0012345" 1.
func readMilliseconds(t token) int {
	n, length := t.value, t.length
	switch {
	case length == 1:
		n *= 100
	case length == 2:
		n *= 10
	case length > 3:
		length = min(length, maxSignificantDigits)
		for ; length > 3; length-- {
			n /= 10
		}
	}
	return n
}
