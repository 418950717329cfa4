package engine

import (
	"strings"
	"testing"
)

func TestPrintAndHost262(t *testing.T) {
	var printed []string
	iso, err := NewIsolate(Options{Print: func(s string) { printed = append(printed, s) }, Host262: true})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	_, err = iso.RunScript(`
		function desc(o, k) { var d = Object.getOwnPropertyDescriptor(o, k); return [d.writable, d.enumerable, d.configurable].join(); }
		print(desc(globalThis, "print") + " " + desc(globalThis, "$262"));
		print({ toString() { return "obj"; } });
		print($262.evalScript("var fromEval = 6 * 7; fromEval + 1"));
		print(fromEval);
		try { $262.evalScript("var ("); } catch (e) { print(e instanceof SyntaxError); }
		print($262.global === globalThis);
		$262.gc();
		print(typeof $262.createRealm + " " + typeof $262.agent);
	`, "t.js")
	if err != nil {
		t.Fatal(err)
	}
	want := "true,false,true true,false,true|obj|43|42|true|true|undefined undefined"
	if got := strings.Join(printed, "|"); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}

	plain, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if got, err := plain.Eval(`typeof print + " " + typeof $262`); err != nil || got != "'undefined undefined'" {
		t.Errorf("without the options: %s, %v", got, err)
	}
}
