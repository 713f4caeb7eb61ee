package asy

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"

	"github.com/asylang/asy/runtime"
)

// Capabilities are what of the host an interpreter's scripts may use. The
// zero value grants nothing: no files (open, os, pathlib, tempfile, shutil
// and SQLite database files raise PermissionError), an empty os.environ, no
// network, no subprocesses, no threads besides the main one, no host date
// (time passes, from a fixed epoch) and a neutral host identity. The
// embedder grants what it wants; AllCapabilities is everything, what the
// asy command grants as python3 would have it.
type Capabilities struct {
	// Files is the file system scripts see (and import from, when
	// Options.Modules is nil).
	Files Files
	// Env is os.environ.
	Env map[string]string
	// Network lets scripts open connections (asyncpg's, and the socket
	// modules to come); nil: none.
	Network *Network
	// Subprocess lets scripts start host processes.
	Subprocess bool
	// RealClock lets scripts read the host's date and time.
	RealClock bool
	// HostInfo lets scripts see the host's identity: process ids,
	// platform.uname, the CPU count.
	HostInfo bool
	// Threads is how many threads (threading.Thread, executor and
	// asyncio.to_thread workers) may run at once besides the main one;
	// starting one more raises RuntimeError. Negative: no limit.
	Threads int
}

// Files grants a file system: the host's, a host directory, or an fs.FS
// (read-only). The zero value grants none.
type Files struct {
	// Host is the host's file system as the process sees it.
	Host bool
	// Dir is a host directory: scripts see it as their working directory
	// and nothing outside it (neither ".." nor a symlink leads out).
	Dir string
	// FS is a read-only file system; its root is the scripts' "/" and
	// working directory.
	FS fs.FS
	// ReadOnly refuses every change (with Dir or Host).
	ReadOnly bool
}

// Network grants connections. Dial, when set, makes every connection (a
// test double, a proxy); otherwise a net.Dialer does, for the addresses
// Allow lists.
type Network struct {
	// Allow lists the "host:port" addresses scripts may dial ("*:port" and
	// "host:*" match any host or port); empty with Dial nil: any address.
	Allow []string
	// Dial makes the connections itself (Allow still applies when set).
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
	// Listen lists the "host:port" addresses scripts may listen on ("*:*":
	// any).
	Listen []string
}

// AllCapabilities grants the whole host, as python3 has it: the asy
// command's grant.
func AllCapabilities() Capabilities {
	env := map[string]string{}
	for k, v := range runtime.AllGrants().Env {
		env[k] = v
	}
	return Capabilities{
		Files:      Files{Host: true},
		Env:        env,
		Network:    &Network{Listen: []string{"*:*"}},
		Subprocess: true,
		RealClock:  true,
		HostInfo:   true,
		Threads:    -1,
	}
}

// grants translates c for the modules (runtime.Grants).
func (c Capabilities) grants() (*runtime.Grants, error) {
	g := &runtime.Grants{
		Env:        map[string]string{},
		Subprocess: c.Subprocess,
		RealClock:  c.RealClock,
		HostInfo:   c.HostInfo,
		Threads:    c.Threads,
	}
	for k, v := range c.Env {
		g.Env[k] = v
	}
	f := c.Files
	g.Files.ReadOnly = f.ReadOnly
	switch {
	case f.Host:
		g.Files.Host = true
	case f.Dir != "":
		dir, err := filepath.Abs(f.Dir)
		if err != nil {
			return nil, err
		}
		if dir, err = filepath.EvalSymlinks(dir); err != nil {
			return nil, err
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, fmt.Errorf("asy: Capabilities.Files.Dir: %w", err)
		}
		g.Files.Root, g.Files.Dir = root, dir
	case f.FS != nil:
		g.Files.FS = f.FS
		g.Files.ReadOnly = true
	}
	if n := c.Network; n != nil {
		dial := n.Dial
		if dial == nil {
			var d net.Dialer
			dial = d.DialContext
		}
		g.Dial = func(ctx context.Context, network, address string) (net.Conn, error) {
			if len(n.Allow) > 0 && !allowed(n.Allow, address) {
				return nil, fmt.Errorf("dial %s: the address was not granted to this script", address)
			}
			return dial(ctx, network, address)
		}
		if n.Dial == nil {
			// A raw socket cannot go through an embedder's own dialer, so
			// only the plain grant (with its allow-list) lets one connect.
			g.SocketConnect = func(address string) bool { return len(n.Allow) == 0 || allowed(n.Allow, address) }
		}
		if len(n.Listen) > 0 {
			g.SocketBind = func(address string) bool { return allowed(n.Listen, address) }
			var lc net.ListenConfig
			g.Listen = func(ctx context.Context, network, address string) (net.Listener, error) {
				if !allowed(n.Listen, address) {
					return nil, fmt.Errorf("listen %s: the address was not granted to this script", address)
				}
				return lc.Listen(ctx, network, address)
			}
		}
	}
	return g, nil
}

// allowed matches "host:port" against patterns where either side may be "*".
func allowed(patterns []string, address string) bool {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(patterns, func(p string) bool {
		ph, pp, err := net.SplitHostPort(p)
		return err == nil && (ph == "*" || ph == host) && (pp == "*" || pp == port)
	})
}
