"""unittest.result: TestResult, what a run of tests collected.

The failures, errors and expected failures are kept as (test, text) pairs
whose text is the traceback as unittest prints it: without the runner's
frames, and for an assertion failure without the frames of the assert*
method that raised it. With buffer set, what a test prints is captured
and only shown (appended to the report, and echoed) when it fails.
"""

import io
import sys
import traceback
import functools

from unittest.util import strclass

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Make a TestResult method stop the run first when failfast is set."""
    @functools.wraps(method)
    def stopping(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return stopping


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


def _with_newline(text):
    return text if text.endswith('\n') else text + '\n'


class TestResult(object):
    """What a test run found: counts, failures, errors, skips."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        # The lists a runner reports from.
        self.failures, self.errors, self.skipped = [], [], []
        self.expectedFailures, self.unexpectedSuccesses = [], []
        self.testsRun = 0
        # Settings the runner copies in.
        self.failfast = self.buffer = self.tb_locals = False
        self.shouldStop = False
        # Output capture for buffer mode: the streams to restore, the
        # buffers (made on first use) and whether the current test failed,
        # so its output is echoed.
        self._original_stdout, self._original_stderr = sys.stdout, sys.stderr
        self._stdout_buffer = self._stderr_buffer = None
        self._mirrorOutput = False

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def startTest(self, test):
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def stopTest(self, test):
        self._restoreStdout()
        self._mirrorOutput = False

    def printErrors(self):
        pass

    # -- buffered output

    def _setupStdout(self):
        if not self.buffer:
            return
        if self._stdout_buffer is None:
            self._stdout_buffer, self._stderr_buffer = io.StringIO(), io.StringIO()
        sys.stdout, sys.stderr = self._stdout_buffer, self._stderr_buffer

    def _captured(self):
        """(stdout text, stderr text) the current test printed so far, each
        in its report form ('' when it printed nothing there)."""
        texts = []
        for template, stream in ((STDOUT_LINE, sys.stdout), (STDERR_LINE, sys.stderr)):
            printed = stream.getvalue()
            texts.append(template % _with_newline(printed) if printed else '')
        return texts

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._mirrorOutput:
            out, err = self._captured()
            if out:
                self._original_stdout.write(out)
            if err:
                self._original_stderr.write(err)
        sys.stdout, sys.stderr = self._original_stdout, self._original_stderr
        for buf in (self._stdout_buffer, self._stderr_buffer):
            buf.seek(0)
            buf.truncate()

    # -- outcomes

    def _record(self, where, test, err):
        where.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addError(self, test, err):
        self._record(self.errors, test, err)

    @failfast
    def addFailure(self, test, err):
        self._record(self.failures, test, err)

    def addSubTest(self, test, subtest, err):
        if err is None:
            return  # a passing subtest leaves no trace
        if getattr(self, 'failfast', False):
            self.stop()
        where = self.failures if issubclass(err[0], test.failureException) else self.errors
        where.append((subtest, self._exc_info_to_string(err, test)))
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
        # Results of old runners may lack unexpectedSuccesses.
        return not (self.failures or self.errors or
                    getattr(self, 'unexpectedSuccesses', None))

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exctype, value, tb = err
        if value is None:
            value = exctype()
        if tb is not None and value.__traceback__ is not tb:
            value = value.with_traceback(tb)
        failure = exctype is getattr(test, 'failureException', AssertionError)
        text = ''.join(_format_exception(value, failure, set()))
        if self.buffer:
            text += ''.join(self._captured())
        return text

    def __repr__(self):
        return (f'<{strclass(self.__class__)} run={self.testsRun} '
                f'errors={len(self.errors)} failures={len(self.failures)}>')
