# asyncio.subprocess for asy: create_subprocess_exec/_shell and Process as
# in CPython 3.11, on the Go transports of _subprocess (aio_spawn). The
# pipes are exposed with the StreamReader/StreamWriter methods a subprocess
# user needs; the code is asy's own.

import asyncio as _asyncio
import _subprocess

__all__ = 'create_subprocess_exec', 'create_subprocess_shell'

PIPE = -1
STDOUT = -2
DEVNULL = -3

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:
    # Fed by a pipe transport (feed_data/feed_eof on the loop thread); the
    # transport is paused while more than twice the limit is buffered.

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = loop if loop is not None else _asyncio.get_event_loop()
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused
                and len(self._buffer) > 2 * self._limit):
            self._transport.pause_reading()
            self._paused = True

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except _asyncio.IncompleteReadError as e:
            return e.partial
        except _asyncio.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise _asyncio.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise _asyncio.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise _asyncio.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return bytes(chunk)

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise _asyncio.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        if len(self._buffer) == n:
            data = bytes(self._buffer)
            self._buffer.clear()
        else:
            data = bytes(self._buffer[:n])
            del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    # Writes go to the pipe transport's goroutine in order; drain() waits
    # while more than 64 KiB are buffered.

    def __init__(self, transport, loop):
        self._transport = transport
        self._loop = loop

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for line in data:
            self._transport.write(line)

    def write_eof(self):
        self._transport.close()

    def can_write_eof(self):
        return True

    def close(self):
        self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport.closed_waiter()

    def get_extra_info(self, name, default=None):
        if name == 'pipe':
            return self._transport
        return default

    async def drain(self):
        if self._transport.is_closing():
            await _asyncio.sleep(0)
        waiter = self._transport.drain_waiter()
        if waiter is not None:
            await waiter


class Process:
    def __init__(self, child, stdin, stdout, stderr, loop):
        self._child = child
        self._loop = loop
        self._stdin_transport = stdin
        self._readers = [r for r in (stdout, stderr) if r is not None]
        self.stdin = None if stdin is None else StreamWriter(stdin, loop)
        self.stdout = None
        self.stderr = None
        self.pid = child.pid

    def _attach(self, transport, limit):
        if transport is None:
            return None
        reader = StreamReader(limit=limit, loop=self._loop)
        reader.set_transport(transport)
        transport.start(reader.feed_data, reader.feed_eof)
        return reader

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._child.returncode

    async def wait(self):
        return await self._child.wait()

    def _check_proc(self):
        # CPython's transport forgets the process once it exited and every
        # pipe is closed: signalling then raises ProcessLookupError.
        if self._child.returncode is None:
            return
        if all(r.is_closing() for r in self._readers) and \
                (self._stdin_transport is None or self._stdin_transport.is_closing()):
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._child.send_signal(int(signal))

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    async def _feed_stdin(self, input):
        try:
            self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        stream = self.stderr if fd == 2 else self.stdout
        output = await stream.read()
        stream._transport.close()
        return output

    async def communicate(self, input=None):
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(1)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(2)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await _asyncio.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _spawn(argv, stdin, stdout, stderr, limit, kwds):
    loop = _asyncio.get_running_loop()
    executable = kwds.pop('executable', None)
    cwd = kwds.pop('cwd', None)
    env = kwds.pop('env', None)
    start_new_session = kwds.pop('start_new_session', False)
    kwds.pop('close_fds', None)
    for key in ('universal_newlines', 'text'):
        if kwds.pop(key, False):
            raise ValueError(f"{key} must be False")
    if kwds.pop('bufsize', 0) != 0:
        raise ValueError("bufsize must be 0")
    for key in ('encoding', 'errors'):
        if kwds.pop(key, None) is not None:
            raise ValueError(f"{key} must be None")
    if kwds:
        raise TypeError(f"unexpected keyword argument {next(iter(kwds))!r}")
    import subprocess as _sp
    argv = [_sp._text(a) for a in argv]
    env_list = _sp._environment(env)
    if stderr == STDOUT and stdout is None:
        stderr_spec = STDOUT
    else:
        stderr_spec = _sp._stream_target(stderr)
    child, w, r_out, r_err = _subprocess.aio_spawn(
        argv, None if executable is None else _sp._text(executable),
        None if cwd is None else _sp._text(cwd), env_list,
        _sp._stream_target(stdin), _sp._stream_target(stdout), stderr_spec,
        bool(start_new_session))
    proc = Process(child, w, r_out, r_err, loop)
    proc.stdout = proc._attach(r_out, limit)
    proc.stderr = proc._attach(r_err, limit)
    return proc


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if kwds.pop('shell', True) is not True:
        raise ValueError("shell must be True")
    return _spawn(['/bin/sh', '-c', cmd], stdin, stdout, stderr, limit, kwds)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=_DEFAULT_LIMIT, **kwds):
    if kwds.pop('shell', False):
        raise ValueError("shell must be False")
    return _spawn([program, *args], stdin, stdout, stderr, limit, kwds)
