// Package e2e drives the real inspector binary with real clients: a Go CDP
// client here, the npm ecosystem's clients and headless Chromium's DevTools
// in the tests that need them (skipped locally when those are absent, failed
// under CI; see internal/e2eenv).
package e2e

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sonde-js/sonde/internal/cdpclient"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/inspector once per test run.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sonde-e2e-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "inspector")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/inspector").CombinedOutput()
		if err != nil {
			buildErr = &buildError{err, string(out)}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + e.out }

// process is a running inspector with --inspect.
type process struct {
	cmd    *exec.Cmd
	wsURL  string
	mu     sync.Mutex
	stderr strings.Builder
	stdout strings.Builder
	exited chan struct{}
	err    error
}

var listening = regexp.MustCompile(`Debugger listening on (ws://\S+)`)

// start runs the binary on a script with the given flags and waits for
// "Debugger listening on" and the "For help, see:" line that follows it.
func start(t testing.TB, script string, flags ...string) *process {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.js")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &process{exited: make(chan struct{})}
	p.cmd = exec.Command(binary(t), append(flags, path)...)
	errPipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	outPipe, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urlCh := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(errPipe)
		url := ""
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.stderr.WriteString(line + "\n")
			p.mu.Unlock()
			if m := listening.FindStringSubmatch(line); m != nil && url == "" {
				url = m[1]
			} else if url != "" && url != "-" && strings.HasPrefix(line, "For help, see:") {
				urlCh <- url // the announcement is complete
				url = "-"
			}
		}
	}()
	var outDone sync.WaitGroup
	outDone.Add(1)
	go func() {
		defer outDone.Done()
		b, _ := io.ReadAll(outPipe)
		p.mu.Lock()
		p.stdout.Write(b)
		p.mu.Unlock()
	}()
	go func() {
		outDone.Wait()
		p.err = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
	})
	select {
	case p.wsURL = <-urlCh:
	case <-p.exited:
		t.Fatalf("exited before listening: %v\n%s", p.err, p.Stderr())
	case <-time.After(20 * time.Second):
		t.Fatalf("no 'Debugger listening' line:\n%s", p.Stderr())
	}
	return p
}

func (p *process) Stderr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

func (p *process) Stdout() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stdout.String()
}

// wait waits for the process to exit and returns its exit code.
func (p *process) wait(t testing.TB) int {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("process did not exit; stderr:\n%s", p.Stderr())
	}
	if p.cmd.ProcessState == nil {
		return -1
	}
	return p.cmd.ProcessState.ExitCode()
}

func dial(t testing.TB, url string) *cdpclient.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := cdpclient.Dial(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
