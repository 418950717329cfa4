package test262

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"time"
)

// Summary is the machine-readable record of a run: counts per directory and
// the status of every job, so that a later run can be compared with it.
type Summary struct {
	Engine string `json:"engine"`
	// Test262 is the suite's version (package.json), if known.
	Test262 string `json:"test262,omitempty"`
	// Paths are the directories and files that were run.
	Paths           []string `json:"paths"`
	Date            string   `json:"date"`
	DurationSeconds float64  `json:"durationSeconds"`
	Workers         int      `json:"workers"`
	Total           Counts   `json:"total"`
	// Dirs counts jobs per directory, at two depths below the root:
	// "test/language" and "test/language/expressions".
	Dirs map[string]Counts `json:"dirs"`
	// Results is every job's status, by job ID.
	Results map[string]Status `json:"results"`
}

// Counts are job counts by status, with the pass rate: passed over run
// (passed plus failed) in percent. Skipped jobs are not in the rate.
type Counts struct {
	Pass int     `json:"pass"`
	Fail int     `json:"fail"`
	Skip int     `json:"skip"`
	Rate float64 `json:"rate"`
}

func (c *Counts) add(s Status) {
	switch s {
	case Pass:
		c.Pass++
	case Fail:
		c.Fail++
	case Skip:
		c.Skip++
	}
	if run := c.Pass + c.Fail; run > 0 {
		c.Rate = math.Round(float64(c.Pass)/float64(run)*10000) / 100
	} else {
		c.Rate = 0
	}
}

// Summarize builds the summary of a run.
func Summarize(engine string, paths []string, results []Result, start time.Time, d time.Duration, workers int) *Summary {
	s := &Summary{
		Engine:          engine,
		Paths:           paths,
		Date:            start.UTC().Format(time.RFC3339),
		DurationSeconds: math.Round(d.Seconds()*10) / 10,
		Workers:         workers,
		Dirs:            map[string]Counts{},
		Results:         make(map[string]Status, len(results)),
	}
	for _, r := range results {
		s.Results[r.ID] = r.Status
		s.Total.add(r.Status)
		for _, dir := range reportDirs(r.Path) {
			c := s.Dirs[dir]
			c.add(r.Status)
			s.Dirs[dir] = c
		}
	}
	return s
}

// reportDirs lists the directories a test is counted under: the first two
// and three segments of its path ("test/language",
// "test/language/expressions"), when they are directories.
func reportDirs(rel string) []string {
	segs := strings.Split(rel, "/")
	var dirs []string
	for n := 2; n <= 3 && n < len(segs); n++ {
		dirs = append(dirs, strings.Join(segs[:n], "/"))
	}
	return dirs
}

// WriteJSON writes the summary to file as indented JSON.
func (s *Summary) WriteJSON(file string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write summary: %w", err)
	}
	return nil
}

// ReadSummary reads a summary written by WriteJSON.
func ReadSummary(file string) (*Summary, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read summary: %w", err)
	}
	var s Summary
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("read summary %s: %w", file, err)
	}
	return &s, nil
}
