package main

import (
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// defaultInspectPort is node's inspector port.
const defaultInspectPort = 9229

// inspectOptions are node's inspector flags:
//
//	--inspect[=[host:]port]       serve the inspector, run at once
//	--inspect-brk[=[host:]port]   serve, wait for a debugger, break before the script
//	--inspect-wait[=[host:]port]  serve, wait for a debugger to attach, then run
//	--inspect-port=[host:]port    the address for the above (or for later activation)
//
// The host defaults to 127.0.0.1 and the port to 9229; port 0 picks a free
// port.
type inspectOptions struct {
	// Enabled is set by --inspect, --inspect-brk or --inspect-wait.
	Enabled bool
	// Break (--inspect-brk) and Wait (--inspect-wait) hold the script until a
	// client sends Runtime.runIfWaitingForDebugger.
	Break, Wait bool
	Host        string
	Port        int
	// LogLevel (--log-level=debug|info|warn|error) turns on the
	// inspector's zap log on stderr, in LogFormat (--log-format=
	// console|json); protocol traffic is logged at debug. Off by default,
	// so stderr carries exactly node's lines.
	LogLevel  string
	LogFormat string
}

// Addr returns "host:port" to listen on.
func (o inspectOptions) Addr() string {
	return net.JoinHostPort(o.Host, strconv.Itoa(o.Port))
}

// Remote reports whether the address is not loopback: binding it is allowed
// because the user asked for it explicitly, with a warning.
func (o inspectOptions) Remote() bool {
	if o.Host == "localhost" {
		return false
	}
	ip := net.ParseIP(o.Host)
	return ip == nil || !ip.IsLoopback()
}

// parseInspectFlags takes the inspector flags out of args (they may appear
// anywhere before the script) and returns the other arguments unchanged, for
// the next flag parser. An invalid address is an error with node's text.
func parseInspectFlags(args []string) (inspectOptions, []string, error) {
	o := inspectOptions{Host: "127.0.0.1", Port: defaultInspectPort}
	var rest []string
	for i, arg := range args {
		if !strings.HasPrefix(arg, "--") {
			// The script and its arguments: everything from here on is
			// not ours.
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(arg[2:], "=")
		name = strings.ReplaceAll(name, "_", "-")
		switch name {
		case "inspect", "inspect-brk", "inspect-wait":
			o.Enabled = true
			o.Break = o.Break || name == "inspect-brk"
			o.Wait = o.Wait || name == "inspect-wait"
		case "inspect-port", "debug-port":
			if !hasValue {
				return o, nil, fmt.Errorf("--%s requires an argument", name)
			}
		case "log-level", "log-format":
			if !hasValue {
				return o, nil, fmt.Errorf("--%s requires an argument", name)
			}
			if name == "log-level" {
				if _, err := zapcore.ParseLevel(value); err != nil {
					return o, nil, fmt.Errorf("--log-level: %w", err)
				}
				o.LogLevel = value
			} else {
				if value != "console" && value != "json" {
					return o, nil, fmt.Errorf("--log-format: %q is not console or json", value)
				}
				o.LogFormat = value
			}
			continue
		default:
			rest = append(rest, arg)
			continue
		}
		if hasValue {
			if err := o.setAddress(value); err != nil {
				return o, nil, err
			}
		}
	}
	return o, rest, nil
}

// setAddress parses node's "[host:]port" (or a bare host): a port must be 0
// or 1024–65535, as node requires.
func (o *inspectOptions) setAddress(v string) error {
	host, port := "", v
	if i := strings.LastIndexByte(v, ':'); i >= 0 {
		host, port = v[:i], v[i+1:]
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	} else if _, err := strconv.Atoi(v); err != nil {
		host, port = v, ""
	}
	if host != "" {
		o.Host = host
	}
	if port == "" {
		return nil
	}
	n, err := strconv.Atoi(port)
	if err != nil || n != 0 && (n < 1024 || n > 65535) {
		return fmt.Errorf("must be 0 or in range 1024 to 65535.")
	}
	o.Port = n
	return nil
}

// remoteWarning is what node (v21+) emits as a SecurityWarning when the
// inspector binds a non-loopback address.
const remoteWarning = "SecurityWarning: Binding the inspector to a public IP with an open port is insecure, " +
	"as it allows external hosts to connect to the inspector and perform a remote code execution attack. " +
	"Documentation can be found at https://nodejs.org/api/cli.html#--inspecthostport"

// logger builds the inspector's logger: nop unless --log-level was given.
func (o inspectOptions) logger(stderr io.Writer) (*zap.Logger, error) {
	if o.LogLevel == "" {
		return zap.NewNop(), nil
	}
	lvl, err := zapcore.ParseLevel(o.LogLevel)
	if err != nil {
		return nil, err
	}
	enc := zap.NewDevelopmentEncoderConfig()
	var encoder zapcore.Encoder = zapcore.NewConsoleEncoder(enc)
	if o.LogFormat == "json" {
		encoder = zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig())
	}
	return zap.New(zapcore.NewCore(encoder, zapcore.AddSync(stderr), lvl)), nil
}
