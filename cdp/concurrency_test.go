package cdp

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// TestManyClients runs 20 clients at once, each pipelining requests for a
// few seconds: echoes with distinct payloads, unknown methods, bad params,
// deferred answers and commands that emit events. Every answer must come
// exactly once, match its id and carry its own payload; the race detector
// checks that handlers only ever run on the isolate goroutine (the test
// domain's state is unsynchronized).
func TestManyClients(t *testing.T) {
	const clients = 20
	const window = 32 // requests in flight per client
	duration := 3 * time.Second
	if testing.Short() {
		duration = 500 * time.Millisecond
	}
	ts := startServer(t, Config{})
	var total atomic.Int64
	var wg sync.WaitGroup
	for ci := range clients {
		wg.Go(func() {
			if err := runClient(ts, ci, window, duration, &total); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if total.Load() < clients*10 {
		t.Fatalf("only %d answers", total.Load())
	}
	t.Logf("%d answers checked", total.Load())
	waitFor(t, "sessions to end", func() bool { return ts.SessionCount() == 0 })
	ended := 0
	for _, e := range ts.domainEvents(t) {
		if len(e) > 5 && e[:5] == "ended" {
			ended++
		}
	}
	if ended != clients {
		t.Errorf("%d SessionEnded calls, want %d", ended, clients)
	}
}

// expectation is what one request must be answered with.
type expectation struct {
	result string // exact result JSON, or "" for an error
	code   int
	events int // Test.event messages before the answer
}

func runClient(ts *testServer, ci, window int, duration time.Duration, total *atomic.Int64) error {
	ctx, cancel := context.WithTimeout(context.Background(), duration+30*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, ts.WebSocketURL(), nil)
	if err != nil {
		return err
	}
	defer c.CloseNow()
	c.SetReadLimit(-1)

	var mu sync.Mutex
	pending := map[int]expectation{}
	slots := make(chan struct{}, window)
	sendErr := make(chan error, 1) // closed when the sender is done
	go func() {
		defer close(sendErr)
		deadline := time.Now().Add(duration)
		for id := 1; time.Now().Before(deadline); id++ {
			slots <- struct{}{}
			var msg string
			var want expectation
			switch id % 6 {
			case 0, 1, 2:
				p := fmt.Sprintf(`{"client":%d,"id":%d,"s":"c%d-%d"}`, ci, id, ci, id)
				msg = fmt.Sprintf(`{"id":%d,"method":"Test.echo","params":%s}`, id, p)
				want.result = p
			case 3:
				msg = fmt.Sprintf(`{"id":%d,"method":"Nope.m%d"}`, id, id)
				want.code = CodeMethodNotFound
			case 4:
				msg = fmt.Sprintf(`{"id":%d,"method":"Test.params","params":{"n":"%d"}}`, id, id)
				want.code = CodeInvalidParams
			case 5:
				if id%12 == 5 {
					msg = fmt.Sprintf(`{"id":%d,"method":"Test.later"}`, id)
					want.result = `{"late":true}`
				} else {
					msg = fmt.Sprintf(`{"id":%d,"method":"Test.notify","params":{"count":3,"size":16}}`, id)
					want.result = `{"sent":3}`
					want.events = 3
				}
			}
			mu.Lock()
			pending[id] = want
			mu.Unlock()
			if err := c.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
				sendErr <- err
				return
			}
		}
	}()

	events := 0
	for {
		mu.Lock()
		outstanding := len(pending)
		mu.Unlock()
		if outstanding == 0 {
			// The sender holds no slot, so it is about to send more or
			// has finished.
			select {
			case err, more := <-sendErr:
				if more {
					return err
				}
				mu.Lock()
				outstanding = len(pending)
				mu.Unlock()
				if outstanding == 0 {
					if events != 0 {
						return fmt.Errorf("client %d: %d stray events", ci, events)
					}
					return c.Close(websocket.StatusNormalClosure, "")
				}
			case <-time.After(time.Millisecond):
				continue
			}
		}
		rctx, rcancel := context.WithTimeout(ctx, 10*time.Second)
		_, b, err := c.Read(rctx)
		rcancel()
		if err != nil {
			return fmt.Errorf("client %d: read: %v", ci, err)
		}
		var r reply
		if err := json.Unmarshal(b, &r); err != nil {
			return fmt.Errorf("client %d: invalid JSON %q", ci, b)
		}
		if r.Method == "Test.event" {
			events++
			continue
		}
		if r.ID == nil {
			return fmt.Errorf("client %d: answer without id: %s", ci, b)
		}
		id := int(*r.ID)
		mu.Lock()
		want, ok := pending[id]
		delete(pending, id)
		mu.Unlock()
		if !ok {
			return fmt.Errorf("client %d: unexpected or repeated answer %s", ci, b)
		}
		<-slots
		total.Add(1)
		switch {
		case want.result != "":
			if r.Error != nil || string(r.Result) != want.result {
				return fmt.Errorf("client %d: id %d: got %s, want result %s", ci, id, b, want.result)
			}
		case r.Error == nil || r.Error.Code != want.code:
			return fmt.Errorf("client %d: id %d: got %s, want error %d", ci, id, b, want.code)
		}
		if events < want.events {
			return fmt.Errorf("client %d: id %d answered after %d of its %d events", ci, id, events, want.events)
		}
		events -= want.events
	}
}
