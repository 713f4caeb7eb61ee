package stdlib

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The socket module's Go part (CPython's _socket): socket.socket over
// netSock, the constants, and the name functions. pylib/socket.py adds the
// enums (AddressFamily, SocketKind) and the Python-level helpers.

var sockType = vm.NewNativeClass("socket", "socket", nil, sockCtor)

type sockObj struct {
	s       *netSock
	timeout float64 // < 0: blocking (None)
}

func (*sockObj) Class() *vm.Class { return sockType }

func (o *sockObj) Repr(t *vm.Thread) (string, error) {
	return sockRepr(t, o.s, "<socket.socket"), nil
}

// defaultTimeout is socket.setdefaulttimeout's value, per interpreter.
type defaultTimeoutKey struct{}

func defaultTimeout(it *vm.Interp) float64 {
	if v, ok := it.Ext(defaultTimeoutKey{}); ok {
		return v.(float64)
	}
	return -1
}

func sockCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("socket", args, kw, 0, "family", "type", "proto", "fileno")
	if err != nil {
		return vm.Undef, err
	}
	if err := netAllowed(t); err != nil {
		return vm.Undef, err
	}
	ints := []int{syscall.AF_INET, syscall.SOCK_STREAM, 0}
	for i := 0; i < 3; i++ {
		if !a[i].IsUndef() && !a[i].IsNone() {
			n, err := t.AsInt64(a[i])
			if err != nil {
				return vm.Undef, err
			}
			ints[i] = int(n)
		}
	}
	if !a[3].IsUndef() && !a[3].IsNone() {
		fd, err := t.AsInt64(a[3])
		if err != nil {
			return vm.Undef, err
		}
		ns, err := newNetSock(int(fd), ints[0], ints[1], ints[2])
		if err != nil {
			return vm.Undef, sockError(err)
		}
		return vm.Obj(&sockObj{s: ns, timeout: defaultTimeout(t.Interp())}), nil
	}
	ns, err := openSocket(ints[0], ints[1], ints[2])
	if err != nil {
		return vm.Undef, sockError(err)
	}
	return vm.Obj(&sockObj{s: ns, timeout: defaultTimeout(t.Interp())}), nil
}

func sockRepr(t *vm.Thread, s *netSock, prefix string) string {
	fd := s.fd
	closed := ""
	if s.isClosed() {
		closed, fd = " [closed]", -1
	}
	out := fmt.Sprintf("%s%s fd=%d, family=%d, type=%d, proto=%d", prefix, closed, fd, s.family, s.stype, s.prot)
	if !s.isClosed() {
		if sa, err := s.sockname(); err == nil {
			if v := addrValue(sa); v.IsNone() == false {
				if str, _ := t.StrOf(v); str != "" {
					out += ", laddr=" + str
				}
			}
		}
		if sa, err := s.peername(); err == nil {
			if str, _ := t.StrOf(addrValue(sa)); str != "" {
				out += ", raddr=" + str
			}
		}
	}
	return out + ">"
}

// blocking runs a socket operation with the socket's timeout: blocking
// (the interpreter lock released meanwhile), non-blocking, or bounded.
func (o *sockObj) blocking(t *vm.Thread, op func(wait bool) error) error {
	if o.timeout == 0 {
		return sockError(op(false))
	}
	if o.timeout > 0 {
		o.s.setDeadline(time.Now().Add(time.Duration(o.timeout * float64(time.Second))))
		defer o.s.setDeadline(time.Time{})
	}
	var err error
	t.Blocking(func() { err = op(true) })
	return sockError(err)
}

func (o *sockObj) addr(t *vm.Thread, v vm.Value, fname string) (syscall.Sockaddr, error) {
	return parseAddr(t, o.s.family, v, fname)
}

func familyValue(t *vm.Thread, f int) vm.Value { return enumValue(t, "AddressFamily", f) }
func kindValue(t *vm.Thread, k int) vm.Value   { return enumValue(t, "SocketKind", k) }

// enumValue converts an int to the socket module's enum of that name.
func enumValue(t *vm.Thread, enum string, n int) vm.Value {
	m, err := t.ImportModule("socket")
	if err == nil {
		if cls, ok := m.Get(enum); ok {
			if v, err := t.Call(cls, []vm.Value{vm.Int(int64(n))}, nil); err == nil {
				return v
			}
		}
	}
	return vm.Int(int64(n))
}

// sockMethod is the methods socket.socket and TransportSocket share.
func sockMethod(t *vm.Thread, s *netSock, name string, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	switch name {
	case "fileno":
		if s.isClosed() {
			return vm.Int(-1), nil
		}
		return vm.Int(int64(s.fd)), nil
	case "getsockname", "getpeername":
		if s.isClosed() {
			return vm.Undef, errnoError(syscall.EBADF, "")
		}
		var sa syscall.Sockaddr
		var err error
		if name == "getsockname" {
			sa, err = s.sockname()
		} else {
			sa, err = s.peername()
		}
		if err != nil {
			return vm.Undef, sockError(err)
		}
		return addrValue(sa), nil
	case "setsockopt":
		if len(args) != 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, "setsockopt() takes exactly 3 arguments (%d given)", len(args))
		}
		level, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		opt, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		if b, ok := args[2].AsObj().(*vm.Bytes); ok {
			return vm.None, sockError(syscall.SetsockoptString(s.fd, int(level), int(opt), string(b.Data())))
		}
		val, err := t.AsInt64(args[2])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, sockError(syscall.SetsockoptInt(s.fd, int(level), int(opt), int(val)))
	case "getsockopt":
		if len(args) < 2 || len(args) > 3 {
			return vm.Undef, vm.Errorf(vm.TypeError, "getsockopt expected 2 or 3 arguments, got %d", len(args))
		}
		level, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		opt, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		v, err := syscall.GetsockoptInt(s.fd, int(level), int(opt))
		if err != nil {
			return vm.Undef, sockError(err)
		}
		return vm.Int(int64(v)), nil
	}
	return vm.Undef, vm.Errorf(vm.AttributeError, "'socket' object has no attribute '%s'", name)
}

func init() {
	m := func(name string, fn func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		sockType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			o, ok := args[0].AsObj().(*sockObj)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a 'socket' object", name)
			}
			if o.s.isClosed() && name != "close" && name != "fileno" && name != "detach" && name != "__exit__" &&
				name != "gettimeout" && name != "getblocking" {
				return vm.Undef, errnoError(syscall.EBADF, "")
			}
			return fn(t, o, args[1:], kw)
		})
	}
	for _, name := range []string{"getsockname", "getpeername", "fileno", "getsockopt", "setsockopt"} {
		name := name
		m(name, func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return sockMethod(t, o.s, name, args, kw)
		})
	}
	m("bind", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "bind() takes exactly one argument (%d given)", len(args))
		}
		sa, err := o.addr(t, args[0], "bind")
		if err != nil {
			return vm.Undef, err
		}
		if err := sockaddrAllowed(t, sa, true); err != nil {
			return vm.Undef, err
		}
		return vm.None, sockError(syscall.Bind(o.s.fd, sa))
	})
	m("listen", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		backlog := int64(128)
		if len(args) > 0 {
			var err error
			if backlog, err = t.AsInt64(args[0]); err != nil {
				return vm.Undef, err
			}
			if backlog < 0 {
				backlog = 0
			}
		}
		return vm.None, sockError(syscall.Listen(o.s.fd, int(backlog)))
	})
	m("accept", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var conn *netSock
		var sa syscall.Sockaddr
		err := o.blocking(t, func(wait bool) error {
			var err error
			conn, sa, err = o.s.accept(wait)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		c := &sockObj{s: conn, timeout: defaultTimeout(t.Interp())}
		if c.timeout < 0 && o.timeout >= 0 {
			c.timeout = o.timeout
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(c), addrValue(sa)})), nil
	})
	connect := func(t *vm.Thread, o *sockObj, args []vm.Value, name string) error {
		if len(args) != 1 {
			return vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		sa, err := o.addr(t, args[0], name)
		if err != nil {
			return err
		}
		if err := sockaddrAllowed(t, sa, false); err != nil {
			return err
		}
		return o.blocking(t, func(wait bool) error { return o.s.connect(sa, wait) })
	}
	m("connect", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.None, connect(t, o, args, "connect")
	})
	m("connect_ex", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		err := connect(t, o, args, "connect_ex")
		if err == nil {
			return vm.Int(0), nil
		}
		if inst, ok := err.(*vm.Instance); ok && inst.Class().IsSubclass(vm.OSError) {
			if e, _ := t.GetAttr(vm.Obj(inst), "errno"); e.IsInt() {
				return e, nil
			}
		}
		return vm.Undef, err
	})
	recvSize := func(t *vm.Thread, args []vm.Value, name string) (int, error) {
		if len(args) < 1 || len(args) > 2 {
			return 0, vm.Errorf(vm.TypeError, "%s() takes at least 1 argument (%d given)", name, len(args))
		}
		n, err := t.AsInt64(args[0])
		if err != nil {
			return 0, err
		}
		if n < 0 {
			return 0, vm.Errorf(vm.ValueError, "negative buffersize in %s", name)
		}
		return int(n), nil
	}
	m("recv", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := recvSize(t, args, "recv")
		if err != nil {
			return vm.Undef, err
		}
		var data []byte
		err = o.blocking(t, func(wait bool) error {
			var err error
			data, err = o.s.recv(n, wait)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewBytes(data)), nil
	})
	m("recvfrom", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := recvSize(t, args, "recvfrom")
		if err != nil {
			return vm.Undef, err
		}
		var data []byte
		var from syscall.Sockaddr
		err = o.blocking(t, func(wait bool) error {
			var err error
			data, from, err = o.s.recvfrom(n, wait)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(vm.NewBytes(data)), addrValue(from)})), nil
	})
	sendData := func(args []vm.Value, name string, n int) ([]byte, error) {
		if len(args) != n {
			return nil, vm.Errorf(vm.TypeError, "%s() takes exactly %d argument (%d given)", name, n, len(args))
		}
		switch d := args[0].AsObj().(type) {
		case *vm.Bytes:
			return d.Data(), nil
		case *vm.ByteArray:
			return d.Data(), nil
		}
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[0].TypeName())
	}
	m("send", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b, err := sendData(args, "send", 1)
		if err != nil {
			return vm.Undef, err
		}
		var n int
		err = o.blocking(t, func(wait bool) error {
			var err error
			n, err = o.s.send(b, wait, false)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(n)), nil
	})
	m("sendall", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		b, err := sendData(args, "sendall", 1)
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, o.blocking(t, func(wait bool) error {
			_, err := o.s.send(b, wait, true)
			return err
		})
	})
	m("sendto", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "sendto() takes 2 or 3 arguments (%d given)", len(args))
		}
		b, err := sendData(args[:1], "sendto", 1)
		if err != nil {
			return vm.Undef, err
		}
		sa, err := o.addr(t, args[1], "sendto")
		if err != nil {
			return vm.Undef, err
		}
		var n int
		err = o.blocking(t, func(wait bool) error {
			var err error
			n, err = o.s.sendto(b, sa, wait)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(n)), nil
	})
	m("shutdown", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "shutdown() takes exactly one argument (%d given)", len(args))
		}
		how, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, sockError(syscall.Shutdown(o.s.fd, int(how)))
	})
	m("close", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o.s.close()
		return vm.None, nil
	})
	m("detach", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if o.s.isClosed() {
			return vm.Int(-1), nil
		}
		// Hand the descriptor over: a duplicate survives our closing ours.
		nfd, err := syscall.Dup(o.s.fd)
		if err != nil {
			return vm.Undef, sockError(err)
		}
		o.s.close()
		return vm.Int(int64(nfd)), nil
	})
	m("setblocking", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "setblocking() takes exactly one argument (%d given)", len(args))
		}
		on, err := t.Truth(args[0])
		if err != nil {
			return vm.Undef, err
		}
		if on {
			o.timeout = -1
		} else {
			o.timeout = 0
		}
		return vm.None, nil
	})
	m("getblocking", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(o.timeout != 0), nil
	})
	m("settimeout", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "settimeout() takes exactly one argument (%d given)", len(args))
		}
		d, err := sockTimeoutArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		o.timeout = d
		return vm.None, nil
	})
	m("gettimeout", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if o.timeout < 0 {
			return vm.None, nil
		}
		return vm.Float(o.timeout), nil
	})
	m("__enter__", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(o), nil
	})
	m("__exit__", func(t *vm.Thread, o *sockObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o.s.close()
		return vm.None, nil
	})
	sockType.AddProperty("family", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return familyValue(t, args[0].AsObj().(*sockObj).s.family), nil
	})
	sockType.AddProperty("type", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return kindValue(t, args[0].AsObj().(*sockObj).s.stype), nil
	})
	sockType.AddProperty("proto", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(args[0].AsObj().(*sockObj).s.prot)), nil
	})
	sockType.AddProperty("timeout", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		o := args[0].AsObj().(*sockObj)
		if o.timeout < 0 {
			return vm.None, nil
		}
		return vm.Float(o.timeout), nil
	})
	register("socket", socketModule)
}

func sockTimeoutArg(v vm.Value) (float64, error) {
	if v.IsNone() {
		return -1, nil
	}
	d, err := vm.AsFloat(v)
	if err != nil {
		return 0, vm.Errorf(vm.TypeError, "Timeout value must be int, float or None")
	}
	if d < 0 {
		return 0, vm.Errorf(vm.ValueError, "Timeout value out of range")
	}
	return d, nil
}

var socketConsts = map[string]int{
	"AF_UNSPEC": syscall.AF_UNSPEC, "AF_INET": syscall.AF_INET, "AF_INET6": syscall.AF_INET6, "AF_UNIX": syscall.AF_UNIX,
	"SOCK_STREAM": syscall.SOCK_STREAM, "SOCK_DGRAM": syscall.SOCK_DGRAM, "SOCK_RAW": syscall.SOCK_RAW,
	"SOCK_NONBLOCK": syscall.SOCK_NONBLOCK, "SOCK_CLOEXEC": syscall.SOCK_CLOEXEC,
	"SOL_SOCKET": syscall.SOL_SOCKET, "SO_REUSEADDR": syscall.SO_REUSEADDR, "SO_REUSEPORT": 15,
	"SO_KEEPALIVE": syscall.SO_KEEPALIVE, "SO_BROADCAST": syscall.SO_BROADCAST, "SO_SNDBUF": syscall.SO_SNDBUF,
	"SO_RCVBUF": syscall.SO_RCVBUF, "SO_ERROR": syscall.SO_ERROR, "SO_TYPE": syscall.SO_TYPE, "SO_LINGER": syscall.SO_LINGER,
	"IPPROTO_IP": syscall.IPPROTO_IP, "IPPROTO_TCP": syscall.IPPROTO_TCP, "IPPROTO_UDP": syscall.IPPROTO_UDP,
	"IPPROTO_IPV6": syscall.IPPROTO_IPV6, "IPV6_V6ONLY": syscall.IPV6_V6ONLY, "SOL_TCP": syscall.SOL_TCP, "SOL_UDP": 17,
	"TCP_NODELAY": syscall.TCP_NODELAY, "TCP_KEEPIDLE": syscall.TCP_KEEPIDLE, "TCP_KEEPINTVL": syscall.TCP_KEEPINTVL,
	"TCP_KEEPCNT": syscall.TCP_KEEPCNT,
	"SHUT_RD":     syscall.SHUT_RD, "SHUT_WR": syscall.SHUT_WR, "SHUT_RDWR": syscall.SHUT_RDWR,
	"SOMAXCONN": 4096, "MSG_PEEK": syscall.MSG_PEEK, "MSG_DONTWAIT": syscall.MSG_DONTWAIT, "MSG_WAITALL": syscall.MSG_WAITALL,
	"AI_PASSIVE": 1, "AI_CANONNAME": 2, "AI_NUMERICHOST": 4, "AI_NUMERICSERV": 0x400, "AI_ADDRCONFIG": 0x20,
	"NI_NUMERICHOST": 1, "NI_NUMERICSERV": 2, "NI_NOFQDN": 4, "NI_NAMEREQD": 8, "NI_DGRAM": 16,
	"EAI_NONAME": -2, "EAI_AGAIN": -3, "EAI_FAIL": -4, "EAI_FAMILY": -6, "EAI_SERVICE": -8,
	"INADDR_ANY": 0, "INADDR_LOOPBACK": 0x7f000001,
}

func socketModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("socket", "")
	m.Set("socket", vm.Obj(sockType))
	m.Set("SocketType", vm.Obj(sockType))
	for k, v := range socketConsts {
		m.Set(k, vm.Int(int64(v)))
	}
	m.Set("has_ipv6", vm.True)
	m.Set("error", vm.Obj(vm.OSError))
	m.Set("timeout", vm.Obj(vm.TimeoutError))
	m.Set("gaierror", vm.Obj(gaierrorClass))
	m.Set("herror", vm.Obj(herrorClass))
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	fn("gethostname", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if !runtime.GrantsOf(t.Interp()).HostInfo {
			return vm.Str("localhost"), nil
		}
		h, err := os.Hostname()
		if err != nil {
			return vm.Undef, sockError(err)
		}
		return vm.Str(h), nil
	})
	fn("getdefaulttimeout", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := defaultTimeout(t.Interp())
		if d < 0 {
			return vm.None, nil
		}
		return vm.Float(d), nil
	})
	fn("setdefaulttimeout", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "setdefaulttimeout() takes exactly one argument (%d given)", len(args))
		}
		d, err := sockTimeoutArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		t.Interp().SetExt(defaultTimeoutKey{}, d)
		return vm.None, nil
	})
	fn("_getaddrinfo", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := netAllowed(t); err != nil {
			return vm.Undef, err
		}
		q, err := parseAddrinfoQuery(t, args)
		if err != nil {
			return vm.Undef, err
		}
		var res []addrinfo
		t.Blocking(func() { res, err = q.resolve() })
		if err != nil {
			return vm.Undef, err
		}
		return addrinfoValue(res), nil
	})
	fn("getnameinfo", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Undef, vm.Errorf(vm.TypeError, "getnameinfo() takes exactly 2 arguments (%d given)", len(args))
		}
		return getnameinfo(t, args[0], args[1])
	})
	fn("gethostbyname", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "gethostbyname() takes exactly one argument (%d given)", len(args))
		}
		h, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "gethostbyname() argument 1 must be str, not %s", args[0].TypeName())
		}
		ip, err := resolveHost(h, syscall.AF_INET)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Str(ip.String()), nil
	})
	fn("inet_aton", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := oneArgOnly("inet_aton", args, kw); err != nil {
			return vm.Undef, err
		}
		s, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "inet_aton() argument 1 must be str, not %s", args[0].TypeName())
		}
		ip := net.ParseIP(s).To4()
		if ip == nil {
			return vm.Undef, vm.Errorf(vm.OSError, "illegal IP address string passed to inet_aton")
		}
		return vm.Obj(vm.NewBytes([]byte(ip))), nil
	})
	fn("inet_ntoa", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := oneArgOnly("inet_ntoa", args, kw); err != nil {
			return vm.Undef, err
		}
		b, ok := args[0].AsObj().(*vm.Bytes)
		if !ok || len(b.Data()) != 4 {
			return vm.Undef, vm.Errorf(vm.OSError, "packed IP wrong length for inet_ntoa")
		}
		return vm.Str(net.IP(b.Data()).String()), nil
	})
	swap16 := func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := oneArgOnly("htons", args, kw); err != nil {
			return vm.Undef, err
		}
		n, err := t.AsInt64(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Int(int64(uint16(n)>>8 | uint16(n)<<8)), nil
	}
	fn("htons", swap16)
	fn("ntohs", swap16)
	fn("socketpair", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := netAllowed(t); err != nil {
			return vm.Undef, err
		}
		fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
		if err != nil {
			return vm.Undef, sockError(err)
		}
		a, err := newNetSock(fds[0], syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			return vm.Undef, sockError(err)
		}
		b, err := newNetSock(fds[1], syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			return vm.Undef, sockError(err)
		}
		d := defaultTimeout(t.Interp())
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(&sockObj{s: a, timeout: d}), vm.Obj(&sockObj{s: b, timeout: d})})), nil
	})
	return m, nil
}

var herrorClass = vm.NewExceptionClass("herror", "socket", vm.OSError)

// addrinfo is one getaddrinfo result.
type addrinfo struct {
	family, stype, proto int
	sa                   syscall.Sockaddr
}

type addrinfoQuery struct {
	host                        string
	hostNone                    bool
	port                        int
	family, stype, proto, flags int
}

func parseAddrinfoQuery(t *vm.Thread, args []vm.Value) (*addrinfoQuery, error) {
	// (host, port, family, type, proto, flags), filled by socket.py.
	q := &addrinfoQuery{}
	if len(args) != 6 {
		return nil, vm.Errorf(vm.TypeError, "getaddrinfo() takes 2 to 6 arguments")
	}
	switch h := args[0]; {
	case h.IsNone():
		q.hostNone = true
	default:
		if s, ok := h.StrOf(); ok {
			q.host = s
		} else if b, ok := h.AsObj().(*vm.Bytes); ok {
			q.host = string(b.Data())
		} else {
			return nil, vm.Errorf(vm.TypeError, "getaddrinfo() argument 1 must be string or None")
		}
	}
	switch p := args[1]; {
	case p.IsNone():
	case p.IsInt():
		q.port = int(p.AsInt())
	default:
		s, ok := p.StrOf()
		if !ok {
			if b, isB := p.AsObj().(*vm.Bytes); isB {
				s, ok = string(b.Data()), true
			}
		}
		if !ok {
			return nil, vm.Errorf(vm.OSError, "Int or String expected")
		}
		if n, err := strconv.Atoi(s); err == nil {
			q.port = n
		} else {
			n, err := net.LookupPort("tcp", s)
			if err != nil {
				return nil, gaiError(nil, -8, "Servname not supported for ai_socktype")
			}
			q.port = n
		}
	}
	ints := []*int{&q.family, &q.stype, &q.proto, &q.flags}
	for i, p := range ints {
		n, err := t.AsInt64(args[2+i])
		if err != nil {
			return nil, err
		}
		*p = int(n)
	}
	return q, nil
}

// resolve answers the query as glibc's getaddrinfo does for the common
// cases: one entry per address and socket type asked for (stream, dgram,
// raw when none was given).
func (q *addrinfoQuery) resolve() ([]addrinfo, error) {
	var ips []net.IP
	switch {
	case q.hostNone:
		if q.flags&1 != 0 { // AI_PASSIVE
			ips = []net.IP{net.IPv4zero, net.IPv6zero}
		} else {
			ips = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
		}
	default:
		if ip := net.ParseIP(q.host); ip != nil {
			ips = []net.IP{ip}
		} else if q.flags&4 != 0 { // AI_NUMERICHOST
			return nil, gaiError(nil, -2, "Name or service not known")
		} else {
			var err error
			if ips, err = lookupHost(q.host); err != nil {
				return nil, err
			}
		}
	}
	type kind struct{ stype, proto int }
	kinds := []kind{{syscall.SOCK_STREAM, syscall.IPPROTO_TCP}, {syscall.SOCK_DGRAM, syscall.IPPROTO_UDP}, {syscall.SOCK_RAW, 0}}
	var out []addrinfo
	for _, ip := range ips {
		fam := syscall.AF_INET6
		if ip.To4() != nil {
			fam = syscall.AF_INET
		}
		if q.family != 0 && q.family != fam {
			continue
		}
		for _, k := range kinds {
			if q.stype != 0 && q.stype != k.stype || q.proto != 0 && q.proto != k.proto && k.stype != syscall.SOCK_RAW {
				continue
			}
			proto := k.proto
			if k.stype == syscall.SOCK_RAW {
				proto = q.proto
			}
			out = append(out, addrinfo{family: fam, stype: k.stype, proto: proto, sa: ipSockaddr(ip, q.port)})
		}
	}
	if len(out) == 0 {
		return nil, gaiError(nil, -9, "Address family for hostname not supported")
	}
	return out, nil
}

// addrinfoValue is the list of (family, type, proto, canonname, sockaddr)
// with plain ints (socket.py makes the enums).
func addrinfoValue(res []addrinfo) vm.Value {
	var items []vm.Value
	for _, r := range res {
		items = append(items, vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(r.family)), vm.Int(int64(r.stype)),
			vm.Int(int64(r.proto)), vm.Str(""), addrValue(r.sa)})))
	}
	return vm.Obj(vm.NewList(items))
}

func getnameinfo(t *vm.Thread, addr, flagsV vm.Value) (vm.Value, error) {
	tup, ok := addr.AsObj().(*vm.Tuple)
	if !ok || len(tup.Items()) < 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "getnameinfo() argument 1 must be a tuple")
	}
	host, _ := tup.Items()[0].StrOf()
	port := tup.Items()[1].AsInt()
	flags, err := t.AsInt64(flagsV)
	if err != nil {
		return vm.Undef, err
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return vm.Undef, gaiError(nil, -2, "Name or service not known")
	}
	name := ip.String()
	if flags&1 == 0 { // not NI_NUMERICHOST
		var names []string
		t.Blocking(func() { names, _ = net.LookupAddr(ip.String()) })
		if len(names) > 0 {
			name = trimDot(names[0])
		} else if flags&8 != 0 {
			return vm.Undef, gaiError(nil, -2, "Name or service not known")
		}
	}
	serv := strconv.Itoa(int(port))
	if flags&2 == 0 {
		if s, ok := serviceNames[int(port)]; ok {
			serv = s
		}
	}
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(name), vm.Str(serv)})), nil
}

func trimDot(s string) string {
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

// serviceNames are the well-known ports getnameinfo names (from
// /etc/services; Go has no reverse lookup).
var serviceNames = map[int]string{21: "ftp", 22: "ssh", 23: "telnet", 25: "smtp", 53: "domain", 80: "http",
	110: "pop3", 143: "imap2", 443: "https", 993: "imaps", 995: "pop3s", 3306: "mysql", 5432: "postgresql"}

func oneArgOnly(name string, args []vm.Value, kw []vm.KV) error {
	if len(kw) > 0 {
		return vm.Errorf(vm.TypeError, "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}
