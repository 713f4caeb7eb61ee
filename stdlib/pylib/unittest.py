"""unittest: test cases, suites, loaders and runners, as CPython's
unittest package (unittest.mock is a submodule of its own)."""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext',
           'getTestCaseNames', 'makeSuite', 'findTestCases']

__unittest = True

from unittest.result import TestResult
from unittest.case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest, skip,
                           skipIf, skipUnless, expectedFailure, doModuleCleanups,
                           enterModuleContext)
from unittest.suite import BaseTestSuite, TestSuite
from unittest.loader import TestLoader, defaultTestLoader, makeSuite, getTestCaseNames, findTestCases
from unittest.main import TestProgram, main
from unittest.runner import TextTestRunner, TextTestResult
from unittest.signals import installHandler, registerResult, removeResult, removeHandler
from unittest.async_case import IsolatedAsyncioTestCase

# The submodules as attributes (imported above, while this package itself
# was still loading).
import sys as _sys
case = _sys.modules['unittest.case']
result = _sys.modules['unittest.result']
suite = _sys.modules['unittest.suite']
loader = _sys.modules['unittest.loader']
runner = _sys.modules['unittest.runner']
signals = _sys.modules['unittest.signals']
util = _sys.modules['unittest.util']
async_case = _sys.modules['unittest.async_case']
del _sys

_TextTestResult = TextTestResult
