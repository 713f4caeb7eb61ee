package asyncpg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// asyncpg: the native core — a PostgreSQL connection (pgx) whose queries run
// in goroutines that the script awaits — under pylib/asyncpg.py, which gives
// it asyncpg's API (Connection, transactions, pools). A task cancelled while
// its query runs cancels the query on the server; the connection stays
// usable.

var pgHandleType = vm.NewNativeClass("_PgConnection", "asyncpg", nil, nil)

type pgHandle struct {
	conn   *pgx.Conn
	closed atomic.Bool
	pooled *pgxpool.Conn // a connection of a handed-in pool: released, not closed

	// paramOIDs caches each statement's parameter types (one Describe per
	// statement text, as asyncpg's statement cache does); goroutine-owned
	// like the connection (one operation at a time).
	paramOIDs map[string][]uint32

	mu      sync.Mutex
	current *pgOp // the operation running, if any
	next    *pgOp // the one waiting for a cancelled current to drain
}

// pgOp is one operation on a connection; a cancelled one drains (the server
// acknowledges the cancel) before the next may start.
type pgOp struct {
	ctx  context.Context // cancelled with the awaiting task
	done chan struct{}
}

// begin claims the connection for an operation: it fails while another
// runs (asyncpg's rule), but queues behind one that was cancelled and is
// still draining (the server acknowledging the cancel).
func (h *pgHandle) begin(ctx context.Context) (*pgOp, error) {
	op := &pgOp{ctx: ctx, done: make(chan struct{})}
	h.mu.Lock()
	cur := h.current
	switch {
	case cur == nil:
		h.current = op
		h.mu.Unlock()
		return op, nil
	case cur.ctx.Err() == nil || h.next != nil:
		h.mu.Unlock()
		return nil, errOperationInProgress
	}
	h.next = op
	h.mu.Unlock()
	select {
	case <-cur.done:
	case <-ctx.Done():
		h.mu.Lock()
		if h.next == op {
			h.next = nil
		}
		h.mu.Unlock()
		return nil, ctx.Err()
	}
	h.mu.Lock()
	h.next = nil
	h.current = op
	h.mu.Unlock()
	return op, nil
}

func (h *pgHandle) end(op *pgOp) {
	h.mu.Lock()
	if h.current == op {
		h.current = nil
	}
	h.mu.Unlock()
	close(op.done)
}

func (*pgHandle) Class() *vm.Class { return pgHandleType }

func (h *pgHandle) close() error {
	if h.closed.Swap(true) {
		return nil
	}
	if h.pooled != nil {
		if h.conn.PgConn().TxStatus() != 'I' {
			h.conn.Exec(context.Background(), "ROLLBACK")
		}
		h.pooled.Release()
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return h.conn.Close(ctx)
}

func newPgAwait(t *vm.Thread, name string, fn func(ctx context.Context) (any, error), convert func(t *vm.Thread, r any) (vm.Value, error)) vm.Value {
	return stdlib.NewGoAwait(t, name, nil, fn, func(t *vm.Thread, r any, err error) (vm.Value, error) {
		if err != nil {
			return vm.Undef, pgError(t, err)
		}
		return convert(t, r)
	})
}

// pgConnect opens a connection (asyncpg.connect's core).
func pgConnect(t *vm.Thread, dsn string, timeout float64) (vm.Value, error) {
	it := t.Interp()
	if handed, ok := stdlib.HandedDatabase(it, dsn); ok {
		pool, ok := handed.(*pgxpool.Pool)
		if !ok {
			return vm.Undef, vm.NewException(pgInterfaceError, vm.Str(fmt.Sprintf("the database %q handed in is a %T, not a *pgxpool.Pool", dsn, handed)))
		}
		return newPgAwait(t, "connect", func(ctx context.Context) (any, error) {
			pc, err := pool.Acquire(ctx)
			if err != nil {
				return nil, err
			}
			h := &pgHandle{conn: pc.Conn(), pooled: pc}
			trackConn(it, h)
			return h, nil
		}, func(t *vm.Thread, r any) (vm.Value, error) { return vm.Obj(r.(*pgHandle)), nil }), nil
	}
	grants := runtime.GrantsOf(it)
	if grants.Dial == nil {
		return vm.Undef, vm.NewException(vm.PermissionError, vm.Str(fmt.Sprintf("cannot connect to %q: no network access was granted to this script", dsn)))
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return vm.Undef, vm.NewException(pgInterfaceError, vm.Str(err.Error()))
	}
	// Connections go through the grant's dialer, host names unresolved, so
	// that an allow-list of names sees the names.
	cfg.DialFunc = grants.Dial
	cfg.LookupFunc = func(ctx context.Context, host string) ([]string, error) { return []string{host}, nil }
	cfg.ConnectTimeout = time.Duration(timeout * float64(time.Second))
	// Cancelling a query asks the server to cancel it (as asyncpg does), and
	// keeps the connection.
	cfg.BuildContextWatcherHandler = func(pc *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: pc, DeadlineDelay: 5 * time.Second}
	}
	// Like asyncpg, no client-side statement cache surprises across schema changes.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	return newPgAwait(t, "connect", func(ctx context.Context) (any, error) {
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			return nil, err
		}
		h := &pgHandle{conn: conn}
		trackConn(it, h)
		return h, nil
	}, func(t *vm.Thread, r any) (vm.Value, error) { return vm.Obj(r.(*pgHandle)), nil }), nil
}

// pgRun starts one operation on the connection; only one may run at a time.
func (h *pgHandle) run(t *vm.Thread, name string, fn func(ctx context.Context) (any, error), convert func(t *vm.Thread, r any) (vm.Value, error)) (vm.Value, error) {
	if h.closed.Load() || h.conn.IsClosed() { // closed by us, or by the server
		return vm.Undef, vm.NewException(pgInterfaceError, vm.Str("connection is closed"))
	}
	return newPgAwait(t, name, func(ctx context.Context) (any, error) {
		op, err := h.begin(ctx)
		if err != nil {
			return nil, err
		}
		defer h.end(op)
		return fn(ctx)
	}, convert), nil
}

var errOperationInProgress = errors.New("cannot perform operation: another operation is in progress")

// pgRows is a query's result in Go values.
type pgRows struct {
	cols []string
	oids []uint32
	rows [][]any
}

func (h *pgHandle) query(ctx context.Context, q string, args []any) (*pgRows, error) {
	rows, err := h.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	fds := rows.FieldDescriptions()
	res := &pgRows{}
	for _, fd := range fds {
		res.cols = append(res.cols, fd.Name)
		res.oids = append(res.oids, fd.DataTypeOID)
	}
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return nil, err
		}
		raw := rows.RawValues()
		for i, fd := range fds {
			// json and jsonb come back as text, as asyncpg returns them.
			switch fd.DataTypeOID {
			case 1082: // date
				if tm, ok := vals[i].(time.Time); ok {
					vals[i] = pgDate{tm}
				}
			case 1184: // timestamptz: an aware datetime in UTC
				if tm, ok := vals[i].(time.Time); ok {
					vals[i] = tm.In(pgUTC)
				}
			case 1114: // timestamp: naive
				if tm, ok := vals[i].(time.Time); ok {
					vals[i] = time.Date(tm.Year(), tm.Month(), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond(), time.UTC)
				}
			case 114:
				if raw[i] != nil {
					vals[i] = pgJSON(string(raw[i]))
				}
			case 3802:
				if raw[i] != nil {
					s := raw[i]
					if fd.Format == 1 && len(s) > 0 {
						s = s[1:]
					}
					vals[i] = pgJSON(string(s))
				}
			}
		}
		res.rows = append(res.rows, vals)
	}
	return res, rows.Err()
}

type pgJSON string

func init() {
	m := pgHandleType.AddMethod
	self := func(args []vm.Value) *pgHandle { return args[0].AsObj().(*pgHandle) }
	// _query(mode, sql, args): mode is "execute", "fetch", "fetchrow" or "fetchval".
	m("_query", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h := self(args)
		mode, _ := args[1].StrOf()
		q, ok := args[2].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "query must be str, not %s", args[2].TypeName())
		}
		params := args[3].AsObj().(*vm.Tuple).Items()
		col := 0
		if len(args) > 4 {
			n, err := t.AsInt64(args[4])
			if err != nil {
				return vm.Undef, err
			}
			col = int(n)
		}
		goArgs, err := pgGoArgs(t, params)
		if err != nil {
			return vm.Undef, err
		}
		if mode == "execute" {
			return h.run(t, "execute", func(ctx context.Context) (any, error) {
				if len(goArgs) == 0 {
					// The simple protocol: several statements in one string.
					res, err := h.conn.PgConn().Exec(ctx, q).ReadAll()
					if err != nil {
						return nil, err
					}
					if len(res) == 0 {
						return "", nil
					}
					last := res[len(res)-1]
					return last.CommandTag.String(), last.Err
				}
				args, err := pgCheckArgs(ctx, h, q, goArgs)
				if err != nil {
					return nil, err
				}
				tag, err := h.conn.Exec(ctx, q, args...)
				return tag.String(), err
			}, func(t *vm.Thread, r any) (vm.Value, error) { return vm.Str(r.(string)), nil })
		}
		return h.run(t, mode, func(ctx context.Context) (any, error) {
			args, err := pgCheckArgs(ctx, h, q, goArgs)
			if err != nil {
				return nil, err
			}
			return h.query(ctx, q, args)
		}, func(t *vm.Thread, r any) (vm.Value, error) {
			res := r.(*pgRows)
			switch mode {
			case "fetchrow":
				if len(res.rows) == 0 {
					return vm.None, nil
				}
				return pgRecord(t, res.cols, res.rows[0])
			case "fetchval":
				if len(res.rows) == 0 {
					return vm.None, nil
				}
				if col < 0 || col >= len(res.cols) {
					return vm.Undef, vm.Errorf(vm.IndexError, "no such column")
				}
				return pgValue(t, res.rows[0][col])
			}
			out := make([]vm.Value, len(res.rows))
			for i, row := range res.rows {
				r, err := pgRecord(t, res.cols, row)
				if err != nil {
					return vm.Undef, err
				}
				out[i] = r
			}
			return vm.Obj(vm.NewList(out)), nil
		})
	})
	m("_executemany", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h := self(args)
		q, _ := args[1].StrOf()
		var sets [][]any
		err := t.Iterate(args[2], func(p vm.Value) error {
			var items []vm.Value
			if err := t.Iterate(p, func(v vm.Value) error { items = append(items, v); return nil }); err != nil {
				return err
			}
			g, err := pgGoArgs(t, items)
			sets = append(sets, g)
			return err
		})
		if err != nil {
			return vm.Undef, err
		}
		return h.run(t, "executemany", func(ctx context.Context) (any, error) {
			tx, err := h.conn.Begin(ctx)
			if err != nil {
				return nil, err
			}
			for i, set := range sets {
				args, err := pgCheckArgs(ctx, h, q, set)
				if de, ok := err.(*pgDataErr); ok {
					de.element = i
				}
				if err == nil {
					_, err = tx.Exec(ctx, q, args...)
				}
				if err != nil {
					tx.Rollback(context.Background())
					return nil, err
				}
			}
			return nil, tx.Commit(ctx)
		}, func(t *vm.Thread, r any) (vm.Value, error) { return vm.None, nil })
	})
	m("_close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h := self(args)
		return newPgAwait(t, "close", func(ctx context.Context) (any, error) { return nil, h.close() },
			func(t *vm.Thread, r any) (vm.Value, error) { return vm.None, nil }), nil
	})
	m("_terminate", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		self(args).close()
		return vm.None, nil
	})
	m("_is_closed", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		h := self(args)
		return vm.Bool(h.closed.Load() || h.conn.IsClosed()), nil
	})
	m("_in_transaction", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(self(args).conn.PgConn().TxStatus() != 'I'), nil
	})
}

// pgCheckArgs matches arguments to the statement's parameter types the way
// asyncpg's codecs do, and returns the values pgx should encode.
func pgCheckArgs(ctx context.Context, h *pgHandle, q string, args []any) ([]any, error) {
	if len(args) == 0 {
		return nil, nil
	}
	oids, ok := h.paramOIDs[q]
	if !ok {
		sd, err := h.conn.Prepare(ctx, "", q)
		if err != nil {
			return nil, err
		}
		oids = sd.ParamOIDs
		if h.paramOIDs == nil || len(h.paramOIDs) > 1024 {
			h.paramOIDs = map[string][]uint32{}
		}
		h.paramOIDs[q] = oids
	}
	if len(oids) != len(args) {
		return nil, &pgInterfaceErr{fmt.Sprintf("the server expects %d argument%s for this query, %d %s passed\nHINT:  Check the query against the passed list of arguments.",
			len(oids), vm.Plural(len(oids)), len(args), vm.WasWere(len(args)))}
	}
	out := make([]any, len(args))
	for i, x := range args {
		a, ok := x.(pgArg)
		if !ok {
			out[i] = x
			continue
		}
		v, msg := pgCoerce(oids[i], a)
		if msg != "" {
			return nil, &pgDataErr{arg: i + 1, repr: a.repr, why: msg, element: -1}
		}
		out[i] = v
	}
	return out, nil
}

// pgCoerce converts one argument for a parameter of type oid; msg is
// asyncpg's complaint when it does not fit.
func pgCoerce(oid uint32, a pgArg) (any, string) {
	switch oid {
	case 20, 21, 23: // int8, int2, int4
		switch v := a.v.(type) {
		case int64:
			return v, ""
		case bool:
			if v {
				return int64(1), ""
			}
			return int64(0), ""
		case float64:
			return int64(math.Trunc(v)), ""
		}
		return nil, fmt.Sprintf("'%s' object cannot be interpreted as an integer", a.kind)
	case 700, 701: // float4, float8
		switch v := a.v.(type) {
		case float64:
			return v, ""
		case int64:
			return float64(v), ""
		case bool:
			if v {
				return 1.0, ""
			}
			return 0.0, ""
		}
		return nil, "must be real number, not " + a.kind
	case 25, 1043, 1042, 19: // text, varchar, bpchar, name
		if s, ok := a.v.(string); ok {
			return s, ""
		}
		return nil, "expected str, got " + a.kind
	case 17: // bytea
		if b, ok := a.v.([]byte); ok {
			return b, ""
		}
		return nil, fmt.Sprintf("a bytes-like object is required, not '%s'", a.kind)
	case 16: // bool
		if b, ok := a.v.(bool); ok {
			return b, ""
		}
		return nil, "a boolean is required (got type " + a.kind + ")"
	case 114, 3802: // json, jsonb
		if s, ok := a.v.(string); ok {
			return s, ""
		}
		return nil, "expected str, got " + a.kind
	case 1700: // numeric
		var text string
		switch v := a.v.(type) {
		case pgDecimal:
			text = string(v)
		case int64:
			text = fmt.Sprint(v)
		case float64:
			text = fmt.Sprint(v)
		case string:
			text = v
		default:
			return nil, "argument must be a sequence of length 3"
		}
		var n pgtype.Numeric
		if err := n.Scan(text); err != nil {
			return nil, err.Error()
		}
		return n, ""
	case 1082: // date
		switch v := a.v.(type) {
		case pgDate:
			return v.Time, ""
		case time.Time:
			return v, ""
		}
		return nil, fmt.Sprintf("'%s' object has no attribute 'toordinal'", a.kind)
	case 1114, 1184: // timestamp, timestamptz
		switch v := a.v.(type) {
		case time.Time:
			return v, ""
		case pgDate:
			return v.Time, ""
		}
		return nil, fmt.Sprintf("expected a datetime.date or datetime.datetime instance, got '%s'", a.kind)
	case 1186: // interval
		if d, ok := a.v.(time.Duration); ok {
			return d, ""
		}
		return nil, fmt.Sprintf("'%s' object has no attribute 'days'", a.kind)
	case 2950: // uuid
		switch v := a.v.(type) {
		case [16]byte:
			return v, ""
		case string:
			h := strings.ReplaceAll(strings.Trim(v, "{}"), "-", "")
			if len(v) < 32 || len(v) > 36 || len(h) != 32 {
				return nil, fmt.Sprintf("invalid UUID %s: length must be between 32..36 characters, got %d", a.repr, len(v))
			}
			return v, ""
		}
		return nil, fmt.Sprintf("'%s' object has no attribute 'bytes'", a.kind)
	}
	return a.v, ""
}

// pgDataErr is asyncpg's DataError for an argument its codec rejects.
type pgDataErr struct {
	arg       int
	repr, why string
	element   int // executemany's element index, or -1
}

func (e *pgDataErr) Error() string {
	where := ""
	if e.element >= 0 {
		where = fmt.Sprintf(" in element #%d of executemany() sequence", e.element)
	}
	return fmt.Sprintf("invalid input for query argument $%d%s: %s (%s)", e.arg, where, e.repr, e.why)
}

type pgInterfaceErr struct{ msg string }

func (e *pgInterfaceErr) Error() string { return e.msg }

// connectionLost is asyncpg's error for a connection that went away during
// an operation.
func connectionLost(t *vm.Thread) error {
	exc := vm.NewException(pgClasses["08003"], vm.Str("connection was closed in the middle of operation"))
	t.SetAttr(vm.Obj(exc), "sqlstate", vm.Str("08003"))
	for _, a := range []string{"message", "detail", "hint", "severity", "table_name", "column_name", "constraint_name", "schema_name"} {
		t.SetAttr(vm.Obj(exc), a, vm.None)
	}
	t.SetAttr(vm.Obj(exc), "message", vm.Str("connection was closed in the middle of operation"))
	return exc
}

// pgError converts a driver error to the asyncpg exception scripts catch.
func pgError(t *vm.Thread, err error) error {
	if _, ok := err.(*vm.Instance); ok {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Severity == "FATAL" && strings.HasPrefix(pe.Code, "57P") {
		// The server ended the session (pg_terminate_backend, shutdown):
		// asyncpg sees the connection drop under the running query.
		return connectionLost(t)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return connectionLost(t)
	}
	if errors.As(err, &pe) {
		cls := pgErrorClass(pe.Code)
		msg := pe.Message
		if pe.Detail != "" {
			msg += "\nDETAIL:  " + pe.Detail
		}
		if pe.Hint != "" {
			msg += "\nHINT:  " + pe.Hint
		}
		exc := vm.NewException(cls, vm.Str(msg))
		set := func(name string, v vm.Value) { t.SetAttr(vm.Obj(exc), name, v) }
		set("sqlstate", vm.Str(pe.Code))
		set("message", vm.Str(pe.Message))
		opt := func(s string) vm.Value {
			if s == "" {
				return vm.None
			}
			return vm.Str(s)
		}
		set("detail", opt(pe.Detail))
		set("hint", opt(pe.Hint))
		set("severity", opt(pe.Severity))
		set("table_name", opt(pe.TableName))
		set("column_name", opt(pe.ColumnName))
		set("constraint_name", opt(pe.ConstraintName))
		set("schema_name", opt(pe.SchemaName))
		return exc
	}
	var de *pgDataErr
	if errors.As(err, &de) {
		exc := vm.NewException(pgClasses["22000"], vm.Str(de.Error()))
		t.SetAttr(vm.Obj(exc), "sqlstate", vm.Str("22000"))
		for _, a := range []string{"message", "detail", "hint", "severity", "table_name", "column_name", "constraint_name", "schema_name"} {
			t.SetAttr(vm.Obj(exc), a, vm.None)
		}
		return exc
	}
	var ie *pgInterfaceErr
	if errors.As(err, &ie) {
		return vm.NewException(pgInterfaceError, vm.Str(ie.msg))
	}
	if errors.Is(err, errOperationInProgress) {
		return vm.NewException(pgInterfaceError, vm.Str(err.Error()))
	}
	var ne net.Error
	var oe *net.OpError
	if errors.As(err, &oe) || errors.As(err, &ne) {
		if errors.Is(err, syscall.ECONNREFUSED) {
			addr := ""
			if oe != nil && oe.Addr != nil {
				if ta, ok := oe.Addr.(*net.TCPAddr); ok {
					addr = fmt.Sprintf("('%s', %d)", ta.IP, ta.Port)
				}
			}
			exc := vm.NewException(vm.ConnectionRefusedError, vm.Int(111), vm.Str("Connect call failed "+addr))
			return exc
		}
		return vm.NewException(vm.OSError, vm.Str(err.Error()))
	}
	if errors.Is(err, context.Canceled) {
		return vm.NewInstance(runtime.CancelledError)
	}
	msg := err.Error()
	if strings.Contains(msg, "connection refused") {
		return vm.NewException(vm.ConnectionRefusedError, vm.Int(111), vm.Str("Connect call failed"))
	}
	return vm.NewException(pgInterfaceError, vm.Str(msg))
}
