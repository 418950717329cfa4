package test262

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// nodeHostJS is the host script NodeEngine runs in node (see its header).
//
//go:embed nodehost.js
var nodeHostJS string

// NodeOptions configure a NodeEngine.
type NodeOptions struct {
	// Node is the node binary; "" looks "node" up in PATH.
	Node string
	// Processes is how many node processes may run at once; it should be
	// at least the runner's worker count. 0 means Workers(0).
	Processes int
	// Recycle restarts a node process after this many jobs, so that leaks
	// in one test cannot slow later ones much; 0 means 500.
	Recycle int
	// Stderr receives node's standard error; nil keeps only the tail, for
	// crash messages.
	Stderr io.Writer
}

// NodeEngine runs tests in node, to validate the runner against an engine
// known to be nearly conformant. Each node process runs nodehost.js, which
// serves jobs one at a time, each in a fresh vm context: node starts once
// per process, not per test. A job that overruns its deadline gets its
// process killed; the next job starts a new one.
type NodeEngine struct {
	node    string
	dir     string // temporary directory holding nodehost.js
	script  string
	recycle int
	stderr  io.Writer
	caps    Capabilities
	version string

	slots  chan *nodeProc // idle processes, or nil for "start one"
	nextID atomic.Int64
}

// NewNodeEngine starts one node process to check that node works and to
// learn what it offers.
func NewNodeEngine(opts NodeOptions) (*NodeEngine, error) {
	bin := opts.Node
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("node"); err != nil {
			return nil, fmt.Errorf("node engine: %w", err)
		}
	}
	dir, err := os.MkdirTemp("", "sonde-test262-node-")
	if err != nil {
		return nil, fmt.Errorf("node engine: %w", err)
	}
	script := filepath.Join(dir, "nodehost.js")
	if err := os.WriteFile(script, []byte(nodeHostJS), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("node engine: %w", err)
	}
	procs := opts.Processes
	if procs <= 0 {
		procs = Workers(0)
	}
	e := &NodeEngine{
		node:    bin,
		dir:     dir,
		script:  script,
		recycle: opts.Recycle,
		stderr:  opts.Stderr,
		slots:   make(chan *nodeProc, procs),
	}
	if e.recycle <= 0 {
		e.recycle = 500
	}
	p, hello, err := e.start()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	e.version = hello.Node
	e.caps = Capabilities{
		Host262: []string{
			Host262CreateRealm, Host262DetachArrayBuffer, Host262EvalScript,
			Host262GC, Host262Global, Host262Agent,
		},
		// node's main thread may block in Atomics.wait.
		CanBlock: true,
	}
	if hello.IsHTMLDDA {
		e.caps.Host262 = append(e.caps.Host262, Host262IsHTMLDDA)
	}
	e.slots <- p
	for i := 1; i < procs; i++ {
		e.slots <- nil
	}
	return e, nil
}

// Name is "node".
func (e *NodeEngine) Name() string { return "node" }

// Version is node's version ("v20.20.2").
func (e *NodeEngine) Version() string { return e.version }

// Capabilities: every $262 property but AbstractModuleSource (IsHTMLDDA if
// V8's %GetUndetectable is reachable), on a main agent that can block.
func (e *NodeEngine) Capabilities() Capabilities { return e.caps }

// nodeRequest is a job as nodehost.js reads it.
type nodeRequest struct {
	ID          int64    `json:"id"`
	Prelude     []string `json:"prelude"`
	Source      string   `json:"source"`
	File        string   `json:"file"`
	Module      bool     `json:"module"`
	Async       bool     `json:"async"`
	DDA         bool     `json:"dda"`
	AsyncWaitMs int64    `json:"asyncWaitMs"`
}

// nodeResponse is nodehost.js's answer to a request, or its greeting.
type nodeResponse struct {
	ID        int64        `json:"id"`
	Error     *ThrownError `json:"error"`
	Prints    []string     `json:"prints"`
	HostError string       `json:"hostError"`

	Ready     bool   `json:"ready"`
	IsHTMLDDA bool   `json:"isHTMLDDA"`
	Node      string `json:"node"`
}

// Run sends job to an idle node process and waits for its answer or the
// deadline.
func (e *NodeEngine) Run(ctx context.Context, job *Job) Execution {
	var p *nodeProc
	select {
	case p = <-e.slots:
	case <-ctx.Done():
		return Execution{TimedOut: true}
	}
	if p == nil {
		var err error
		if p, _, err = e.start(); err != nil {
			e.slots <- nil
			return Execution{HostError: err.Error()}
		}
	}
	ex, ok := p.run(ctx, e.request(ctx, job))
	p.jobs++
	if !ok || p.jobs >= e.recycle {
		p.kill()
		p = nil
	}
	e.slots <- p
	return ex
}

// request encodes job for nodehost.js.
func (e *NodeEngine) request(ctx context.Context, job *Job) *nodeRequest {
	req := &nodeRequest{
		ID:      e.nextID.Add(1),
		Source:  job.Source,
		File:    job.File,
		Module:  job.Module,
		Async:   job.Async,
		DDA:     contains(job.Host262, Host262IsHTMLDDA),
		Prelude: []string{},
	}
	for _, f := range job.Prelude {
		req.Prelude = append(req.Prelude, f.Path)
	}
	if job.Async {
		req.AsyncWaitMs = asyncWait(ctx, job).Milliseconds()
	}
	return req
}

// asyncWait is how long node waits for an async test to print its
// completion. A test whose work is all promise jobs has finished by the
// time the event loop is idle, so a second is plenty; tests that wait on
// agents, timers, Atomics.waitAsync or the garbage collector get until just
// before the deadline.
func asyncWait(ctx context.Context, job *Job) time.Duration {
	slow := contains(job.Host262, Host262Agent) || contains(job.Host262, Host262GC)
	for _, marker := range []string{"waitAsync", "setTimeout", "FinalizationRegistry", "WeakRef"} {
		slow = slow || strings.Contains(job.Source, marker)
	}
	left := time.Second * 10
	if d, ok := ctx.Deadline(); ok {
		left = time.Until(d) - 500*time.Millisecond
	}
	if !slow && left > time.Second {
		return time.Second
	}
	return max(left, 0)
}

// Close stops every node process and removes the host script.
func (e *NodeEngine) Close() error {
	for range cap(e.slots) {
		if p := <-e.slots; p != nil {
			p.kill()
		}
	}
	if err := os.RemoveAll(e.dir); err != nil {
		return fmt.Errorf("node engine: %w", err)
	}
	return nil
}

// nodeProc is one node process running nodehost.js.
type nodeProc struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	replies chan nodeResponse
	exited  chan struct{} // closed when the reader sees the end of stdout
	dead    chan struct{} // closed by kill
	once    sync.Once
	stderr  *tailWriter
	jobs    int
}

// start launches a node process and waits for its greeting.
func (e *NodeEngine) start() (*nodeProc, nodeResponse, error) {
	cmd := exec.Command(e.node, "--expose-gc", "--experimental-vm-modules", "--no-warnings", e.script)
	p := &nodeProc{cmd: cmd, replies: make(chan nodeResponse, 1), exited: make(chan struct{}), dead: make(chan struct{}), stderr: &tailWriter{max: 4096}}
	var stderr io.Writer = p.stderr
	if e.stderr != nil {
		stderr = io.MultiWriter(p.stderr, e.stderr)
	}
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nodeResponse{}, fmt.Errorf("start node: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nodeResponse{}, fmt.Errorf("start node: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, nodeResponse{}, fmt.Errorf("start node: %w", err)
	}
	p.stdin = stdin
	go p.read(stdout)
	select {
	case hello := <-p.replies:
		if !hello.Ready {
			p.kill()
			return nil, hello, fmt.Errorf("start node: unexpected greeting from nodehost.js")
		}
		return p, hello, nil
	case <-p.exited:
		p.kill()
		return nil, nodeResponse{}, fmt.Errorf("start node: exited before it was ready: %s", p.stderr.String())
	case <-time.After(30 * time.Second):
		p.kill()
		return nil, nodeResponse{}, errors.New("start node: no greeting from nodehost.js in 30s")
	}
}

// read decodes responses from node's stdout until it closes.
func (p *nodeProc) read(stdout io.Reader) {
	defer close(p.exited)
	dec := json.NewDecoder(bufio.NewReaderSize(stdout, 1<<16))
	for {
		var r nodeResponse
		if err := dec.Decode(&r); err != nil {
			return
		}
		select {
		case p.replies <- r:
		case <-p.dead:
			return
		}
	}
}

// run sends one request and waits for its response; ok is false if the
// process can no longer be used (it timed out, crashed or went astray).
func (p *nodeProc) run(ctx context.Context, req *nodeRequest) (ex Execution, ok bool) {
	b, err := json.Marshal(req)
	if err != nil {
		return Execution{HostError: fmt.Sprintf("encode job: %v", err)}, true
	}
	if _, err := p.stdin.Write(append(b, '\n')); err != nil {
		return Execution{HostError: fmt.Sprintf("send job to node: %v: %s", err, p.stderr.String())}, false
	}
	select {
	case r := <-p.replies:
		if r.ID != req.ID {
			return Execution{HostError: fmt.Sprintf("node answered job %d, want %d", r.ID, req.ID)}, false
		}
		return Execution{Error: r.Error, Prints: r.Prints, HostError: r.HostError}, true
	case <-p.exited:
		p.kill()
		return Execution{HostError: "node exited: " + p.stderr.String()}, false
	case <-ctx.Done():
		return Execution{TimedOut: true}, false
	}
}

// kill stops the process and reaps it; it may be called more than once.
func (p *nodeProc) kill() {
	p.once.Do(func() {
		close(p.dead)
		if p.cmd.Process != nil {
			p.cmd.Process.Kill()
		}
		if p.stdin != nil {
			p.stdin.Close()
		}
		p.cmd.Wait()
	})
}

// tailWriter keeps the last max bytes written to it.
type tailWriter struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (w *tailWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, b...)
	if len(w.buf) > w.max {
		w.buf = append([]byte(nil), w.buf[len(w.buf)-w.max:]...)
	}
	return len(b), nil
}

// String is the tail on one line: lines joined with " | ", without the
// lines of V8's fatal-error banners that hold only "#".
func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var lines []string
	for _, l := range strings.Split(string(w.buf), "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "#" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, " | ")
}
