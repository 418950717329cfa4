package test262

import (
	"fmt"
	"io"
	"sort"
)

// Diff is how a run differs from a baseline run, job by job.
type Diff struct {
	// Regressions passed in the baseline and do not pass now (they fail,
	// or are now skipped).
	Regressions []Change
	// Progressions did not pass in the baseline (failed or were skipped)
	// and pass now. Jobs new since the baseline that pass are not listed.
	Progressions []Change
	// NewFailures are jobs absent from the baseline that fail now.
	NewFailures []string
	// Base and Current are the totals being compared.
	Base, Current Counts
}

// Change is one job whose status changed.
type Change struct {
	ID       string
	From, To Status
}

// Compare compares a run with a baseline. Jobs of the baseline that were
// not run now (a narrower -run, a removed test) are ignored.
func Compare(base, cur *Summary) *Diff {
	d := &Diff{Base: base.Total, Current: cur.Total}
	ids := make([]string, 0, len(cur.Results))
	for id := range cur.Results {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		now := cur.Results[id]
		was, known := base.Results[id]
		switch {
		case was == Pass && now != Pass:
			d.Regressions = append(d.Regressions, Change{id, was, now})
		case known && was != Pass && now == Pass:
			d.Progressions = append(d.Progressions, Change{id, was, now})
		case !known && now == Fail:
			d.NewFailures = append(d.NewFailures, id)
		}
	}
	return d
}

// Write prints the diff for people: the totals, then every regression and
// progression.
func (d *Diff) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "baseline: %d passed (%.2f%%), now %d passed (%.2f%%): %d regressions, %d progressions, %d new failing tests\n",
		d.Base.Pass, d.Base.Rate, d.Current.Pass, d.Current.Rate, len(d.Regressions), len(d.Progressions), len(d.NewFailures))
	for _, c := range d.Regressions {
		if err == nil {
			_, err = fmt.Fprintf(w, "REGRESSION  %s (%s -> %s)\n", c.ID, c.From, c.To)
		}
	}
	for _, id := range d.NewFailures {
		if err == nil {
			_, err = fmt.Fprintf(w, "NEW FAILURE %s\n", id)
		}
	}
	for _, c := range d.Progressions {
		if err == nil {
			_, err = fmt.Fprintf(w, "PROGRESSION %s (%s -> %s)\n", c.ID, c.From, c.To)
		}
	}
	if err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}
