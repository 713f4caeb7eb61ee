package stdlib

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asylang/asy/runtime"

	"github.com/asylang/asy/vm"
)

// The socket layer under the socket module and asyncio's transports: an OS
// socket (a file descriptor in non-blocking mode) registered with Go's
// network poller through os.NewFile. A blocking operation is a loop of
// non-blocking system calls inside RawConn.Read/Write, which park the
// calling goroutine on the poller until the descriptor is ready — so a
// socket waited on costs no OS thread, and a read holds no buffer until
// data is there.

// netSock is one OS socket.
type netSock struct {
	fd                  int
	f                   *os.File
	rc                  syscall.RawConn
	family, stype, prot int
	closed              atomic.Bool
	owner               *runtime.Loop // tracked by this loop (socket_track.go)
}

// newNetSock takes ownership of fd.
func newNetSock(fd, family, stype, proto int) (*netSock, error) {
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	f := os.NewFile(uintptr(fd), "socket")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &netSock{fd: fd, f: f, rc: rc, family: family, stype: stype, prot: proto}, nil
}

// openSocket makes a new socket.
func openSocket(family, stype, proto int) (*netSock, error) {
	fd, err := syscall.Socket(family, stype|syscall.SOCK_CLOEXEC, proto)
	if err != nil {
		return nil, err
	}
	return newNetSock(fd, family, stype, proto)
}

func (s *netSock) close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return nil
	}
	if s.owner != nil {
		untrackSock(s.owner, s)
	}
	return s.f.Close()
}

// closeAsync closes from another goroutine (the loop closed).
func (s *netSock) closeAsync() {
	if s.closed.CompareAndSwap(false, true) {
		s.f.Close()
	}
}

func (s *netSock) isClosed() bool { return s.closed.Load() }

// own ties s to l: it is closed when l closes, if still open.
func (s *netSock) own(l *runtime.Loop) {
	if s.owner == nil {
		s.owner = l
		trackSock(l, s)
	}
}

var errBadFD = syscall.EBADF

// readOp runs fn (a non-blocking system call) until it no longer says
// EAGAIN, parking on the poller in between. With wait false it tries once.
func (s *netSock) readOp(wait bool, fn func(fd int) error) error {
	return s.pollOp(s.rc.Read, wait, fn)
}

// writeOp is readOp for a write.
func (s *netSock) writeOp(wait bool, fn func(fd int) error) error {
	return s.pollOp(s.rc.Write, wait, fn)
}

// pollOp retries fn through EINTR inside the raw connection's Read or
// Write, which parks on Go's poller while fn reports EAGAIN.
func (s *netSock) pollOp(park func(func(fd uintptr) bool) error, wait bool, fn func(fd int) error) error {
	if s.isClosed() {
		return errBadFD
	}
	var opErr error
	err := park(func(fd uintptr) bool {
		for {
			opErr = fn(int(fd))
			if opErr != syscall.EINTR {
				break
			}
		}
		return !(wait && opErr == syscall.EAGAIN)
	})
	if err != nil {
		return err
	}
	return opErr
}

// recv reads up to n bytes (0 at end of stream).
func (s *netSock) recv(n int, wait bool) ([]byte, error) {
	buf := make([]byte, n)
	var got int
	err := s.readOp(wait, func(fd int) error {
		k, _, err := syscall.Recvfrom(fd, buf, 0)
		got = k
		return err
	})
	if err != nil {
		return nil, err
	}
	return buf[:got], nil
}

func (s *netSock) recvfrom(n int, wait bool) ([]byte, syscall.Sockaddr, error) {
	buf := make([]byte, n)
	var got int
	var from syscall.Sockaddr
	err := s.readOp(wait, func(fd int) error {
		k, sa, err := syscall.Recvfrom(fd, buf, 0)
		got, from = k, sa
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return buf[:got], from, nil
}

// send writes what it can of b (all of it when waiting and sendall).
func (s *netSock) send(b []byte, wait, all bool) (int, error) {
	sent := 0
	err := s.writeOp(wait, func(fd int) error {
		for sent < len(b) {
			n, err := syscall.SendmsgN(fd, b[sent:], nil, nil, syscall.MSG_NOSIGNAL)
			if n > 0 {
				sent += n
			}
			if err != nil {
				if err == syscall.EAGAIN && sent > 0 && !all {
					return nil
				}
				return err
			}
			if !all {
				return nil
			}
		}
		return nil
	})
	return sent, err
}

func (s *netSock) sendto(b []byte, to syscall.Sockaddr, wait bool) (int, error) {
	err := s.writeOp(wait, func(fd int) error {
		return syscall.Sendto(fd, b, syscall.MSG_NOSIGNAL, to)
	})
	if err != nil {
		return 0, err
	}
	return len(b), nil
}

// accept returns a new connected socket and its peer address.
func (s *netSock) accept(wait bool) (*netSock, syscall.Sockaddr, error) {
	var nfd int
	var sa syscall.Sockaddr
	err := s.readOp(wait, func(fd int) error {
		var err error
		nfd, sa, err = syscall.Accept4(fd, syscall.SOCK_CLOEXEC|syscall.SOCK_NONBLOCK)
		if err == syscall.ECONNABORTED {
			return syscall.EAGAIN
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	ns, err := newNetSock(nfd, s.family, s.stype, s.prot)
	return ns, sa, err
}

// connect starts a connection and, waiting, finishes it.
func (s *netSock) connect(sa syscall.Sockaddr, wait bool) error {
	if s.isClosed() {
		return errBadFD
	}
	var err error
	for {
		err = syscall.Connect(s.fd, sa)
		if err != syscall.EINTR {
			break
		}
	}
	if err == nil {
		return nil
	}
	if err != syscall.EINPROGRESS {
		return err
	}
	if !wait {
		return err
	}
	return s.writeOp(true, func(fd int) error {
		v, gerr := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
		if gerr != nil {
			return gerr
		}
		if v == 0 {
			return nil
		}
		e := syscall.Errno(v)
		if e == syscall.EINPROGRESS || e == syscall.EALREADY {
			return syscall.EAGAIN
		}
		return e
	})
}

// setDeadlines bounds the waits of blocking operations (zero: none).
func (s *netSock) setDeadline(d time.Time) { s.f.SetDeadline(d) }

func (s *netSock) sockname() (syscall.Sockaddr, error) { return syscall.Getsockname(s.fd) }
func (s *netSock) peername() (syscall.Sockaddr, error) { return syscall.Getpeername(s.fd) }

// Addresses.

// addrValue is a socket address as Python shows it: (host, port) for IPv4,
// (host, port, flowinfo, scope_id) for IPv6, the path for AF_UNIX.
func addrValue(sa syscall.Sockaddr) vm.Value {
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(net.IP(a.Addr[:]).String()), vm.Int(int64(a.Port))}))
	case *syscall.SockaddrInet6:
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Str(net.IP(a.Addr[:]).String()), vm.Int(int64(a.Port)),
			vm.Int(0), vm.Int(int64(a.ZoneId))}))
	case *syscall.SockaddrUnix:
		return vm.Str(a.Name)
	}
	return vm.None
}

// addrString is the text CPython's messages print for an address.
func addrString(t *vm.Thread, sa syscall.Sockaddr) string {
	s, _ := t.Repr(addrValue(sa))
	return s
}

// parseAddr turns a Python address into a sockaddr for the family,
// resolving host names (blocking: callers on the loop resolve first).
func parseAddr(t *vm.Thread, family int, v vm.Value, fname string) (syscall.Sockaddr, error) {
	if family == syscall.AF_UNIX {
		s, ok := v.StrOf()
		if !ok {
			if b, ok := v.AsObj().(*vm.Bytes); ok {
				s = string(b.Data())
			} else {
				return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", v.TypeName())
			}
		}
		return &syscall.SockaddrUnix{Name: s}, nil
	}
	tup, ok := v.AsObj().(*vm.Tuple)
	fam := "AF_INET"
	want := 2
	if family == syscall.AF_INET6 {
		fam, want = "AF_INET6", 2
	}
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "%s address must be tuple, not %s", fam, v.TypeName())
	}
	items := tup.Items()
	if len(items) < want || (family == syscall.AF_INET && len(items) != 2) || len(items) > 4 {
		if family == syscall.AF_INET {
			return nil, vm.Errorf(vm.TypeError, "AF_INET address must be a pair (host, port)")
		}
		return nil, vm.Errorf(vm.TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
	}
	host, ok := items[0].StrOf()
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "str, bytes or bytearray expected, not %s", items[0].TypeName())
	}
	if !items[1].IsInt() {
		return nil, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", items[1].TypeName())
	}
	port := items[1].AsInt()
	if port < 0 || port > 65535 {
		return nil, vm.Errorf(vm.OverflowError, "%s(): port must be 0-65535.", fname)
	}
	ip, err := resolveHost(host, family)
	if err != nil {
		return nil, err
	}
	if family == syscall.AF_INET6 {
		a := &syscall.SockaddrInet6{Port: int(port)}
		copy(a.Addr[:], ip.To16())
		return a, nil
	}
	a := &syscall.SockaddrInet4{Port: int(port)}
	copy(a.Addr[:], ip.To4())
	return a, nil
}

// resolveHost maps a host (” is any, '<broadcast>', a literal or a name)
// to one address of the family.
func resolveHost(host string, family int) (net.IP, error) {
	switch host {
	case "":
		if family == syscall.AF_INET6 {
			return net.IPv6zero, nil
		}
		return net.IPv4zero, nil
	case "<broadcast>":
		return net.IPv4bcast, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		if family == syscall.AF_INET && ip.To4() == nil {
			return nil, gaiError(syscall.Errno(0), -9, "Address family for hostname not supported")
		}
		return ip, nil
	}
	ips, err := net.LookupIP(host)
	if err != nil || len(ips) == 0 {
		return nil, gaiError(nil, -2, "Name or service not known")
	}
	for _, ip := range ips {
		if (family == syscall.AF_INET) == (ip.To4() != nil) {
			return ip, nil
		}
	}
	return nil, gaiError(nil, -9, "Address family for hostname not supported")
}

// Errors.

// gaierrorClass is socket.gaierror.
var gaierrorClass = vm.NewExceptionClass("gaierror", "socket", vm.OSError)

func gaiError(_ any, code int, msg string) error {
	return vm.NewException(gaierrorClass, vm.Int(int64(code)), vm.Str(msg))
}

// sockError converts a Go or errno error into the OSError CPython raises.
func sockError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return vm.NewException(vm.TimeoutError, vm.Str("timed out"))
	}
	if errors.Is(err, os.ErrClosed) {
		err = syscall.EBADF
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return vm.NewException(vm.OSError, vm.Str(err.Error()))
	}
	return errnoError(errno, "")
}

// errnoError is OSError(errno, strerror) of the errno's class.
func errnoError(errno syscall.Errno, msg string) error {
	cls := vm.OSError
	switch errno {
	case syscall.ECONNREFUSED:
		cls = vm.ConnectionRefusedError
	case syscall.ECONNRESET:
		cls = vm.ConnectionResetError
	case syscall.ECONNABORTED:
		cls = vm.ConnectionAbortedError
	case syscall.EPIPE, syscall.ESHUTDOWN:
		cls = vm.BrokenPipeError
	case syscall.EAGAIN, syscall.EINPROGRESS, syscall.EALREADY:
		cls = vm.BlockingIOError
	case syscall.ETIMEDOUT:
		cls = vm.TimeoutError
	case syscall.ENOENT:
		cls = vm.FileNotFoundError
	case syscall.EACCES, syscall.EPERM:
		cls = vm.PermissionError
	case syscall.EINTR:
		cls = vm.InterruptedError
	}
	if msg == "" {
		msg = strerror(errno)
	}
	return vm.NewException(cls, vm.Int(int64(errno)), vm.Str(msg))
}

// strerror is C's message for errno (Go's lower-cases the first letter).
func strerror(errno syscall.Errno) string {
	switch errno {
	case syscall.EAGAIN:
		return "Resource temporarily unavailable"
	}
	msg := errno.Error()
	if msg == "" || strings.HasPrefix(msg, "errno ") {
		return "Unknown error " + strconv.Itoa(int(errno))
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}

// netAllowed is the one check every network entry point makes: network
// access is a host capability (runtime.Grants): some network grant
// (connecting or listening) must have been given. Outgoing stream
// connections go through the grant's Dial (so its allow-list applies);
// listening needs the Listen grant (listenAllowed).
func netAllowed(t *vm.Thread) error {
	g := runtime.GrantsOf(t.Interp())
	if g.Dial == nil && g.Listen == nil {
		return vm.NewException(vm.PermissionError, vm.Str("no network access was granted to this script"))
	}
	return nil
}

// sockaddrAllowed checks a raw socket's connect or bind address against
// the network grant's allow-lists (Unix socket paths are files, not
// network addresses, and pass).
func sockaddrAllowed(t *vm.Thread, sa syscall.Sockaddr, bind bool) error {
	var host string
	var port int
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		host, port = net.IP(a.Addr[:]).String(), a.Port
	case *syscall.SockaddrInet6:
		host, port = net.IP(a.Addr[:]).String(), a.Port
	default:
		return nil
	}
	g := runtime.GrantsOf(t.Interp())
	address := net.JoinHostPort(host, strconv.Itoa(port))
	check, what := g.SocketConnect, "connecting to"
	if bind {
		check, what = g.SocketBind, "binding"
	}
	if check == nil || !check(address) {
		return vm.NewException(vm.PermissionError, vm.Str(what+" "+address+" was not granted to this script"))
	}
	return nil
}

// listenAllowed refuses servers without a Listen grant.
func listenAllowed(t *vm.Thread) error {
	if runtime.GrantsOf(t.Interp()).Listen == nil {
		return vm.NewException(vm.PermissionError, vm.Str("no listening on the network was granted to this script"))
	}
	return nil
}

func familyName(f int) string {
	switch f {
	case syscall.AF_INET:
		return "AF_INET"
	case syscall.AF_INET6:
		return "AF_INET6"
	case syscall.AF_UNIX:
		return "AF_UNIX"
	}
	return fmt.Sprint(f)
}
