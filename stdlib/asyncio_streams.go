package stdlib

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// asyncio streams in Go: StreamReader, StreamWriter and the protocol
// between them and the transport (CPython's StreamReaderProtocol). They
// follow asyncio/streams.py of 3.11 step by step — the same buffer rules,
// limit checks, error messages and flow control — and are native because
// they sit on the hot path of every network script: a readline whose line
// is already buffered finishes without suspending.

const streamDefaultLimit = 1 << 16

var (
	streamReaderType = vm.NewNativeClass("StreamReader", "asyncio.streams", nil, streamReaderCtor)
	streamWriterType = vm.NewNativeClass("StreamWriter", "asyncio.streams", nil, streamWriterCtor)
)

type streamReader struct {
	l         *runtime.Loop
	limit     int
	buf       []byte
	eof       bool
	waiter    *runtime.Future
	exception vm.Value // None or the exception set
	tr        *sockTransport
	paused    bool
}

func newStreamReader(l *runtime.Loop, limit int) *streamReader {
	return &streamReader{l: l, limit: limit, exception: vm.None}
}

func streamReaderCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("StreamReader", args, kw, 0, "limit", "loop")
	if err != nil {
		return vm.Undef, err
	}
	limit := streamDefaultLimit
	if !a[0].IsUndef() {
		n, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		limit = int(n)
	}
	if limit <= 0 {
		return vm.Undef, vm.Errorf(vm.ValueError, "Limit cannot be <= 0")
	}
	l, err := loopArg(t, a[1], getEventLoop)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(newStreamReader(l, limit)), nil
}

func (*streamReader) Class() *vm.Class { return streamReaderType }

func (r *streamReader) Repr(t *vm.Thread) (string, error) {
	info := []string{"StreamReader"}
	if len(r.buf) > 0 {
		info = append(info, fmt.Sprintf("%d bytes", len(r.buf)))
	}
	if r.eof {
		info = append(info, "eof")
	}
	if r.limit != streamDefaultLimit {
		info = append(info, fmt.Sprintf("limit=%d", r.limit))
	}
	if r.waiter != nil {
		s, _ := t.Repr(vm.Obj(r.waiter))
		info = append(info, "waiter="+s)
	}
	if !r.exception.IsNone() {
		s, _ := t.Repr(r.exception)
		info = append(info, "exception="+s)
	}
	if r.tr != nil {
		s, _ := r.tr.Repr(t)
		info = append(info, "transport="+s)
	}
	if r.paused {
		info = append(info, "paused")
	}
	return "<" + strings.Join(info, " ") + ">", nil
}

func (r *streamReader) setException(exc vm.Value) {
	r.exception = exc
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			w.SetException(vm.AsException(exc.AsObj().(*vm.Instance)))
		}
	}
}

func (r *streamReader) wakeup() {
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			w.SetResult(vm.None)
		}
	}
}

func (r *streamReader) maybeResume() {
	if r.paused && len(r.buf) <= r.limit {
		r.paused = false
		r.tr.resumeReading()
	}
}

func (r *streamReader) feedEOF() {
	r.eof = true
	r.wakeup()
}

func (r *streamReader) feedData(data []byte) error {
	if r.eof {
		return vm.NewException(vm.AssertionError, vm.Str("feed_data after feed_eof"))
	}
	if len(data) == 0 {
		return nil
	}
	r.buf = append(r.buf, data...)
	r.wakeup()
	if r.tr != nil && !r.paused && len(r.buf) > 2*r.limit {
		r.tr.pauseReading()
		r.paused = true
	}
	return nil
}

// waitForData parks the caller until data or EOF arrives.
func (r *streamReader) waitForData(funcName string) (*runtime.Future, error) {
	if r.waiter != nil {
		return nil, vm.Errorf(vm.RuntimeError, "%s() called while another coroutine is already waiting for incoming data", funcName)
	}
	if r.eof {
		return nil, vm.NewException(vm.AssertionError, vm.Str("_wait_for_data after EOF"))
	}
	if r.paused {
		r.paused = false
		r.tr.resumeReading()
	}
	r.waiter = runtime.NewFuture(r.l)
	return r.waiter, nil
}

func (r *streamReader) raised() error {
	if r.exception.IsNone() {
		return nil
	}
	return r.exception.AsObj().(*vm.Instance)
}

// take removes and returns the first n buffered bytes.
func (r *streamReader) take(n int) []byte {
	out := append([]byte(nil), r.buf[:n]...)
	if n == len(r.buf) {
		r.buf = r.buf[:0]
	} else {
		r.buf = append(r.buf[:0], r.buf[n:]...)
	}
	return out
}

// streamError builds one of the exceptions asyncio's library defines in
// Python (IncompleteReadError, LimitOverrunError).
func streamError(t *vm.Thread, name string, args ...vm.Value) error {
	cls, err := libFunc(t, name)
	if err != nil {
		return err
	}
	exc, err := t.Call(cls, args, nil)
	if err != nil {
		return err
	}
	return exc.AsObj().(*vm.Instance)
}

// readuntil's step: the chunk through the separator, or a wait.
func (r *streamReader) readuntilStep(t *vm.Thread, sep []byte, offset *int, funcName string) (vm.Value, *runtime.Future, error) {
	seplen := len(sep)
	for {
		buflen := len(r.buf)
		if buflen-*offset >= seplen {
			isep := bytes.Index(r.buf[*offset:], sep)
			if isep >= 0 {
				isep += *offset
				if isep > r.limit {
					return vm.Undef, nil, streamError(t, "LimitOverrunError", vm.Str("Separator is found, but chunk is longer than limit"), vm.Int(int64(isep)))
				}
				chunk := r.take(isep + seplen)
				r.maybeResume()
				return vm.Obj(vm.NewBytes(chunk)), nil, nil
			}
			*offset = buflen + 1 - seplen
			if *offset > r.limit {
				return vm.Undef, nil, streamError(t, "LimitOverrunError", vm.Str("Separator is not found, and chunk exceed the limit"), vm.Int(int64(*offset)))
			}
		}
		if r.eof {
			chunk := r.take(len(r.buf))
			return vm.Undef, nil, streamError(t, "IncompleteReadError", vm.Obj(vm.NewBytes(chunk)), vm.None)
		}
		w, err := r.waitForData(funcName)
		return vm.Undef, w, err
	}
}

func (r *streamReader) abortWait() { r.waiter = nil }

func (r *streamReader) readuntil(t *vm.Thread, sep []byte, name string) vm.Value {
	if len(sep) == 0 {
		return netResult(t, name, vm.Undef, vm.Errorf(vm.ValueError, "Separator should be at least one-byte string"))
	}
	if err := r.raised(); err != nil {
		return netResult(t, name, vm.Undef, err)
	}
	offset := 0
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		return r.readuntilStep(t, sep, &offset, "readuntil")
	}, r.abortWait)
}

// readline is readuntil(b'\n') with CPython's treatment of its errors.
func (r *streamReader) readline(t *vm.Thread, name string) vm.Value {
	if err := r.raised(); err != nil {
		return netResult(t, name, vm.Undef, err)
	}
	offset := 0
	sep := []byte{'\n'}
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		v, w, err := r.readuntilStep(t, sep, &offset, "readuntil")
		if err == nil {
			return v, w, nil
		}
		inst, ok := err.(*vm.Instance)
		if !ok {
			return v, w, err
		}
		switch inst.Class().Name {
		case "IncompleteReadError":
			p, perr := t.GetAttr(vm.Obj(inst), "partial")
			return p, nil, perr
		case "LimitOverrunError":
			cv, _ := t.GetAttr(vm.Obj(inst), "consumed")
			consumed := int(cv.AsInt())
			if consumed < len(r.buf) && r.buf[consumed] == '\n' {
				r.take(consumed + 1)
			} else {
				r.buf = r.buf[:0]
			}
			r.maybeResume()
			msg, _ := t.GetAttr(vm.Obj(inst), "args")
			return vm.Undef, nil, vm.NewException(vm.ValueError, msg.AsObj().(*vm.Tuple).Items()[0])
		}
		return v, w, err
	}, r.abortWait)
}

func (r *streamReader) read(t *vm.Thread, n int) vm.Value {
	name := "StreamReader.read"
	if err := r.raised(); err != nil {
		return netResult(t, name, vm.Undef, err)
	}
	if n == 0 {
		return netResult(t, name, vm.Obj(vm.NewBytes(nil)), nil)
	}
	if n < 0 {
		var all []byte
		return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
			for {
				if err := r.raised(); err != nil {
					return vm.Undef, nil, err
				}
				if len(r.buf) == 0 && !r.eof {
					w, err := r.waitForData("read")
					return vm.Undef, w, err
				}
				if len(r.buf) == 0 {
					return vm.Obj(vm.NewBytes(all)), nil, nil
				}
				k := len(r.buf)
				if k > r.limit {
					k = r.limit
				}
				all = append(all, r.take(k)...)
				r.maybeResume()
			}
		}, r.abortWait)
	}
	waited := false
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		if len(r.buf) == 0 && !r.eof && !waited {
			waited = true
			w, err := r.waitForData("read")
			return vm.Undef, w, err
		}
		k := n
		if k > len(r.buf) {
			k = len(r.buf)
		}
		data := r.take(k)
		r.maybeResume()
		return vm.Obj(vm.NewBytes(data)), nil, nil
	}, r.abortWait)
}

func (r *streamReader) readexactly(t *vm.Thread, n int) vm.Value {
	name := "StreamReader.readexactly"
	if n < 0 {
		return netResult(t, name, vm.Undef, vm.Errorf(vm.ValueError, "readexactly size can not be less than zero"))
	}
	if err := r.raised(); err != nil {
		return netResult(t, name, vm.Undef, err)
	}
	if n == 0 {
		return netResult(t, name, vm.Obj(vm.NewBytes(nil)), nil)
	}
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		if len(r.buf) < n {
			if r.eof {
				chunk := r.take(len(r.buf))
				return vm.Undef, nil, streamError(t, "IncompleteReadError", vm.Obj(vm.NewBytes(chunk)), vm.Int(int64(n)))
			}
			w, err := r.waitForData("readexactly")
			return vm.Undef, w, err
		}
		data := r.take(n)
		r.maybeResume()
		return vm.Obj(vm.NewBytes(data)), nil, nil
	}, r.abortWait)
}

func init() {
	m := func(name string, fn func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		streamReaderType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			r, ok := args[0].AsObj().(*streamReader)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a 'StreamReader' object", name)
			}
			return fn(t, r, args[1:], kw)
		})
	}
	intArg := func(t *vm.Thread, fname, pname string, args []vm.Value, kw []vm.KV, def int) (int, error) {
		a, err := vm.UnpackArgs(fname, args, kw, 0, pname)
		if err != nil {
			return 0, err
		}
		if a[0].IsUndef() {
			return def, nil
		}
		n, err := t.AsInt64(a[0])
		return int(n), err
	}
	m("read", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		n, err := intArg(t, "read", "n", args, kw, -1)
		if err != nil {
			return vm.Undef, err
		}
		return r.read(t, n), nil
	})
	m("readexactly", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("readexactly", args, kw, 1, "n")
		if err != nil {
			return vm.Undef, err
		}
		n, err := t.AsInt64(a[0])
		if err != nil {
			return vm.Undef, err
		}
		return r.readexactly(t, int(n)), nil
	})
	m("readline", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 0 || len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "StreamReader.readline() takes 1 positional argument but %d were given", len(args)+1)
		}
		return r.readline(t, "StreamReader.readline"), nil
	})
	m("readuntil", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("readuntil", args, kw, 0, "separator")
		if err != nil {
			return vm.Undef, err
		}
		sep := []byte{'\n'}
		if !a[0].IsUndef() {
			b, ok := a[0].AsObj().(*vm.Bytes)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "argument should be integer or bytes-like object, not '%s'", a[0].TypeName())
			}
			sep = b.Data()
		}
		return r.readuntil(t, sep, "StreamReader.readuntil"), nil
	})
	m("at_eof", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(r.eof && len(r.buf) == 0), nil
	})
	m("feed_data", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "feed_data() takes exactly one argument (%d given)", len(args))
		}
		b, err := dataArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, r.feedData(b)
	})
	m("feed_eof", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		r.feedEOF()
		return vm.None, nil
	})
	m("exception", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return r.exception, nil
	})
	m("set_exception", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "set_exception() takes exactly one argument (%d given)", len(args))
		}
		if _, ok := args[0].AsObj().(*vm.Instance); !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "exceptions must derive from BaseException")
		}
		r.setException(args[0])
		return vm.None, nil
	})
	m("__aiter__", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(r), nil
	})
	m("__anext__", func(t *vm.Thread, r *streamReader, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return r.ANext(t)
	})
}

// AIter and ANext make `async for line in reader` work: lines until EOF.
func (r *streamReader) AIter(t *vm.Thread) (vm.Value, error) { return vm.Obj(r), nil }

func (r *streamReader) ANext(t *vm.Thread) (vm.Value, error) {
	if err := r.raised(); err != nil {
		return netResult(t, "StreamReader.__anext__", vm.Undef, err), nil
	}
	inner := r.readline(t, "StreamReader.__anext__").AsObj().(*netAwait)
	step := inner.step
	inner.step = func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		v, w, err := step(t)
		if err == nil && w == nil {
			if b, ok := v.AsObj().(*vm.Bytes); ok && len(b.Data()) == 0 {
				return vm.Undef, nil, vm.NewException(vm.StopAsyncIteration)
			}
		}
		return v, w, err
	}
	return vm.Obj(inner), nil
}

// streamProto is StreamReaderProtocol: it feeds the reader, answers the
// writer's drain (FlowControlMixin) and, on a server, calls the
// client_connected_cb with a new reader and writer.
type streamProto struct {
	l         *runtime.Loop
	reader    *streamReader
	writer    *streamWriter
	cb        vm.Value // client_connected_cb, or Undef
	limit     int
	tr        *sockTransport
	paused    bool
	connLost  bool
	drainers  []*runtime.Future
	closed    *runtime.Future
	overSSL   bool
	self      vm.Value
	taskValue vm.Value
}

var streamProtoType = vm.NewNativeClass("StreamReaderProtocol", "asyncio.streams", nil, streamProtoCtor)

// streamProtoCtor is StreamReaderProtocol(stream_reader, client_connected_cb=None, loop=None).
func streamProtoCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("StreamReaderProtocol", args, kw, 1, "stream_reader", "client_connected_cb", "loop")
	if err != nil {
		return vm.Undef, err
	}
	r, ok := a[0].AsObj().(*streamReader)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "stream_reader must be a StreamReader, not %s", a[0].TypeName())
	}
	l, err := loopArg(t, a[2], getEventLoop)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(newStreamProto(l, r, a[1])), nil
}

func (*streamProto) Class() *vm.Class  { return streamProtoType }
func (p *streamProto) value() vm.Value { return vm.Obj(p) }
func (p *streamProto) Repr(*vm.Thread) (string, error) {
	return fmt.Sprintf("<asyncio.streams.StreamReaderProtocol object at %p>", p), nil
}

func newStreamProto(l *runtime.Loop, reader *streamReader, cb vm.Value) *streamProto {
	return &streamProto{l: l, reader: reader, cb: cb, closed: runtime.NewFuture(l)}
}

func (p *streamProto) connectionMade(t *vm.Thread, tr *sockTransport) {
	p.tr = tr
	p.overSSL = tr.tls != nil
	if p.reader != nil {
		p.reader.tr = tr
	}
	if p.cb.IsUndef() || p.cb.IsNone() {
		return
	}
	p.writer = &streamWriter{tr: tr, proto: p, reader: p.reader, l: p.l}
	res, err := t.Call(p.cb, []vm.Value{vm.Obj(p.reader), vm.Obj(p.writer)}, nil)
	if err != nil {
		reportCallbackError(t, "Exception in callback", err)
		tr.forceClose(nil)
		return
	}
	if isCoroutine(res) {
		task, err := createTask(t, p.l, res, vm.Undef, vm.Undef)
		if err == nil {
			p.taskValue = task
		}
	}
}

func (p *streamProto) dataReceived(t *vm.Thread, data []byte) {
	if p.reader != nil {
		p.reader.feedData(data)
	}
}

func (p *streamProto) eofReceived(t *vm.Thread) bool {
	if p.reader != nil {
		p.reader.feedEOF()
	}
	return !p.overSSL
}

func (p *streamProto) connectionLost(t *vm.Thread, exc *vm.Instance) {
	if p.reader != nil {
		if exc == nil {
			p.reader.feedEOF()
		} else {
			p.reader.setException(vm.Obj(exc))
		}
	}
	if !p.closed.Done() {
		if exc == nil {
			p.closed.SetResult(vm.None)
		} else {
			p.closed.SetException(exc)
			p.closed.Exception() // retrieved: no "never retrieved" report
		}
	}
	p.connLost = true
	if p.paused {
		for _, w := range p.drainers {
			if !w.Done() {
				if exc == nil {
					w.SetResult(vm.None)
				} else {
					w.SetException(exc)
				}
			}
		}
	}
	p.reader, p.writer, p.taskValue = nil, nil, vm.Undef
}

func (p *streamProto) pauseWriting(t *vm.Thread) { p.paused = true }

func (p *streamProto) resumeWriting(t *vm.Thread) {
	p.paused = false
	for _, w := range p.drainers {
		if !w.Done() {
			w.SetResult(vm.None)
		}
	}
	p.drainers = nil
}

// streamWriter is asyncio.StreamWriter.
type streamWriter struct {
	l      *runtime.Loop
	tr     *sockTransport
	proto  *streamProto
	reader *streamReader
}

func (*streamWriter) Class() *vm.Class { return streamWriterType }

// streamWriterCtor is StreamWriter(transport, protocol, reader, loop) over
// one of asy's socket transports and a StreamReaderProtocol.
func streamWriterCtor(t *vm.Thread, cls *vm.Class, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("StreamWriter", args, kw, 4, "transport", "protocol", "reader", "loop")
	if err != nil {
		return vm.Undef, err
	}
	tr, ok := a[0].AsObj().(*sockTransport)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "StreamWriter needs a socket transport, not %s", a[0].TypeName())
	}
	p, ok := a[1].AsObj().(*streamProto)
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "StreamWriter needs a StreamReaderProtocol, not %s", a[1].TypeName())
	}
	var r *streamReader
	if !a[2].IsNone() {
		if r, ok = a[2].AsObj().(*streamReader); !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "reader must be a StreamReader or None, not %s", a[2].TypeName())
		}
	}
	l, err := asLoop(a[3])
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(&streamWriter{l: l, tr: tr, proto: p, reader: r}), nil
}

func (w *streamWriter) Repr(t *vm.Thread) (string, error) {
	trs, _ := w.tr.Repr(t)
	info := []string{"StreamWriter", "transport=" + trs}
	if w.reader != nil {
		rs, _ := w.reader.Repr(t)
		info = append(info, "reader="+rs)
	}
	return "<" + strings.Join(info, " ") + ">", nil
}

// drain waits until the transport's buffer is below its low-water mark.
func (w *streamWriter) drain(t *vm.Thread) vm.Value {
	name := "StreamWriter.drain"
	if w.reader != nil {
		if err := w.reader.raised(); err != nil {
			return netResult(t, name, vm.Undef, err)
		}
	}
	p := w.proto
	yielded := !w.tr.closing
	var waiter *runtime.Future
	return newNetAwait(t, name, func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
		if !yielded {
			// Let connection_lost run first, as CPython's sleep(0).
			yielded = true
			return vm.Undef, yieldFuture(w.l), nil
		}
		if waiter != nil {
			return vm.None, nil, nil
		}
		if p.connLost {
			return vm.Undef, nil, vm.NewException(vm.ConnectionResetError, vm.Str("Connection lost"))
		}
		if !p.paused {
			return vm.None, nil, nil
		}
		waiter = runtime.NewFuture(w.l)
		p.drainers = append(p.drainers, waiter)
		return vm.Undef, waiter, nil
	}, func() {
		if waiter != nil {
			for i, d := range p.drainers {
				if d == waiter {
					p.drainers = append(p.drainers[:i], p.drainers[i+1:]...)
					break
				}
			}
		}
	})
}

func init() {
	m := func(name string, fn func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error)) {
		streamWriterType.AddMethod(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			w, ok := args[0].AsObj().(*streamWriter)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "descriptor '%s' requires a 'StreamWriter' object", name)
			}
			return fn(t, w, args[1:], kw)
		})
	}
	m("write", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "StreamWriter.write() takes 2 positional arguments but %d were given", len(args)+1)
		}
		b, err := dataArg(args[0])
		if err != nil {
			return vm.Undef, err
		}
		return vm.None, w.tr.write(t, b)
	})
	m("writelines", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "StreamWriter.writelines() takes 2 positional arguments but %d were given", len(args)+1)
		}
		return vm.None, writelines(t, w.tr, args[0])
	})
	m("write_eof", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w.tr.writeEOF()
		return vm.None, nil
	})
	m("can_write_eof", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(w.tr.tls == nil), nil
	})
	m("close", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		w.tr.close()
		return vm.None, nil
	})
	m("is_closing", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Bool(w.tr.closing), nil
	})
	m("wait_closed", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		closed := w.proto.closed
		done := false
		return newNetAwait(t, "StreamWriter.wait_closed", func(t *vm.Thread) (vm.Value, *runtime.Future, error) {
			if done || closed.Done() {
				r, err := closed.Result()
				return r, nil, err
			}
			done = true
			return vm.Undef, closed, nil
		}, nil), nil
	})
	m("drain", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return w.drain(t), nil
	})
	m("get_extra_info", func(t *vm.Thread, w *streamWriter, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("get_extra_info", args, kw, 1, "name", "default")
		if err != nil {
			return vm.Undef, err
		}
		name, _ := a[0].StrOf()
		if v, ok := w.tr.extraInfo(t, name); ok {
			return v, nil
		}
		if a[1].IsUndef() {
			return vm.None, nil
		}
		return a[1], nil
	})
	streamWriterType.AddProperty("transport", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Obj(args[0].AsObj().(*streamWriter).tr), nil
	})
}

// reportCallbackError prints an exception raised by a callback the loop
// ran, as CPython's default exception handler logs it.
func reportCallbackError(t *vm.Thread, what string, err error) {
	exc := vm.AsException(err)
	if exc == nil {
		return
	}
	t.Interp().WriteStderr(what + "\n" + t.FormatException(exc))
}
