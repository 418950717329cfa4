package cdp

import (
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"go.uber.org/zap"
)

// The HTTP side answers as node v20's inspector does (src/inspector_socket.cc
// and src/inspector_socket_server.cc; recorded in testdata/node/http.json):
//
//   - GET /json/version: {"Browser","Protocol-Version":"1.1"};
//   - GET /json, /json/list (and anything under /json/list/): the one target;
//   - GET /json/protocol: the protocol definition;
//   - GET /<target-id> with a WebSocket upgrade: a session;
//   - paths match case-insensitively on the raw request target, query
//     included ("/JSON/VERSION" works, "/json/version?x=1" does not);
//   - everything else, a bad Host header, and any method but GET get
//     400 "WebSockets request was expected" (node 20 has no /json/activate,
//     /json/new or /json/close).
//
// JSON bodies are byte-for-byte node's: keys sorted, two-space indent, the
// list as "[ {...} ]" followed by a blank line. Unlike node, title and url are
// JSON-escaped (node turns '"' and '\' into '_').

const (
	contentTypeJSON = "application/json; charset=UTF-8"
	contentTypeHTML = "text/html; charset=UTF-8"
	// refusal is node's body for every request it does not serve.
	refusal = "WebSockets request was expected\r\n"
)

// ServeHTTP serves discovery and WebSocket upgrades. It is the server's
// http.Handler, exposed so tests and embedders can mount it elsewhere (then
// the target's URLs use the request's Host header, as they do anyway).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowedHost(r.Host) {
		s.log.Info("refused request with a foreign Host header (DNS rebinding defense)",
			zap.String("host", r.Host), zap.String("remote", r.RemoteAddr))
		refuse(w)
		return
	}
	if r.Method != http.MethodGet {
		refuse(w)
		return
	}
	if isUpgrade(r) {
		if r.RequestURI != "/"+s.cfg.TargetID || r.Header.Get("Sec-WebSocket-Key") == "" {
			refuse(w)
			return
		}
		s.serveWebSocket(w, r)
		return
	}
	s.log.Debug("http", zap.String("path", r.RequestURI), zap.String("remote", r.RemoteAddr))
	if s.cfg.DisableDiscovery {
		writeJSON(w, http.StatusNotFound, nil)
		return
	}
	cmd, ok := matchPathSegment(r.RequestURI, "/json")
	if !ok {
		refuse(w)
		return
	}
	if _, list := matchPathSegment(cmd, "list"); list || cmd == "" {
		writeJSON(w, http.StatusOK, s.listJSON(r))
		return
	}
	if _, ok := matchPathSegment(cmd, "protocol"); ok {
		if s.cfg.Protocol == nil {
			writeJSON(w, http.StatusNotFound, nil)
			return
		}
		writeJSON(w, http.StatusOK, s.cfg.Protocol())
		return
	}
	if _, ok := matchPathSegment(cmd, "version"); ok {
		writeJSON(w, http.StatusOK, s.versionJSON())
		return
	}
	refuse(w)
}

// refuse answers as node does for anything it will not serve.
func refuse(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", contentTypeHTML)
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusBadRequest)
	w.Write([]byte(refusal))
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentTypeJSON)
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(body)
}

// isUpgrade reports a WebSocket upgrade request, as llhttp flags one:
// "Connection: upgrade" plus an Upgrade header.
func isUpgrade(r *http.Request) bool {
	if r.Header.Get("Upgrade") == "" {
		return false
	}
	for _, v := range r.Header.Values("Connection") {
		for tok := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), "upgrade") {
				return true
			}
		}
	}
	return false
}

// matchPathSegment is node's MatchPathSegment: path starts with expected
// (case-insensitively) followed by "/" or the end; rest is what follows the
// slash.
func matchPathSegment(path, expected string) (rest string, ok bool) {
	if len(path) < len(expected) || !strings.EqualFold(path[:len(expected)], expected) {
		return "", false
	}
	path = path[len(expected):]
	switch {
	case path == "":
		return "", true
	case path[0] == '/':
		return path[1:], true
	}
	return "", false
}

func (s *Server) versionJSON() []byte {
	return appendNodeObject(nil, []string{
		"Browser", s.browser,
		"Protocol-Version", "1.1",
	})
}

// listJSON is /json/list. The URLs name the host the client used (its Host
// header), or the address it connected to when it sent none, as node does.
func (s *Server) listJSON(r *http.Request) []byte {
	host := r.Host
	if host == "" {
		if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
			host = a.String()
		} else {
			host = s.HostPort()
		}
	}
	addr := host + "/" + s.cfg.TargetID
	b := append([]byte(nil), "[ "...)
	b = appendNodeObject(b, []string{ // keys sorted, as node's std::map has them
		"description", s.cfg.Description,
		"devtoolsFrontendUrl", frontendURL("js_app", addr),
		"devtoolsFrontendUrlCompat", frontendURL("inspector", addr),
		"faviconUrl", "https://nodejs.org/static/images/favicons/favicon.ico",
		"id", s.cfg.TargetID,
		"title", s.cfg.Title,
		"type", "node",
		"url", s.cfg.URL,
		"webSocketDebuggerUrl", "ws://" + addr,
	})
	return append(b, "]\n\n"...)
}

// appendNodeObject writes string pairs the way node's MapToString does:
// "{\n  \"k\": \"v\",\n  ...\n} ".
func appendNodeObject(b []byte, kv []string) []byte {
	b = append(b, "{\n"...)
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, "  "...)
		b = appendJSONString(b, kv[i])
		b = append(b, ": "...)
		b = appendJSONString(b, kv[i+1])
	}
	return append(b, "\n} "...)
}

// frontendURL is the devtools:// URL for page ("js_app", or "inspector" for
// Chrome before 66) attached to ws address addr ("127.0.0.1:9229/<id>").
func frontendURL(page, addr string) string {
	return "devtools://devtools/bundled/" + page + ".html?experiments=true&v8only=true&ws=" + addr
}

// FileURL returns the file:// URL of a script path, made absolute, as the
// target's Config.URL: "/home/me/app.js" gives "file:///home/me/app.js".
// Characters that are not allowed in a URL path are percent-encoded (node
// pastes the path in unchanged).
func FileURL(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // C:/x.js
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}
