module github.com/sonde-js/sonde

go 1.26.8

require (
	github.com/coder/websocket v1.8.15
	github.com/mailru/easyjson v0.9.2
	go.uber.org/zap v1.28.0
)

require (
	github.com/josharian/intern v1.0.0 // indirect
	go.uber.org/multierr v1.10.0 // indirect
)
