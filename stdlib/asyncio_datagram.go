package stdlib

import (
	"context"
	"strconv"
	"sync"
	"syscall"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// loop.create_datagram_endpoint: a UDP socket whose reading goroutine
// (parked on the network poller) posts each datagram to the loop, where the
// protocol's datagram_received runs. sendto tries the socket at once and
// leaves what would block to a short-lived goroutine, in order.

var datagramTransportType = vm.NewNativeClass("_SelectorDatagramTransport", "asyncio.selector_events", nil, nil)

type dgramTransport struct {
	l        *runtime.Loop
	s        *netSock
	proto    vm.Value
	peer     syscall.Sockaddr // connected (remote_addr) or nil
	closing  bool
	lost     bool
	mu       sync.Mutex
	pending  []dgram
	writerOn bool
	size     int
}

type dgram struct {
	b  []byte
	to syscall.Sockaddr
}

func (*dgramTransport) Class() *vm.Class { return datagramTransportType }

func (d *dgramTransport) Repr(t *vm.Thread) (string, error) {
	if d.closing {
		return "<_SelectorDatagramTransport closing fd=" + itoa(d.s.fd) + ">", nil
	}
	return "<_SelectorDatagramTransport fd=" + itoa(d.s.fd) + " read=polling write=<idle, bufsize=0>>", nil
}

func itoa(n int) string { return strconv.Itoa(n) }

func (d *dgramTransport) call(t *vm.Thread, name string, args ...vm.Value) {
	if _, err := t.CallMethod(d.proto, name, args...); err != nil && vm.AsException(err) != nil {
		reportCallbackError(t, "Fatal error: protocol."+name+"() call failed.", err)
		d.forceClose(vm.AsException(err))
	}
}

func (d *dgramTransport) readLoop(release func()) {
	defer release()
	for {
		data, from, err := d.s.recvfrom(65536, true)
		if err != nil && (d.s.isClosed() || isClosedErr(err)) {
			return
		}
		if _, perr := d.l.CallSoonThreadsafe(func() {
			if d.closing {
				return
			}
			t := d.l.Thread()
			if err != nil {
				d.call(t, "error_received", vm.Obj(vm.AsException(sockError(err))))
				return
			}
			d.call(t, "datagram_received", vm.Obj(vm.NewBytes(data)), addrValue(from))
		}); perr != nil {
			return
		}
	}
}

func (d *dgramTransport) sendto(t *vm.Thread, b []byte, to syscall.Sockaddr) {
	if d.closing {
		return
	}
	d.mu.Lock()
	if !d.writerOn {
		d.mu.Unlock()
		var err error
		if to == nil {
			_, err = d.s.send(b, false, true)
		} else {
			_, err = d.s.sendto(b, to, false)
		}
		if err == nil {
			return
		}
		if err != syscall.EAGAIN {
			d.call(t, "error_received", vm.Obj(vm.AsException(sockError(err))))
			return
		}
		d.mu.Lock()
	}
	d.pending = append(d.pending, dgram{append([]byte(nil), b...), to})
	d.size += len(b)
	if !d.writerOn {
		d.writerOn = true
		go d.writeLoop(d.l.HoldIO())
	}
	d.mu.Unlock()
}

func (d *dgramTransport) writeLoop(release func()) {
	defer release()
	for {
		d.mu.Lock()
		if len(d.pending) == 0 {
			d.writerOn = false
			d.mu.Unlock()
			d.l.Post(d.drained)
			return
		}
		p := d.pending[0]
		d.pending = d.pending[1:]
		d.size -= len(p.b)
		d.mu.Unlock()
		var err error
		if p.to == nil {
			_, err = d.s.send(p.b, true, true)
		} else {
			_, err = d.s.sendto(p.b, p.to, true)
		}
		if err != nil {
			if d.s.isClosed() {
				return
			}
			d.l.Post(func() { d.call(d.l.Thread(), "error_received", vm.Obj(vm.AsException(sockError(err)))) })
		}
	}
}

func (d *dgramTransport) drained() {
	if d.closing && !d.lost {
		d.lost = true
		d.l.CallSoon(func() { d.connectionLost(nil) })
	}
}

func (d *dgramTransport) close() {
	if d.closing {
		return
	}
	d.closing = true
	d.mu.Lock()
	busy := d.writerOn
	d.mu.Unlock()
	if !busy {
		d.lost = true
		d.l.CallSoon(func() { d.connectionLost(nil) })
	}
}

func (d *dgramTransport) forceClose(exc *vm.Instance) {
	if d.lost {
		return
	}
	d.closing, d.lost = true, true
	d.mu.Lock()
	d.pending, d.size = nil, 0
	d.mu.Unlock()
	d.l.CallSoon(func() { d.connectionLost(exc) })
}

func (d *dgramTransport) connectionLost(exc *vm.Instance) {
	v := vm.None
	if exc != nil {
		v = vm.Obj(exc)
	}
	t := d.l.Thread()
	if _, err := t.CallMethod(d.proto, "connection_lost", v); err != nil {
		reportCallbackError(t, "Exception in callback connection_lost", err)
	}
	d.s.close()
}

func init() {
	m := func(name string, fn func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		datagramTransportType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*dgramTransport), args[1:], kw)
		})
	}
	m("sendto", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("sendto", args, kw, 1, "data", "addr")
		if err != nil {
			return vm.Undef, err
		}
		b, err := dataArg(a[0])
		if err != nil {
			return vm.Undef, err
		}
		var to syscall.Sockaddr
		if !a[1].IsUndef() && !a[1].IsNone() {
			if d.peer != nil {
				return vm.Undef, vm.Errorf(vm.ValueError, "Invalid address: must be None or %s", addrString(t, d.peer))
			}
			if to, err = parseAddr(t, d.s.family, a[1], "sendto"); err != nil {
				return vm.Undef, err
			}
		} else if d.peer == nil {
			return vm.Undef, vm.Errorf(vm.OSError, "[Errno 89] Destination address required")
		}
		d.sendto(t, b, to)
		return vm.None, nil
	})
	m("close", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d.close()
		return vm.None, nil
	})
	m("abort", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d.forceClose(nil)
		return vm.None, nil
	})
	m("is_closing", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(d.closing), nil
	})
	m("get_protocol", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return d.proto, nil
	})
	m("get_write_buffer_size", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d.mu.Lock()
		defer d.mu.Unlock()
		return vm.Int(int64(d.size)), nil
	})
	m("get_extra_info", func(t *vm.Thread, d *dgramTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("get_extra_info", args, kw, 1, "name", "default")
		if err != nil {
			return vm.Undef, err
		}
		name, _ := a[0].StrOf()
		switch name {
		case "sockname":
			if sa, err := d.s.sockname(); err == nil {
				return addrValue(sa), nil
			}
		case "peername":
			if d.peer != nil {
				return addrValue(d.peer), nil
			}
		case "socket":
			return vm.Obj(&transportSocket{s: d.s}), nil
		}
		if a[1].IsUndef() {
			return vm.None, nil
		}
		return a[1], nil
	})
	loopType.AddMethod("create_datagram_endpoint", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		l := args[0].AsObj().(*loopObj).l
		a, err := vm.UnpackArgs("create_datagram_endpoint", args[1:], kw, 1, "protocol_factory", "local_addr", "remote_addr",
			"family", "proto", "flags", "reuse_port", "allow_broadcast", "sock")
		if err != nil {
			return vm.Undef, err
		}
		if err := netAllowed(t); err != nil {
			return vm.Undef, err
		}
		return createDatagramEndpoint(t, l, a)
	})
}

func createDatagramEndpoint(t *vm.Thread, l *runtime.Loop, a []vm.Value) (vm.Value, error) {
	name := "BaseEventLoop.create_datagram_endpoint"
	given := func(v vm.Value) bool { return !v.IsUndef() && !v.IsNone() }
	family := syscall.AF_INET
	if given(a[3]) {
		n, err := t.AsInt64(a[3])
		if err != nil {
			return vm.Undef, err
		}
		if n != 0 {
			family = int(n)
		}
	}
	var ns *netSock
	var local, remote syscall.Sockaddr
	if given(a[8]) {
		so, ok := a[8].AsObj().(*sockObj)
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "A UDP Socket was expected, got %s", a[8].TypeName())
		}
		ns = so.s
	} else {
		if !given(a[1]) && !given(a[2]) && !given(a[3]) {
			return netResult(t, name, vm.Undef, vm.Errorf(vm.ValueError, "unexpected address family")), nil
		}
		// The family follows the addresses given.
		var err error
		for _, v := range []vm.Value{a[1], a[2]} {
			if tup, ok := v.AsObj().(*vm.Tuple); ok && len(tup.Items()) > 0 {
				if h, ok := tup.Items()[0].StrOf(); ok {
					if ips, lerr := lookupHost(h); lerr == nil && len(ips) > 0 && ips[0].To4() == nil {
						family = syscall.AF_INET6
					}
				}
			}
		}
		if given(a[1]) {
			if local, err = parseAddr(t, family, a[1], "bind"); err != nil {
				return netResult(t, name, vm.Undef, err), nil
			}
		}
		if given(a[2]) {
			if remote, err = parseAddr(t, family, a[2], "connect"); err != nil {
				return netResult(t, name, vm.Undef, err), nil
			}
		}
		ns, err = openSocket(family, syscall.SOCK_DGRAM, syscall.IPPROTO_UDP)
		if err != nil {
			return netResult(t, name, vm.Undef, sockError(err)), nil
		}
		if b, _ := t.Truth(a[7]); given(a[7]) && b {
			syscall.SetsockoptInt(ns.fd, syscall.SOL_SOCKET, syscall.SO_BROADCAST, 1)
		}
		if b, _ := t.Truth(a[6]); given(a[6]) && b {
			syscall.SetsockoptInt(ns.fd, syscall.SOL_SOCKET, 15, 1)
		}
		if local != nil {
			if err := sockaddrAllowed(t, local, true); err != nil {
				ns.close()
				return vm.Undef, err
			}
			if err := syscall.Bind(ns.fd, local); err != nil {
				ns.close()
				return netResult(t, name, vm.Undef, sockError(err)), nil
			}
		}
	}
	if remote != nil {
		if err := sockaddrAllowed(t, remote, false); err != nil {
			ns.close()
			return vm.Undef, err
		}
	}
	var pending error
	return goOp(t, l, name, func(ctx context.Context) (any, error) {
		if remote != nil {
			if err := ns.connect(remote, true); err != nil {
				ns.close()
				return nil, err
			}
		}
		return nil, nil
	}, func(t *vm.Thread, _ any, err error) (vm.Value, error) {
		if err != nil {
			return vm.Undef, sockError(err)
		}
		if pending != nil {
			return vm.Undef, pending
		}
		proto, err := t.Call(a[0], nil, nil)
		if err != nil {
			ns.close()
			return vm.Undef, err
		}
		ns.own(l)
		d := &dgramTransport{l: l, s: ns, proto: proto, peer: remote}
		d.call(t, "connection_made", vm.Obj(d))
		go d.readLoop(l.HoldIO())
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(d), proto})), nil
	}), nil
}
