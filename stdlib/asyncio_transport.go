package stdlib

import (
	"fmt"
	"sync"
	"syscall"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The socket transport (CPython's _SelectorSocketTransport): one goroutine
// reads the socket while reading is on, parked on Go's network poller, and
// posts each chunk to the loop, which hands it to the protocol. Writes are
// tried at once without blocking (as CPython's transport does); what the
// kernel does not take is queued for a writer goroutine, which lives only
// while there is a backlog. Protocol callbacks run on the loop thread only.

// protoSink is what a transport calls: the Go stream protocol, or a script
// protocol object through pyProto.
type protoSink interface {
	connectionMade(t *vm.Thread, tr *sockTransport)
	dataReceived(t *vm.Thread, data []byte)
	eofReceived(t *vm.Thread) bool // true keeps the transport open (half-close)
	connectionLost(t *vm.Thread, exc *vm.Instance)
	pauseWriting(t *vm.Thread)
	resumeWriting(t *vm.Thread)
	value() vm.Value // the script-visible protocol
}

const (
	transportHighWater = 64 * 1024
	transportLowWater  = 16 * 1024
	// readInflight bounds the bytes read and posted but not yet handed to
	// the protocol: the reader waits beyond it, so a slow loop is not
	// flooded (the protocol's pause_reading handles the rest).
	readInflight = 256 * 1024
)

var transportType = vm.NewNativeClass("_SelectorSocketTransport", "asyncio.selector_events", nil, nil)

type sockTransport struct {
	l     *runtime.Loop
	s     *netSock
	tls   TLSConn // nil for a plain socket
	proto protoSink
	srv   *serverObj

	// Loop-thread state.
	closing, connLost, eofWritten bool
	lostCalled                    bool
	paused                        bool // reading paused by the protocol
	protoPaused                   bool // pause_writing called
	high, low                     int
	lostWrites                    int
	extra                         map[string]vm.Value

	// Shared with the goroutines.
	mu       sync.Mutex
	cond     *sync.Cond
	wbuf     []byte
	wsize    int
	writerOn bool
	rpaused  bool // the reader waits while set
	rstop    bool // the reader ends
	inflight int
	readerOn bool
}

func newTransport(l *runtime.Loop, s *netSock, proto protoSink) *sockTransport {
	tr := &sockTransport{l: l, s: s, proto: proto, high: transportHighWater, low: transportLowWater}
	tr.cond = sync.NewCond(&tr.mu)
	s.own(l)
	return tr
}

func (*sockTransport) Class() *vm.Class { return transportType }

func (tr *sockTransport) Repr(t *vm.Thread) (string, error) {
	name := "_SelectorSocketTransport"
	if tr.tls != nil {
		name = "_SSLProtocolTransport"
	}
	if tr.connLost && tr.lostCalled {
		return fmt.Sprintf("<%s closed fd=%d>", name, tr.s.fd), nil
	}
	if tr.closing {
		return fmt.Sprintf("<%s closing fd=%d>", name, tr.s.fd), nil
	}
	read := "polling"
	if tr.paused {
		read = "idle"
	}
	tr.mu.Lock()
	size := tr.wsize
	tr.mu.Unlock()
	write := "idle"
	if size > 0 {
		write = "polling"
	}
	return fmt.Sprintf("<%s fd=%d read=%s write=<%s, bufsize=%d>>", name, tr.s.fd, read, write, size), nil
}

// start calls connection_made and starts reading (CPython schedules both
// with call_soon from the transport's constructor).
func (tr *sockTransport) start(t *vm.Thread, soon bool, after func()) {
	run := func() {
		if tr.closing {
			return
		}
		tr.proto.connectionMade(tr.l.Thread(), tr)
		if !tr.closing && !tr.paused {
			tr.startReader()
		}
		if after != nil {
			after()
		}
	}
	if soon {
		tr.l.CallSoon(run)
	} else {
		run()
	}
}

func (tr *sockTransport) startReader() {
	tr.mu.Lock()
	tr.rpaused = false
	if tr.readerOn {
		tr.cond.Broadcast()
		tr.mu.Unlock()
		return
	}
	tr.readerOn = true
	tr.mu.Unlock()
	go tr.readLoop(tr.l.HoldIO())
}

// readLoop is the socket's reading goroutine.
func (tr *sockTransport) readLoop(release func()) {
	defer release()
	var tlsBuf []byte
	for {
		tr.mu.Lock()
		for (tr.rpaused || tr.inflight > readInflight) && !tr.rstop {
			tr.cond.Wait()
		}
		stop := tr.rstop
		tr.mu.Unlock()
		if stop {
			return
		}
		var data []byte
		var err error
		if tr.tls != nil {
			if tlsBuf == nil {
				tlsBuf = make([]byte, 32*1024)
			}
			n, rerr := tr.tls.Read(tlsBuf)
			if n > 0 {
				data = append([]byte(nil), tlsBuf[:n]...)
			} else if rerr != nil && !isEOF(rerr) {
				err = rerr
			}
		} else {
			data, err = tr.s.readChunk()
		}
		n := len(data)
		if n == 0 {
			tr.l.Post(func() { tr.readEnded(err) })
			return
		}
		tr.mu.Lock()
		tr.inflight += n
		tr.mu.Unlock()
		if _, perr := tr.l.CallSoonThreadsafe(func() { tr.deliver(data) }); perr != nil {
			return // the loop closed
		}
	}
}

// deliver hands a chunk to the protocol (loop thread).
func (tr *sockTransport) deliver(data []byte) {
	tr.mu.Lock()
	tr.inflight -= len(data)
	tr.cond.Broadcast()
	tr.mu.Unlock()
	if tr.closing || tr.connLost {
		return
	}
	tr.proto.dataReceived(tr.l.Thread(), data)
}

// readEnded handles end of stream (err nil) or a read error.
func (tr *sockTransport) readEnded(err error) {
	if tr.connLost || tr.closing {
		return
	}
	if err != nil {
		tr.fatal(sockError(err))
		return
	}
	if tr.tls == nil && !tr.proto.eofReceived(tr.l.Thread()) {
		tr.close()
	} else if tr.tls != nil {
		if !tr.proto.eofReceived(tr.l.Thread()) {
			tr.close()
		}
	}
}

// readChunk reads what the socket has, waiting on the poller for some;
// the buffer is borrowed only once data is there.
func (s *netSock) readChunk() ([]byte, error) {
	var out []byte
	err := s.readOp(true, func(fd int) error {
		bp := readBufPool.Get().(*[]byte)
		n, err := syscall.Read(fd, *bp)
		if n > 0 {
			out = append([]byte(nil), (*bp)[:n]...)
		}
		readBufPool.Put(bp)
		return err
	})
	return out, err
}

var readBufPool = sync.Pool{New: func() any { b := make([]byte, 64*1024); return &b }}

// write is transport.write(data).
func (tr *sockTransport) write(t *vm.Thread, data []byte) error {
	if tr.eofWritten {
		return vm.Errorf(vm.RuntimeError, "Cannot call write() after write_eof()")
	}
	if len(data) == 0 {
		return nil
	}
	if tr.connLost || tr.closing {
		tr.lostWrites++
		if tr.lostWrites >= 5 {
			t.Interp().WriteStderr("socket.send() raised exception.\n")
		}
		return nil
	}
	tr.mu.Lock()
	if !tr.writerOn && tr.tls == nil {
		tr.mu.Unlock()
		n, err := tr.s.send(data, false, false)
		if err != nil && err != syscall.EAGAIN {
			tr.fatal(sockError(err))
			return nil
		}
		data = data[n:]
		if len(data) == 0 {
			return nil
		}
		tr.mu.Lock()
	}
	tr.wbuf = append(tr.wbuf, data...)
	tr.wsize += len(data)
	if !tr.writerOn {
		tr.writerOn = true
		go tr.writeLoop(tr.l.HoldIO())
	}
	tr.mu.Unlock()
	tr.maybePauseProtocol(t)
	return nil
}

// writeLoop drains the backlog, blocking on the poller.
func (tr *sockTransport) writeLoop(release func()) {
	defer release()
	for {
		tr.mu.Lock()
		chunk := tr.wbuf
		tr.wbuf = nil
		if len(chunk) == 0 {
			tr.writerOn = false
			tr.mu.Unlock()
			tr.l.Post(tr.writeDrained)
			return
		}
		tr.mu.Unlock()
		var err error
		if tr.tls != nil {
			_, err = tr.tls.Write(chunk)
		} else {
			_, err = tr.s.send(chunk, true, true)
		}
		tr.mu.Lock()
		tr.wsize -= len(chunk)
		if err != nil {
			tr.wbuf, tr.wsize, tr.writerOn = nil, 0, false
		}
		tr.mu.Unlock()
		if err != nil {
			tr.l.Post(func() {
				if !tr.connLost {
					tr.fatal(sockError(err))
				}
			})
			return
		}
		tr.l.Post(func() { tr.maybeResumeProtocol(tr.l.Thread()) })
	}
}

// writeDrained runs when the backlog is empty: a pending write_eof or
// close completes now.
func (tr *sockTransport) writeDrained() {
	if tr.connLost {
		return
	}
	tr.maybeResumeProtocol(tr.l.Thread())
	if tr.pendingWrites() > 0 {
		return
	}
	if tr.closing {
		tr.connLost = true
		tr.l.CallSoon(func() { tr.callConnectionLost(nil) })
		return
	}
	if tr.eofWritten {
		tr.shutdownWrite()
	}
}

func (tr *sockTransport) pendingWrites() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.writerOn {
		return tr.wsize + 1
	}
	return tr.wsize
}

func (tr *sockTransport) maybePauseProtocol(t *vm.Thread) {
	if !tr.protoPaused && tr.pendingWrites() > tr.high {
		tr.protoPaused = true
		tr.proto.pauseWriting(t)
	}
}

func (tr *sockTransport) maybeResumeProtocol(t *vm.Thread) {
	if tr.protoPaused && tr.pendingWrites() <= tr.low {
		tr.protoPaused = false
		tr.proto.resumeWriting(t)
	}
}

func (tr *sockTransport) shutdownWrite() {
	if tr.tls != nil {
		tr.tls.CloseWrite()
		return
	}
	syscall.Shutdown(tr.s.fd, syscall.SHUT_WR)
}

// writeEOF is transport.write_eof().
func (tr *sockTransport) writeEOF() {
	if tr.closing || tr.eofWritten {
		return
	}
	tr.eofWritten = true
	if tr.pendingWrites() == 0 {
		tr.shutdownWrite()
	}
}

func (tr *sockTransport) stopReader() {
	tr.mu.Lock()
	tr.rstop = true
	tr.cond.Broadcast()
	tr.mu.Unlock()
}

// close is transport.close(): reading stops now, buffered data is still
// sent, then connection_lost(None) runs and the socket closes.
func (tr *sockTransport) close() {
	if tr.closing {
		return
	}
	tr.closing = true
	tr.stopReader()
	if tr.pendingWrites() == 0 {
		tr.connLost = true
		tr.l.CallSoon(func() { tr.callConnectionLost(nil) })
	}
}

// abort is transport.abort() (and a fatal error's force-close).
func (tr *sockTransport) forceClose(exc *vm.Instance) {
	if tr.connLost {
		return
	}
	tr.mu.Lock()
	tr.wbuf, tr.wsize = nil, 0
	tr.mu.Unlock()
	tr.stopReader()
	tr.closing = true
	tr.connLost = true
	tr.l.CallSoon(func() { tr.callConnectionLost(exc) })
}

// fatal is a read or write error: the connection is lost with it. Errors
// that are OSErrors are not reported, as CPython reports them only in debug
// mode.
func (tr *sockTransport) fatal(err error) {
	exc := vm.AsException(err)
	tr.forceClose(exc)
}

func (tr *sockTransport) callConnectionLost(exc *vm.Instance) {
	if tr.lostCalled {
		return
	}
	tr.lostCalled = true
	tr.proto.connectionLost(tr.l.Thread(), exc)
	tr.s.close()
	if tr.srv != nil {
		tr.srv.detach()
		tr.srv = nil
	}
}

func (tr *sockTransport) pauseReading() {
	if tr.closing || tr.paused {
		return
	}
	tr.paused = true
	tr.mu.Lock()
	tr.rpaused = true
	tr.mu.Unlock()
}

func (tr *sockTransport) resumeReading() {
	if tr.closing || !tr.paused {
		return
	}
	tr.paused = false
	tr.startReader()
}

// extraInfo is transport.get_extra_info(name).
func (tr *sockTransport) extraInfo(t *vm.Thread, name string) (vm.Value, bool) {
	switch name {
	case "peername":
		if v, ok := tr.extra["peername"]; ok {
			return v, true
		}
		sa, err := tr.s.peername()
		if err != nil {
			return vm.Undef, false
		}
		v := addrValue(sa)
		tr.setExtra("peername", v)
		return v, true
	case "sockname":
		if v, ok := tr.extra["sockname"]; ok {
			return v, true
		}
		sa, err := tr.s.sockname()
		if err != nil {
			return vm.Undef, false
		}
		v := addrValue(sa)
		tr.setExtra("sockname", v)
		return v, true
	case "socket":
		return vm.Obj(&transportSocket{s: tr.s}), true
	}
	if tr.tls != nil {
		if v, ok := tr.tls.ExtraInfo(t, name); ok {
			return v, true
		}
	}
	v, ok := tr.extra[name]
	return v, ok
}

func (tr *sockTransport) setExtra(name string, v vm.Value) {
	if tr.extra == nil {
		tr.extra = map[string]vm.Value{}
	}
	tr.extra[name] = v
}

func init() {
	m := func(name string, fn func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		transportType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*sockTransport), args[1:], kw)
		})
	}
	m("write", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "write() takes exactly one argument (%d given)", len(args))
		}
		b, err := dataArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, tr.write(t, b)
	})
	m("writelines", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "writelines() takes exactly one argument (%d given)", len(args))
		}
		return vm.None, writelines(t, tr, args[0])
	})
	m("write_eof", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.writeEOF()
		return vm.None, nil
	})
	m("can_write_eof", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(tr.tls == nil), nil
	})
	m("close", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.close()
		return vm.None, nil
	})
	m("abort", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.forceClose(nil)
		return vm.None, nil
	})
	m("is_closing", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(tr.closing), nil
	})
	m("is_reading", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(!tr.paused && !tr.closing), nil
	})
	m("pause_reading", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.pauseReading()
		return vm.None, nil
	})
	m("resume_reading", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.resumeReading()
		return vm.None, nil
	})
	m("get_write_buffer_size", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		return vm.Int(int64(tr.wsize)), nil
	})
	m("get_write_buffer_limits", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(tr.low)), vm.Int(int64(tr.high))})), nil
	})
	m("set_write_buffer_limits", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("set_write_buffer_limits", args, kw, 0, "high", "low")
		if err != nil {
			return vm.Undef, err
		}
		high, low := -1, -1
		if !a[0].IsUndef() && !a[0].IsNone() {
			n, err := t.AsInt64(a[0])
			if err != nil {
				return vm.Undef, err
			}
			high = int(n)
		}
		if !a[1].IsUndef() && !a[1].IsNone() {
			n, err := t.AsInt64(a[1])
			if err != nil {
				return vm.Undef, err
			}
			low = int(n)
		}
		if high < 0 {
			if low < 0 {
				high = 64 * 1024
			} else {
				high = 4 * low
			}
		}
		if low < 0 {
			low = high / 4
		}
		if !(high >= low && low >= 0) {
			return vm.Undef, vm.Errorf(vm.ValueError, "high (%d) must be >= low (%d) must be >= 0", high, low)
		}
		tr.high, tr.low = high, low
		tr.maybePauseProtocol(t)
		return vm.None, nil
	})
	m("get_extra_info", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("get_extra_info", args, kw, 1, "name", "default")
		if err != nil {
			return vm.Undef, err
		}
		name, _ := a[0].StrOf()
		if v, ok := tr.extraInfo(t, name); ok {
			return v, nil
		}
		if a[1].IsUndef() {
			return vm.None, nil
		}
		return a[1], nil
	})
	m("get_protocol", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return tr.proto.value(), nil
	})
	m("set_protocol", func(t *vm.Thread, tr *sockTransport, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_protocol() takes exactly one argument (%d given)", len(args))
		}
		tr.proto = sinkFor(args[0])
		return vm.None, nil
	})
}

// dataArg accepts bytes, bytearray (copied: the caller may change it) and
// refuses the rest with CPython's message.
func dataArg(v vm.Value) ([]byte, error) {
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		return o.Data(), nil
	case *vm.ByteArray:
		return append([]byte(nil), o.Data()...), nil
	}
	return nil, vm.Errorf(vm.TypeError, "data argument must be a bytes-like object, not '%s'", v.TypeName())
}

func writelines(t *vm.Thread, tr *sockTransport, lines vm.Value) error {
	var all []byte
	err := t.Iterate(lines, func(v vm.Value) error {
		b, err := dataArg(v)
		if err != nil {
			return err
		}
		all = append(all, b...)
		return nil
	})
	if err != nil {
		return err
	}
	return tr.write(t, all)
}

func isEOF(err error) bool {
	return err != nil && err.Error() == "EOF"
}

// transportSocket is asyncio.TransportSocket: a read-only view of the
// transport's socket.
type transportSocket struct{ s *netSock }

var transportSocketType = vm.NewNativeClass("TransportSocket", "asyncio.trsock", nil, nil)

func (*transportSocket) Class() *vm.Class { return transportSocketType }

func (ts *transportSocket) Repr(t *vm.Thread) (string, error) {
	return sockRepr(t, ts.s, "<asyncio.TransportSocket"), nil
}

func init() {
	m := func(name string, fn func(t *vm.Thread, s *netSock, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		transportSocketType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return fn(t, args[0].AsObj().(*transportSocket).s, args[1:], kw)
		})
	}
	for _, name := range []string{"getsockname", "getpeername", "fileno", "getsockopt", "setsockopt"} {
		name := name
		m(name, func(t *vm.Thread, s *netSock, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return sockMethod(t, s, name, args, kw)
		})
	}
	transportSocketType.AddProperty("family", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return familyValue(t, args[0].AsObj().(*transportSocket).s.family), nil
	})
	transportSocketType.AddProperty("type", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return kindValue(t, args[0].AsObj().(*transportSocket).s.stype), nil
	})
}
