package sqlite

import (
	"context"
	"database/sql/driver"
	"sync"
	"time"

	"modernc.org/libc"
	sqlite3lib "modernc.org/sqlite/lib"
)

// Stopping a statement without a goroutine per statement.
//
// Given a context that can end, the driver starts a goroutine for every
// statement to watch it and takes SQLite's progress handler: in a loop of
// small INSERTs that was a third of the CPU time. So the driver is given a
// context without a Done channel (quietCtx), and the connection watches
// the real one (the run's stop, or Connection.interrupt's) itself, with
// one context.AfterFunc per connection and context: once it ends, the
// statement running on the connection is interrupted (sqlite3_interrupt,
// repeated every millisecond, since SQLite forgets an interrupt delivered
// just before a statement starts), and waits for a lock end too — the
// busy_timeout wait by our own busy handler, the shared-cache one by the
// driver, which watches the context it keeps for the call in progress
// (its field waitCtx, set here for the duration of the statement).

// quietCtx is a statement's context for the driver: no Done channel; stop
// is what ends the statement (see arm).
type quietCtx struct {
	context.Context
	stop context.Context
}

// quieted gives the driver ctx's values without its Done channel (the
// same quietCtx while ctx stays the same: one allocation, not one per
// statement).
func (c *dbConn) quieted(ctx context.Context) context.Context {
	if ctx.Done() == nil {
		return ctx
	}
	if q := c.quiet.Load(); q != nil && q.stop == ctx {
		return q
	}
	q := &quietCtx{Context: context.Background(), stop: ctx}
	c.quiet.Store(q)
	return q
}

// stopOf is the context that ends a statement run under ctx (nil: none
// for the connection to watch).
func stopOf(ctx context.Context) context.Context {
	switch x := ctx.(type) {
	case *quietCtx:
		return x.stop
	case *threadCtx:
		if q, ok := x.Context.(*quietCtx); ok {
			return q.stop
		}
	}
	return nil
}

// stopWatch is a connection's watch over the context that ends its
// statements.
type stopWatch struct {
	cur     context.Context // the running statement's (c.mu held; nil: none)
	watched context.Context // the one the AfterFunc is registered on
	unwatch func() bool
	waitCtx *context.Context // the driver's context of the call in progress
	prevCtx context.Context

	mu     sync.Mutex      // armed, closed, db: shared with the AfterFuncs
	armed  context.Context // the stop context of the statement running (nil: none)
	closed bool
	db     uintptr
}

// arm watches the statement's stop context, if it has one (c.mu held, not
// nested: enter calls it); disarm must follow (leave). The error is the
// context's when it ended already (stopped tells it again).
func (c *dbConn) arm(ctx context.Context) error {
	w := &c.watch
	stop := stopOf(ctx)
	w.cur = stop
	if stop == nil {
		return nil
	}
	h, err := c.handle()
	if err != nil {
		return stop.Err() // not modernc's: only checked between statements
	}
	c.ensureBusyHandler(h)
	if w.waitCtx == nil {
		c.withDriver(func(dc driver.Conn) error { w.waitCtx = driverWaitCtx(dc); return nil })
	}
	if w.waitCtx != nil {
		w.prevCtx, *w.waitCtx = *w.waitCtx, stop
	}
	w.mu.Lock()
	w.armed, w.db = stop, h.db
	w.mu.Unlock()
	if w.watched != stop {
		if w.unwatch != nil {
			w.unwatch()
		}
		w.watched, w.unwatch = stop, context.AfterFunc(stop, func() { w.interrupt(stop) })
	}
	// After armed is set: a stop from now on interrupts the statement, one
	// before it is seen here.
	return stop.Err()
}

// disarm ends arm's watch (c.mu held).
func (c *dbConn) disarm() {
	w := &c.watch
	if w.cur == nil {
		return
	}
	w.cur = nil
	w.mu.Lock()
	w.armed = nil
	w.mu.Unlock()
	if w.waitCtx != nil {
		*w.waitCtx, w.prevCtx = w.prevCtx, nil
	}
}

// stopped is the error of the stop context, once it ended (c.mu held).
func (c *dbConn) stopped() error {
	if w := c.watch.cur; w != nil {
		return w.Err()
	}
	return nil
}

// stopErr is the error of a statement that failed: the stop context's
// once it ended (the statement was interrupted for it), else err.
func (c *dbConn) stopErr(err error) error {
	if err != nil && c.watch.cur != nil && c.watch.cur.Err() != nil {
		return c.watch.cur.Err()
	}
	return err
}

// interrupt runs once the context stop ends: it interrupts the statement
// running under it, for as long as one does (not the next one, which
// Connection.interrupt's new context governs).
func (w *stopWatch) interrupt(stop context.Context) {
	var tls *libc.TLS
	for {
		w.mu.Lock()
		if w.armed != stop || w.closed {
			w.mu.Unlock()
			break
		}
		if tls == nil {
			tls = libc.NewTLS()
		}
		sqlite3lib.Xsqlite3_interrupt(tls, w.db)
		w.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	if tls != nil {
		tls.Close()
	}
}

// endWatch stops watching as the connection closes (c.mu held).
func (c *dbConn) endWatch() {
	w := &c.watch
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	if w.unwatch != nil {
		w.unwatch()
	}
	if c.h.db != 0 {
		busyConns.Delete(c.h.db)
	}
}

var connWaitCtx fieldIndex

// driverWaitCtx points at the driver connection's waitCtx (nil if it has
// none: then only busy_timeout waits end early).
func driverWaitCtx(dc driver.Conn) *context.Context {
	return driverField[context.Context](dc, "conn", "waitCtx", &connWaitCtx)
}

// busyConns maps a sqlite3* to its dbConn for busyWait.
var busyConns sync.Map

// ensureBusyHandler puts busyWait in place of the handler PRAGMA
// busy_timeout installs (SQLite's, which only sleeps), keeping the timeout.
func (c *dbConn) ensureBusyHandler(h capi) {
	db := (*sqlite3lib.Tsqlite3)(cPtr(h.db))
	fn := db.FbusyHandler.FxBusyHandler
	if fn == 0 || fn == busyWaitFn || db.FbusyTimeout <= 0 {
		return
	}
	timeout := db.FbusyTimeout // sqlite3_busy_handler clears it
	busyConns.Store(h.db, c)
	sqlite3lib.Xsqlite3_busy_handler(h.tls, h.db, busyWaitFn, h.db)
	db.FbusyTimeout = timeout
}

var busyWaitFn = cFunc(busyWait)

// SQLite's schedule of waits for a lock (sqliteDefaultBusyCallback), in ms.
var (
	busyDelays = [...]int32{1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100}
	busyTotals = [...]int32{0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228}
)

// busyWait is SQLite's busy handler, but that it gives up at once when the
// statement's stop context ends. It runs on the goroutine running the
// statement, which holds c.mu.
func busyWait(_ *libc.TLS, db uintptr, count int32) int32 {
	timeout := (*sqlite3lib.Tsqlite3)(cPtr(db)).FbusyTimeout
	n := int32(len(busyDelays))
	var delay, prior int32
	if count < n {
		delay, prior = busyDelays[count], busyTotals[count]
	} else {
		delay = busyDelays[n-1]
		prior = busyTotals[n-1] + delay*(count-(n-1))
	}
	if prior+delay > timeout {
		if delay = timeout - prior; delay <= 0 {
			return 0
		}
	}
	var stop context.Context
	if v, ok := busyConns.Load(db); ok {
		stop = v.(*dbConn).watch.cur
	}
	d := time.Duration(delay) * time.Millisecond
	if stop == nil {
		time.Sleep(d)
		return 1
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-stop.Done():
		return 0
	case <-tm.C:
		return 1
	}
}
