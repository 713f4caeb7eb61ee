package runtime

import (
	"context"
	"io/fs"
	"net"
	"os"
	"sync"

	"github.com/asylang/asy/vm"
)

// Grants is the stdlib-side view of what of the host an interpreter's
// scripts may use (the embedder's asy.Capabilities, translated once by the
// root package). Modules that touch the host ask GrantsOf and refuse with
// PermissionError what is not granted. An interpreter nobody gave grants to
// (the internal packages' own tests) has the whole host.
type Grants struct {
	Files FileGrant
	// Env is os.environ (nil: empty).
	Env map[string]string
	// Dial opens a network connection for a script (nil: no outgoing
	// network). Allow-lists are applied by whoever built it.
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
	// Listen opens a listener for a script (nil: no servers).
	Listen func(ctx context.Context, network, address string) (net.Listener, error)
	// SocketConnect and SocketBind decide the addresses ("host:port") raw
	// sockets (the socket module, loop.sock_connect, datagram endpoints)
	// may connect to and bind: they bypass Dial and Listen, so they get
	// the same allow-lists (nil: refused).
	SocketConnect func(address string) bool
	SocketBind    func(address string) bool
	// Subprocess lets scripts start host processes.
	Subprocess bool
	// RealClock lets scripts read the host's date and time (time.time,
	// datetime.now); without it time still passes, from a fixed epoch.
	RealClock bool
	// HostInfo lets scripts see the host's identity: process ids,
	// platform.uname, CPU count.
	HostInfo bool
	// Threads is how many threads (threading.Thread, executor workers) may
	// run at once besides the main one; negative: no limit.
	Threads int

	mu      sync.Mutex
	running int // threads counted against Threads
}

// FileGrant is the file system scripts see through open, os, pathlib,
// tempfile, shutil and SQLite database files. The zero value is none.
type FileGrant struct {
	// Host is the host's file system as it is (the asy command).
	Host bool
	// Root confines scripts to a host directory (os.Root keeps symlinks
	// from leading out); Dir is its path, the scripts' working directory.
	Root *os.Root
	Dir  string
	// FS is a read-only file system given as an fs.FS.
	FS fs.FS
	// ReadOnly refuses every change (writing, creating, removing).
	ReadOnly bool
}

// Any reports whether some file system is granted.
func (g FileGrant) Any() bool { return g.Host || g.Root != nil || g.FS != nil }

// AllGrants is the whole host, as python3 has it.
func AllGrants() *Grants {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				env[kv[:i]] = kv[i+1:]
				break
			}
		}
	}
	var d net.Dialer
	var lc net.ListenConfig
	return &Grants{
		Files:      FileGrant{Host: true},
		Env:        env,
		Dial:       d.DialContext,
		Listen:     lc.Listen,
		Subprocess: true,
		RealClock:  true,
		HostInfo:   true,
		Threads:    -1,
	}
}

type grantsKey struct{}

// SetGrants fixes what the interpreter's scripts may use (before any runs).
func SetGrants(it *vm.Interp, g *Grants) { it.SetExt(grantsKey{}, g) }

var allGrantsOnce = sync.OnceValue(AllGrants)

// GrantsOf returns the interpreter's grants (never nil).
func GrantsOf(it *vm.Interp) *Grants {
	if g, ok := it.Ext(grantsKey{}); ok {
		return g.(*Grants)
	}
	return allGrantsOnce()
}

// TakeThread reserves one of the interpreter's threads for a new thread,
// reporting false when its grant allows no more; ReleaseThread gives it back.
func TakeThread(it *vm.Interp) bool {
	g := GrantsOf(it)
	if g.Threads < 0 {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running >= g.Threads {
		return false
	}
	g.running++
	return true
}

// ReleaseThread ends a thread TakeThread counted.
func ReleaseThread(it *vm.Interp) {
	g := GrantsOf(it)
	if g.Threads < 0 {
		return
	}
	g.mu.Lock()
	g.running--
	g.mu.Unlock()
}

// ErrNoThread is what starting a thread past the grant raises, CPython's
// words when the system refuses a thread.
func ErrNoThread() error { return vm.Errorf(vm.RuntimeError, "can't start new thread") }
