// Package cdp is Sonde's inspector transport: the HTTP discovery endpoints
// (/json/version, /json/list, /json/protocol), WebSocket sessions at
// /<target-id>, and JSON-RPC dispatch of Chrome DevTools Protocol commands to
// the domains, on the isolate goroutine. It answers the way `node --inspect`
// does, byte for byte where clients could tell (recordings of node v20 are in
// testdata/node, with the script that makes them).
//
// # The boundary
//
// The engine and the domains plug in through four small things:
//
//   - Executor: the isolate's inbox. Every command, and every session's start
//     and end, runs as a task posted there, so handlers run on the one
//     goroutine that owns the heap.
//   - Registry: method name → Handler (or AsyncHandler, for answers that wait
//     on JavaScript), filled by each domain before the server starts.
//   - SessionListener: SessionStarted / SessionEnded, on the isolate
//     goroutine, so domains keep and tear down per-session state.
//   - Session: what a handler gets. Notify sends events; replies and events
//     are queued and never block the isolate.
//
// # A message's path
//
//  1. The session's reader goroutine reads one text message (bounded by
//     Config.MaxMessageSize) and decodes its envelope as V8 does: -32700 for
//     anything but a JSON object, -32600 for a missing or non-integer id, a
//     missing or non-string method, or other top-level keys; -32601
//     "'Domain.method' wasn't found" for unregistered methods.
//  2. It waits for one of Config.MaxInFlight slots (backpressure on a client
//     that outruns the isolate) and posts a task to the Executor. Envelope
//     errors are posted too, so answers keep the order of requests.
//  3. On the isolate goroutine the task skips the command if the session has
//     closed, else calls the handler with the raw params.
//  4. The handler's result or *Error (-32602 for bad params, -32000 for
//     failures), and any events it sent, join the session's bounded outbound
//     queue in order. The session's writer goroutine encodes each into one
//     frame. A client that stops reading fills the queue; the session is then
//     closed rather than let the isolate wait or the queue grow.
//
// # Embedding
//
//	reg := cdp.NewRegistry()
//	runtime.Register(reg) // domains: reg.Handle("Runtime.evaluate", ...)
//	srv, err := cdp.Listen(cdp.Config{
//		Addr:     "127.0.0.1:9229",
//		Executor: iso,   // *engine.Isolate
//		Registry: reg,
//		Title:    scriptPath,
//		URL:      cdp.FileURL(scriptPath),
//		Protocol: protocol.JSON,
//		Logger:   log,
//	})
//	fmt.Fprint(os.Stderr, srv.ReadyMessage("listening"))
//
// The run loop then uses RunRequested (--inspect-brk) and NoSessions (keep
// the process up after the script ends while DevTools is attached).
//
// The package holds no package-level mutable state; every Server is
// independent.
package cdp
