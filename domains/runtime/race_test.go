//go:build race

package runtime

import "time"

// concurrentDuration is 10 s under the race detector (the bar).
const concurrentDuration = 10 * time.Second
