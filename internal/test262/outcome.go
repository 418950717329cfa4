package test262

import (
	"fmt"
	"strings"
)

// Status is the verdict on one job.
type Status string

// Statuses.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	// Skip means the job was not run: its reason is in the skip list or in
	// a host feature the engine lacks.
	Skip Status = "skip"
)

// Outcome is the verdict on one job, with a message saying why for failures
// and skips.
type Outcome struct {
	Status  Status
	Message string
}

// Async test protocol (INTERPRETING.md, flag "async").
const (
	AsyncComplete      = "Test262:AsyncTestComplete"
	AsyncFailurePrefix = "Test262:AsyncTestFailure:"
)

// Classify judges an execution of job:
//
//   - host errors and timeouts fail;
//   - a negative test passes only if it threw an error whose constructor's
//     name is the expected type, in the expected phase;
//   - any other test fails if it threw;
//   - an async test passes only if it printed Test262:AsyncTestComplete
//     before any Test262:AsyncTestFailure:…;
//   - anything else passes.
func Classify(job *Job, ex Execution) Outcome {
	if ex.HostError != "" {
		return Outcome{Fail, "host error: " + ex.HostError}
	}
	if ex.TimedOut {
		return Outcome{Fail, "timed out" + printedSuffix(ex)}
	}
	if neg := job.Test.Meta.Negative; neg != nil {
		e := ex.Error
		switch {
		case e == nil:
			return Outcome{Fail, fmt.Sprintf("expected %s in %s phase, but no error was thrown", neg.Type, neg.Phase)}
		case e.Phase != neg.Phase || e.Name != neg.Type:
			return Outcome{Fail, fmt.Sprintf("expected %s in %s phase, got %s", neg.Type, neg.Phase, describeError(e))}
		}
		return Outcome{Status: Pass}
	}
	if e := ex.Error; e != nil {
		return Outcome{Fail, "uncaught " + describeError(e)}
	}
	if job.Async {
		for _, p := range ex.Prints {
			if p == AsyncComplete {
				return Outcome{Status: Pass}
			}
			if strings.HasPrefix(p, AsyncFailurePrefix) {
				return Outcome{Fail, "async failure: " + strings.TrimSpace(strings.TrimPrefix(p, AsyncFailurePrefix))}
			}
		}
		return Outcome{Fail, "async test did not print " + AsyncComplete + printedSuffix(ex)}
	}
	return Outcome{Status: Pass}
}

// describeError renders a thrown error for a failure message.
func describeError(e *ThrownError) string {
	name := e.Name
	if name == "" {
		name = "non-error value"
	}
	msg := e.Message
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	if msg == "" {
		return fmt.Sprintf("%s in %s phase", name, e.Phase)
	}
	return fmt.Sprintf("%s in %s phase: %s", name, e.Phase, msg)
}

// printedSuffix mentions the last print, which often says where an async
// test stopped.
func printedSuffix(ex Execution) string {
	if len(ex.Prints) == 0 {
		return ""
	}
	return fmt.Sprintf(" (last print: %q)", ex.Prints[len(ex.Prints)-1])
}
