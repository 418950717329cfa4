package main

import "slices"

// Summary condenses Results into what the table and the JSON show: the
// median score per result and engine, ratios and geometric means.
type Summary struct {
	Rows   []Row         `json:"rows"`
	Ratios []RatioColumn `json:"ratios"`
	// Geomeans holds each engine's geometric mean over the rows where it
	// has a score.
	Geomeans map[string]Geomean `json:"geomeans"`
	// Wall holds the median wall time (seconds) per benchmark and engine.
	Wall map[string]map[string]float64 `json:"wallSeconds"`
}

// Row is one Octane result: a suite's score, or a second score of a suite
// (SplayLatency).
type Row struct {
	Name      string           `json:"name"`
	Benchmark string           `json:"benchmark"`
	Cells     map[string]*Cell `json:"cells"`
	// Ratios holds the ratio of medians per ratio column ("goja/node-jitless")
	// where both engines have a score.
	Ratios map[string]float64 `json:"ratios,omitempty"`
	// RunRatios holds, per ratio column, the ratio within each run (the two
	// engines ran back to back): their spread is the ratio's noise.
	RunRatios map[string][]float64 `json:"runRatios,omitempty"`
}

// Cell is one result on one engine over all runs.
type Cell struct {
	// Scores are the scores of the runs without error.
	Scores []float64 `json:"scores,omitempty"`
	Median float64   `json:"median,omitempty"`
	Min    float64   `json:"min,omitempty"`
	Max    float64   `json:"max,omitempty"`
	// Error is the first run's error, ErrorRuns how many runs failed. A
	// result that failed in any run has no score.
	Error     string `json:"error,omitempty"`
	ErrorRuns int    `json:"errorRuns,omitempty"`
	Runs      int    `json:"runs"`
}

// OK reports whether the cell has a score.
func (c *Cell) OK() bool { return c != nil && c.Error == "" && len(c.Scores) > 0 }

// Spread is the run-to-run range relative to the median: (max-min)/median.
func (c *Cell) Spread() float64 {
	if !c.OK() {
		return 0
	}
	return (c.Max - c.Min) / c.Median
}

// RatioColumn is Num's score divided by Den's: above 1, Num is faster.
type RatioColumn struct {
	Num string `json:"num"`
	Den string `json:"den"`
	// Geomean is the geometric mean of the per-row ratios, over the N of
	// Total rows where both engines have a score.
	Geomean float64 `json:"geomean,omitempty"`
	N       int     `json:"n"`
	Total   int     `json:"total"`
	// MedianSpread and WorstSpread summarize the rows' spreads of per-run
	// ratios, (max-min)/median; WorstRow names the worst row.
	MedianSpread float64 `json:"medianSpread,omitempty"`
	WorstSpread  float64 `json:"worstSpread,omitempty"`
	WorstRow     string  `json:"worstRow,omitempty"`
}

// Key names the column ("goja/node-jitless").
func (c RatioColumn) Key() string { return c.Num + "/" + c.Den }

// Geomean is an engine's geometric mean of scores, over N of Total rows.
type Geomean struct {
	Value float64 `json:"value,omitempty"`
	N     int     `json:"n"`
	Total int     `json:"total"`
}

// summarize aggregates the measurements. A benchmark's rows are the result
// names any engine reported for it (Splay gives Splay and SplayLatency), or
// its own name if none did; a failed run fails every row of its benchmark.
func summarize(res Results) Summary {
	s := Summary{Geomeans: map[string]Geomean{}, Wall: map[string]map[string]float64{}}
	for _, b := range res.Benchmarks {
		var names []string
		walls := map[string][]float64{}
		for _, m := range res.Measurements {
			if m.Benchmark != b {
				continue
			}
			walls[m.Engine] = append(walls[m.Engine], m.WallSeconds)
			for _, n := range sortedKeys(m.Scores) {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		}
		sortRowNames(b, names)
		if len(names) == 0 {
			names = []string{b}
		}
		for _, n := range names {
			s.Rows = append(s.Rows, buildRow(res, b, n))
		}
		s.Wall[b] = map[string]float64{}
		for e, w := range walls {
			s.Wall[b][e] = median(w)
		}
	}
	for _, e := range res.Engines {
		var xs []float64
		for _, r := range s.Rows {
			if c := r.Cells[e.Name]; c.OK() {
				xs = append(xs, c.Median)
			}
		}
		g := Geomean{N: len(xs), Total: len(s.Rows)}
		if len(xs) > 0 {
			g.Value = geomean(xs)
		}
		s.Geomeans[e.Name] = g
	}
	s.Ratios = ratioColumns(res.Engines)
	for i := range s.Ratios {
		col := &s.Ratios[i]
		col.Total = len(s.Rows)
		var xs []float64
		for j := range s.Rows {
			r := &s.Rows[j]
			num, den := r.Cells[col.Num], r.Cells[col.Den]
			if num.OK() && den.OK() {
				if r.Ratios == nil {
					r.Ratios = map[string]float64{}
				}
				r.Ratios[col.Key()] = num.Median / den.Median
				xs = append(xs, num.Median/den.Median)
			}
		}
		col.N = len(xs)
		if len(xs) > 0 {
			col.Geomean = geomean(xs)
		}
		pairRunRatios(res, s.Rows, col)
	}
	return s
}

// pairRunRatios records, for each row where both engines of col have a
// score, the ratio within each run where both succeeded, and summarizes
// their spread on col. Engines run back to back within a run, so slow
// drifts of the machine's load cancel in these ratios.
func pairRunRatios(res Results, rows []Row, col *RatioColumn) {
	var spreads []float64
	for j := range rows {
		r := &rows[j]
		if _, ok := r.Ratios[col.Key()]; !ok {
			continue
		}
		var xs []float64
		for run := 1; run <= res.Runs; run++ {
			num, ok1 := runScore(res, r.Benchmark, r.Name, col.Num, run)
			den, ok2 := runScore(res, r.Benchmark, r.Name, col.Den, run)
			if ok1 && ok2 {
				xs = append(xs, num/den)
			}
		}
		if len(xs) == 0 {
			continue
		}
		if r.RunRatios == nil {
			r.RunRatios = map[string][]float64{}
		}
		r.RunRatios[col.Key()] = xs
		if len(xs) > 1 {
			sp := (slices.Max(xs) - slices.Min(xs)) / median(xs)
			spreads = append(spreads, sp)
			if sp > col.WorstSpread {
				col.WorstSpread, col.WorstRow = sp, r.Name
			}
		}
	}
	if len(spreads) > 0 {
		col.MedianSpread = median(spreads)
	}
}

// runScore is the score of one result on one engine in one run, if that
// run succeeded.
func runScore(res Results, bench, name, engine string, run int) (float64, bool) {
	for _, m := range res.Measurements {
		if m.Benchmark == bench && m.Engine == engine && m.Run == run && m.Error == "" {
			v, ok := m.Scores[name]
			return v, ok
		}
	}
	return 0, false
}

// sortRowNames puts the suite's own result first (Splay before
// SplayLatency), the rest alphabetically.
func sortRowNames(bench string, names []string) {
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == bench:
			return -1
		case b == bench:
			return 1
		case a < b:
			return -1
		}
		return 1
	})
}

func buildRow(res Results, bench, name string) Row {
	row := Row{Name: name, Benchmark: bench, Cells: map[string]*Cell{}}
	for _, m := range res.Measurements {
		if m.Benchmark != bench {
			continue
		}
		c := row.Cells[m.Engine]
		if c == nil {
			c = &Cell{}
			row.Cells[m.Engine] = c
		}
		c.Runs++
		switch v, ok := m.Scores[name]; {
		case m.Error != "":
			c.ErrorRuns++
			if c.Error == "" {
				c.Error = m.Error
			}
		case !ok:
			c.ErrorRuns++
			if c.Error == "" {
				c.Error = "no " + name + " score reported"
			}
		default:
			c.Scores = append(c.Scores, v)
		}
	}
	for _, c := range row.Cells {
		if len(c.Scores) > 0 {
			c.Median = median(c.Scores)
			c.Min, c.Max = slices.Min(c.Scores), slices.Max(c.Scores)
		}
	}
	return row
}

// ratioColumns picks the ratio columns: every engine against the first
// baseline (node --jitless), and the engines under test (neither baselines
// nor references: Sonde) against the later baselines (goja).
func ratioColumns(engs []EngineStatus) []RatioColumn {
	var cols []RatioColumn
	first := true
	for _, den := range engs {
		if !den.Baseline {
			continue
		}
		for _, num := range engs {
			if num.Name == den.Name {
				continue
			}
			if first || (!num.Baseline && !num.Reference) {
				cols = append(cols, RatioColumn{Num: num.Name, Den: den.Name})
			}
		}
		first = false
	}
	return cols
}
