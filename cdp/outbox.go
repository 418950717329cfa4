package cdp

import "sync"

// outKind says which envelope an outMsg gets.
type outKind uint8

const (
	outResult outKind = iota
	outError
	outEvent
)

// outMsg is one queued outgoing message, kept unencoded so the isolate
// goroutine only enqueues; the writer goroutine encodes.
type outMsg struct {
	raw    []byte // result or event params, owned by the session
	err    *Error // outError only
	method string // outEvent only
	id     int32
	hasID  bool
	kind   outKind
}

// size is the byte count charged against the queue limit: the payload plus
// a generous envelope estimate.
func (m *outMsg) size() int64 {
	n := int64(len(m.raw) + len(m.method) + 48)
	if m.err != nil {
		n += int64(len(m.err.Message) + len(m.err.Data))
	}
	return n
}

func (m *outMsg) appendTo(b []byte) []byte {
	switch m.kind {
	case outResult:
		return appendResult(b, m.id, m.raw)
	case outError:
		return appendErrorMsg(b, m.id, m.hasID, m.err)
	default:
		return appendEvent(b, m.method, m.raw)
	}
}

// outbox is a session's bounded outbound queue: many producers (mostly the
// isolate goroutine), one consumer (the session's writer goroutine). Pushing
// never blocks. When the messages not yet written exceed maxMsgs or maxBytes
// the push reports overflow and the session is closed: a client that does not
// read must never hold the isolate or its memory hostage.
type outbox struct {
	mu       sync.Mutex
	items    []outMsg
	spare    []outMsg // the batch handed out last, recycled by take
	msgs     int      // messages queued or being written
	bytes    int64    // their sizes
	closed   bool
	maxMsgs  int
	maxBytes int64
	ready    chan struct{} // capacity 1: "items or closed"
}

func newOutbox(maxMsgs int, maxBytes int64) *outbox {
	return &outbox{maxMsgs: maxMsgs, maxBytes: maxBytes, ready: make(chan struct{}, 1)}
}

// push queues m. It returns false when m was dropped: the outbox is closed,
// or m overflowed it (then overflow is true and the caller must close the
// session; the outbox is already closed).
func (o *outbox) push(m outMsg) (queued, overflow bool) {
	n := m.size()
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return false, false
	}
	if o.msgs+1 > o.maxMsgs || o.bytes+n > o.maxBytes {
		o.closeLocked()
		o.mu.Unlock()
		o.signal()
		return false, true
	}
	o.items = append(o.items, m)
	o.msgs++
	o.bytes += n
	o.mu.Unlock()
	o.signal()
	return true, false
}

func (o *outbox) signal() {
	select {
	case o.ready <- struct{}{}:
	default:
	}
}

// take waits until messages are queued and returns them all, in order, or
// returns nil once the outbox is closed or done is closed. The batch belongs
// to the caller until its next take; the caller reports each written
// message with sent.
func (o *outbox) take(done <-chan struct{}) []outMsg {
	for {
		o.mu.Lock()
		if o.closed {
			o.mu.Unlock()
			return nil
		}
		if len(o.items) > 0 {
			batch := o.items
			clear(o.spare)
			o.items = o.spare[:0]
			o.spare = batch
			o.mu.Unlock()
			return batch
		}
		o.mu.Unlock()
		select {
		case <-o.ready:
		case <-done:
			return nil
		}
	}
}

// sent uncharges one written message.
func (o *outbox) sent(m *outMsg) {
	n := m.size()
	o.mu.Lock()
	o.msgs--
	o.bytes -= n
	o.mu.Unlock()
}

// close drops whatever is queued; later pushes are ignored.
func (o *outbox) close() {
	o.mu.Lock()
	o.closeLocked()
	o.mu.Unlock()
	o.signal()
}

func (o *outbox) closeLocked() {
	o.closed = true
	for i := range o.items {
		o.msgs--
		o.bytes -= o.items[i].size()
	}
	clear(o.items)
	o.items = nil
}

// backlog reports the messages and bytes queued or being written.
func (o *outbox) backlog() (msgs int, bytes int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.msgs, o.bytes
}
