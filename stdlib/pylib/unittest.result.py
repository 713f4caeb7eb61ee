"""unittest.result: TestResult, what a run of tests collected."""

import io
import sys
import traceback
import functools

from unittest.util import strclass

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    @functools.wraps(method)
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return inner


def _is_unittest_frame(summary):
    # unittest's own frames (its modules are named <unittest...>) are not
    # shown, as CPython hides the frames of modules that set __unittest.
    return summary.filename.startswith('<unittest')


def _is_runner_frame(summary):
    # Before the test's own code: unittest's and the event loop's frames
    # (an IsolatedAsyncioTestCase runs its test in a task).
    f = summary.filename
    return f.startswith('<unittest') or f.startswith('<asyncio')


def _format_exception(exc, is_failure, seen):
    # A traceback as CPython's unittest prints it: the runner's leading
    # frames dropped and, for assertion failures, the frames of the assert*
    # method that raised; chained exceptions first, as traceback prints them.
    lines = []
    seen.add(id(exc))
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += _format_exception(cause, is_failure and type(cause) is type(exc), seen)
        lines.append('\nThe above exception was the direct cause of the following exception:\n\n')
    elif (context is not None and not exc.__suppress_context__ and
          id(context) not in seen):
        lines += _format_exception(context, False, seen)
        lines.append('\nDuring handling of the above exception, another exception occurred:\n\n')
    frames = traceback.extract_tb(exc.__traceback__)
    i = 0
    while i < len(frames) and _is_runner_frame(frames[i]):
        i += 1
    frames = frames[i:]
    if is_failure:
        j = 0
        while j < len(frames) and not _is_unittest_frame(frames[j]):
            j += 1
        if j > 0:
            frames = frames[:j]
    if frames:
        lines.append('Traceback (most recent call last):\n')
        lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return lines


class TestResult(object):
    """What a test run found: counts, failures, errors, skips."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        pass

    def startTest(self, test):
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        pass

    def stopTest(self, test):
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if self.buffer:
            if self._mirrorOutput:
                output = sys.stdout.getvalue()
                error = sys.stderr.getvalue()
                if output:
                    if not output.endswith('\n'):
                        output += '\n'
                    self._original_stdout.write(STDOUT_LINE % output)
                if error:
                    if not error.endswith('\n'):
                        error += '\n'
                    self._original_stderr.write(STDERR_LINE % error)
            sys.stdout = self._original_stdout
            sys.stderr = self._original_stderr
            self._stdout_buffer.seek(0)
            self._stdout_buffer.truncate()
            self._stderr_buffer.seek(0)
            self._stderr_buffer.truncate()

    def stopTestRun(self):
        pass

    @failfast
    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if getattr(self, 'failfast', False):
                self.stop()
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))
            self._mirrorOutput = True

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exctype, value, tb = err
        if value is None:
            value = exctype()
        if tb is not None and value.__traceback__ is not tb:
            value = value.with_traceback(tb)
        failure = exctype is getattr(test, 'failureException', AssertionError)
        lines = _format_exception(value, failure, set())
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                if not output.endswith('\n'):
                    output += '\n'
                lines.append(STDOUT_LINE % output)
            if error:
                if not error.endswith('\n'):
                    error += '\n'
                lines.append(STDERR_LINE % error)
        return ''.join(lines)

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
                (strclass(self.__class__), self.testsRun, len(self.errors),
                 len(self.failures)))
