package profiler

import (
	"encoding/json"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/protocol"
	proto "github.com/sonde-js/sonde/protocol/profiler"
)

// clientKey is the Session value key of a session's Client.
type clientKey struct{}

// Register installs the Profiler domain's coverage methods for iso in reg
// and returns the isolate's Profiler (for the NODE_V8_COVERAGE writer and
// TriggerUpdate). Each session gets its own Client; a session that ends is
// disabled, which stops its precise coverage.
func Register(reg *cdp.Registry, iso *engine.Isolate, opts Options) *Profiler {
	p := New(iso, opts)
	p.Register(reg)
	return p
}

// Register installs the domain's methods for p's isolate in reg (one
// Profiler can serve a cdp.Registry and the NODE_V8_COVERAGE writer at
// once: they share the isolate's coverage mode).
func (p *Profiler) Register(reg *cdp.Registry) {
	reg.AddListener(cdp.SessionFuncs{
		Started: func(s *cdp.Session) {
			c := p.NewClient(func(method string, ev proto.PreciseCoverageDeltaUpdateEvent) {
				if b, err := protocol.Marshal(ev); err == nil {
					s.Notify(method, b)
				}
			})
			s.SetValue(clientKey{}, c)
		},
		Ended: func(s *cdp.Session) {
			if c, ok := s.Value(clientKey{}).(*Client); ok {
				c.Close()
			}
		},
	})
	client := func(s *cdp.Session) *Client {
		c, _ := s.Value(clientKey{}).(*Client)
		return c
	}
	reg.Handle(proto.CommandEnable, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &proto.EnableParams{}); err != nil {
			return nil, err
		}
		client(s).Enable()
		return nil, nil
	})
	reg.Handle(proto.CommandDisable, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &proto.DisableParams{}); err != nil {
			return nil, err
		}
		client(s).Disable()
		return nil, nil
	})
	reg.Handle(proto.CommandGetBestEffortCoverage, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &proto.GetBestEffortCoverageParams{}); err != nil {
			return nil, err
		}
		return marshal(&proto.GetBestEffortCoverageReturns{Result: p.BestEffort()})
	})
	reg.Handle(proto.CommandStartPreciseCoverage, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		var in proto.StartPreciseCoverageParams
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &in); err != nil {
			return nil, err
		}
		ts, err := client(s).StartPrecise(flag(in.CallCount), flag(in.Detailed), flag(in.AllowTriggeredUpdates))
		if err != nil {
			return nil, cdp.ServerError(err.Error())
		}
		return marshal(&proto.StartPreciseCoverageReturns{Timestamp: ts})
	})
	reg.Handle(proto.CommandTakePreciseCoverage, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &proto.TakePreciseCoverageParams{}); err != nil {
			return nil, err
		}
		result, ts, err := client(s).TakePrecise()
		if err != nil {
			return nil, cdp.ServerError(err.Error())
		}
		return marshal(&proto.TakePreciseCoverageReturns{Result: result, Timestamp: ts})
	})
	reg.Handle(proto.CommandStopPreciseCoverage, func(s *cdp.Session, params json.RawMessage) (json.RawMessage, *cdp.Error) {
		if err := protocol.DecodeParams(easyjson.RawMessage(params), &proto.StopPreciseCoverageParams{}); err != nil {
			return nil, err
		}
		if err := client(s).StopPrecise(); err != nil {
			return nil, cdp.ServerError(err.Error())
		}
		return nil, nil
	})
}

func flag(b *bool) bool { return b != nil && *b }

// marshal encodes a result with the protocol's writer flags.
func marshal(v easyjson.Marshaler) (json.RawMessage, *cdp.Error) {
	b, err := protocol.Marshal(v)
	if err != nil {
		return nil, cdp.ServerError("encode result: " + err.Error())
	}
	return b, nil
}
