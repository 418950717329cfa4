// Package runtime serves the CDP Runtime domain, the part of the Debugger
// domain DevTools needs to list scripts (enable with scriptParsed,
// getScriptSource, and the setters it sends on attach), and Schema, for one
// isolate, shaped exactly as V8 answers (node v20 is the oracle: testdata/
// holds node's recorded answers and the script that records them).
//
// Every handler runs on the isolate goroutine (the cdp server posts
// commands there). Values cross to the client as RemoteObjects built from
// the engine's introspection API (interp/mirror.go, builtins.KindOf); the
// objects a client holds ids for are kept alive by global handles in a
// per-session store with V8's object groups. Console calls reach the domain
// through the interpreter's ConsoleHook and are stored (up to 1000, as V8)
// so Runtime.enable replays them; new scripts through the compiler's script
// hook, for Debugger.scriptParsed.
package runtime
