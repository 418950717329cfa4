package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseDriverOutput(t *testing.T) {
	out := strings.Join([]string{
		"some warning from the engine",
		"@octane result Splay 1234",
		"@octane result SplayLatency 56.7",
		`@octane error Crypto Error: Crypto operation failed\n    at x.js:1:2\\n is literal`,
		"@octane total 789\r",
		"@octane done",
		"",
	}, "\n")
	got, err := parseDriverOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	want := DriverReport{
		Scores: map[string]float64{"Splay": 1234, "SplayLatency": 56.7},
		Order:  []string{"Splay", "SplayLatency"},
		Errors: map[string]string{"Crypto": "Error: Crypto operation failed\n    at x.js:1:2\\n is literal"},
		Total:  "789",
		Done:   true,
		Other:  []string{"some warning from the engine"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestParseDriverOutputNotDone(t *testing.T) {
	got, err := parseDriverOutput("@octane result Richards 100\nTypeError: boom\n")
	if err != nil {
		t.Fatal(err)
	}
	if got.Done || got.Scores["Richards"] != 100 || len(got.Other) != 1 {
		t.Errorf("got %#v", got)
	}
}

func TestParseDriverOutputMalformed(t *testing.T) {
	for _, line := range []string{
		"@octane result Richards",
		"@octane result Richards fast",
		"@octane result Richards Skipped",
		"@octane result Richards -3",
		"@octane error",
		"@octane frobnicate x",
	} {
		if _, err := parseDriverOutput(line + "\n@octane done\n"); err == nil {
			t.Errorf("%q: no error", line)
		}
	}
}

func TestParseKeepsOnlyTheOutputTail(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 100; i++ {
		sb.WriteString("noise\n")
	}
	sb.WriteString("last words\n")
	got, err := parseDriverOutput(sb.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Other) != keepOtherTail || got.Other[len(got.Other)-1] != "last words" {
		t.Errorf("Other = %d lines ending %q", len(got.Other), got.Other[len(got.Other)-1])
	}
}

func TestUnescapeMessage(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:         "plain",
		`a\nb`:          "a\nb",
		`a\\nb`:         `a\nb`,
		`cr\r`:          "cr\r",
		`trailing\`:     `trailing\`,
		`\\\\`:          `\\`,
		`unknown \q ok`: "unknown q ok",
	} {
		if got := unescapeMessage(in); got != want {
			t.Errorf("unescapeMessage(%q) = %q, want %q", in, got, want)
		}
	}
}
