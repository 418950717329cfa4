package profiler

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/protocol"
	proto "github.com/sonde-js/sonde/protocol/profiler"
)

// FileWriter collects coverage the way node does under NODE_V8_COVERAGE:
// precise block-count coverage from before the first script compiles, and
// a file coverage-<pid>-<ms since epoch>-<thread id>.json in the directory
// holding the take's result, {"result":[ScriptCoverage…],"timestamp":…},
// written at exit and at each v8.takeCoverage(). v8.stopCoverage() stops
// collecting; nothing is written at exit after it. The thread id is 0 (the
// main thread). Files are what c8 and other tools read.
type FileWriter struct {
	p       *Profiler
	c       *Client
	dir     string
	pid     int
	stopped bool
	// now is the clock of the file names (wall time, as node's Date.now()).
	now func() time.Time
}

// StartFileCoverage creates dir (and its parents) if needed, starts precise
// block-count coverage on p's isolate, and installs the v8.takeCoverage
// and v8.stopCoverage hooks. Call it before running the first script, and
// Finish at exit. A relative dir is taken from the working directory, as
// node resolves it at startup.
func StartFileCoverage(p *Profiler, dir string) (*FileWriter, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("coverage directory %q: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o777); err != nil {
		return nil, fmt.Errorf("coverage directory: %w", err)
	}
	w := &FileWriter{p: p, c: p.NewClient(nil), dir: abs, pid: os.Getpid(), now: time.Now}
	w.c.Enable()
	if _, err := w.c.StartPrecise(true, true, false); err != nil {
		return nil, err
	}
	p.iso.JS().SetCoverageHooks(interp.CoverageHooks{Take: w.Take, Stop: w.Stop})
	return w, nil
}

// Dir returns the absolute directory files are written to.
func (w *FileWriter) Dir() string { return w.dir }

// Take writes what ran since the start or the previous take to a new file
// and resets the counters (v8.takeCoverage()). After Stop it does nothing.
func (w *FileWriter) Take() error {
	if w.stopped {
		return nil
	}
	result, ts, err := w.c.TakePrecise()
	if err != nil {
		return err
	}
	data, err := protocol.Marshal(&proto.TakePreciseCoverageReturns{Result: result, Timestamp: ts})
	if err != nil {
		return fmt.Errorf("encode coverage: %w", err)
	}
	// Two takes in one millisecond would share node's name: the later one
	// takes the next free millisecond (still node's format).
	ms := w.now().UnixMilli()
	for {
		name := filepath.Join(w.dir, fmt.Sprintf("coverage-%d-%d-%d.json", w.pid, ms, 0))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if os.IsExist(err) {
			ms++
			continue
		}
		if err != nil {
			return fmt.Errorf("write coverage: %w", err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write coverage: %w", err)
		}
		return nil
	}
}

// Stop stops collecting (v8.stopCoverage()): counters are released and no
// file is written at exit.
func (w *FileWriter) Stop() error {
	if w.stopped {
		return nil
	}
	w.stopped = true
	w.c.Close()
	return nil
}

// Finish is the exit: the last file, unless Stop was called. It removes
// the hooks.
func (w *FileWriter) Finish() error {
	err := w.Take()
	w.Stop()
	w.p.iso.JS().SetCoverageHooks(interp.CoverageHooks{})
	return err
}
