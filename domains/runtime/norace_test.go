//go:build !race

package runtime

import "time"

// concurrentDuration keeps the plain test run short; -race runs 10 s.
const concurrentDuration = 2 * time.Second
