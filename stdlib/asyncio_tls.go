package stdlib

import (
	"context"
	"net"
	"syscall"
	"time"

	"github.com/asylang/asy/vm"
)

// TLS is not in the core: crypto/tls and crypto/x509 are the largest part
// of what an embedder would link for it (a fifth of a hello-world binary),
// so the ssl module is the opt-in extension modules/ssl. The event loop
// speaks TLS through the interfaces below, which that package's
// ssl.SSLContext implements; without the extension `import ssl` fails as
// in a Python built without ssl, and no script can hold a TLSContext.

// TLSContext is an ssl.SSLContext as the event loop sees it. The methods
// run on the loop thread and check the context (a server context without a
// certificate fails here, as in CPython, before anything is connected).
type TLSContext interface {
	// ClientTLS is what wraps a connected socket for talking TLS to
	// serverName.
	ClientTLS(serverName string) (TLSWrap, error)
	// ServerTLS is what wraps an accepted socket.
	ServerTLS() (TLSWrap, error)
}

// TLSWrap makes the TLS end of a connection over conn (no I/O yet).
type TLSWrap func(conn net.Conn) TLSConn

// TLSConn is one TLS connection. Its methods are called from the
// transport's goroutines, except ExtraInfo (loop thread).
type TLSConn interface {
	Read(b []byte) (int, error)
	Write(b []byte) (int, error)
	CloseWrite() error
	// Handshake runs the handshake; its error is the script's exception
	// (ssl.SSLCertVerificationError, ssl.SSLError, TimeoutError...).
	Handshake(ctx context.Context) error
	// ExtraInfo answers the transport's get_extra_info for TLS names
	// (cipher, peercert, compression).
	ExtraInfo(t *vm.Thread, name string) (vm.Value, bool)
}

// errNoSSL is what asyncio raises when a script asks for TLS without the
// ssl extension: CPython's words when its ssl module is missing.
func errNoSSL() error {
	return vm.Errorf(vm.RuntimeError, "stdlib ssl module not available")
}

// NetAllowed fails with PermissionError unless the script was granted some
// network access (the ssl extension checks it as the socket module does).
func NetAllowed(t *vm.Thread) error { return netAllowed(t) }

// OSError converts a Go error about path into the script's OSError
// subclass (FileNotFoundError...); path may be "".
func OSError(err error, path string) error { return osError(err, path) }

// SockError converts a socket error into the script's exception.
func SockError(err error) error { return sockError(err) }

// sockConn is a net.Conn over a netSock, for a TLS connection: reads and
// writes park on the network poller through the os.File.
type sockConn struct{ s *netSock }

func (c sockConn) Read(b []byte) (int, error)  { return c.s.f.Read(b) }
func (c sockConn) Write(b []byte) (int, error) { return c.s.f.Write(b) }
func (c sockConn) Close() error                { return c.s.close() }
func (c sockConn) LocalAddr() net.Addr         { return sockNetAddr(c.s.sockname()) }
func (c sockConn) RemoteAddr() net.Addr        { return sockNetAddr(c.s.peername()) }
func (c sockConn) SetDeadline(t time.Time) error {
	return c.s.f.SetDeadline(t)
}
func (c sockConn) SetReadDeadline(t time.Time) error  { return c.s.f.SetReadDeadline(t) }
func (c sockConn) SetWriteDeadline(t time.Time) error { return c.s.f.SetWriteDeadline(t) }

func sockNetAddr(sa syscall.Sockaddr, err error) net.Addr {
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return &net.TCPAddr{IP: net.IP(a.Addr[:]), Port: a.Port}
	case *syscall.SockaddrInet6:
		return &net.TCPAddr{IP: net.IP(a.Addr[:]), Port: a.Port}
	case *syscall.SockaddrUnix:
		return &net.UnixAddr{Name: a.Name, Net: "unix"}
	}
	return &net.TCPAddr{}
}
