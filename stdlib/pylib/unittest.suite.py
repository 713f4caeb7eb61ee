"""unittest.suite: TestSuite, which also runs the class and module
fixtures (setUpClass/tearDownClass, setUpModule/tearDownModule and their
cleanups) around the tests it holds.

The fixture state of a run lives on the result, under the attribute names
CPython uses (_previousTestClass, _moduleSetUpFailed, _testRunEntered) and
on the test classes (_classSetupFailed): nested suites share it, and the
outermost suite closes the last class and module when it ends."""

import sys

from unittest.case import SkipTest, TestCase, doModuleCleanups
from unittest.util import strclass

__unittest = True


class BaseTestSuite(object):
    """A suite that runs its tests in order, with no shared fixtures."""

    # Tests that ran are dropped (their slot set to None) so that what they
    # hold can be freed during a long run; the count remembers them.
    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return '<%s tests=%s>' % (strclass(type(self)), list(self))

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def countTestCases(self):
        return self._removed_tests + sum(t.countTestCases() for t in self if t)

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def _each(self, result):
        """The tests in turn, until the result asks to stop; each is
        dropped once the loop moves past it."""
        for index, test in enumerate(self):
            if result.shouldStop:
                return
            yield test
            if self._cleanup:
                self._removeTestAtIndex(index)

    def run(self, result):
        for test in self._each(result):
            test(result)
        return result

    def _removeTestAtIndex(self, index):
        test = self._tests[index]
        if hasattr(test, 'countTestCases'):
            self._removed_tests += test.countTestCases()
        self._tests[index] = None

    def debug(self):
        for test in self:
            test.debug()


class TestSuite(BaseTestSuite):
    """A suite that also sets up and tears down the class and module
    fixtures of its tests, each time the class or module changes."""

    def run(self, result, debug=False):
        outermost = not getattr(result, '_testRunEntered', False)
        if outermost:
            result._testRunEntered = True
        for test in self._each(result):
            if _is_single_test(test):
                cls = type(test)
                if not self._switch_to(cls, result):
                    continue
            if debug:
                test.debug()
            else:
                test(result)
        if outermost:
            self._close_class(result, None)
            self._close_module(result)
            result._testRunEntered = False
        return result

    def debug(self):
        # Errors of tests and fixtures propagate instead of being recorded.
        self.run(_DebugResult(), True)

    def _switch_to(self, cls, result):
        """Closes the fixtures the previous test's class and module opened
        when cls differs, opens cls's; True if cls's tests may run."""
        self._close_class(result, cls)
        if cls.__module__ != _module_of(getattr(result, '_previousTestClass', None)):
            self._close_module(result)
            self._open_module(result, cls.__module__)
        self._open_class(result, cls)
        result._previousTestClass = cls
        return not (getattr(cls, '_classSetupFailed', False) or
                    getattr(result, '_moduleSetUpFailed', False))

    # --- fixtures

    def _open_module(self, result, name):
        result._moduleSetUpFailed = False
        module = sys.modules.get(name)
        setup = getattr(module, 'setUpModule', None)
        if setup is None:
            return
        with _Captured(result):
            if not _guarded(setup, result, 'setUpModule', name):
                result._moduleSetUpFailed = True
                # What setUpModule registered before failing is undone now.
                _guarded(doModuleCleanups, result, 'setUpModule', name)

    def _close_module(self, result):
        name = _module_of(result._previousTestClass)
        if name is None or result._moduleSetUpFailed:
            return
        module = sys.modules.get(name)
        if module is None:
            return
        with _Captured(result):
            teardown = getattr(module, 'tearDownModule', None)
            if teardown is not None:
                _guarded(teardown, result, 'tearDownModule', name)
            _guarded(doModuleCleanups, result, 'tearDownModule', name)

    def _open_class(self, result, cls):
        if (cls == result._previousTestClass or result._moduleSetUpFailed or
                getattr(cls, '__unittest_skip__', False)):
            return
        _mark_class(cls, False)
        setup = getattr(cls, 'setUpClass', None)
        if setup is None:
            return
        with _Captured(result):
            owner = strclass(cls)
            if not _guarded(setup, result, 'setUpClass', owner):
                _mark_class(cls, True)
                _run_class_cleanups(cls, result, 'setUpClass', owner)

    def _close_class(self, result, next_class):
        cls = result._previousTestClass
        if (cls is None or cls == next_class or
                getattr(cls, '_classSetupFailed', False) or
                getattr(result, '_moduleSetUpFailed', False) or
                getattr(cls, '__unittest_skip__', False)):
            return
        teardown = getattr(cls, 'tearDownClass', None)
        if teardown is None and getattr(cls, 'doClassCleanups', None) is None:
            return
        with _Captured(result):
            owner = strclass(cls)
            if teardown is not None:
                _guarded(teardown, result, 'tearDownClass', owner)
            _run_class_cleanups(cls, result, 'tearDownClass', owner)

    # Kept for subclasses and tools that report fixture errors themselves.
    def _createClassOrModuleLevelException(self, result, exc, method_name, parent, info=None):
        _report(result, exc, '%s (%s)' % (method_name, parent), info)

    def _addClassOrModuleLevelException(self, result, exception, errorName, info=None):
        _report(result, exception, errorName, info)


def _is_single_test(test):
    # Suites are iterable; a single test is not.
    try:
        iter(test)
    except TypeError:
        return True
    return False


def _module_of(cls):
    return None if cls is None else cls.__module__


def _mark_class(cls, failed):
    try:
        cls._classSetupFailed = failed
    except TypeError:
        # A class that takes no attributes (a built-in one) stays unmarked.
        pass


class _Captured(object):
    """With buffer=True, what a fixture prints is held like a test's."""

    def __init__(self, result):
        self.result = result

    def _call(self, name):
        hook = getattr(self.result, name, None)
        if hook is not None:
            hook()

    def __enter__(self):
        self._call('_setupStdout')

    def __exit__(self, *exc):
        self._call('_restoreStdout')


def _guarded(fixture, result, method_name, owner):
    """Calls a fixture; an exception it raises is recorded against
    '<method_name> (<owner>)' (or propagates while debugging). True if it
    returned normally."""
    try:
        fixture()
    except Exception as exc:
        _report(result, exc, '%s (%s)' % (method_name, owner))
        return False
    return True


def _run_class_cleanups(cls, result, method_name, owner):
    run_cleanups = getattr(cls, 'doClassCleanups', None)
    if run_cleanups is None:
        return
    # doClassCleanups keeps the exc_info of each cleanup that raised.
    run_cleanups()
    for info in cls.tearDown_exceptions:
        _report(result, info[1], '%s (%s)' % (method_name, owner), info)


def _report(result, exc, description, info=None):
    if isinstance(result, _DebugResult):
        raise exc
    holder = _ErrorHolder(description)
    add_skip = getattr(result, 'addSkip', None)
    if add_skip is not None and isinstance(exc, SkipTest):
        add_skip(holder, str(exc))
    else:
        result.addError(holder, info or (type(exc), exc, exc.__traceback__))


class _ErrorHolder(object):
    """Stands for the fixture that failed outside any test (setUpClass,
    tearDownModule...) where the result expects a test."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    __str__ = id

    def __repr__(self):
        return '<ErrorHolder description=%r>' % (self.description,)

    def shortDescription(self):
        return None

    def run(self, result):
        pass

    def __call__(self, result):
        return self.run(result)

    def countTestCases(self):
        return 0


class _DebugResult(object):
    """The result of TestSuite.debug(): only the fixture state."""

    _previousTestClass = None
    _moduleSetUpFailed = False
    shouldStop = False
