// Package pgtest runs a throw-away PostgreSQL server for tests.
package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"time"
)

func listening(port int) bool {
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 200*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// FreePort asks the system for a TCP port nobody listens on, so that tests
// running at the same time each get their own server.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// pgBin finds a PostgreSQL server program.
func pgBin(name string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(matches) > 0 {
		return matches[len(matches)-1]
	}
	return ""
}

// Start makes sure a PostgreSQL server listens on 127.0.0.1:port: one
// already there is used as it is; otherwise a throw-away one is created
// (initdb -A trust; as the postgres user when running as root, since initdb
// refuses root) and stop removes it. ok is false when neither is possible.
func Start(port int) (stop func(), ok bool) {
	stop = func() {}
	if listening(port) {
		return stop, true
	}
	initdb, pgctl := pgBin("initdb"), pgBin("pg_ctl")
	if initdb == "" || pgctl == "" {
		return stop, false
	}
	dir, err := os.MkdirTemp("", "asy-pg")
	if err != nil {
		return stop, false
	}
	run := func(args ...string) error {
		cmd := exec.Command(args[0], args[1:]...)
		if u, err := user.Current(); err == nil && u.Uid == "0" {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
			exec.Command("chown", "-R", "postgres", dir).Run()
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "postgres: %v: %s\n", err, out)
		}
		return err
	}
	data := filepath.Join(dir, "data")
	if run(initdb, "-A", "trust", "-U", "postgres", "-D", data) != nil {
		os.RemoveAll(dir)
		return stop, false
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", port, dir)
	if run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start") != nil {
		os.RemoveAll(dir)
		return stop, false
	}
	return func() {
		run(pgctl, "-D", data, "-m", "immediate", "stop")
		os.RemoveAll(dir)
	}, listening(port)
}
