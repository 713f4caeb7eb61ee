package stdlib

import (
	"context"
	_ "embed"
	"fmt"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The network half of the loop API (create_connection, create_server,
// create_unix_*, sock_*, getaddrinfo/getnameinfo) and the streams
// functions of the asyncio module (open_connection, start_server…).

// asyncioNetInit adds the network API to the asyncio module (called once
// asyncio_lib.py has run). The classes asyncio_net_lib.py defines come on
// first use (asyncio_lazy.go).
func asyncioNetInit(it *vm.Interp, m *vm.Module) error {
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	m.Set("StreamReader", vm.Obj(streamReaderType))
	m.Set("StreamWriter", vm.Obj(streamWriterType))
	m.Set("StreamReaderProtocol", vm.Obj(streamProtoType))
	m.Set("Server", vm.Obj(serverType))
	fn("open_connection", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return streamsCall(t, "open_connection", false, false, args, kw)
	})
	fn("start_server", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return streamsCall(t, "start_server", true, false, args, kw)
	})
	fn("open_unix_connection", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return streamsCall(t, "open_unix_connection", false, true, args, kw)
	})
	fn("start_unix_server", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return streamsCall(t, "start_unix_server", true, true, args, kw)
	})
	return nil
}

// pyProto calls a script protocol's methods.
type pyProto struct {
	v  vm.Value
	tr *sockTransport
	// buffered: a BufferedProtocol (get_buffer/buffer_updated, no
	// data_received): data is copied into the buffers it hands out.
	buffered bool
}

func sinkFor(v vm.Value) protoSink {
	if p, ok := v.AsObj().(*streamProto); ok {
		return p
	}
	p := &pyProto{v: v}
	if inst, ok := v.AsObj().(*vm.Instance); ok {
		_, hasGet := inst.Class().Lookup("get_buffer")
		_, hasData := inst.Class().Lookup("data_received")
		p.buffered = hasGet && !hasData
	}
	return p
}

func (p *pyProto) value() vm.Value { return p.v }

// call runs a protocol method; an exception is a fatal error of the
// transport, reported as CPython's loop reports it.
func (p *pyProto) call(t *vm.Thread, name string, args ...vm.Value) vm.Value {
	r, err := t.CallMethod(p.v, name, args...)
	if err != nil {
		if vm.AsException(err) == nil {
			return vm.None
		}
		if name == "connection_lost" {
			reportCallbackError(t, "Exception in callback "+name, err)
			return vm.None
		}
		reportCallbackError(t, fmt.Sprintf("Fatal error: protocol.%s() call failed.", name), err)
		if p.tr != nil {
			p.tr.forceClose(vm.AsException(err))
		}
		return vm.None
	}
	return r
}

func (p *pyProto) connectionMade(t *vm.Thread, tr *sockTransport) {
	p.tr = tr
	p.call(t, "connection_made", vm.Obj(tr))
}
func (p *pyProto) dataReceived(t *vm.Thread, data []byte) {
	if !p.buffered {
		p.call(t, "data_received", vm.Obj(vm.NewBytes(data)))
		return
	}
	for len(data) > 0 && (p.tr == nil || !p.tr.connLost) {
		buf, err := t.CallMethod(p.v, "get_buffer", vm.Int(int64(len(data))))
		if err == nil {
			ba, ok := buf.AsObj().(*vm.ByteArray)
			switch {
			case !ok:
				err = vm.Errorf(vm.TypeError, "get_buffer() must return a bytearray in asy, not %s", buf.TypeName())
			case ba.Len() == 0:
				err = vm.Errorf(vm.RuntimeError, "get_buffer() returned an empty buffer")
			default:
				n := copy(ba.Data(), data)
				data = data[n:]
				_, err = t.CallMethod(p.v, "buffer_updated", vm.Int(int64(n)))
			}
		}
		if err != nil {
			if vm.AsException(err) == nil {
				return
			}
			reportCallbackError(t, "Fatal error: protocol.buffer_updated() call failed.", err)
			if p.tr != nil {
				p.tr.forceClose(vm.AsException(err))
			}
			return
		}
	}
}
func (p *pyProto) eofReceived(t *vm.Thread) bool {
	r := p.call(t, "eof_received")
	b, _ := t.Truth(r)
	return b
}
func (p *pyProto) connectionLost(t *vm.Thread, exc *vm.Instance) {
	v := vm.None
	if exc != nil {
		v = vm.Obj(exc)
	}
	p.call(t, "connection_lost", v)
}
func (p *pyProto) pauseWriting(t *vm.Thread)  { p.call(t, "pause_writing") }
func (p *pyProto) resumeWriting(t *vm.Thread) { p.call(t, "resume_writing") }

// pyFactory calls a script protocol factory.
func pyFactory(f vm.Value) func(*vm.Thread) (protoSink, error) {
	return func(t *vm.Thread) (protoSink, error) {
		v, err := t.Call(f, nil, nil)
		if err != nil {
			return nil, err
		}
		return sinkFor(v), nil
	}
}

// connOpts are create_connection's arguments.
type connOpts struct {
	host, port, ssl, sock, serverHostname vm.Value
	family                                int
	unix                                  bool
	path                                  string
}

// createConnection connects and makes the transport; done builds the
// awaited result from it on the loop thread.
func createConnection(t *vm.Thread, l *runtime.Loop, name string, factory func(*vm.Thread) (protoSink, error), o connOpts,
	done func(tr *sockTransport, p protoSink) vm.Value) (vm.Value, error) {
	if err := netAllowed(t); err != nil {
		return vm.Undef, err
	}
	var ctx TLSContext
	if !o.ssl.IsUndef() && !o.ssl.IsNone() {
		if c, ok := o.ssl.AsObj().(TLSContext); ok {
			ctx = c
		} else if b, _ := t.Truth(o.ssl); b {
			mod, err := t.ImportModule("ssl")
			if err != nil {
				if vm.IsInstanceOf(err, vm.ModuleNotFoundError) {
					return vm.Undef, errNoSSL()
				}
				return vm.Undef, err
			}
			mk, _ := mod.Get("create_default_context")
			v, err := t.Call(mk, nil, nil)
			if err != nil {
				return vm.Undef, err
			}
			c, ok := v.AsObj().(TLSContext)
			if !ok {
				return vm.Undef, errNoSSL()
			}
			ctx = c
		}
	}
	if ctx == nil && !o.serverHostname.IsUndef() && !o.serverHostname.IsNone() {
		return vm.Undef, vm.Errorf(vm.ValueError, "server_hostname is only meaningful with ssl")
	}
	hasSock := !o.sock.IsUndef() && !o.sock.IsNone()
	host := ""
	port := 0
	if !hasSock && !o.unix {
		hostGiven := !o.host.IsUndef() && !o.host.IsNone()
		portGiven := !o.port.IsUndef() && !o.port.IsNone()
		if !hostGiven && !portGiven {
			return vm.Undef, vm.Errorf(vm.ValueError, "host and port was not specified and no sock specified")
		}
		if hostGiven {
			s, ok := o.host.StrOf()
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "host must be a str, not %s", o.host.TypeName())
			}
			host = s
		}
		if portGiven {
			n, err := t.AsInt64(o.port)
			if err != nil {
				return vm.Undef, err
			}
			port = int(n)
		}
	}
	var conf TLSWrap
	if ctx != nil {
		sn := host
		if !o.serverHostname.IsUndef() && !o.serverHostname.IsNone() {
			sn, _ = o.serverHostname.StrOf()
		} else if hasSock || o.unix {
			return vm.Undef, vm.Errorf(vm.ValueError, "You must set server_hostname when using ssl without a host")
		}
		c, err := ctx.ClientTLS(sn)
		if err != nil {
			return vm.Undef, err
		}
		conf = c
	}
	var given *netSock
	if hasSock {
		so, ok := o.sock.AsObj().(*sockObj)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "A Stream Socket was expected, got %s", o.sock.TypeName())
		}
		given = so.s
	}
	gdial := runtime.GrantsOf(t.Interp()).Dial
	if gdial == nil && !o.unix && given == nil {
		return vm.Undef, vm.NewException(vm.PermissionError, vm.Str("no outgoing network connection was granted to this script"))
	}
	return goOp(t, l, name, func(c context.Context) (any, error) {
		var tc = conf
		if given != nil || o.unix {
			ns := given
			if o.unix {
				var err error
				ns, err = openSocket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
				if err != nil {
					return nil, err
				}
				sa := &syscall.SockaddrUnix{Name: o.path}
				stop := context.AfterFunc(c, func() { ns.close() })
				err = ns.connect(sa, true)
				stop()
				if err != nil {
					ns.close()
					return nil, connectError{err, sa}
				}
			}
			r := &dialResult{s: ns}
			if tc != nil {
				tlsConn := tc(sockConn{ns})
				if err := tlsConn.Handshake(c); err != nil {
					return nil, err
				}
				r.tls = tlsConn
			}
			return r, nil
		}
		return dial(c, gdial, host, port, o.family, tc)
	}, func(t *vm.Thread, r any, err error) (vm.Value, error) {
		if err != nil {
			return vm.Undef, connectErrorValue(t, err)
		}
		d := r.(*dialResult)
		proto, err := factory(t)
		if err != nil {
			d.s.close()
			return vm.Undef, err
		}
		tr := newTransport(l, d.s, proto)
		tr.tls = d.tls
		tr.start(t, false, nil)
		return done(tr, proto), nil
	}), nil
}

// streamsCall is open_connection / start_server and their Unix twins.
func streamsCall(t *vm.Thread, name string, server, unix bool, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	l, err := runningLoop(t)
	if err != nil {
		return vm.Undef, err
	}
	limit := streamDefaultLimit
	var rest []vm.KV
	for _, k := range kw {
		if k.Name == "limit" {
			n, err := t.AsInt64(k.Val)
			if err != nil {
				return vm.Undef, err
			}
			limit = int(n)
			continue
		}
		rest = append(rest, k)
	}
	if server {
		if len(args) < 1 && !hasKw(kw, "client_connected_cb") {
			return vm.Undef, vm.Errorf(vm.TypeError, "%s() missing 1 required positional argument: 'client_connected_cb'", name)
		}
		var cb vm.Value
		if len(args) > 0 {
			cb, args = args[0], args[1:]
		} else {
			cb, rest = takeKw(rest, "client_connected_cb")
		}
		factory := func(t *vm.Thread) (protoSink, error) {
			return newStreamProto(l, newStreamReader(l, limit), cb), nil
		}
		if unix {
			return createUnixServer(t, l, "start_unix_server", factory, args, rest)
		}
		return createServer(t, l, "start_server", factory, args, rest)
	}
	var reader *streamReader
	factory := func(t *vm.Thread) (protoSink, error) {
		reader = newStreamReader(l, limit)
		return newStreamProto(l, reader, vm.Undef), nil
	}
	done := func(tr *sockTransport, p protoSink) vm.Value {
		sp := p.(*streamProto)
		w := &streamWriter{l: l, tr: tr, proto: sp, reader: reader}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(reader), vm.Obj(w)}))
	}
	if unix {
		a, err := vm.UnpackArgs(name, args, rest, 0, "path", "ssl", "sock", "server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout")
		if err != nil {
			return vm.Undef, err
		}
		path, _ := a[0].StrOf()
		return createConnection(t, l, name, factory, connOpts{ssl: a[1], sock: a[2], serverHostname: a[3], unix: a[2].IsUndef() || a[2].IsNone(), path: path}, done)
	}
	o, err := connArgs(t, name, args, rest)
	if err != nil {
		return vm.Undef, err
	}
	return createConnection(t, l, name, factory, o, done)
}

func hasKw(kw []vm.KV, name string) bool {
	for _, k := range kw {
		if k.Name == name {
			return true
		}
	}
	return false
}

func takeKw(kw []vm.KV, name string) (vm.Value, []vm.KV) {
	for i, k := range kw {
		if k.Name == name {
			return k.Val, append(append([]vm.KV(nil), kw[:i]...), kw[i+1:]...)
		}
	}
	return vm.Undef, kw
}

func connArgs(t *vm.Thread, name string, args []vm.Value, kw []vm.KV) (connOpts, error) {
	a, err := vm.UnpackArgs(name, args, kw, 0, "host", "port", "ssl", "family", "proto", "flags", "sock", "local_addr",
		"server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout", "happy_eyeballs_delay", "interleave")
	if err != nil {
		return connOpts{}, err
	}
	o := connOpts{host: a[0], port: a[1], ssl: a[2], sock: a[6], serverHostname: a[8]}
	if !a[3].IsUndef() {
		n, err := t.AsInt64(a[3])
		if err != nil {
			return o, err
		}
		o.family = int(n)
	}
	return o, nil
}

func createServer(t *vm.Thread, l *runtime.Loop, name string, factory func(*vm.Thread) (protoSink, error), args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs(name, args, kw, 0, "host", "port", "family", "flags", "sock", "backlog", "ssl",
		"reuse_address", "reuse_port", "ssl_handshake_timeout", "ssl_shutdown_timeout", "start_serving")
	if err != nil {
		return vm.Undef, err
	}
	o := serverOpts{host: a[0], port: a[1], sock: a[4], ssl: a[6], backlog: 100, reuseAddress: true, startServing: true}
	if !a[2].IsUndef() {
		n, err := t.AsInt64(a[2])
		if err != nil {
			return vm.Undef, err
		}
		o.family = int(n)
	}
	if !a[5].IsUndef() {
		n, err := t.AsInt64(a[5])
		if err != nil {
			return vm.Undef, err
		}
		o.backlog = int(n)
	}
	if !a[7].IsUndef() && !a[7].IsNone() {
		o.reuseAddress, _ = t.Truth(a[7])
	}
	if !a[8].IsUndef() && !a[8].IsNone() {
		o.reusePort, _ = t.Truth(a[8])
	}
	if !a[11].IsUndef() {
		o.startServing, _ = t.Truth(a[11])
	}
	if (!o.host.IsUndef() && !o.host.IsNone() || !o.port.IsUndef() && !o.port.IsNone()) && !o.sock.IsUndef() && !o.sock.IsNone() {
		return vm.Undef, vm.Errorf(vm.ValueError, "host/port and sock can not be specified at the same time")
	}
	s, err := newServer(t, l, factory, o)
	if err != nil {
		return netResult(t, name, vm.Undef, err), nil
	}
	return netResult(t, name, vm.Obj(s), nil), nil
}

func createUnixServer(t *vm.Thread, l *runtime.Loop, name string, factory func(*vm.Thread) (protoSink, error), args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs(name, args, kw, 0, "path", "sock", "backlog", "ssl", "ssl_handshake_timeout", "ssl_shutdown_timeout", "start_serving")
	if err != nil {
		return vm.Undef, err
	}
	o := serverOpts{sock: a[1], ssl: a[3], backlog: 100, startServing: true, unix: true}
	if p, ok := a[0].StrOf(); ok {
		o.unixPath = p
	}
	if !a[2].IsUndef() {
		n, err := t.AsInt64(a[2])
		if err != nil {
			return vm.Undef, err
		}
		o.backlog = int(n)
	}
	if !a[6].IsUndef() {
		o.startServing, _ = t.Truth(a[6])
	}
	s, err := newServer(t, l, factory, o)
	if err != nil {
		return netResult(t, name, vm.Undef, err), nil
	}
	return netResult(t, name, vm.Obj(s), nil), nil
}

func init() {
	m := func(name string, fn func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		loopType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*loopObj).l, args[1:], kw)
		})
	}
	factoryArg := func(name string, args []vm.Value, kw []vm.KV) (vm.Value, []vm.Value, []vm.KV, error) {
		if len(args) > 0 {
			return args[0], args[1:], kw, nil
		}
		f, rest := takeKw(kw, "protocol_factory")
		if f.IsUndef() {
			return vm.Undef, nil, nil, vm.Errorf(vm.TypeError, "%s() missing 1 required positional argument: 'protocol_factory'", name)
		}
		return f, args, rest, nil
	}
	pair := func(tr *sockTransport, p protoSink) vm.Value {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(tr), p.value()}))
	}
	m("create_connection", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, args, kw, err := factoryArg("create_connection", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		o, err := connArgs(t, "create_connection", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return createConnection(t, l, "BaseEventLoop.create_connection", pyFactory(f), o, pair)
	})
	m("create_unix_connection", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, args, kw, err := factoryArg("create_unix_connection", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		a, err := vm.UnpackArgs("create_unix_connection", args, kw, 0, "path", "ssl", "sock", "server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout")
		if err != nil {
			return vm.Undef, err
		}
		path, _ := a[0].StrOf()
		return createConnection(t, l, "_UnixSelectorEventLoop.create_unix_connection", pyFactory(f),
			connOpts{ssl: a[1], sock: a[2], serverHostname: a[3], unix: a[2].IsUndef() || a[2].IsNone(), path: path}, pair)
	})
	m("create_server", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, args, kw, err := factoryArg("create_server", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return createServer(t, l, "BaseEventLoop.create_server", pyFactory(f), args, kw)
	})
	m("create_unix_server", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		f, args, kw, err := factoryArg("create_unix_server", args, kw)
		if err != nil {
			return vm.Undef, err
		}
		return createUnixServer(t, l, "_UnixSelectorEventLoop.create_unix_server", pyFactory(f), args, kw)
	})
	sockArg := func(name string, args []vm.Value, n int) (*sockObj, error) {
		if len(args) != n {
			return nil, vm.Errorf(vm.TypeError, "%s() takes %d positional arguments but %d were given", name, n+1, len(args)+1)
		}
		o, ok := args[0].AsObj().(*sockObj)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "socket object expected, got %s", args[0].TypeName())
		}
		return o, nil
	}
	// sockOp runs a blocking socket operation in a goroutine; a cancelled
	// wait ends it through a deadline in the past.
	sockOp := func(t *vm.Thread, l *runtime.Loop, name string, o *sockObj, op func() (vm.Value, error)) (vm.Value, error) {
		if err := netAllowed(t); err != nil {
			return vm.Undef, err
		}
		return goOp(t, l, name, func(c context.Context) (any, error) {
			stop := context.AfterFunc(c, func() { o.s.setDeadline(time.Unix(1, 0)) })
			defer stop()
			return op()
		}, func(t *vm.Thread, r any, err error) (vm.Value, error) {
			if err != nil {
				if _, ok := err.(connectError); ok {
					return vm.Undef, connectErrorValue(t, err)
				}
				return vm.Undef, sockError(err)
			}
			if f, ok := r.(func(*vm.Thread) vm.Value); ok {
				return f(t), nil
			}
			return r.(vm.Value), nil
		}), nil
	}
	m("sock_recv", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_recv", args, 2)
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return sockOp(t, l, "BaseSelectorEventLoop.sock_recv", o, func() (vm.Value, error) {
			b, err := o.s.recv(int(n), true)
			if err != nil {
				return vm.Undef, err
			}
			return vm.Obj(vm.NewBytes(b)), nil
		})
	})
	m("sock_sendall", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_sendall", args, 2)
		if err != nil {
			return vm.Undef, err
		}
		b, err := dataArg(args[1])
		if err != nil {
			return vm.Undef, err
		}
		b = append([]byte(nil), b...)
		return sockOp(t, l, "BaseSelectorEventLoop.sock_sendall", o, func() (vm.Value, error) {
			_, err := o.s.send(b, true, true)
			return vm.None, err
		})
	})
	m("sock_connect", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_connect", args, 2)
		if err != nil {
			return vm.Undef, err
		}
		sa, err := o.addr(t, args[1], "sock_connect")
		if err != nil {
			return vm.Undef, err
		}
		if err := sockaddrAllowed(t, sa, false); err != nil {
			return vm.Undef, err
		}
		return sockOp(t, l, "BaseSelectorEventLoop.sock_connect", o, func() (vm.Value, error) {
			if err := o.s.connect(sa, true); err != nil {
				return vm.Undef, connectError{err, sa}
			}
			return vm.None, nil
		})
	})
	m("sock_accept", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_accept", args, 1)
		if err != nil {
			return vm.Undef, err
		}
		return sockOp(t, l, "BaseSelectorEventLoop.sock_accept", o, func() (vm.Value, error) {
			conn, sa, err := o.s.accept(true)
			if err != nil {
				return vm.Undef, err
			}
			c := &sockObj{s: conn, timeout: 0}
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(c), addrValue(sa)})), nil
		})
	})
	m("sock_recvfrom", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_recvfrom", args, 2)
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		return sockOp(t, l, "BaseSelectorEventLoop.sock_recvfrom", o, func() (vm.Value, error) {
			b, from, err := o.s.recvfrom(int(n), true)
			if err != nil {
				return vm.Undef, err
			}
			return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(vm.NewBytes(b)), addrValue(from)})), nil
		})
	})
	m("sock_sendto", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o, err := sockArg("sock_sendto", args, 3)
		if err != nil {
			return vm.Undef, err
		}
		b, err := dataArg(args[1])
		if err != nil {
			return vm.Undef, err
		}
		sa, err := o.addr(t, args[2], "sock_sendto")
		if err != nil {
			return vm.Undef, err
		}
		return sockOp(t, l, "BaseSelectorEventLoop.sock_sendto", o, func() (vm.Value, error) {
			n, err := o.s.sendto(b, sa, true)
			return vm.Int(int64(n)), err
		})
	})
	m("getaddrinfo", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("getaddrinfo", args, kw, 2, "host", "port", "family", "type", "proto", "flags")
		if err != nil {
			return vm.Undef, err
		}
		if err := netAllowed(t); err != nil {
			return vm.Undef, err
		}
		for i := 2; i < 6; i++ {
			if a[i].IsUndef() {
				a[i] = vm.Int(0)
			}
		}
		q, err := parseAddrinfoQuery(t, a)
		if err != nil {
			return netResult(t, "BaseEventLoop.getaddrinfo", vm.Undef, err), nil
		}
		return goOp(t, l, "BaseEventLoop.getaddrinfo", func(context.Context) (any, error) {
			return q.resolve()
		}, func(t *vm.Thread, r any, err error) (vm.Value, error) {
			if err != nil {
				return vm.Undef, err
			}
			wrap, err := t.ImportModule("socket")
			if err != nil {
				return vm.Undef, err
			}
			conv, _ := wrap.Get("_wrap_addrinfo")
			return t.Call(conv, []vm.Value{addrinfoValue(r.([]addrinfo))}, nil)
		}), nil
	})
	m("getnameinfo", func(t *vm.Thread, l *runtime.Loop, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("getnameinfo", args, kw, 1, "sockaddr", "flags")
		if err != nil {
			return vm.Undef, err
		}
		if a[1].IsUndef() {
			a[1] = vm.Int(0)
		}
		v, err := getnameinfo(t, a[0], a[1])
		return netResult(t, "BaseEventLoop.getnameinfo", v, err), nil
	})
}
