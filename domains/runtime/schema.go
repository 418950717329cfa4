package runtime

import (
	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/protocol/schema"
)

// schemaDomains is V8's answer to Schema.getDomains (as node v20 gives
// it): the inspector's domains with the protocol version.
var schemaDomains = []string{"Runtime", "Debugger", "Profiler", "HeapProfiler", "Schema"}

func (d *Domain) registerSchema(reg *cdp.Registry) {
	reg.Handle(schema.CommandGetDomains, handle(d, func(ss *session, _ *schema.GetDomainsParams) (easyjson.Marshaler, *cdp.Error) {
		res := &schema.GetDomainsReturns{}
		for _, n := range schemaDomains {
			res.Domains = append(res.Domains, schema.Domain{Name: n, Version: "1.3"})
		}
		return res, nil
	}))
}
