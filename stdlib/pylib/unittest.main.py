"""unittest.main: the command line of unittest (unittest.main() in a test
module, and python -m unittest, which discovers tests when given no
names)."""

import argparse
import os
import sys

from unittest.loader import defaultTestLoader
from unittest.runner import TextTestRunner
from unittest.signals import installHandler

__unittest = True

MAIN_EXAMPLES = """\
Examples:
  %(prog)s test_module               - run tests from test_module
  %(prog)s module.TestClass          - run tests from module.TestClass
  %(prog)s module.Class.test_method  - run specified test method
  %(prog)s path/to/test_file.py      - run tests from test_file.py
"""

MODULE_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""


def _convert_name(name):
    """A test file's path, relative to the working directory or under it,
    names its module (pkg/test_x.py -> pkg.test_x); other names stay."""
    if not (name.lower().endswith('.py') and os.path.isfile(name)):
        return name
    if os.path.isabs(name):
        inside = os.path.relpath(name, os.getcwd())
        if os.path.isabs(inside) or inside.startswith(os.pardir):
            return name
        name = inside
    stem = os.path.normpath(name)[:-3]
    for sep in ('\\', '/'):
        stem = stem.replace(sep, '.')
    return stem


def _convert_names(names):
    return [_convert_name(name) for name in names]


def _names_to_load(named, default):
    """The test names to load: those of the command line, else the
    defaultTest name or names; None loads the whole module."""
    if named:
        return _convert_names(named)
    if default is None or isinstance(default, str):
        return None if default is None else (default,)
    return list(default)


def _convert_select_pattern(pattern):
    # -k takes a substring unless it is a wildcard pattern already.
    return pattern if '*' in pattern else '*%s*' % pattern


# The options main and discovery share: (flags, argparse settings, the
# TestProgram argument that, when given, leaves the option out, and the
# value the attribute then starts with).
_SHARED_OPTIONS = (
    (('-v', '--verbose'), dict(dest='verbosity', action='store_const', const=2,
                               help='Verbose output'), None, None),
    (('-q', '--quiet'), dict(dest='verbosity', action='store_const', const=0,
                             help='Quiet output'), None, None),
    (('--locals',), dict(dest='tb_locals', action='store_true',
                         help='Show local variables in tracebacks'), None, None),
    (('-f', '--failfast'), dict(dest='failfast', action='store_true',
                                help='Stop on first fail or error'), 'failfast', False),
    (('-c', '--catch'), dict(dest='catchbreak', action='store_true',
                             help='Catch Ctrl-C and display results so far'), 'catchbreak', False),
    (('-b', '--buffer'), dict(dest='buffer', action='store_true',
                              help='Buffer stdout and stderr during tests'), 'buffer', False),
    (('-k',), dict(dest='testNamePatterns', action='append', type=_convert_select_pattern,
                   help='Only run tests which match the given substring'), 'testNamePatterns', []),
)

_TESTS_HELP = 'a list of any number of test modules, classes and test methods.'

_DISCOVERY_EPILOG = ('For test discovery all test modules must be importable '
                     'from the top level directory of the project.')

_DISCOVERY_OPTIONS = (
    (('-s', '--start-directory'), 'start', "Directory to start discovery ('.' default)"),
    (('-p', '--pattern'), 'pattern', "Pattern to match tests ('test*.py' default)"),
    (('-t', '--top-level-directory'), 'top',
     'Top level directory of project (defaults to start directory)'),
)


class TestProgram(object):
    """Loads the tests the command line names (else the module's, else,
    without a module, the discovered ones), runs them, and exits with
    status 0 if all passed, 1 otherwise (unless exit=False)."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None
    _discovery_parser = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            # A dotted name: import the top package, walk to the module.
            parts = module.split('.')
            module = __import__(module)
            for part in parts[1:]:
                module = getattr(module, part)
        self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        # Warnings show during the run unless -W options (or the caller)
        # said otherwise.
        if warnings is None and not getattr(sys, 'warnoptions', None):
            warnings = 'default'
        self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    # --- the command line

    def usageExit(self, msg=None):
        if msg:
            print(msg)
        if self._discovery_parser is None:
            self._initArgParsers()
        self._print_help()
        sys.exit(2)

    def _print_help(self, *args, **kwargs):
        # -h shows the examples too, and for -m unittest the discovery help.
        print(self._main_parser.format_help())
        if self.module is None:
            print(MAIN_EXAMPLES % {'prog': self.progName})
            self._discovery_parser.print_help()
        else:
            print(MODULE_EXAMPLES % {'prog': self.progName})

    def parseArgs(self, argv):
        self._initArgParsers()
        args = argv[1:]
        if self.module is None:
            if args and args[0].lower() == 'discover':
                self._do_discovery(args[1:])
                return
            self._main_parser.parse_args(args, self)
            if not self.tests:
                # python -m unittest alone: discover from here.
                self._do_discovery([])
                return
        else:
            self._main_parser.parse_args(args, self)
        self.testNames = _names_to_load(self.tests, self.defaultTest)
        self.createTests()

    def _initArgParsers(self):
        shared = argparse.ArgumentParser(add_help=False)
        for flags, settings, preset_by, start in _SHARED_OPTIONS:
            if preset_by is not None:
                if getattr(self, preset_by) is not None:
                    continue  # fixed by the caller: no option for it
                setattr(self, preset_by, start)
            shared.add_argument(*flags, **settings)

        main = argparse.ArgumentParser(prog=self.progName, parents=[shared])
        main.add_argument('tests', nargs='*', help=_TESTS_HELP)
        # -h shows the examples (and the discovery options) too.
        main.print_help = self._print_help
        self._main_parser = main

        discovery = argparse.ArgumentParser(prog=self.progName + ' discover',
                                            parents=[shared], epilog=_DISCOVERY_EPILOG)
        for flags, dest, text in _DISCOVERY_OPTIONS:
            discovery.add_argument(*flags, dest=dest, help=text)
        # The same three may also come as positional arguments, in order.
        for _, dest, _ in _DISCOVERY_OPTIONS:
            discovery.add_argument(dest, nargs='?', default=argparse.SUPPRESS,
                                   help=argparse.SUPPRESS)
        self._discovery_parser = discovery

    # --- loading and running

    def _do_discovery(self, argv, Loader=None):
        self.start, self.pattern, self.top = '.', 'test*.py', None
        if argv is not None:
            if self._discovery_parser is None:
                self._initArgParsers()
            self._discovery_parser.parse_args(argv, self)
        self.createTests(from_discovery=True, Loader=Loader)

    def createTests(self, from_discovery=False, Loader=None):
        loader = self.testLoader
        if self.testNamePatterns:
            loader.testNamePatterns = self.testNamePatterns
        if from_discovery:
            if Loader is not None:
                loader = Loader()
            self.test = loader.discover(self.start, self.pattern, self.top)
        elif self.testNames is None:
            self.test = loader.loadTestsFromModule(self.module)
        else:
            self.test = loader.loadTestsFromNames(self.testNames, self.module)

    def _make_runner(self):
        runner = self.testRunner
        if not isinstance(runner, type):
            return runner
        # Runner classes of older signatures get what they accept: first
        # everything, then without tb_locals, then nothing at all.
        settings = dict(verbosity=self.verbosity, failfast=self.failfast,
                        buffer=self.buffer, warnings=self.warnings,
                        tb_locals=self.tb_locals)
        for drop in (None, 'tb_locals'):
            settings.pop(drop, None)
            try:
                return runner(**settings)
            except TypeError:
                pass
        return runner()

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = TextTestRunner
        self.result = self._make_runner().run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
