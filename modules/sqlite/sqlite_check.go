package sqlite

import (
	"errors"
	"strings"
	"sync"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"
)

// What CPython's sqlite3 refuses before running a statement: SQL holding a
// NUL (which C would cut short there), more than one statement in execute()
// (the driver would run them all), and a statement that reads only in
// executemany(). executescript alone runs several statements.

var (
	errNulInSQL   = errors.New("the query contains a null character")
	errManyStmts  = errors.New("You can only execute one statement at a time.")
	errManyNotDML = errors.New("executemany() can only execute DML statements.")
)

// sqlTail returns the SQL after the first statement of q, where SQLite's
// prepare leaves off: empty statements before it are skipped, and the
// statement ends at the first semicolon that completes it (SQLite's own
// sqlite3_complete decides, so semicolons in literals, comments and
// trigger bodies do not count).
func sqlTail(q string) string {
	if strings.IndexByte(q, ';') < 0 {
		return ""
	}
	start := 0
	for start < len(q) {
		rest := skipSQLSpace(q[start:])
		if rest == "" || rest[0] != ';' {
			start = len(q) - len(rest)
			break
		}
		start = len(q) - len(rest) + 1
	}
	for i := start; i < len(q); i++ {
		j := strings.IndexByte(q[i:], ';')
		if j < 0 {
			break
		}
		i += j
		if sqlComplete(q[start : i+1]) {
			return q[i+1:]
		}
	}
	return ""
}

// skipSQLSpace drops leading white space and comments, as CPython does
// when it looks at what follows a statement (an unclosed /* comment runs
// to the end).
func skipSQLSpace(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\f\n\r")
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s[2:], "*/")
			if i < 0 {
				return ""
			}
			s = s[i+4:]
		default:
			return s
		}
	}
}

// completeTLS is the C runtime state sqlite3_complete runs on (one at a
// time; it is only asked about new statement texts).
var completeTLS struct {
	sync.Mutex
	tls *libc.TLS
}

// sqlComplete is sqlite3_complete: whether s ends with a complete statement.
func sqlComplete(s string) bool {
	completeTLS.Lock()
	defer completeTLS.Unlock()
	if completeTLS.tls == nil {
		completeTLS.tls = libc.NewTLS()
	}
	p, err := libc.CString(s)
	if err != nil {
		return false
	}
	defer libc.Xfree(completeTLS.tls, p)
	return sqlite3lib.Xsqlite3_complete(completeTLS.tls, p) != 0
}

// sqlReadOnly tells, from its words, whether a statement leaves the
// database as it is (sqlite3_stmt_readonly, which the driver does not
// expose): queries, transaction control, ATTACH/DETACH and pragmas that
// only read. EXPLAIN is judged by the statement it explains (EXPLAIN QUERY
// PLAN compiles none), WITH by its main statement.
func sqlReadOnly(q string) bool {
	words := sqlWords(q, 8)
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "SELECT", "VALUES", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ATTACH", "DETACH":
		return true
	case "EXPLAIN":
		if len(words) > 2 && words[1] == "QUERY" && words[2] == "PLAN" {
			return false
		}
		return sqlReadOnly(skipSQLSpace(q)[len("EXPLAIN"):])
	case "WITH":
		return withReadsOnly(q)
	case "PRAGMA":
		// PRAGMA [schema.]name [= value | (value)]: only a few pragmas
		// write to the database file when given a value.
		name := ""
		if len(words) > 1 {
			name = words[1]
		}
		if len(words) > 3 && words[2] == "." {
			name = words[3]
		}
		switch name {
		case "USER_VERSION", "APPLICATION_ID", "SCHEMA_VERSION":
			return !strings.ContainsAny(q, "=(")
		case "INCREMENTAL_VACUUM":
			return false
		}
		return true
	}
	return false
}

// withReadsOnly finds the statement a WITH clause leads to: the first of
// SELECT, VALUES, INSERT, UPDATE, DELETE or REPLACE outside parentheses
// (the common table expressions' bodies are inside them).
func withReadsOnly(q string) bool {
	depth := 0
	for _, w := range sqlWords(q, -1) {
		switch w {
		case "(":
			depth++
		case ")":
			depth--
		case "SELECT", "VALUES":
			if depth == 0 {
				return true
			}
		case "INSERT", "UPDATE", "DELETE", "REPLACE":
			if depth == 0 {
				return false
			}
		}
	}
	return false
}

// sqlWords splits SQL into upper-cased words and the punctuation ( ) .,
// skipping comments, literals and quoted names; at most max words (-1: all).
func sqlWords(q string, max int) []string {
	var out []string
	for len(out) != max {
		q = skipSQLSpace(q)
		if q == "" {
			break
		}
		c := q[0]
		switch {
		case c == '\'' || c == '"' || c == '`' || c == '[':
			end := c
			if c == '[' {
				end = ']'
			}
			i := strings.IndexByte(q[1:], end)
			if i < 0 {
				return out
			}
			q = q[i+2:]
			out = append(out, "")
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			i := 1
			for i < len(q) && (q[i] == '_' || q[i] == '$' || q[i] >= 'a' && q[i] <= 'z' || q[i] >= 'A' && q[i] <= 'Z' || q[i] >= '0' && q[i] <= '9') {
				i++
			}
			out = append(out, strings.ToUpper(q[:i]))
			q = q[i:]
		case c == '(' || c == ')' || c == '.':
			out = append(out, q[:1])
			q = q[1:]
		default:
			q = q[1:]
		}
	}
	return out
}
