package cdp

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/coder/websocket"
	"go.uber.org/zap"
)

// maxKeptWriteBuffer is the largest encoding buffer a writer keeps between
// batches; a bigger one (a large profile) is dropped after use.
const maxKeptWriteBuffer = 1 << 20

// maxLoggedMessage clips messages logged at debug level.
const maxLoggedMessage = 1024

// serveWebSocket upgrades r and runs the session on this goroutine until it
// closes. Origin is not checked, as node does not: DevTools opened from
// chrome://inspect sends none, the hosted frontend sends its own
// ("http://127.0.0.1:<chrome-port>"), and the Host check plus the
// unguessable target id are the defense. No compression is negotiated
// (node does not support it either).
func (s *Server) serveWebSocket(w http.ResponseWriter, r *http.Request) {
	// Count the session before the client sees the 101, so that a client
	// that got its handshake is always in SessionCount and NoSessions.
	sess := s.addSession(r.RemoteAddr)
	if sess == nil {
		http.Error(w, "server shutting down", http.StatusServiceUnavailable)
		return
	}
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		InsecureSkipVerify: true,
		CompressionMode:    websocket.CompressionDisabled,
	})
	if err != nil {
		s.log.Info("websocket handshake failed", zap.String("remote", r.RemoteAddr), zap.Error(err))
		s.abandon(sess)
		return
	}
	conn.SetReadLimit(-1) // the reader applies Config.MaxMessageSize itself, with a clearer reason
	sess.conn = conn
	if !s.activate(sess) {
		conn.Close(websocket.StatusGoingAway, "server shutting down")
		s.abandon(sess)
		return
	}
	sess.log.Info("session started", zap.String("remote", r.RemoteAddr),
		zap.String("origin", r.Header.Get("Origin")))
	s.exec.Post(sess.start)
	sess.writer.Go(sess.writeLoop)
	code, reason := sess.readLoop()
	sess.shutdown(code, reason)
	sess.writer.Wait()
	s.exec.Post(sess.end)
	s.transportDone(sess)
}

// readLoop reads messages until the connection ends and returns the status
// and reason to close it with.
func (s *Session) readLoop() (websocket.StatusCode, string) {
	limit := s.srv.cfg.MaxMessageSize
	for {
		typ, r, err := s.conn.Reader(s.ctx)
		if err != nil {
			return readEnd(err)
		}
		if typ != websocket.MessageText {
			// node drops the connection; we say why.
			return websocket.StatusUnsupportedData, "binary messages are not supported: send JSON text"
		}
		msg, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return readEnd(err)
		}
		if int64(len(msg)) > limit {
			s.log.Warn("message too big, closing the session", zap.Int64("limit", limit))
			return websocket.StatusMessageTooBig, "message exceeds " + strconv.FormatInt(limit, 10) + " bytes"
		}
		if ce := s.log.Check(zap.DebugLevel, "recv"); ce != nil {
			ce.Write(zap.ByteString("msg", clip(msg)))
		}
		if !s.dispatch(msg) {
			return websocket.StatusNormalClosure, ""
		}
	}
}

// readEnd turns the error that ended reading into a close status: the
// client's own close, or an abnormal end.
func readEnd(err error) (websocket.StatusCode, string) {
	if code := websocket.CloseStatus(err); code != -1 {
		return code, "closed by the client"
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return websocket.StatusAbnormalClosure, "connection lost"
	}
	return websocket.StatusAbnormalClosure, err.Error()
}

// writeLoop sends the outbound queue until the session closes, encoding each
// message into one reused buffer so it goes out as a single frame.
func (s *Session) writeLoop() {
	var buf []byte
	for {
		batch := s.out.take(s.ctx.Done())
		if batch == nil {
			return
		}
		for i := range batch {
			m := &batch[i]
			buf = m.appendTo(buf[:0])
			if ce := s.log.Check(zap.DebugLevel, "send"); ce != nil {
				ce.Write(zap.ByteString("msg", clip(buf)))
			}
			if err := s.conn.Write(s.ctx, websocket.MessageText, buf); err != nil {
				s.abort("write failed: " + err.Error())
				return
			}
			s.out.sent(m)
		}
		if cap(buf) > maxKeptWriteBuffer {
			buf = nil
		}
	}
}

func clip(msg []byte) []byte {
	if len(msg) <= maxLoggedMessage {
		return msg
	}
	return append(msg[:maxLoggedMessage:maxLoggedMessage], "…"...)
}
