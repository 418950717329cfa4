package cdp

import (
	"io"
	"strings"
	"testing"
)

func TestHostHeaderMatchesNode(t *testing.T) {
	var rec struct {
		Hosts []struct {
			Host   *string `json:"host"`
			Status int     `json:"status"`
			Body   string  `json:"body"`
		} `json:"hosts"`
	}
	readTestdata(t, "hosts.json", &rec)
	ts := discoveryServer(t)
	for _, c := range rec.Hosts {
		name := "no Host"
		var host *string
		if c.Host != nil {
			h := fromNode(ts, *c.Host)
			host, name = &h, "Host: "+*c.Host
		}
		t.Run(name, func(t *testing.T) {
			resp := rawHTTP(t, ts.port(), "GET", "/json/version", host)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != c.Status {
				t.Fatalf("status %d, node %d", resp.StatusCode, c.Status)
			}
			if c.Status == 400 && string(body) != c.Body {
				t.Errorf("body %q, node %q", body, c.Body)
			}
			if host != nil && allowedHost(*host) != (c.Status == 200) {
				t.Errorf("allowedHost(%q) = %v", *host, allowedHost(*host))
			}
		})
	}
}

// A rebound name must not open a session either.
func TestHostHeaderGuardsWebSocket(t *testing.T) {
	ts := startServer(t, Config{})
	for _, host := range []string{"evil.example", "evil.example:9229", "localhost.evil.example"} {
		resp := rawHTTP(t, ts.port(), "GET", "/"+ts.TargetID(), &host,
			"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
			"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 400 || string(body) != refusal {
			t.Errorf("Host %s: %d %q", host, resp.StatusCode, body)
		}
	}
	if n := ts.SessionCount(); n != 0 {
		t.Errorf("%d sessions", n)
	}
	// Origin is not checked (node does not): chrome://inspect sends none,
	// the hosted frontend its own.
	host := "127.0.0.1"
	resp := rawHTTP(t, ts.port(), "GET", "/"+ts.TargetID(), &host,
		"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: http://127.0.0.1:9222")
	if resp.StatusCode != 101 {
		t.Errorf("upgrade with the hosted frontend's Origin: %d", resp.StatusCode)
	}
}

func TestAllowedHostTable(t *testing.T) {
	for host, want := range map[string]bool{
		"":                       true,
		"127.0.0.1":              true,
		"127.0.0.1:9229":         true,
		"192.168.1.20:80":        true,
		"[::1]":                  true,
		"[::1]:9229":             true,
		"[fe80::1%eth0]:1":       true,
		"localhost":              true,
		"LOCALHOST:9229":         true,
		"::1":                    false, // unbracketed: node trims ":1"
		"[127.0.0.1]":            false, // brackets hold IPv6 only
		"[evil.example]":         false, // node lets any [..] through; we parse
		"localhost6":             false, // node v20 refuses it
		"localhost.":             false,
		"localhost:9229:1":       false,
		"127.0.0.1.nip.io":       false,
		"127.1":                  false,
		"0x7f.0.0.1":             false,
		"evil.example":           false,
		"evil.example:9229":      false,
		strings.Repeat("a", 300): false,
	} {
		if got := allowedHost(host); got != want {
			t.Errorf("allowedHost(%q) = %v, want %v", host, got, want)
		}
	}
}
