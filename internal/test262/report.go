package test262

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// WriteText writes the human-readable report of a summary: the total, then
// each top-level directory followed by its subdirectories.
func WriteText(w io.Writer, s *Summary) error {
	d := time.Duration(s.DurationSeconds * float64(time.Second)).Round(100 * time.Millisecond)
	fmt.Fprintf(w, "test262 on %s: %d/%d passed (%.2f%%), %d failed, %d skipped, in %s with %d workers\n\n",
		s.Engine, s.Total.Pass, s.Total.Pass+s.Total.Fail, s.Total.Rate, s.Total.Fail, s.Total.Skip, d, s.Workers)
	dirs := make([]string, 0, len(s.Dirs))
	width := len("directory")
	for dir := range s.Dirs {
		dirs = append(dirs, dir)
		width = max(width, len(dir))
	}
	sort.Strings(dirs)
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %7s %7s %7s %8s\n", width, "directory", "pass", "fail", "skip", "rate")
	for _, dir := range dirs {
		c := s.Dirs[dir]
		name := dir
		if strings.Count(dir, "/") > 1 {
			name = "  " + dir[strings.LastIndexByte(dir, '/')+1:]
		}
		rate := "-"
		if c.Pass+c.Fail > 0 {
			rate = fmt.Sprintf("%.2f%%", c.Rate)
		}
		fmt.Fprintf(&b, "%-*s %7d %7d %7d %8s\n", width, name, c.Pass, c.Fail, c.Skip, rate)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteFailures writes one line per failed job: its ID, a tab and the
// failure message (first line only).
func WriteFailures(w io.Writer, results []Result) error {
	for _, r := range results {
		if r.Status != Fail {
			continue
		}
		msg := r.Message
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i] + " …"
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\n", r.ID, msg); err != nil {
			return fmt.Errorf("write failures: %w", err)
		}
	}
	return nil
}
