package parser

import (
	"os"
	"strings"
	"testing"
)

// benchCorpus returns about 1 MiB of ordinary code: testdata/bench.js
// repeated (each copy wrapped in a block so declarations do not clash).
func benchCorpus(b *testing.B) string {
	data, err := os.ReadFile("testdata/bench.js")
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Replace(string(data), "'use strict';", "", 1)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("{\n")
		sb.WriteString(body)
		sb.WriteString("}\n")
	}
	return sb.String()
}

// BenchmarkParse measures parsing plus scope analysis of ordinary code.
// Budget: tens of MB/s.
func BenchmarkParse(b *testing.B) {
	src := benchCorpus(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseScript("bench.js", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLex measures the lexer alone over the same corpus (regular
// expressions are rescanned as the parser would not; the corpus has few).
func BenchmarkLex(b *testing.B) {
	src := benchCorpus(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var l lexer
	for b.Loop() {
		lexAll(&l, src)
	}
}

// lexAll scans src to the end, treating `/` after an operand as division.
// It reports false on a lexical error.
func lexAll(l *lexer, src string) (ok bool) {
	l.init(src, false)
	defer func() {
		if r := recover(); r != nil {
			if _, isBailout := r.(bailout); !isBailout {
				panic(r)
			}
			ok = false
		}
	}()
	l.skipHashbang()
	l.next()
	prevOperand := false
	for l.tok != TEOF {
		if (l.tok == TSlash || l.tok == TSlashAssign) && !prevOperand {
			l.rescanRegExp()
		}
		if l.tok == TCloseBrace && l.pos < len(src) && false {
			l.rescanTemplateContinuation()
		}
		switch l.tok {
		case TIdentifier, TNumber, TString, TCloseParen, TCloseBracket, TRegExp, TBigInt, TThis,
			TNoSubstTemplate, TTemplateTail:
			prevOperand = true
		default:
			prevOperand = false
		}
		l.next()
	}
	return true
}
