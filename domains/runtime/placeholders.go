package runtime

import (
	"encoding/json"

	"github.com/sonde-js/sonde/cdp"
)

// RegisterPlaceholders answers the enable/disable commands DevTools sends
// on attach for domains this package does not own, as node answers them:
// Profiler.enable/disable and HeapProfiler.enable/disable with {} (until
// domains/profiler and domains/heapprofiler register their own: drop the
// method from placeholderMethods when they do), and Network.enable with {}
// (node's partial Network domain; every other Network method is -32601, as
// in node).
func RegisterPlaceholders(reg *cdp.Registry, skip func(method string) bool) {
	for _, m := range placeholderMethods {
		if skip != nil && skip(m) {
			continue
		}
		reg.Handle(m, func(*cdp.Session, json.RawMessage) (json.RawMessage, *cdp.Error) {
			return json.RawMessage("{}"), nil
		})
	}
}

// placeholderMethods are the methods RegisterPlaceholders answers.
var placeholderMethods = []string{
	"Profiler.enable", "Profiler.disable",
	"HeapProfiler.enable", "HeapProfiler.disable",
	"Network.enable",
}
