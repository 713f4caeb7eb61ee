# subprocess for asy: CPython 3.11's API, attributes and messages on top of
# the Go core _subprocess (spawning, waiting, signals, and the pipe pumping
# behind communicate). This layer normalises arguments, wraps the pipe
# descriptors in file objects and turns outcomes into results or errors.

import io as _io
import os as _os
import time as _time
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


# Both failure classes keep what the child printed in .output and offer it
# as .stdout too; one property object serves them.
_stdout_alias = property(lambda self: self.output,
                         lambda self, value: setattr(self, "output", value))


class CalledProcessError(SubprocessError):

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode, self.cmd = returncode, cmd
        self.output, self.stderr = output, stderr

    stdout = _stdout_alias

    def __str__(self):
        code = self.returncode
        if not (code and code < 0):
            return "Command '%s' returned non-zero exit status %d." % (self.cmd, code)
        import signal
        try:
            how = "died with %r." % (signal.Signals(-code),)
        except ValueError:
            how = "died with unknown signal %d." % -code
        return "Command '%s' %s" % (self.cmd, how)


class TimeoutExpired(SubprocessError):

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd, self.timeout = cmd, timeout
        self.output, self.stderr = output, stderr

    stdout = _stdout_alias

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)


class CompletedProcess:

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args, self.returncode = args, returncode
        self.stdout, self.stderr = stdout, stderr

    def __repr__(self):
        # args and returncode always show; the streams only when captured.
        shown = [f"{name}={getattr(self, name)!r}"
                 for name in ("args", "returncode", "stdout", "stderr")
                 if name in ("args", "returncode") or getattr(self, name) is not None]
        return f"{type(self).__name__}({', '.join(shown)})"

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# --- argument normalisation -------------------------------------------------

def _text(value):
    # The Go core takes str: paths and bytes arguments become str.
    value = _os.fspath(value)
    return value.decode() if isinstance(value, bytes) else value


def _stream_target(spec):
    # None (inherit), PIPE/STDOUT/DEVNULL or a descriptor pass through;
    # file objects give their descriptor.
    return spec if spec is None or isinstance(spec, int) else spec.fileno()


def _command_line(args, shell, executable):
    if isinstance(args, (str, bytes)):
        words = [args]
    elif hasattr(type(args), "__fspath__"):
        if shell:
            raise TypeError('path-like args is not allowed when shell is true')
        words = [args]
    else:
        words = list(args)
    if shell:
        words = [executable or "/bin/sh", "-c"] + words
    return [_text(w) for w in words]


def _environment(env):
    if env is None:
        return None
    pairs = []
    for key, value in env.items():
        key = _text(key)
        if "=" in key:
            raise ValueError("illegal environment variable name")
        pairs.append(f"{key}={_text(value)}")
    return pairs


class Popen:

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1,
                 process_group=None):
        self._child = None
        self._communication_started = False
        self.args = args
        self.stdin = self.stdout = self.stderr = None
        self.pid = self.returncode = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            raise NotImplementedError("asy's subprocess does not run preexec_fn")
        if None not in (text, universal_newlines) and bool(text) != bool(universal_newlines):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            encoding = "utf-8"
        self.encoding, self.errors, self.pipesize = encoding, errors, pipesize

        # stderr=STDOUT with an inherited stdout means "the same place".
        err_target = STDOUT if (stderr == STDOUT and stdout is None) else _stream_target(stderr)
        self._child, *fds = _subprocess.spawn(
            _command_line(args, shell, executable),
            None if executable is None else _text(executable),
            None if cwd is None else _text(cwd),
            _environment(env),
            _stream_target(stdin), _stream_target(stdout), err_target,
            bool(start_new_session))
        self.pid = self._child.pid
        for name, fd, writing in zip(("stdin", "stdout", "stderr"), fds, (True, False, False)):
            if fd != -1:
                setattr(self, name, self._pipe_file(fd, writing, bufsize))

    def _pipe_file(self, fd, writing, bufsize):
        if not self.text_mode:
            return _io.open(fd, "wb" if writing else "rb", bufsize)
        # In text mode only stdin honours line buffering (bufsize=1).
        buffering = 1 if (writing and bufsize == 1) else -1
        return _io.open(fd, "w" if writing else "r", buffering,
                        encoding=self.encoding, errors=self.errors)

    @property
    def universal_newlines(self):
        return self.text_mode

    def __repr__(self):
        text = f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"
        return text if len(text) <= 80 else text[:76] + "...>"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        # Close our ends (stdin last, as it may fail on a dead child), then
        # reap the child whatever happened.
        try:
            for pipe in (self.stdout, self.stderr, self.stdin):
                if pipe:
                    pipe.close()
        finally:
            self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            status = self._child.wait(timeout)
            if status is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = status
        return self.returncode

    def send_signal(self, sig):
        # A reaped child's pid may belong to someone else by now.
        if self.poll() is None:
            self._child.send_signal(int(sig))

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def _feed_and_close_stdin(self, data):
        # A child that exits without reading its input is not an error.
        for step in (lambda: data and self.stdin.write(data), self.stdin.close):
            try:
                step()
            except BrokenPipeError:
                pass

    def communicate(self, input=None, timeout=None):
        started = self._communication_started
        if started and input:
            raise ValueError("Cannot send input after starting communication")
        pipes = (self.stdin, self.stdout, self.stderr)
        if timeout is None and not started and pipes.count(None) >= 2:
            return self._communicate_one_pipe(input)
        deadline = None if timeout is None else _time.monotonic() + timeout
        if started or self.stdin is None:
            input = None
        elif input is not None and self.text_mode:
            input = input.encode(self.encoding, self.errors or "strict")
        try:
            done, out, err = _subprocess.communicate(
                self._child, self.stdin, self.stdout, self.stderr, input, timeout)
        finally:
            self._communication_started = True
        if not done:
            raise TimeoutExpired(self.args, timeout, output=out or None, stderr=err or None)
        if self.text_mode:
            out, err = (None if b is None else self._decode(b) for b in (out, err))
        if self.returncode is None:
            left = None if deadline is None else deadline - _time.monotonic()
            status = self._child.wait(left)
            if status is None:
                raise TimeoutExpired(self.args, left)
            self.returncode = status
        return (out, err)

    def _communicate_one_pipe(self, input):
        # At most one pipe and no timeout: plain blocking I/O is enough.
        out = err = None
        if self.stdin:
            self._feed_and_close_stdin(input)
        elif self.stdout:
            out = self.stdout.read()
            self.stdout.close()
        elif self.stderr:
            err = self.stderr.read()
            self.stderr.close()
        self.wait()
        return (out, err)

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors or "strict")
        return text.replace("\r\n", "\n").replace("\r", "\n")


# --- convenience functions ----------------------------------------------------

def _wants_text(kwargs):
    return any(kwargs.get(k) for k in ("universal_newlines", "text", "encoding", "errors"))


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    status = call(*popenargs, **kwargs)
    if status:
        command = kwargs.get("args")
        raise CalledProcessError(status, popenargs[0] if command is None else command)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if "input" in kwargs and kwargs["input"] is None:
        # An explicit input=None still means "give the child an empty stdin".
        kwargs["input"] = "" if _wants_text(kwargs) else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs["stdout"] = kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            out, err = process.communicate(input, timeout=timeout)
        except BaseException as exc:
            # Never leave the child running; after a timeout also reap it so
            # the with statement's wait does not block.
            process.kill()
            if isinstance(exc, TimeoutExpired):
                process.wait()
            raise
        status = process.poll()
        if check and status:
            raise CalledProcessError(status, process.args, output=out, stderr=err)
    return CompletedProcess(process.args, status, out, err)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        output = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                              encoding=encoding, errors=errors)
        status = 0
    except CalledProcessError as failure:
        output, status = failure.output, failure.returncode
    return status, output[:-1] if output.endswith("\n") else output


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
