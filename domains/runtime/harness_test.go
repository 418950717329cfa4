package runtime

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/internal/cdpclient"
)

// testTarget is an isolate served by a cdp server, its goroutine draining
// the inbox as the binary's idle loop does.
type testTarget struct {
	srv  *cdp.Server
	stop chan struct{}
	done chan struct{}
}

// startTarget creates an isolate and the domain, runs setup on the isolate
// (before any client attaches: console output and scripts are stored), and
// serves it.
func startTarget(t testing.TB, setup func(iso *engine.Isolate, d *Domain)) *testTarget {
	return startTargetWith(t, engine.Options{}, setup)
}

// startTargetWith is startTarget with isolate options (GC stress).
func startTargetWith(t testing.TB, opts engine.Options, setup func(iso *engine.Isolate, d *Domain)) *testTarget {
	t.Helper()
	iso, err := engine.NewIsolate(opts)
	if err != nil {
		t.Fatal(err)
	}
	d := New(Config{Isolate: iso, ContextName: "sonde-test"})
	if setup != nil {
		setup(iso, d)
	}
	reg := cdp.NewRegistry()
	d.Register(reg)
	RegisterPlaceholders(reg, nil)
	srv, err := cdp.Listen(cdp.Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	tt := &testTarget{srv: srv, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(tt.done)
		for {
			select {
			case <-iso.Woken():
				iso.HandleInterrupts()
				// Microtasks (awaited promises) and timers, as the
				// binary's loop runs them.
				iso.RunEventLoop()
			case <-tt.stop:
				return
			}
		}
	}()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
		close(tt.stop)
		<-tt.done
		iso.Close()
	})
	return tt
}

func (tt *testTarget) dial(t testing.TB) *cdpclient.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := cdpclient.Dial(ctx, tt.srv.WebSocketURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// runFixture runs testdata/fixture.js as node's recorder does (a global
// script named fixture.js).
func runFixture(t testing.TB) func(iso *engine.Isolate, d *Domain) {
	src, err := os.ReadFile(filepath.Join("testdata", "fixture.js"))
	if err != nil {
		t.Fatal(err)
	}
	return func(iso *engine.Isolate, d *Domain) {
		if _, err := iso.RunScript(string(src), "fixture.js"); err != nil {
			t.Fatalf("fixture: %v", err)
		}
	}
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
