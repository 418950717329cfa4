package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// writeReport prints the human-readable report: the score table with
// ratios, the engines, the errors, the noise and the wall times.
func writeReport(w io.Writer, res Results, s Summary) {
	fmt.Fprintf(w, "Octane 2.0 classic suites, %d run(s) per cell: median score (higher is better), ± half the run-to-run range.\n", res.Runs)
	fmt.Fprintf(w, "Ratios are score/score: below 1 the first engine is slower (0.25 = 4x slower).\n")
	if res.Interrupted {
		fmt.Fprintf(w, "INTERRUPTED: partial results.\n")
	}
	fmt.Fprintln(w)
	writeScoreTable(w, res, s)
	fmt.Fprintln(w)
	writeEngines(w, res)
	writeErrors(w, res, s)
	writeNoise(w, res, s)
	writeWall(w, res, s)
}

func label(e EngineStatus) string {
	if e.Reference {
		return e.Name + "†"
	}
	return e.Name
}

func writeScoreTable(w io.Writer, res Results, s Summary) {
	head := []string{"Benchmark"}
	for _, e := range res.Engines {
		head = append(head, label(e))
	}
	for _, c := range s.Ratios {
		head = append(head, c.Key())
	}
	rows := [][]string{head}
	for _, r := range s.Rows {
		line := []string{r.Name}
		for _, e := range res.Engines {
			line = append(line, cellText(e, r.Cells[e.Name]))
		}
		for _, c := range s.Ratios {
			if v, ok := r.Ratios[c.Key()]; ok {
				line = append(line, sig3(v))
			} else {
				line = append(line, "-")
			}
		}
		rows = append(rows, line)
	}
	geo := []string{"Geomean"}
	for _, e := range res.Engines {
		g := s.Geomeans[e.Name]
		switch {
		case e.Unavailable != "":
			geo = append(geo, "n/a")
		case g.N == 0:
			geo = append(geo, "-")
		default:
			geo = append(geo, formatScore(g.Value)+partial(g.N, g.Total))
		}
	}
	for _, c := range s.Ratios {
		if c.N == 0 {
			geo = append(geo, "-")
		} else {
			geo = append(geo, sig3(c.Geomean)+partial(c.N, c.Total))
		}
	}
	rows = append(rows, geo)
	writeColumns(w, rows)
}

// partial marks a geometric mean over fewer rows than the table has.
func partial(n, total int) string {
	if n == total {
		return ""
	}
	return fmt.Sprintf(" (%d/%d)", n, total)
}

func cellText(e EngineStatus, c *Cell) string {
	switch {
	case e.Unavailable != "":
		return "n/a"
	case c == nil:
		return "-"
	case !c.OK():
		return "error"
	case c.Runs == 1:
		return formatScore(c.Median)
	}
	return fmt.Sprintf("%s ±%.0f%%", formatScore(c.Median), 100*c.Spread()/2)
}

func writeEngines(w io.Writer, res Results) {
	fmt.Fprintln(w, "Engines:")
	for _, e := range res.Engines {
		desc := e.Description
		if e.Unavailable != "" {
			desc = "not available: " + e.Unavailable
		}
		if e.Reference {
			desc += " (reference only: JIT compilers on, not comparable to the interpreters)"
		}
		fmt.Fprintf(w, "  %-13s %s\n", label(e), desc)
	}
}

// writeErrors lists each failure once: the benchmarks where an engine
// failed with the same message (the script's name aside) share one entry,
// with the first lines of the message.
func writeErrors(w io.Writer, res Results, s Summary) {
	type group struct {
		engine, msg   string
		benches       []string
		failed, total int
	}
	var groups []*group
	seen := map[string]bool{}
	for _, r := range s.Rows {
		for _, e := range res.Engines {
			c := r.Cells[e.Name]
			if c == nil || c.Error == "" || seen[r.Benchmark+"\x00"+e.Name] {
				continue
			}
			seen[r.Benchmark+"\x00"+e.Name] = true
			msg := c.Error
			if sc := res.Scripts[r.Benchmark]; sc != "" {
				msg = strings.ReplaceAll(msg, sc, "<script>")
			}
			var g *group
			for _, x := range groups {
				if x.engine == e.Name && x.msg == msg {
					g = x
				}
			}
			if g == nil {
				g = &group{engine: e.Name, msg: msg}
				groups = append(groups, g)
			}
			g.benches = append(g.benches, r.Benchmark)
			g.failed += c.ErrorRuns
			g.total += c.Runs
		}
	}
	if len(groups) == 0 {
		return
	}
	fmt.Fprintln(w, "\nErrors (a benchmark that throws or fails its own result check gets no score):")
	for _, g := range groups {
		lines := strings.Split(g.msg, "\n")
		if len(lines) > 6 {
			lines = append(lines[:6], "…")
		}
		fmt.Fprintf(w, "  %s %s (%d/%d runs failed):\n      %s\n",
			g.engine, strings.Join(g.benches, ", "), g.failed, g.total, strings.Join(lines, "\n      "))
	}
}

// writeNoise summarizes the run-to-run spread per engine: how much to
// trust a difference between two figures.
func writeNoise(w io.Writer, res Results, s Summary) {
	if res.Runs < 2 {
		return
	}
	var lines []string
	for _, e := range res.Engines {
		var spreads []float64
		worst, worstRow := 0.0, ""
		for _, r := range s.Rows {
			if c := r.Cells[e.Name]; c.OK() && len(c.Scores) > 1 {
				spreads = append(spreads, c.Spread())
				if c.Spread() >= worst {
					worst, worstRow = c.Spread(), r.Name
				}
			}
		}
		if len(spreads) > 0 {
			lines = append(lines, fmt.Sprintf("  %-20s median %.1f%%, worst %.1f%% (%s)",
				label(e), 100*median(spreads), 100*worst, worstRow))
		}
	}
	for _, c := range s.Ratios {
		if c.WorstRow != "" {
			lines = append(lines, fmt.Sprintf("  %-20s median %.1f%%, worst %.1f%% (%s)  [per-run ratio: engines ran back to back]",
				c.Key(), 100*c.MedianSpread, 100*c.WorstSpread, c.WorstRow))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "\nNoise, run-to-run spread (max-min)/median of each cell:")
	fmt.Fprintln(w, strings.Join(lines, "\n"))
}

func writeWall(w io.Writer, res Results, s Summary) {
	fmt.Fprintln(w, "\nWall time per script, seconds (median; warmup, setup and teardown included):")
	head := []string{"Benchmark"}
	for _, e := range res.Engines {
		head = append(head, label(e))
	}
	rows := [][]string{head}
	for _, b := range res.Benchmarks {
		line := []string{b}
		for _, e := range res.Engines {
			if v, ok := s.Wall[b][e.Name]; ok {
				line = append(line, fmt.Sprintf("%.1f", v))
			} else {
				line = append(line, "-")
			}
		}
		rows = append(rows, line)
	}
	writeColumns(w, rows)
}

// writeColumns prints rows as aligned columns: the first left-aligned,
// the others right-aligned.
func writeColumns(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var sb strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i == 0 {
				sb.WriteString(c + pad)
			} else {
				sb.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(sb.String(), " "))
	}
}
