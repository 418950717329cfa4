package cdp

import (
	"net/netip"
	"strings"
)

// allowedHost reports whether a request's Host header may reach the
// inspector: empty, an IP literal ("127.0.0.1", "[::1]"), or "localhost",
// each with or without a port, case-insensitively. Anything else is a name
// that some DNS server chose to point at us: a web page on evil.example whose
// name was rebound to 127.0.0.1 would otherwise read /json/list and open the
// WebSocket with its own Host header. node refuses those the same way
// (src/inspector_socket.cc, IsAllowedHost); the cases it was checked against
// are in testdata/node/hosts.json.
//
// Like node v20 we do not accept "localhost6", "localhost." or a bare IPv6
// address without brackets. Where node's check is loose (it accepts any
// "[...]" as an IPv6 literal) ours parses the address, which is stricter.
func allowedHost(hostHeader string) bool {
	host := trimPort(hostHeader)
	if host == "" || strings.EqualFold(host, "localhost") {
		return true
	}
	if len(host) >= 2 && host[0] == '[' && host[len(host)-1] == ']' {
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		return err == nil && a.Is6()
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Is4()
}

// trimPort drops a ":port" suffix, leaving "[v6]" brackets alone, as node's
// TrimPort does: the last colon starts the port unless it sits inside
// brackets.
func trimPort(host string) string {
	colon := strings.LastIndexByte(host, ':')
	if colon < 0 {
		return host
	}
	if bracket := strings.LastIndexByte(host, ']'); bracket < 0 || colon > bracket {
		return host[:colon]
	}
	return host
}
