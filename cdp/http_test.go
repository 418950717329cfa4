package cdp

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

// nodeHTTP is testdata/node/http.json, recorded from node v20 by record.mjs.
type nodeHTTP struct {
	HTTP []struct {
		Method       string   `json:"method"`
		Path         string   `json:"path"`
		Host         string   `json:"host"`
		Status       int      `json:"status"`
		ContentType  *string  `json:"contentType"`
		CacheControl *string  `json:"cacheControl"`
		Body         *string  `json:"body"`
		BodyKeys     []string `json:"bodyKeys"`
	} `json:"http"`
	Upgrades []struct {
		Path        string  `json:"path"`
		Host        string  `json:"host"`
		WithKey     bool    `json:"withKey"`
		Status      int     `json:"status"`
		ContentType *string `json:"contentType"`
		Body        string  `json:"body"`
	} `json:"upgrades"`
}

const (
	testTitle = "/srv/app/main.js"
	testURL   = "file:///srv/app/main.js"
)

func discoveryServer(t *testing.T) *testServer {
	return startServer(t, Config{
		Title:    testTitle,
		URL:      testURL,
		Version:  "v0.1.0",
		Protocol: func() []byte { return []byte(`{"version":{"major":"1","minor":"3"},"domains":[]}`) },
	})
}

// fromNode turns a node recording into what we must send: our id, port and
// script, and our names where node says "node.js".
func fromNode(ts *testServer, s string) string {
	return strings.NewReplacer(
		"{{ID}}", ts.TargetID(),
		"{{ID_UPPER}}", strings.ToUpper(ts.TargetID()),
		"{{PORT}}", strconv.Itoa(ts.port()),
		"{{SCRIPT}}", testTitle,
		"{{HOST}}", "127.0.0.1:"+strconv.Itoa(ts.port()),
		"node.js/{{VERSION}}", "Sonde/v0.1.0",
		"node.js instance", "Sonde instance",
	).Replace(s)
}

func TestDiscoveryMatchesNode(t *testing.T) {
	var rec nodeHTTP
	readTestdata(t, "http.json", &rec)
	ts := discoveryServer(t)
	for _, c := range rec.HTTP {
		host := fromNode(ts, c.Host)
		path := fromNode(ts, c.Path)
		t.Run(c.Method+" "+c.Path+" "+c.Host, func(t *testing.T) {
			resp := rawHTTP(t, ts.port(), c.Method, path, &host)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != c.Status {
				t.Fatalf("status %d, node %d (body %q)", resp.StatusCode, c.Status, body)
			}
			if c.ContentType != nil && resp.Header.Get("Content-Type") != *c.ContentType {
				t.Errorf("Content-Type %q, node %q", resp.Header.Get("Content-Type"), *c.ContentType)
			}
			if c.CacheControl != nil && resp.Header.Get("Cache-Control") != *c.CacheControl {
				t.Errorf("Cache-Control %q, node %q", resp.Header.Get("Cache-Control"), *c.CacheControl)
			}
			switch {
			case c.Method == "HEAD":
				// No body either way.
			case c.Body != nil:
				if want := fromNode(ts, *c.Body); string(body) != want {
					t.Errorf("body\n%s\nwant (node's, with our names)\n%s", body, want)
				}
				if strings.HasPrefix(*c.Body, "[") || strings.HasPrefix(*c.Body, "{") {
					sameShape(t, body, []byte(fromNode(ts, *c.Body)))
				}
			case c.BodyKeys != nil: // /json/protocol: the embedder's bytes
				if string(body) != string(ts.cfg.Protocol()) {
					t.Errorf("protocol body %q", body)
				}
				var top map[string]json.RawMessage
				json.Unmarshal(body, &top)
				for _, k := range c.BodyKeys {
					if _, ok := top[k]; !ok {
						t.Errorf("protocol lacks %q", k)
					}
				}
			}
		})
	}
}

// sameShape checks that two JSON documents have the same keys everywhere.
func sameShape(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("invalid JSON %q: %v", got, err)
	}
	json.Unmarshal(want, &w)
	if fmt.Sprint(keysOf(g)) != fmt.Sprint(keysOf(w)) {
		t.Errorf("keys %v, node %v", keysOf(g), keysOf(w))
	}
}

func keysOf(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			out = append(out, k)
			for _, sub := range keysOf(e) {
				out = append(out, k+"."+sub)
			}
		}
	case []any:
		for i, e := range v {
			for _, sub := range keysOf(e) {
				out = append(out, strconv.Itoa(i)+"."+sub)
			}
		}
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestListURLsFollowHostHeader(t *testing.T) {
	ts := discoveryServer(t)
	host := "localhost:1234"
	resp := rawHTTP(t, ts.port(), "GET", "/json/list", &host)
	var list []map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("%d targets", len(list))
	}
	id := ts.TargetID()
	want := map[string]string{
		"description":               "Sonde instance",
		"devtoolsFrontendUrl":       "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=localhost:1234/" + id,
		"devtoolsFrontendUrlCompat": "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=localhost:1234/" + id,
		"faviconUrl":                "https://nodejs.org/static/images/favicons/favicon.ico",
		"id":                        id,
		"title":                     testTitle,
		"type":                      "node",
		"url":                       testURL,
		"webSocketDebuggerUrl":      "ws://localhost:1234/" + id,
	}
	if fmt.Sprint(list[0]) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", list[0], want)
	}
	// With no Host header at all (HTTP/1.0) the URLs name the address the
	// client connected to.
	resp = rawHTTP(t, ts.port(), "GET", "/json", nil)
	list = nil
	json.NewDecoder(resp.Body).Decode(&list)
	if got, want := list[0]["webSocketDebuggerUrl"], ts.WebSocketURL(); got != want {
		t.Errorf("without Host: %s, want %s", got, want)
	}
}

func TestUpgradesMatchNode(t *testing.T) {
	var rec nodeHTTP
	readTestdata(t, "http.json", &rec)
	ts := discoveryServer(t)
	for _, c := range rec.Upgrades {
		path := fromNode(ts, c.Path)
		host := fromNode(ts, c.Host)
		t.Run(c.Path+" "+c.Host+" key="+strconv.FormatBool(c.WithKey), func(t *testing.T) {
			hdr := []string{"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"}
			if c.WithKey {
				hdr = append(hdr, "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")
			}
			resp := rawHTTP(t, ts.port(), "GET", path, &host, hdr...)
			if resp.StatusCode != c.Status {
				t.Fatalf("status %d, node %d", resp.StatusCode, c.Status)
			}
			if c.Status == 101 {
				return
			}
			body, _ := io.ReadAll(resp.Body)
			if string(body) != c.Body || resp.Header.Get("Content-Type") != *c.ContentType {
				t.Errorf("%q %q, node %q %q", resp.Header.Get("Content-Type"), body, *c.ContentType, c.Body)
			}
		})
	}
}

func TestDisableDiscovery(t *testing.T) {
	ts := startServer(t, Config{DisableDiscovery: true})
	host := "127.0.0.1"
	for _, p := range []string{"/json/version", "/json/list", "/json", "/json/protocol", "/nope"} {
		resp := rawHTTP(t, ts.port(), "GET", p, &host)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 404 || len(body) != 0 {
			t.Errorf("%s: %d %q, want an empty 404", p, resp.StatusCode, body)
		}
	}
	c := ts.dial(t) // the WebSocket still works
	call(t, c, 1, "Test.empty", "")
}

func TestProtocolMissing(t *testing.T) {
	ts := startServer(t, Config{})
	host := "127.0.0.1"
	if resp := rawHTTP(t, ts.port(), "GET", "/json/protocol", &host); resp.StatusCode != 404 {
		t.Errorf("status %d without Config.Protocol, want 404", resp.StatusCode)
	}
}

func TestReadyMessageAndURLs(t *testing.T) {
	ts := startServer(t, Config{TargetID: "0f8fad5b-d9cb-469f-a165-70867728950e"})
	port := ts.port()
	want := fmt.Sprintf("Debugger listening on ws://127.0.0.1:%d/0f8fad5b-d9cb-469f-a165-70867728950e\n"+
		"For help, see: https://nodejs.org/en/docs/inspector\n", port)
	if got := ts.ReadyMessage("listening"); got != want {
		t.Errorf("ReadyMessage:\n%q\nwant\n%q", got, want)
	}
	if got, want := ts.FrontendURL(), fmt.Sprintf("devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=127.0.0.1:%d/0f8fad5b-d9cb-469f-a165-70867728950e", port); got != want {
		t.Errorf("FrontendURL %s, want %s", got, want)
	}
}

func TestDefaultsLikeNode(t *testing.T) {
	srv, err := New(Config{Executor: ExecutorFunc(func(f func()) { f() })})
	if err != nil {
		t.Fatal(err)
	}
	if srv.cfg.Addr != "127.0.0.1:9229" {
		t.Errorf("default address %s", srv.cfg.Addr)
	}
	id := srv.TargetID()
	if len(id) != 36 || id[14] != '4' || strings.Count(id, "-") != 4 || strings.ToLower(id) != id {
		t.Errorf("target id %q is not a lower-case v4 UUID", id)
	}
	if other, _ := New(Config{Executor: srv.exec}); other.TargetID() == id {
		t.Error("two servers share a target id")
	}
	if !strings.HasPrefix(srv.cfg.Title, "sonde[") || srv.cfg.URL != "file://" || srv.browser != "Sonde/dev" {
		t.Errorf("defaults: title %q url %q browser %q", srv.cfg.Title, srv.cfg.URL, srv.browser)
	}
	if _, err := New(Config{}); err == nil {
		t.Error("New without an Executor succeeded")
	}
	if _, err := New(Config{Executor: srv.exec, Addr: "9229"}); err == nil {
		t.Error("New with a port-only address succeeded")
	}
}

func TestEmptyHostMeansLoopback(t *testing.T) {
	ts := startServer(t, Config{Addr: ":0"})
	if ip := ts.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		t.Errorf(`":0" listened on %v, want loopback`, ip)
	}
	if !strings.HasPrefix(ts.WebSocketURL(), "ws://127.0.0.1:") {
		t.Errorf("URL %s", ts.WebSocketURL())
	}
}

func TestIPv6URL(t *testing.T) {
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		t.Skip("no IPv6 loopback:", err)
	}
	ln.Close()
	ts := startServer(t, Config{Addr: "[::1]:0"})
	want := fmt.Sprintf("ws://[::1]:%d/%s", ts.port(), ts.TargetID())
	if ts.WebSocketURL() != want {
		t.Errorf("URL %s, want %s", ts.WebSocketURL(), want)
	}
	c := ts.dial(t)
	call(t, c, 1, "Test.empty", "")
}

func TestNonLoopbackNeedsConsent(t *testing.T) {
	iso := newFakeIsolate(t)
	srv, err := New(Config{Addr: "0.0.0.0:0", Executor: iso})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err == nil || !strings.Contains(err.Error(), "non-loopback") {
		t.Fatalf("Start on 0.0.0.0 without AllowRemote: %v", err)
	}
	core, logs := observer.New(zap.WarnLevel)
	srv, err = Listen(Config{Addr: "0.0.0.0:0", AllowRemote: true, Executor: iso, Logger: zap.New(core)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(t.Context())
	if logs.FilterMessageSnippet("non-loopback").Len() != 1 {
		t.Errorf("no warning logged: %v", logs.All())
	}
	if !strings.HasPrefix(srv.WebSocketURL(), "ws://0.0.0.0:") {
		t.Errorf("URL %s (node prints the configured host)", srv.WebSocketURL())
	}
}

func TestFileURL(t *testing.T) {
	for in, want := range map[string]string{
		"/home/me/app.js":        "file:///home/me/app.js",
		"/tmp/with space/a b.js": "file:///tmp/with%20space/a%20b.js",
		"/tmp/100%.js":           "file:///tmp/100%25.js",
	} {
		if got := FileURL(in); got != want {
			t.Errorf("FileURL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FileURL("rel.js"); !strings.HasPrefix(got, "file:///") || !strings.HasSuffix(got, "/rel.js") {
		t.Errorf("FileURL(rel.js) = %q", got)
	}
}

func TestTitleIsEscaped(t *testing.T) {
	ts := startServer(t, Config{Title: `C:\dir\"quoted" <app>.js`})
	host := "127.0.0.1"
	resp := rawHTTP(t, ts.port(), "GET", "/json/list", &host)
	var list []map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if list[0]["title"] != `C:\dir\"quoted" <app>.js` {
		t.Errorf("title %q", list[0]["title"])
	}
}
