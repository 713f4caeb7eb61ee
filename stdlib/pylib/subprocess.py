# subprocess for asy: CPython 3.11's API and messages on a Go core
# (_subprocess: spawn, wait, signals, communicate's pipe pumping). The code
# is asy's own.

import io as _io
import os as _os
import time as _time_mod
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            import signal
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def _std_spec(v):
    # None (inherit), PIPE/STDOUT/DEVNULL, a descriptor or a file object.
    if v is None or isinstance(v, int):
        return v
    return v.fileno()


def _fs(v):
    v = _os.fspath(v)
    if isinstance(v, bytes):
        return v.decode()
    return v


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
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            raise NotImplementedError("asy's subprocess does not run preexec_fn")
        if text is not None and universal_newlines is not None \
                and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = "utf-8"
        line_buffering = (bufsize == 1 and self.text_mode)

        if isinstance(args, (str, bytes)):
            argv = [args]
        elif isinstance(args, _os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable:
                argv[0] = executable
        argv = [_fs(a) for a in argv]
        if executable is not None:
            executable = _fs(executable)
        if cwd is not None:
            cwd = _fs(cwd)
        env_list = None
        if env is not None:
            env_list = []
            for k, v in env.items():
                k = _fs(k)
                if '=' in k:
                    raise ValueError("illegal environment variable name")
                env_list.append(k + '=' + _fs(v))
        if stderr == STDOUT and stdout is None:
            stderr_spec = STDOUT
        else:
            stderr_spec = _std_spec(stderr)
        child, in_fd, out_fd, err_fd = _subprocess.spawn(
            argv, executable, cwd, env_list, _std_spec(stdin),
            _std_spec(stdout), stderr_spec,
            bool(start_new_session))
        self._child = child
        self.pid = child.pid
        if in_fd != -1:
            if self.text_mode:
                self.stdin = _io.open(in_fd, 'w', 1 if line_buffering else -1,
                                      encoding=encoding, errors=errors)
                self._line_buffering = line_buffering
            else:
                self.stdin = _io.open(in_fd, 'wb', bufsize)
        if out_fd != -1:
            if self.text_mode:
                self.stdout = _io.open(out_fd, 'r', encoding=encoding, errors=errors)
            else:
                self.stdout = _io.open(out_fd, 'rb', bufsize)
        if err_fd != -1:
            if self.text_mode:
                self.stderr = _io.open(err_fd, 'r', encoding=encoding, errors=errors)
            else:
                self.stderr = _io.open(err_fd, 'rb', bufsize)

    @property
    def universal_newlines(self):
        return self.text_mode

    def __repr__(self):
        obj_repr = (
            f"<{self.__class__.__name__}: "
            f"returncode: {self.returncode} args: {self.args!r}>"
        )
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        code = self._child.wait(timeout)
        if code is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = code
        return code

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        self._child.send_signal(int(sig))

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and not self._communication_started and
                [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)
        endtime = None if timeout is None else _time_mod.monotonic() + timeout
        if not self._communication_started and input is not None \
                and self.text_mode and self.stdin is not None:
            input = input.encode(self.encoding, self.errors or 'strict')
        if not self._communication_started and self.stdin is None:
            input = None
        try:
            finished, stdout, stderr = _subprocess.communicate(
                self._child, self.stdin, self.stdout, self.stderr,
                input, timeout)
        finally:
            self._communication_started = True
        if not finished:
            raise TimeoutExpired(self.args, timeout, output=stdout or None,
                                 stderr=stderr or None)
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout)
            if stderr is not None:
                stderr = self._translate_newlines(stderr)
        remaining = None
        if endtime is not None:
            remaining = endtime - _time_mod.monotonic()
        if self.returncode is None:
            code = self._child.wait(remaining)
            if code is None:
                raise TimeoutExpired(self.args, remaining)
            self.returncode = code
        return (stdout, stderr)

    def _translate_newlines(self, data):
        data = data.decode(self.encoding, self.errors or 'strict')
        return data.replace("\r\n", "\n").replace("\r", "\n")


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') \
                or kwargs.get('encoding') or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]

