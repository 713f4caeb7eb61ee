package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"time"
)

// The PostgreSQL server the database goldens talk to: the scripts connect to
// postgresql://postgres@127.0.0.1:54329/postgres. TestMain starts a
// throw-away server there (initdb -A trust, pg_ctl start, as the postgres
// user when running as root since initdb refuses root) and stops it at the
// end; a server already listening on the port is used as it is. Scripts with
// `# asy-needs: postgres` are skipped when neither is possible.

const pgPort = 54329

var pgAvailable bool

func pgListening() bool {
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", pgPort), 200*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
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

// startPostgres returns a function that stops what it started.
func startPostgres() (stop func()) {
	stop = func() {}
	if pgListening() {
		pgAvailable = true
		return
	}
	initdb, pgctl := pgBin("initdb"), pgBin("pg_ctl")
	if initdb == "" || pgctl == "" {
		return
	}
	dir, err := os.MkdirTemp("", "asy-pg")
	if err != nil {
		return
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
		return
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", pgPort, dir)
	if run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start") != nil {
		os.RemoveAll(dir)
		return
	}
	pgAvailable = pgListening()
	return func() {
		run(pgctl, "-D", data, "-m", "immediate", "stop")
		os.RemoveAll(dir)
	}
}
