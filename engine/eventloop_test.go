package engine

import (
	"strings"
	"testing"
	"time"
)

// TestEventLoopInbox checks that an idle event loop runs tasks posted from
// another goroutine (as CDP sessions post them), that Hold keeps it alive
// with no timer left, and that Release lets it end.
func TestEventLoopInbox(t *testing.T) {
	var out capWriter
	iso, err := NewIsolate(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	if _, err := iso.RunScript(`setTimeout(() => console.log('timer'), 5); Promise.resolve().then(() => console.log('job'));`, "inbox.js"); err != nil {
		t.Fatal(err)
	}
	iso.Hold()
	go func() {
		time.Sleep(30 * time.Millisecond)
		iso.Post(func() {
			if _, err := iso.RunScript(`console.log('posted'); Promise.resolve().then(() => console.log('posted job'))`, "posted.js"); err != nil {
				t.Error(err)
			}
			if err := iso.RunMicrotasks(); err != nil {
				t.Error(err)
			}
			iso.Release()
		})
	}()
	done := make(chan error, 1)
	go func() { done <- iso.RunEventLoop() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the loop did not end after Release")
	}
	if got, want := out.String(), "job\ntimer\nposted\nposted job\n"; got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
	if ex, code := iso.Exited(); ex || code != 0 || !strings.Contains(out.String(), "posted") {
		t.Fatalf("exited %v code %d", ex, code)
	}
}
