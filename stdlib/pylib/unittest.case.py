"""unittest.case: TestCase, its assertions and the skip decorators.

A test run is split into parts (setUp, the test, tearDown, each cleanup,
each subTest block); a _PartGuard around every part turns what the part
raised into a report to the TestResult, so the run goes on with the next
part. Failure messages are CPython's word for word, since users' tests
compare them; the longer comparisons are built in unittest._diffs.
"""

import sys
import functools
import re
import warnings
import types

from unittest.util import safe_repr, strclass, _common_shorten_repr
from unittest._diffs import (sequence_mismatch, set_mismatch, count_mismatch,
                             text_diff, pformat_diff, subset_mismatch)

__unittest = True

_subtest_msg_sentinel = object()

DIFF_OMITTED = ('\nDiff is %s characters long. '
                'Set self.maxDiff to None to see it.')


class SkipTest(Exception):
    """Raise this to skip a test (the argument is the reason)."""


class _ShouldStop(Exception):
    """Raised out of a subTest block to end the test early (failfast, or
    a failure that an expectedFailure test was waiting for)."""


class _UnexpectedSuccess(Exception):
    """Reported as a failure to results without addUnexpectedSuccess."""


# What a result lacking one of the newer add* methods gets instead: the
# warning and the fallback report.
_RESULT_FALLBACKS = {
    'addSkip': "TestResult has no addSkip method, skips not reported",
    'addExpectedFailure': "TestResult has no addExpectedFailure method, reporting as passes",
    'addUnexpectedSuccess': "TestResult has no addUnexpectedSuccess method, reporting as failure",
}


def _report(result, kind, test, *details):
    method = getattr(result, kind, None)
    if method is not None:
        method(test, *details)
        return
    warnings.warn(_RESULT_FALLBACKS[kind], RuntimeWarning, 2)
    if kind == 'addUnexpectedSuccess':
        try:
            raise _UnexpectedSuccess from None
        except _UnexpectedSuccess:
            result.addFailure(test, sys.exc_info())
    else:
        result.addSuccess(test)


def _report_exception(result, test, exc_info):
    # Assertion failures (the test's failureException) are failures,
    # anything else an error.
    if issubclass(exc_info[0], test.failureException):
        result.addFailure(test, exc_info)
    else:
        result.addError(test, exc_info)


class _Outcome:
    """The state of one test's run, shared by its parts."""

    def __init__(self, result=None):
        self.result = result
        self.result_supports_subtests = hasattr(result, 'addSubTest')
        self.success = True          # no part so far failed, errored or skipped
        self.expecting_failure = False
        self.expectedFailure = None  # exc_info of the failure an xfail test hoped for

    def part(self, test_case, subtest=False):
        return _PartGuard(self, test_case, subtest)


class _PartGuard:
    """Context manager around one part of a test: the exception the part
    raises is reported and swallowed (KeyboardInterrupt excepted)."""

    def __init__(self, outcome, test_case, subtest):
        self.outcome = outcome
        self.test_case = test_case
        self.subtest = subtest

    def __enter__(self):
        # success is per part while it runs (nested subtests clear it), and
        # folded into the enclosing part's on the way out.
        self.enclosing_success = self.outcome.success
        self.outcome.success = True

    def __exit__(self, exc_type, exc, tb):
        outcome = self.outcome
        swallow = True
        if exc_type is None:
            if self.subtest and outcome.success:
                outcome.result.addSubTest(self.test_case.test_case, self.test_case, None)
        elif issubclass(exc_type, KeyboardInterrupt):
            swallow = False
        elif issubclass(exc_type, SkipTest):
            outcome.success = False
            _report(outcome.result, 'addSkip', self.test_case, str(exc))
        elif issubclass(exc_type, _ShouldStop):
            pass
        elif outcome.expecting_failure:
            outcome.expectedFailure = (exc_type, exc, tb)
        else:
            outcome.success = False
            if self.subtest:
                outcome.result.addSubTest(self.test_case.test_case, self.test_case,
                                          (exc_type, exc, tb))
            elif outcome.result is not None:
                _report_exception(outcome.result, self.test_case, (exc_type, exc, tb))
        outcome.success = outcome.success and self.enclosing_success
        return swallow


class _SubTestBlock:
    """What TestCase.subTest returns: runs its block as a part of the test
    of its own, reported under a _SubTest naming the block's parameters."""

    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self.msg = msg
        self.params = params

    def __enter__(self):
        case = self.test_case
        outcome = case._outcome
        self.guard = None
        if outcome is None or not outcome.result_supports_subtests:
            return None  # outside a run: a plain block
        self.parent = case._subtest
        params = dict(self.params)
        if self.parent is not None:
            for key, value in self.parent.params.items():
                params.setdefault(key, value)
        case._subtest = _SubTest(case, self.msg, params)
        self.guard = outcome.part(case._subtest, subtest=True)
        self.guard.__enter__()

    def __exit__(self, exc_type, exc, tb):
        if self.guard is None:
            return False
        case = self.test_case
        try:
            swallowed = self.guard.__exit__(exc_type, exc, tb)
            if not swallowed:
                return False
            outcome = case._outcome
            if not outcome.success:
                if outcome.result is not None and outcome.result.failfast:
                    raise _ShouldStop
            elif outcome.expectedFailure:
                raise _ShouldStop
            return True
        finally:
            case._subtest = self.parent


def _enter_context(cm, add_cleanup):
    kind = type(cm)
    try:
        enter, leave = kind.__enter__, kind.__exit__
    except AttributeError:
        raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does "
                        f"not support the context manager protocol") from None
    value = enter(cm)
    add_cleanup(leave, cm, None, None, None)
    return value


def _run_cleanups(stack):
    """Call the cleanups of stack, last added first; the errors they
    raise, as exc_info triples."""
    errors = []
    while stack:
        function, args, kwargs = stack.pop()
        try:
            function(*args, **kwargs)
        except Exception:
            errors.append(sys.exc_info())
    return errors


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Same as addCleanup, except the cleanup items are called even if
    setUpModule fails (unlike tearDownModule)."""
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    """Enter cm now and exit it with the module's cleanups."""
    return _enter_context(cm, addModuleCleanup)


def doModuleCleanups():
    """Run the module cleanups (last added first); re-raise the first error."""
    errors = _run_cleanups(_module_cleanups)
    if errors:
        raise errors[0][1]


# Skips and expected failures are marks on the test function or class that
# TestCase.run reads.

def skip(reason):
    """Unconditionally skip a test."""
    def mark(test_item):
        if not isinstance(test_item, type):
            # A skipped function must not run even when called directly.
            original = test_item

            @functools.wraps(original)
            def skip_wrapper(*args, **kwargs):
                raise SkipTest(reason)
            test_item = skip_wrapper
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, types.FunctionType):
        # Used bare, as @skip: reason is the test itself.
        test_item, reason = reason, ''
        return mark(test_item)
    return mark


def _keep(test_item):
    return test_item


def skipIf(condition, reason):
    """Skip a test if the condition is true."""
    return skip(reason) if condition else _keep


def skipUnless(condition, reason):
    """Skip a test unless the condition is true."""
    return _keep if condition else skip(reason)


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _skip_mark(test, method):
    """(skipped, reason) for a test about to run."""
    cls = type(test)
    if getattr(cls, '__unittest_skip__', False) or getattr(method, '__unittest_skip__', False):
        return True, (getattr(cls, '__unittest_skip_why__', '') or
                      getattr(method, '__unittest_skip_why__', ''))
    return False, None


class _BaseTestCaseContext:
    """Base of the assert* context managers: failures are worded with the
    test's _formatMessage and the msg given to the assertion."""

    msg = None

    def __init__(self, test_case):
        self.test_case = test_case

    def _raiseFailure(self, standardMsg):
        raise self.test_case.failureException(
            self.test_case._formatMessage(self.msg, standardMsg))


def _type_name(expected):
    return getattr(expected, '__name__', None) or str(expected)


def _all_subclasses(expected, base):
    # expected: one class or a tuple of classes, all subclasses of base.
    if isinstance(expected, tuple):
        return all(_all_subclasses(e, base) for e in expected)
    return isinstance(expected, type) and issubclass(expected, base)


class _AssertRaisesBaseContext(_BaseTestCaseContext):
    """assertRaises/assertWarns and their Regex forms. Without a
    callable they return the context manager; with one, they call it
    inside the context manager and return None."""

    def __init__(self, expected, test_case, expected_regex=None):
        _BaseTestCaseContext.__init__(self, test_case)
        self.expected = expected
        self.expected_regex = None if expected_regex is None else re.compile(expected_regex)
        self.obj_name = None

    def handle(self, name, args, kwargs):
        if not _all_subclasses(self.expected, self._base_type):
            raise TypeError('%s() arg 1 must be %s' % (name, self._base_type_str))
        if not args:
            self.msg = kwargs.pop('msg', None)
            if kwargs:
                unknown = list(kwargs)[0]
                raise TypeError('%r is an invalid keyword argument for '
                                'this function' % (unknown,))
            return self
        func, *args = args
        try:
            self.obj_name = func.__name__
        except AttributeError:
            self.obj_name = str(func)
        with self:
            func(*args, **kwargs)

    def _missing(self, verb):
        # Nothing matching was raised or triggered.
        text = f'{_type_name(self.expected)} not {verb}'
        if self.obj_name:
            text += f' by {self.obj_name}'
        self._raiseFailure(text)

    def _regex_mismatch(self, found):
        self._raiseFailure(f'"{self.expected_regex.pattern}" does not match "{found}"')


class _AssertRaisesContext(_AssertRaisesBaseContext):
    _base_type = BaseException
    _base_type_str = 'an exception type or tuple of exception types'

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            self._missing('raised')
        if not issubclass(exc_type, self.expected):
            return False  # not ours: let it propagate
        # Kept for the user, without the traceback (and its frames).
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is not None and not self.expected_regex.search(str(exc_value)):
            self._regex_mismatch(str(exc_value))
        return True

    __class_getitem__ = classmethod(types.GenericAlias)


class _AssertWarnsContext(_AssertRaisesBaseContext):
    _base_type = Warning
    _base_type_str = 'a warning type or tuple of warning types'

    def __enter__(self):
        # A warning already issued once from a place is remembered in its
        # module's registry and would not be seen again: forget them all.
        for module in list(sys.modules.values()):
            if getattr(module, '__warningregistry__', None):
                module.__warningregistry__ = {}
        self.warnings_manager = warnings.catch_warnings(record=True)
        self.warnings = self.warnings_manager.__enter__()
        warnings.simplefilter('always', self.expected)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.warnings_manager.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return None  # the block raised: that wins
        candidates = [m for m in self.warnings if isinstance(m.message, self.expected)]
        for record in candidates:
            if self.expected_regex is None or self.expected_regex.search(str(record.message)):
                self.warning = record.message
                self.filename = record.filename
                self.lineno = record.lineno
                return None
        if candidates:
            self._regex_mismatch(str(candidates[0].message))
        self._missing('triggered')


def _regex(pattern, nonempty=False):
    # A compiled pattern is used as it is (anything with .search will do).
    if not isinstance(pattern, (str, bytes)):
        return pattern
    if nonempty:
        assert pattern, "expected_regex must not be empty."
    return re.compile(pattern)


def _deprecated_alias(modern):
    def deprecated_func(*args, **kwargs):
        warnings.warn(f'Please use {modern.__name__} instead.', DeprecationWarning, 2)
        return modern(*args, **kwargs)
    return deprecated_func


class TestCase(object):
    """A class whose instances are single test cases: one per test method."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _diffThreshold = 2 ** 16  # longer strings are compared without a diff
    _classSetupFailed = False
    _class_cleanups = []

    # assertEqual's specialised comparisons, by the exact type of both sides.
    _DEFAULT_EQUALITY = {
        dict: 'assertDictEqual', list: 'assertListEqual', tuple: 'assertTupleEqual',
        set: 'assertSetEqual', frozenset: 'assertSetEqual', str: 'assertMultiLineEqual',
    }

    def __init_subclass__(cls, *args, **kwargs):
        # Class fixtures' state belongs to each class, not to TestCase.
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        self._subtest = None
        self._type_equality_funcs = dict(self._DEFAULT_EQUALITY)
        method = getattr(self, methodName, None)
        if method is not None:
            self._testMethodDoc = method.__doc__
        elif methodName == 'runTest':
            # Instances made only to use the assertions need no test.
            self._testMethodDoc = 'No test'
        else:
            raise ValueError("no such test method in %s: %s" %
                             (self.__class__, methodName))

    def addTypeEqualityFunc(self, typeobj, function):
        self._type_equality_funcs[typeobj] = function

    # -- fixtures and cleanups

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        return _enter_context(cm, cls.addClassCleanup)

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def _popCleanups(self):
        # Last added first; a cleanup may add more cleanups as it runs.
        while self._cleanups:
            yield self._cleanups.pop()

    def doCleanups(self):
        outcome = self._outcome or _Outcome()
        for function, args, kwargs in self._popCleanups():
            with outcome.part(self):
                self._callCleanup(function, *args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        # The suite reports what is left in tearDown_exceptions.
        cls.tearDown_exceptions = _run_cleanups(cls._class_cleanups)

    # -- identity

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        from unittest.result import TestResult
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        if not doc:
            return None
        return doc.strip().split('\n')[0].strip()

    def id(self):
        return f'{strclass(self.__class__)}.{self._testMethodName}'

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return f'{self._testMethodName} ({strclass(self.__class__)}.{self._testMethodName})'

    def __repr__(self):
        return f'<{strclass(self.__class__)} testMethod={self._testMethodName}>'

    # -- running

    def subTest(self, msg=_subtest_msg_sentinel, **params):
        """A block whose failure is reported on its own (with msg and
        params) while the test goes on after it."""
        return _SubTestBlock(self, msg, params)

    # The four calls below are what IsolatedAsyncioTestCase overrides to
    # run coroutines on its event loop.
    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(self, method):
        if method() is not None:
            warnings.warn(f'It is deprecated to return a value that is not None from a '
                          f'test case ({method})', DeprecationWarning, stacklevel=3)

    def _callTearDown(self):
        self.tearDown()

    def _callCleanup(self, function, /, *args, **kwargs):
        function(*args, **kwargs)

    def run(self, result=None):
        own_result = result is None
        if own_result:
            result = self.defaultTestResult()
            hook = getattr(result, 'startTestRun', None)
            if hook is not None:
                hook()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            skipped, why = _skip_mark(self, method)
            if skipped:
                _report(result, 'addSkip', self, why)
                return result
            wants_failure = (getattr(self, '__unittest_expecting_failure__', False) or
                             getattr(method, '__unittest_expecting_failure__', False))
            outcome = self._outcome = _Outcome(result)
            try:
                with outcome.part(self):
                    self._callSetUp()
                if outcome.success:
                    outcome.expecting_failure = wants_failure
                    with outcome.part(self):
                        self._callTestMethod(method)
                    outcome.expecting_failure = False
                    with outcome.part(self):
                        self._callTearDown()
                self.doCleanups()
                if outcome.success:
                    if not wants_failure:
                        result.addSuccess(self)
                    elif outcome.expectedFailure:
                        _report(result, 'addExpectedFailure', self, outcome.expectedFailure)
                    else:
                        _report(result, 'addUnexpectedSuccess', self)
                return result
            finally:
                # Drop the exc_info (and its frames) as soon as it is reported.
                outcome.expectedFailure = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if own_result:
                hook = getattr(result, 'stopTestRun', None)
                if hook is not None:
                    hook()

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test without collecting errors in a TestResult."""
        method = getattr(self, self._testMethodName)
        skipped, why = _skip_mark(self, method)
        if skipped:
            raise SkipTest(why)
        self._callSetUp()
        self._callTestMethod(method)
        self._callTearDown()
        for function, args, kwargs in self._popCleanups():
            self._callCleanup(function, *args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    # -- failing

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        # With longMessage, the user's msg follows ours; without, it
        # replaces it.
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return f'{standardMsg} : {msg}'
        except UnicodeDecodeError:
            return f'{safe_repr(standardMsg)} : {safe_repr(msg)}'

    def _check(self, ok, msg, template, *values):
        """Fail with template % the safe reprs of values unless ok; the
        reprs are only computed for a failure."""
        if not ok:
            self.fail(self._formatMessage(msg, template % tuple(map(safe_repr, values))))

    def _truncateMessage(self, message, diff):
        if self.maxDiff is not None and len(diff) > self.maxDiff:
            diff = DIFF_OMITTED % len(diff)
        return message + diff

    def _fail_with_diff(self, msg, head, diff):
        self.fail(self._formatMessage(msg, self._truncateMessage(head, diff)))

    # -- simple assertions

    def assertTrue(self, expr, msg=None):
        self._check(expr, msg, '%s is not true', expr)

    def assertFalse(self, expr, msg=None):
        self._check(not expr, msg, '%s is not false', expr)

    def assertIs(self, expr1, expr2, msg=None):
        self._check(expr1 is expr2, msg, '%s is not %s', expr1, expr2)

    def assertIsNot(self, expr1, expr2, msg=None):
        self._check(expr1 is not expr2, msg, 'unexpectedly identical: %s', expr1)

    def assertIsNone(self, obj, msg=None):
        self._check(obj is None, msg, '%s is not None', obj)

    def assertIsNotNone(self, obj, msg=None):
        self._check(obj is not None, msg, 'unexpectedly None')

    def assertIn(self, member, container, msg=None):
        self._check(member in container, msg, '%s not found in %s', member, container)

    def assertNotIn(self, member, container, msg=None):
        self._check(member not in container, msg, '%s unexpectedly found in %s',
                    member, container)

    def assertIsInstance(self, obj, cls, msg=None):
        self._check(isinstance(obj, cls), msg, '%s is not an instance of %s', obj, cls)

    def assertNotIsInstance(self, obj, cls, msg=None):
        self._check(not isinstance(obj, cls), msg, '%s is an instance of %s', obj, cls)

    def assertLess(self, a, b, msg=None):
        self._check(a < b, msg, '%s not less than %s', a, b)

    def assertLessEqual(self, a, b, msg=None):
        self._check(a <= b, msg, '%s not less than or equal to %s', a, b)

    def assertGreater(self, a, b, msg=None):
        self._check(a > b, msg, '%s not greater than %s', a, b)

    def assertGreaterEqual(self, a, b, msg=None):
        self._check(a >= b, msg, '%s not greater than or equal to %s', a, b)

    # -- equality

    def _getAssertEqualityFunc(self, first, second):
        if type(first) is type(second):
            special = self._type_equality_funcs.get(type(first))
            if isinstance(special, str):
                return getattr(self, special)
            if special is not None:
                return special
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            shown = _common_shorten_repr(first, second)
            raise self.failureException(self._formatMessage(msg, '%s != %s' % shown))

    def assertEqual(self, first, second, msg=None):
        self._getAssertEqualityFunc(first, second)(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            shown = f'{safe_repr(first)} == {safe_repr(second)}'
            raise self.failureException(self._formatMessage(msg, shown))

    def _closeness(self, first, second, places, delta, equal_wanted):
        """The standard message when first and second are not as close
        (equal_wanted) or not as far apart as asked, else None."""
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        relation = '!=' if equal_wanted else '=='
        if delta is not None:
            close = diff <= delta
            if close == equal_wanted and (equal_wanted or not first == second):
                return None
            return (f'{safe_repr(first)} {relation} {safe_repr(second)} within '
                    f'{safe_repr(delta)} delta ({safe_repr(diff)} difference)')
        if places is None:
            places = 7
        close = round(diff, places) == 0
        if close == equal_wanted and (equal_wanted or not first == second):
            return None
        text = f'{safe_repr(first)} {relation} {safe_repr(second)} within {places!r} places'
        if equal_wanted:
            text += f' ({safe_repr(diff)} difference)'
        return text

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return  # also for values that cannot be subtracted
        problem = self._closeness(first, second, places, delta, True)
        if problem is not None:
            raise self.failureException(self._formatMessage(msg, problem))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        problem = self._closeness(first, second, places, delta, False)
        if problem is not None:
            raise self.failureException(self._formatMessage(msg, problem))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            for which, seq in (('First', seq1), ('Second', seq2)):
                if not isinstance(seq, seq_type):
                    raise self.failureException('%s sequence is not a %s: %s'
                                                % (which, seq_type.__name__, safe_repr(seq)))
        head = sequence_mismatch(seq1, seq2, seq_type)
        if head is not None:
            self._fail_with_diff(msg, head, pformat_diff(seq1, seq2))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        problem = set_mismatch(set1, set2, self.fail)
        if problem is not None:
            self.fail(self._formatMessage(msg, problem))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict, 'Second argument is not a dictionary')
        if d1 != d2:
            self._fail_with_diff(msg, '%s != %s' % _common_shorten_repr(d1, d2),
                                 pformat_diff(d1, d2))

    def assertDictContainsSubset(self, subset, dictionary, msg=None):
        """Checks whether dictionary is a superset of subset."""
        warnings.warn('assertDictContainsSubset is deprecated', DeprecationWarning)
        problem = subset_mismatch(subset, dictionary)
        if problem is not None:
            self.fail(self._formatMessage(msg, problem))

    def assertCountEqual(self, first, second, msg=None):
        differences = count_mismatch(list(first), list(second))
        if differences:
            self._fail_with_diff(msg, 'Element counts were not equal:\n', differences)

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, 'First argument is not a string')
        self.assertIsInstance(second, str, 'Second argument is not a string')
        if first == second:
            return
        if max(len(first), len(second)) > self._diffThreshold:
            self._baseAssertEqual(first, second, msg)  # too long to diff
        self._fail_with_diff(msg, '%s != %s' % _common_shorten_repr(first, second),
                             text_diff(first, second))

    # -- exceptions, warnings, logs

    def assertRaises(self, expected_exception, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self).handle('assertRaises', args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        cm = _AssertRaisesContext(expected_exception, self, expected_regex)
        return cm.handle('assertRaisesRegex', args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _AssertWarnsContext(expected_warning, self).handle('assertWarns', args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        cm = _AssertWarnsContext(expected_warning, self, expected_regex)
        return cm.handle('assertWarnsRegex', args, kwargs)

    def assertLogs(self, logger=None, level=None):
        from unittest._log import _AssertLogsContext
        return _AssertLogsContext(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        from unittest._log import _AssertLogsContext
        return _AssertLogsContext(self, logger, level, no_logs=True)

    # -- regular expressions

    def assertRegex(self, text, expected_regex, msg=None):
        pattern = _regex(expected_regex, nonempty=True)
        if pattern.search(text) is None:
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r"
                                          % (pattern.pattern, text)))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        pattern = _regex(unexpected_regex)
        found = pattern.search(text)
        if found:
            self.fail(self._formatMessage(msg, 'Regex matched: %r matches %r in %r'
                                          % (found.group(), pattern.pattern, text)))


# The pre-3.2 names, each warning that its modern name should be used.
for _modern, _olds in {
    'assertEqual': ('failUnlessEqual', 'assertEquals'),
    'assertNotEqual': ('failIfEqual', 'assertNotEquals'),
    'assertAlmostEqual': ('failUnlessAlmostEqual', 'assertAlmostEquals'),
    'assertNotAlmostEqual': ('failIfAlmostEqual', 'assertNotAlmostEquals'),
    'assertTrue': ('failUnless', 'assert_'),
    'assertFalse': ('failIf',),
    'assertRaises': ('failUnlessRaises',),
    'assertRegex': ('assertRegexpMatches',),
    'assertNotRegex': ('assertNotRegexpMatches',),
    'assertRaisesRegex': ('assertRaisesRegexp',),
}.items():
    for _old in _olds:
        setattr(TestCase, _old, _deprecated_alias(getattr(TestCase, _modern)))
del _modern, _olds, _old


class FunctionTestCase(TestCase):
    """A test case wrapping a plain function (with optional set-up and
    tear-down functions)."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super(FunctionTestCase, self).__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def _parts(self):
        return (self._setUpFunc, self._tearDownFunc, self._testFunc, self._description)

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self._parts() == other._parts()

    def __hash__(self):
        return hash((type(self),) + self._parts())

    def __str__(self):
        return f'{strclass(self.__class__)} ({self._testFunc.__name__})'

    def __repr__(self):
        return f'<{strclass(self.__class__)} tec={self._testFunc}>'

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        first = doc.split('\n')[0].strip() if doc else ''
        return first or None


class _SubTest(TestCase):
    """The test a subTest block is reported as."""

    def __init__(self, test_case, message, params):
        super().__init__()
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        parts = []
        if self._message is not _subtest_msg_sentinel:
            parts.append(f'[{self._message}]')
        if self.params:
            parts.append('(%s)' % ', '.join(f'{k}={v!r}' for k, v in self.params.items()))
        return ' '.join(parts) or '(<subtest>)'

    def id(self):
        return f'{self.test_case.id()} {self._subDescription()}'

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return f'{self.test_case} {self._subDescription()}'
