package stdlib

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// asyncio's servers and outgoing connections: loop.create_server /
// create_connection (and their Unix-socket twins) with a protocol factory,
// and the streams API on top of them (start_server, open_connection).
// Listening sockets are accepted by one goroutine each, parked on the
// network poller; connecting and name resolution happen in a goroutine
// whose result comes back through the loop's thread-safe door.

var serverType = vm.NewNativeClass("Server", "asyncio.base_events", nil, nil)

type serverObj struct {
	l        *runtime.Loop
	socks    []*netSock // nil once closed
	factory  func(t *vm.Thread) (protoSink, error)
	tlsWrap  TLSWrap
	backlog  int
	serving  bool
	active   int
	waiters  []*runtime.Future
	noWait   bool // the waiters were woken: wait_closed returns at once
	forever  *runtime.Future
	releases []func()
}

func (*serverObj) Class() *vm.Class { return serverType }

func (s *serverObj) socketsValue() vm.Value {
	var items []vm.Value
	for _, ns := range s.socks {
		items = append(items, vm.Obj(&transportSocket{s: ns}))
	}
	return vm.Obj(vm.NewTuple(items))
}

func (s *serverObj) Repr(t *vm.Thread) (string, error) {
	r, err := t.Repr(s.socketsValue())
	return "<Server sockets=" + r + ">", err
}

func (s *serverObj) attach() { s.active++ }

func (s *serverObj) detach() {
	s.active--
	if s.active == 0 && s.socks == nil {
		s.wakeup()
	}
}

func (s *serverObj) wakeup() {
	ws := s.waiters
	s.waiters, s.noWait = nil, true
	for _, w := range ws {
		if !w.Done() {
			w.SetResult(vm.None)
		}
	}
}

// startServing starts an accepting goroutine per listening socket.
func (s *serverObj) startServing() {
	if s.serving || s.socks == nil {
		return
	}
	s.serving = true
	for _, ns := range s.socks {
		ns := ns
		syscall.Listen(ns.fd, s.backlog)
		release := s.l.HoldIO()
		s.releases = append(s.releases, release)
		go func() {
			defer release()
			for {
				conn, _, err := ns.accept(true)
				if err != nil {
					if ns.isClosed() || isClosedErr(err) {
						return
					}
					continue // EMFILE and friends: CPython logs and goes on
				}
				if _, perr := s.l.CallSoonThreadsafe(func() { s.accepted(conn) }); perr != nil {
					conn.close()
					return
				}
			}
		}()
	}
}

func isClosedErr(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "closed") || err == syscall.EBADF)
}

// accepted sets a new connection up on the loop thread.
func (s *serverObj) accepted(conn *netSock) {
	if !s.serving {
		conn.close()
		return
	}
	t := s.l.Thread()
	proto, err := s.factory(t)
	if err != nil {
		reportCallbackError(t, "Error on transport creation for incoming connection", err)
		conn.close()
		return
	}
	tr := newTransport(s.l, conn, proto)
	tr.srv = s
	s.attach()
	if s.tlsWrap == nil {
		tr.start(t, true, nil)
		return
	}
	// The handshake runs in a goroutine; the protocol sees the connection
	// once it is done.
	tc := s.tlsWrap(sockConn{conn})
	release := s.l.HoldIO()
	go func() {
		herr := tc.Handshake(context.Background())
		release()
		s.l.Post(func() {
			if herr != nil {
				conn.close()
				tr.srv = nil
				s.detach()
				return
			}
			tr.tls = tc
			tr.start(t, false, nil)
		})
	}()
}

func (s *serverObj) close() {
	if s.socks == nil {
		return
	}
	socks := s.socks
	s.socks = nil
	for _, ns := range socks {
		ns.close()
	}
	s.serving = false
	if s.forever != nil && !s.forever.Done() {
		s.forever.Cancel(vm.None)
		s.forever = nil
	}
	if s.active == 0 {
		s.wakeup()
	}
}

func (s *serverObj) waitClosed(t *vm.Thread) vm.Value {
	var waiter *runtime.Future
	return newNetAwait(t, "Server.wait_closed", func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		if waiter != nil || s.socks == nil || s.noWait {
			return vm.None, nil, nil
		}
		waiter = runtime.NewFuture(s.l)
		s.waiters = append(s.waiters, waiter)
		return vm.Undef, waiter, nil
	}, nil)
}

func init() {
	m := func(name string, fn func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		serverType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*serverObj), args[1:], kw)
		})
	}
	m("close", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s.close()
		return vm.None, nil
	})
	m("get_loop", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return loopValue(t.Interp(), s.l), nil
	})
	m("is_serving", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(s.serving), nil
	})
	m("start_serving", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s.startServing()
		return netResult(t, "Server.start_serving", vm.None, nil), nil
	})
	m("wait_closed", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return s.waitClosed(t), nil
	})
	m("serve_forever", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var fut *runtime.Future
		return newNetAwait(t, "Server.serve_forever", func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
			if fut != nil {
				s.forever = nil
				return vm.None, nil, nil
			}
			if s.forever != nil {
				r, _ := s.Repr(t)
				return vm.Undef, nil, vm.Errorf(vm.RuntimeError, "server %s is already being awaited on serve_forever()", r)
			}
			if s.socks == nil {
				r, _ := s.Repr(t)
				return vm.Undef, nil, vm.Errorf(vm.RuntimeError, "server %s is closed", r)
			}
			s.startServing()
			fut = runtime.NewFuture(s.l)
			s.forever = fut
			return vm.Undef, fut, nil
		}, func() {
			// Cancelled: close, as CPython's except clause does (its
			// wait_closed returns at once once the sockets are gone).
			if s.forever == fut {
				s.forever = nil
			}
			s.close()
		}), nil
	})
	m("__aenter__", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return netResult(t, "Server.__aenter__", vm.Obj(s), nil), nil
	})
	m("__aexit__", func(t *vm.Thread, s *serverObj, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		s.close()
		return s.waitClosed(t), nil
	})
	serverType.AddProperty("sockets", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return args[0].AsObj().(*serverObj).socketsValue(), nil
	})
}

// listenAddrs resolves a server's host argument (None: every interface;
// a string; or a sequence of them) to socket addresses.
func listenAddrs(t *vm.Thread, host vm.Value, port int, family int) ([]syscall.Sockaddr, error) {
	var hosts []string
	switch {
	case host.IsUndef() || host.IsNone():
		hosts = []string{"0.0.0.0", "::"}
	default:
		if s, ok := host.StrOf(); ok {
			hosts = []string{s}
			if s == "" {
				hosts = []string{"0.0.0.0", "::"}
			}
		} else if err := t.Iterate(host, func(v vm.Value) error {
			s, ok := v.StrOf()
			if !ok {
				return vm.Errorf(vm.TypeError, "host must be a str or a sequence of str")
			}
			hosts = append(hosts, s)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	var out []syscall.Sockaddr
	seen := map[string]bool{}
	for _, h := range hosts {
		ips, err := lookupHost(h)
		if err != nil {
			return nil, err
		}
		for _, ip := range ips {
			if family == syscall.AF_INET && ip.To4() == nil || family == syscall.AF_INET6 && ip.To4() != nil {
				continue
			}
			if seen[ip.String()] {
				continue
			}
			seen[ip.String()] = true
			out = append(out, ipSockaddr(ip, port))
		}
	}
	return out, nil
}

func lookupHost(h string) ([]net.IP, error) {
	if ip := net.ParseIP(h); ip != nil {
		return []net.IP{ip}, nil
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(context.Background(), h)
	if err != nil || len(addrs) == 0 {
		return nil, gaiError(nil, -2, "Name or service not known")
	}
	var ips []net.IP
	for _, a := range addrs {
		ips = append(ips, a.IP)
	}
	// IPv4 first, as getaddrinfo orders them on a typical host.
	var v4, v6 []net.IP
	for _, ip := range ips {
		if ip.To4() != nil {
			v4 = append(v4, ip)
		} else {
			v6 = append(v6, ip)
		}
	}
	return append(v4, v6...), nil
}

func ipSockaddr(ip net.IP, port int) syscall.Sockaddr {
	if ip4 := ip.To4(); ip4 != nil {
		a := &syscall.SockaddrInet4{Port: port}
		copy(a.Addr[:], ip4)
		return a
	}
	a := &syscall.SockaddrInet6{Port: port}
	copy(a.Addr[:], ip.To16())
	return a
}

func sockaddrFamily(sa syscall.Sockaddr) int {
	switch sa.(type) {
	case *syscall.SockaddrInet6:
		return syscall.AF_INET6
	case *syscall.SockaddrUnix:
		return syscall.AF_UNIX
	}
	return syscall.AF_INET
}

// serverOpts are create_server's keyword arguments that asy honours.
type serverOpts struct {
	host, port, sock, ssl   vm.Value
	family, backlog         int
	reuseAddress, reusePort bool
	startServing            bool
	unixPath                string
	unix                    bool
}

// newServer binds (and, with start_serving, listens on) the sockets.
func newServer(t *vm.Thread, l *runtime.Loop, factory func(*vm.Thread) (protoSink, error), o serverOpts) (*serverObj, error) {
	if err := listenAllowed(t); err != nil {
		return nil, err
	}
	s := &serverObj{l: l, factory: factory, backlog: o.backlog}
	if !o.ssl.IsUndef() && !o.ssl.IsNone() {
		ctx, ok := o.ssl.AsObj().(TLSContext)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "ssl argument must be an SSLContext or None")
		}
		wrap, err := ctx.ServerTLS()
		if err != nil {
			return nil, err
		}
		s.tlsWrap = wrap
	}
	if !o.sock.IsUndef() && !o.sock.IsNone() {
		ns, ok := o.sock.AsObj().(*sockObj)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "A Stream Socket was expected, got %s", o.sock.TypeName())
		}
		s.socks = []*netSock{ns.s}
	} else if o.unix {
		ns, err := openSocket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			return nil, sockError(err)
		}
		if err := syscall.Bind(ns.fd, &syscall.SockaddrUnix{Name: o.unixPath}); err != nil {
			ns.close()
			if err == syscall.EADDRINUSE {
				return nil, errnoError(syscall.EADDRINUSE, fmt.Sprintf("Address %s is already in use", quoteRepr(t, o.unixPath)))
			}
			return nil, sockError(err)
		}
		s.socks = []*netSock{ns}
	} else {
		port := 0
		if !o.port.IsUndef() && !o.port.IsNone() {
			n, err := t.AsInt64(o.port)
			if err != nil {
				return nil, err
			}
			port = int(n)
		}
		addrs, err := listenAddrs(t, o.host, port, o.family)
		if err != nil {
			return nil, err
		}
		for _, sa := range addrs {
			fam := sockaddrFamily(sa)
			ns, err := openSocket(fam, syscall.SOCK_STREAM, syscall.IPPROTO_TCP)
			if err != nil {
				if fam == syscall.AF_INET6 && (o.host.IsUndef() || o.host.IsNone()) {
					continue // no IPv6 on this host
				}
				s.closeAll()
				return nil, sockError(err)
			}
			if o.reuseAddress {
				syscall.SetsockoptInt(ns.fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
			}
			if o.reusePort {
				syscall.SetsockoptInt(ns.fd, syscall.SOL_SOCKET, 0xf /* SO_REUSEPORT */, 1)
			}
			if fam == syscall.AF_INET6 {
				syscall.SetsockoptInt(ns.fd, syscall.IPPROTO_IPV6, syscall.IPV6_V6ONLY, 1)
			}
			if err := syscall.Bind(ns.fd, sa); err != nil {
				ns.close()
				if fam == syscall.AF_INET6 && (o.host.IsUndef() || o.host.IsNone()) && err == syscall.EADDRNOTAVAIL {
					continue
				}
				s.closeAll()
				errno, _ := err.(syscall.Errno)
				return nil, errnoError(errno, fmt.Sprintf("error while attempting to bind on address %s: %s",
					addrString(t, sa), strings.ToLower(strerror(errno))))
			}
			s.socks = append(s.socks, ns)
		}
		if len(s.socks) == 0 {
			return nil, vm.Errorf(vm.OSError, "could not bind on any address out of %s", "[]")
		}
	}
	for _, ns := range s.socks {
		ns.own(l)
	}
	if o.startServing {
		s.startServing()
	} else {
		for _, ns := range s.socks {
			syscall.Listen(ns.fd, s.backlog)
		}
	}
	return s, nil
}

func (s *serverObj) closeAll() {
	for _, ns := range s.socks {
		ns.close()
	}
	s.socks = nil
}

func quoteRepr(t *vm.Thread, s string) string {
	r, _ := t.Repr(vm.Str(s))
	return r
}

// dialResult is a connected socket from a connecting goroutine.
type dialResult struct {
	s   *netSock
	tls TLSConn
}

// dial resolves host and connects to each address in turn (blocking; run
// in a goroutine), as create_connection does, with its error rules.
func dial(ctx context.Context, gdial dialFunc, host string, port int, family int, tlsWrap TLSWrap) (*dialResult, error) {
	ips, err := lookupHost(host)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, ip := range ips {
		if family == syscall.AF_INET && ip.To4() == nil || family == syscall.AF_INET6 && ip.To4() != nil {
			continue
		}
		sa := ipSockaddr(ip, port)
		ns, err := grantDial(ctx, gdial, sa, ip, port)
		if err != nil {
			if _, refused := err.(*vm.Instance); refused {
				return nil, err
			}
			errs = append(errs, connectError{err, sa})
			continue
		}
		syscall.SetsockoptInt(ns.fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
		r := &dialResult{s: ns}
		if tlsWrap != nil {
			tc := tlsWrap(sockConn{ns})
			if err := tc.Handshake(ctx); err != nil {
				ns.close()
				return nil, err
			}
			r.tls = tc
		}
		return r, nil
	}
	if len(errs) == 0 {
		return nil, gaiError(nil, -9, "Address family for hostname not supported")
	}
	if len(errs) == 1 {
		return nil, errs[0]
	}
	return nil, multiError(errs)
}

// connectError is a failed connect to an address; it becomes CPython's
// OSError(errno, "Connect call failed ADDRESS").
type connectError struct {
	err error
	sa  syscall.Sockaddr
}

func (e connectError) Error() string { return e.err.Error() }

func connectErrorValue(t *vm.Thread, err error) error {
	switch e := err.(type) {
	case connectError:
		errno, ok := e.err.(syscall.Errno)
		if !ok {
			return sockError(e.err)
		}
		return errnoError(errno, "Connect call failed "+addrString(t, e.sa))
	case multiError:
		var strs []string
		var first error
		for _, x := range e {
			v := connectErrorValue(t, x)
			if first == nil {
				first = v
			}
			s, _ := t.StrOf(vm.Obj(vm.AsException(v)))
			strs = append(strs, s)
		}
		same := true
		for _, s := range strs {
			same = same && s == strs[0]
		}
		if same {
			return first
		}
		return vm.NewException(vm.OSError, vm.Str("Multiple exceptions: "+strings.Join(strs, ", ")))
	}
	return sockError(err)
}

type multiError []error

func (e multiError) Error() string { return "multiple errors" }

// goOp runs work in a goroutine, holding pending I/O on the loop, and
// finishes on the loop thread; cancel (may be nil) is called when the
// awaiting task is cancelled.
func goOp(t *vm.Thread, l *runtime.Loop, name string, work func(ctx context.Context) (any, error),
	finish func(t *vm.Thread, r any, err error) (vm.Value, error)) vm.Value {
	var fut *runtime.Future
	var cancel context.CancelFunc
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		if fut != nil {
			r, err := fut.Result()
			return r, nil, err
		}
		fut = runtime.NewFuture(l)
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		release := l.HoldIO()
		go func() {
			r, err := work(ctx)
			l.Post(func() {
				release()
				if fut.Done() {
					// Cancelled meanwhile: drop what was made.
					if d, ok := r.(*dialResult); ok && d != nil {
						d.s.close()
					}
					return
				}
				v, err := finish(l.Thread(), r, err)
				if err != nil {
					fut.SetException(vm.AsException(err))
				} else {
					fut.SetResult(v)
				}
			})
			// If the loop closed, the post was dropped: still release.
			select {
			case <-l.CloseNotify():
				release()
			default:
			}
		}()
		return vm.Undef, fut, nil
	}, func() {
		if cancel != nil {
			cancel()
		}
	})
}

type dialFunc = func(ctx context.Context, network, address string) (net.Conn, error)

// grantDial connects through the interpreter's network grant (its
// allow-list applies) and takes the connection's descriptor over as a
// netSock. A refusal by the grant is a PermissionError.
func grantDial(ctx context.Context, gdial dialFunc, sa syscall.Sockaddr, ip net.IP, port int) (*netSock, error) {
	conn, err := gdial(ctx, "tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return nil, errno
		}
		if strings.Contains(err.Error(), "not granted") {
			return nil, vm.NewException(vm.PermissionError, vm.Str(err.Error()))
		}
		return nil, err
	}
	defer conn.Close()
	tc, ok := conn.(*net.TCPConn)
	if !ok {
		return nil, vm.NewException(vm.PermissionError, vm.Str("the granted dialer returned a connection asyncio cannot use"))
	}
	f, err := tc.File()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return nil, err
	}
	syscall.CloseOnExec(fd)
	return newNetSock(fd, sockaddrFamily(sa), syscall.SOCK_STREAM, syscall.IPPROTO_TCP)
}
