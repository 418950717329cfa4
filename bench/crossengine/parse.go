package main

import (
	"fmt"
	"strconv"
	"strings"
)

// DriverReport is what one run of driver.js printed.
type DriverReport struct {
	// Scores holds each suite's score by result name ("Splay" and
	// "SplayLatency" are two results of one suite), Order their order.
	Scores map[string]float64
	Order  []string
	// Errors holds the message of each suite that threw or failed its
	// own result check: such a suite has no score.
	Errors map[string]string
	// Total is Octane's geometric mean as printed ("" if never printed).
	Total string
	// Done is true when the driver ran to its end.
	Done bool
	// Other keeps the last lines that were not driver events (engine
	// warnings, stray prints), for diagnosing a run that did not finish.
	Other []string
}

const (
	eventPrefix   = "@octane "
	keepOtherTail = 20
)

// parseDriverOutput reads the driver's event lines out of everything a
// runner printed. Lines that are not events are kept in Other; a malformed
// event is an error, since it means the driver and the parser disagree.
func parseDriverOutput(out string) (DriverReport, error) {
	r := DriverReport{Scores: map[string]float64{}, Errors: map[string]string{}}
	for n, line := range strings.Split(out, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if !strings.HasPrefix(line, eventPrefix) {
			if strings.TrimSpace(line) != "" {
				r.Other = append(r.Other, line)
				if len(r.Other) > keepOtherTail {
					r.Other = r.Other[1:]
				}
			}
			continue
		}
		kind, rest, _ := strings.Cut(line[len(eventPrefix):], " ")
		switch kind {
		case "result":
			name, score, ok := strings.Cut(rest, " ")
			if !ok || name == "" {
				return r, fmt.Errorf("driver output line %d: malformed result %q", n+1, line)
			}
			v, err := strconv.ParseFloat(score, 64)
			if err != nil || v <= 0 {
				return r, fmt.Errorf("driver output line %d: result %s: score %q is not a positive number", n+1, name, score)
			}
			if _, dup := r.Scores[name]; !dup {
				r.Order = append(r.Order, name)
			}
			r.Scores[name] = v
		case "error":
			name, msg, ok := strings.Cut(rest, " ")
			if !ok || name == "" {
				return r, fmt.Errorf("driver output line %d: malformed error %q", n+1, line)
			}
			r.Errors[name] = unescapeMessage(msg)
		case "total":
			r.Total = rest
		case "done":
			r.Done = true
		default:
			return r, fmt.Errorf("driver output line %d: unknown event %q", n+1, kind)
		}
	}
	return r, nil
}

// unescapeMessage undoes driver.js's escape: \\ → \, \n → newline,
// \r → carriage return.
func unescapeMessage(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		default:
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}
