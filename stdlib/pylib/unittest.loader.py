"""unittest.loader: TestLoader makes suites of tests from test case
classes, modules (honouring their load_tests), dotted names, and, by
discovery, from the test*.py modules of a directory tree.

What cannot be loaded does not stop the loading: it becomes a test that
fails with the error when run (a _FailedTest named after the part of the
name that failed), and the error's text is kept in loader.errors."""

import functools
import os
import re
import sys
import traceback
import types
import warnings

from fnmatch import fnmatch, fnmatchcase

from unittest.case import TestCase, FunctionTestCase, SkipTest, skip
from unittest.suite import TestSuite

__unittest = True

VALID_MODULE_NAME = re.compile(r'[_a-z]\w*\.py$', re.IGNORECASE)


class _FailedTest(TestCase):
    """A test standing for something that failed to load: its one test
    method, named after it, raises the exception."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        # Only reached for names the instance lacks: the test method.
        if name != self._testMethodName:
            raise AttributeError(name)

        def raise_it():
            raise self._exception
        return raise_it


def _current_traceback():
    # CPython's text always starts with the header, since the loader's own
    # frame is in it; asy shows no library frames, so the header may be
    # all that is left of it.
    text = traceback.format_exc()
    if text.startswith('Traceback'):
        return text
    return 'Traceback (most recent call last):\n' + text


def _failure(loader, name, exception, message):
    """A suite of one _FailedTest; message (the error's story) goes to
    loader.errors."""
    loader.errors.append(message)
    return loader.suiteClass((_FailedTest(name, exception),))


def _import_failure(name):
    """(exception, message) for the import error being handled."""
    message = 'Failed to import test module: %s\n%s' % (name, _current_traceback())
    return ImportError(message), message


def _skipped_module(loader, name, exception):
    # A module that raised SkipTest on import is one skipped test.
    @skip(str(exception))
    def testSkipped(self):
        pass
    holder = type('ModuleSkipped', (TestCase,), {name: testSkipped, '__module__': __name__})
    return loader.suiteClass((holder(name),))


def _three_way_cmp(x, y):
    return (x > y) - (x < y)


def _is_case_class(obj):
    return isinstance(obj, type) and issubclass(obj, TestCase)


class TestLoader(object):
    """Makes suites of tests from classes, modules and names."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(_three_way_cmp)
    testNamePatterns = None
    suiteClass = TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running discovery of their own
        # directory: discovery must not load them again from inside.
        self._loading_packages = set()

    # --- classes and modules

    def getTestCaseNames(self, testCaseClass):
        prefix = self.testMethodPrefix
        patterns = self.testNamePatterns
        where = '%s.%s.' % (testCaseClass.__module__, testCaseClass.__qualname__)
        names = []
        for attr in dir(testCaseClass):
            if not attr.startswith(prefix) or not callable(getattr(testCaseClass, attr)):
                continue
            if patterns is None or any(fnmatchcase(where + attr, p) for p in patterns):
                names.append(attr)
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass([testCaseClass(name) for name in names])

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        # A use_load_tests argument (positional or not) is a relic of
        # Python 3.4: ignored, with a warning.
        if args or 'use_load_tests' in kws:
            warnings.warn('use_load_tests is deprecated and ignored', DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            raise TypeError('loadTestsFromModule() takes 1 positional argument '
                            'but {} were given'.format(len(args) + 1))
        if kws:
            raise TypeError("loadTestsFromModule() got an unexpected keyword "
                            "argument '{}'".format(sorted(kws)[0]))
        found = []
        for attr in dir(module):
            obj = getattr(module, attr)
            if _is_case_class(obj) and obj not in (TestCase, FunctionTestCase):
                found.append(self.loadTestsFromTestCase(obj))
        tests = self.suiteClass(found)
        load_tests = getattr(module, 'load_tests', None)
        if load_tests is None:
            return tests
        try:
            return load_tests(self, tests, pattern)
        except Exception as e:
            return _failure(self, module.__name__, e,
                            'Failed to call load_tests:\n%s' % (_current_traceback(),))

    # --- names

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        import_error = None
        if module is None:
            module, import_error = self._import_longest_prefix(parts)
            if module is None:
                return _failure(self, parts[0], *import_error)
            attrs = parts[1:]
        else:
            attrs = parts
        parent, obj = None, module
        for attr in attrs:
            try:
                parent, obj = obj, getattr(obj, attr)
            except AttributeError as e:
                if import_error is not None and getattr(obj, '__path__', None) is not None:
                    # A package without the attribute: the submodule's
                    # import error is the better story.
                    return _failure(self, import_error[2], *import_error[:2])
                return _failure(self, attr, e,
                                'Failed to access attribute:\n%s' % (_current_traceback(),))
        return self._tests_from_object(obj, parent, attrs[-1] if attrs else None)

    def _import_longest_prefix(self, parts):
        """Imports the longest leading part of a dotted name that imports:
        (module, None), or (module, (exception, message, part)) for the
        import error of the shortest prefix that failed, or (None, that)
        when not even the first part imports."""
        failure = None
        for end in range(len(parts), 0, -1):
            try:
                return __import__('.'.join(parts[:end])), failure
            except ImportError:
                failure = _import_failure(parts[end - 1]) + (parts[end - 1],)
        return None, failure[:2]

    def _tests_from_object(self, obj, parent, attr):
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if _is_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        if isinstance(obj, types.FunctionType) and _is_case_class(parent):
            case = parent(attr)
            # A plain function on the class (a staticmethod) is not a test
            # method: it is called below like any other factory.
            if not isinstance(getattr(case, attr), types.FunctionType):
                return self.suiteClass([case])
        elif isinstance(obj, TestSuite):
            return obj
        if not callable(obj):
            raise TypeError("don't know how to make test from: %s" % obj)
        made = obj()
        if isinstance(made, TestSuite):
            return made
        if isinstance(made, TestCase):
            return self.suiteClass([made])
        raise TypeError("calling %s returned %s, not a test" % (obj, made))

    # --- discovery

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """The tests of the modules matching pattern under start_dir (and
        its packages), importable from top_level_dir (start_dir by default),
        in sorted path order."""
        implicit_top = top_level_dir is None and self._top_level_dir is None
        if top_level_dir is None:
            # Inside a load_tests discovering its own package, the top of the
            # outer discovery holds.
            top_level_dir = self._top_level_dir or start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir

        if os.path.isdir(os.path.abspath(start_dir)):
            start_dir = os.path.abspath(start_dir)
            importable = (start_dir == top_level_dir or
                          os.path.isfile(os.path.join(start_dir, '__init__.py')))
        else:
            start_dir, importable = self._start_from_module(start_dir, top_level_dir, implicit_top)
        if not importable:
            raise ImportError('Start directory is not importable: %r' % start_dir)
        return self.suiteClass(list(self._find_tests(start_dir, pattern)))

    def _start_from_module(self, name, top_level_dir, implicit_top):
        # start_dir may name a package instead: discovery starts in its
        # directory, and the top is where its top-level package lives.
        try:
            __import__(name)
        except ImportError:
            return name, False
        module = sys.modules[name]
        path = getattr(module, '__file__', None)
        if not path:
            raise TypeError(f"don't know how to discover from {module!r}") from None
        if implicit_top:
            self._top_level_dir = self._home_of(name.split('.')[0])
            sys.path.remove(top_level_dir)
        return os.path.abspath(os.path.dirname(path)), True

    def _home_of(self, module_name):
        # The directory from which module_name (a package or a module) imports.
        path = os.path.abspath(sys.modules[module_name].__file__)
        home = os.path.dirname(path)
        if os.path.basename(path).lower().startswith('__init__.py'):
            home = os.path.dirname(home)
        return home

    def _name_of_path(self, path):
        if path == self._top_level_dir:
            return '.'
        relative = os.path.relpath(os.path.splitext(os.path.normpath(path))[0],
                                   self._top_level_dir)
        return relative.replace(os.path.sep, '.')

    def _get_module_from_name(self, name):
        __import__(name)
        return sys.modules[name]

    def _match_path(self, path, full_path, pattern):
        # A hook for subclasses: the file name alone decides by default.
        return fnmatch(path, pattern)

    def _find_tests(self, start_dir, pattern):
        """Yields the suites found under start_dir, which is itself loaded
        first when it is a package (its load_tests may take over)."""
        own_name = self._name_of_path(start_dir)
        if own_name != '.' and own_name not in self._loading_packages:
            tests, recurse = self._find_test_path(start_dir, pattern)
            if tests is not None:
                yield tests
            if not recurse:
                return
        for entry in sorted(os.listdir(start_dir)):
            path = os.path.join(start_dir, entry)
            tests, recurse = self._find_test_path(path, pattern)
            if tests is not None:
                yield tests
            if recurse:
                package = self._name_of_path(path)
                self._loading_packages.add(package)
                try:
                    yield from self._find_tests(path, pattern)
                finally:
                    self._loading_packages.discard(package)

    def _find_test_path(self, full_path, pattern):
        """(tests or None, whether to look inside) for one directory entry."""
        if os.path.isfile(full_path):
            base = os.path.basename(full_path)
            if not (VALID_MODULE_NAME.match(base) and self._match_path(base, full_path, pattern)):
                return None, False
            module, stand_in = self._import_found(full_path)
            if module is None:
                return stand_in, False
            return self.loadTestsFromModule(module, pattern=pattern), False
        if not (os.path.isdir(full_path) and
                os.path.isfile(os.path.join(full_path, '__init__.py'))):
            return None, False
        package, stand_in = self._import_found(full_path)
        if package is None:
            return stand_in, False
        # A package with load_tests decides about its own directory.
        name = self._name_of_path(full_path)
        self._loading_packages.add(name)
        try:
            tests = self.loadTestsFromModule(package, pattern=pattern)
        finally:
            self._loading_packages.discard(name)
        return tests, getattr(package, 'load_tests', None) is None

    def _import_found(self, path):
        """(module, None) for the module at path, or (None, the suite that
        stands for it) when it raised SkipTest or failed to import."""
        name = self._name_of_path(path)
        try:
            return self._get_module_from_name(name), None
        except SkipTest as e:
            return None, _skipped_module(self, name, e)
        except BaseException:
            return None, _failure(self, name, *_import_failure(name))


defaultTestLoader = TestLoader()


# --- the module-level helpers of old, deprecated since Python 3.11

def _old_helper(name, replacement):
    warnings.warn("unittest.%s() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.%s() instead." % (name, replacement),
                  DeprecationWarning, stacklevel=3)


def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.sortTestMethodsUsing = sortUsing
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=_three_way_cmp, testNamePatterns=None):
    _old_helper('getTestCaseNames', 'getTestCaseNames')
    return _makeLoader(prefix, sortUsing, testNamePatterns=testNamePatterns).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=_three_way_cmp, suiteClass=TestSuite):
    _old_helper('makeSuite', 'loadTestsFromTestCase')
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=_three_way_cmp, suiteClass=TestSuite):
    _old_helper('findTestCases', 'loadTestsFromModule')
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromModule(module)
