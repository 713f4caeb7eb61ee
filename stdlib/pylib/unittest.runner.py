"""unittest.runner: TextTestRunner and TextTestResult, the result that
reports progress as it goes (a character per test at verbosity 1, a line
per test at 2, nothing at 0) and the errors and a summary at the end."""

import sys
import time
import warnings

from unittest.result import TestResult
from unittest.case import _SubTest
from unittest.signals import registerResult

__unittest = True


class _WritelnDecorator(object):
    """Wraps a stream: everything is the stream's, plus writeln()."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, name):
        # 'stream' itself is never forwarded: copy and pickle look attributes
        # up before __init__ ran, which would otherwise recurse forever.
        if name in ('stream', '__getstate__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def writeln(self, line=None):
        if line:
            self.stream.write(line)
        self.stream.write('\n')


# How each outcome shows: (word at verbosity 2, character at verbosity 1,
# whether the word needs the test's description in front of it when it
# does not follow the test's own "... ").
_SHOWN = {
    'success': ('ok', '.', True),
    'error': ('ERROR', 'E', True),
    'failure': ('FAIL', 'F', True),
    'expected': ('expected failure', 'x', False),
    'unexpected': ('unexpected success', 'u', False),
}


class TextTestResult(TestResult):
    """A result that prints to a stream as the tests report to it."""

    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity):
        super(TextTestResult, self).__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.descriptions = descriptions
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        # At verbosity 2: is the cursor at the start of a line (nothing of
        # the current test printed yet, or its line already ended)?
        self._newline = True

    def getDescription(self, test):
        text = str(test)
        if self.descriptions:
            doc = test.shortDescription()
            if doc:
                text += '\n' + doc
        return text

    def startTest(self, test):
        super(TextTestResult, self).startTest(test)
        if self.showAll:
            self._announce(test)
            self.stream.flush()
            self._newline = False

    def _announce(self, test):
        self.stream.write(self.getDescription(test) + ' ... ')

    def _show(self, test, word, char, describe=True):
        if self.showAll:
            subtest = isinstance(test, _SubTest)
            if describe and (subtest or self._newline):
                # A subtest, or a test whose line was already ended (by a
                # subtest's): it gets a line of its own, subtests indented.
                if not self._newline:
                    self.stream.writeln()
                if subtest:
                    self.stream.write('  ')
                self._announce(test)
            self.stream.writeln(word)
            self._newline = True
        elif self.dots:
            self.stream.write(char)
        else:
            return
        self.stream.flush()

    def _outcome(self, test, kind):
        word, char, describe = _SHOWN[kind]
        self._show(test, word, char, describe)

    def addSkip(self, test, reason):
        super(TextTestResult, self).addSkip(test, reason)
        self._show(test, 'skipped %r' % (reason,), 's')

    def addSubTest(self, test, subtest, err):
        # Only subtests that went wrong show; passing ones leave no trace.
        if err is not None:
            kind = 'failure' if issubclass(err[0], subtest.failureException) else 'error'
            self._outcome(subtest, kind)
        super(TextTestResult, self).addSubTest(test, subtest, err)

    def printErrors(self):
        if self.showAll or self.dots:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        surprises = getattr(self, 'unexpectedSuccesses', ())
        if surprises:
            self.stream.writeln(self.separator1)
            for test in surprises:
                self.stream.writeln('UNEXPECTED SUCCESS: ' + self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, text in errors:
            for line in (self.separator1, '%s: %s' % (flavour, self.getDescription(test)),
                         self.separator2, '%s' % (text,)):
                self.stream.writeln(line)
            self.stream.flush()


def _reporting(name, kind):
    """addSuccess, addError...: TestResult records the outcome, then it
    shows as _SHOWN[kind] says."""
    def report(self, test, *err):
        getattr(super(TextTestResult, self), name)(test, *err)
        self._outcome(test, kind)
    report.__name__ = name
    report.__qualname__ = 'TextTestResult.' + name
    return report


for _name, _kind in (('addSuccess', 'success'), ('addError', 'error'),
                     ('addFailure', 'failure'), ('addExpectedFailure', 'expected'),
                     ('addUnexpectedSuccess', 'unexpected')):
    setattr(TextTestResult, _name, _reporting(_name, _kind))
del _name, _kind


def _summary(result):
    """The last line of a run's report: OK or FAILED, and the counts that
    are not zero in parentheses."""
    counts = []
    if result.wasSuccessful():
        verdict = 'OK'
    else:
        verdict = 'FAILED'
        counts += [('failures', len(result.failures)), ('errors', len(result.errors))]
    # A result class of the user's may lack these lists.
    for label, attr in (('skipped', 'skipped'), ('expected failures', 'expectedFailures'),
                        ('unexpected successes', 'unexpectedSuccesses')):
        counts.append((label, len(getattr(result, attr, ()))))
    shown = ['%s=%d' % pair for pair in counts if pair[1]]
    if shown:
        return '%s (%s)' % (verdict, ', '.join(shown))
    return verdict


class TextTestRunner(object):
    """Runs a test and prints its progress, its errors and a summary to
    stream (sys.stderr by default)."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1,
                 failfast=False, buffer=False, resultclass=None, warnings=None,
                 *, tb_locals=False):
        self.stream = _WritelnDecorator(sys.stderr if stream is None else stream)
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def _filter_warnings(self):
        warnings.simplefilter(self.warnings)
        if self.warnings in ('default', 'always'):
            # The deprecated assert aliases would warn at every call: once
            # per module is enough.
            warnings.filterwarnings('module', category=DeprecationWarning,
                                    message=r'Please use assert\w+ instead.')

    def run(self, test):
        result = self._makeResult()
        registerResult(result)
        result.failfast = self.failfast
        result.buffer = self.buffer
        result.tb_locals = self.tb_locals
        with warnings.catch_warnings():
            if self.warnings:
                self._filter_warnings()
            started = time.perf_counter()
            # Both hooks are optional in a result class of the user's.
            getattr(result, 'startTestRun', lambda: None)()
            try:
                test(result)
            finally:
                getattr(result, 'stopTestRun', lambda: None)()
            elapsed = time.perf_counter() - started
        result.printErrors()
        if hasattr(result, 'separator2'):
            self.stream.writeln(result.separator2)
        count = result.testsRun
        self.stream.writeln('Ran %d test%s in %.3fs' % (count, '' if count == 1 else 's', elapsed))
        self.stream.writeln()
        self.stream.writeln(_summary(result))
        self.stream.flush()
        return result
