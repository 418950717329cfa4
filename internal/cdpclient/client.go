// Package cdpclient is a small Chrome DevTools Protocol client for tests:
// it sends commands over one WebSocket, matches answers by id, and keeps
// the events in arrival order so a test can look at what came before an
// answer.
package cdpclient

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Message is one message received: an answer (ID set) or an event.
type Message struct {
	ID     int64           `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *Error          `json:"error,omitempty"`
}

// Error is a JSON-RPC error answer.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data,omitempty"`
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s %s", e.Code, e.Message, e.Data) }

// Client is one CDP session.
type Client struct {
	conn    *websocket.Conn
	mu      sync.Mutex
	next    int64
	waiting map[int64]chan Message
	events  []Message
	notify  chan struct{}
	done    chan struct{}
	err     error
}

// Dial connects to a webSocketDebuggerUrl.
func Dial(ctx context.Context, url string) (*Client, error) {
	conn, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", url, err)
	}
	conn.SetReadLimit(-1)
	c := &Client{conn: conn, waiting: map[int64]chan Message{}, notify: make(chan struct{}, 1), done: make(chan struct{})}
	go c.read()
	return c, nil
}

func (c *Client) read() {
	defer close(c.done)
	for {
		_, b, err := c.conn.Read(context.Background())
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.mu.Unlock()
			return
		}
		var m Message
		if err := json.Unmarshal(b, &m); err != nil {
			continue
		}
		c.mu.Lock()
		if m.Method == "" {
			if ch, ok := c.waiting[m.ID]; ok {
				delete(c.waiting, m.ID)
				ch <- m
			}
		} else {
			c.events = append(c.events, m)
			select {
			case c.notify <- struct{}{}:
			default:
			}
		}
		c.mu.Unlock()
	}
}

// Call sends method with params (any JSON-encodable value, nil for none)
// and waits for its answer: the raw result, or the error answer as *Error.
func (c *Client) Call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	m, err := c.CallRaw(ctx, method, params)
	if err != nil {
		return nil, err
	}
	if m.Error != nil {
		return nil, m.Error
	}
	return m.Result, nil
}

// CallRaw is Call returning the whole answer.
func (c *Client) CallRaw(ctx context.Context, method string, params any) (Message, error) {
	if params == nil {
		params = struct{}{}
	}
	c.mu.Lock()
	c.next++
	id := c.next
	ch := make(chan Message, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	b, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return Message{}, err
	}
	if err := c.conn.Write(ctx, websocket.MessageText, b); err != nil {
		return Message{}, fmt.Errorf("send %s: %w", method, err)
	}
	select {
	case m := <-ch:
		return m, nil
	case <-c.done:
		return Message{}, fmt.Errorf("%s: connection closed: %v", method, c.err)
	case <-ctx.Done():
		return Message{}, fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Events returns the events received so far and forgets them.
func (c *Client) Events() []Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	ev := c.events
	c.events = nil
	return ev
}

// WaitEvent waits for an event named method (received before or after
// the call) and returns it, dropping the events before it.
func (c *Client) WaitEvent(ctx context.Context, method string) (Message, error) {
	for {
		c.mu.Lock()
		for i, e := range c.events {
			if e.Method == method {
				c.events = c.events[i+1:]
				c.mu.Unlock()
				return e, nil
			}
		}
		c.mu.Unlock()
		select {
		case <-c.notify:
		case <-c.done:
			return Message{}, fmt.Errorf("waiting for %s: connection closed", method)
		case <-ctx.Done():
			return Message{}, fmt.Errorf("waiting for %s: %w", method, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close(websocket.StatusNormalClosure, "") }
