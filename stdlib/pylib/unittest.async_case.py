"""unittest.async_case: IsolatedAsyncioTestCase, whose set-up, tests,
tear-down and cleanups may be coroutines.

Each test gets an asyncio.Runner of its own (a fresh event loop, closed
after the test, with the tasks the test left behind cancelled). Everything
the test does, synchronous parts included, runs in one contextvars context
copied when the test case was made, so context variables set in setUp or
asyncSetUp are seen by the test and its cleanups.
"""

import asyncio
import contextvars
import inspect
import warnings

from unittest.case import TestCase

__unittest = True


class IsolatedAsyncioTestCase(TestCase):
    def __init__(self, methodName='runTest'):
        super().__init__(methodName)
        self._asyncioRunner = None
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        # Cleanups are run by _callCleanup, which awaits coroutine functions.
        self.addCleanup(func, *args, **kwargs)

    async def enterAsyncContext(self, cm):
        """Enter the asynchronous context manager cm now and exit it with
        the test's cleanups; the result of its __aenter__."""
        kind = type(cm)
        enter = getattr(kind, '__aenter__', None)
        leave = getattr(kind, '__aexit__', None)
        if enter is None or leave is None:
            raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol")
        value = await enter(cm)
        self.addAsyncCleanup(leave, cm, None, None, None)
        return value

    # The hooks TestCase.run calls. setUp and tearDown are always called
    # plainly, asyncSetUp and asyncTearDown always awaited, the test and
    # the cleanups awaited when they are coroutine functions.

    def _callSetUp(self):
        self._asyncioRunner.get_loop()  # setUp may ask asyncio for the loop
        self._in_context(self.setUp)
        self._on_loop(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._either(method) is not None:
            warnings.warn(f'It is deprecated to return a value that is not None from a '
                          f'test case ({method})', DeprecationWarning, stacklevel=5)

    def _callTearDown(self):
        self._on_loop(self.asyncTearDown)
        self._in_context(self.tearDown)

    def _callCleanup(self, function, *args, **kwargs):
        self._either(function, *args, **kwargs)

    def _in_context(self, func, /, *args, **kwargs):
        return self._asyncioTestContext.run(func, *args, **kwargs)

    def _on_loop(self, func, /, *args, **kwargs):
        runner = self._asyncioRunner
        assert runner is not None, 'asyncio runner is not initialized'
        assert inspect.iscoroutinefunction(func), f'{func!r} is not an async function'
        return runner.run(func(*args, **kwargs), context=self._asyncioTestContext)

    def _either(self, func, /, *args, **kwargs):
        if inspect.iscoroutinefunction(func):
            return self._on_loop(func, *args, **kwargs)
        return self._in_context(func, *args, **kwargs)

    def _on_own_loop(self, body, *args, close_on_error=True):
        """body(*args) with a fresh asyncio.Runner for the test."""
        assert self._asyncioRunner is None, 'asyncio runner is already initialized'
        self._asyncioRunner = asyncio.Runner()
        try:
            value = body(*args)
        except BaseException:
            if close_on_error:
                self._close_runner()
            raise
        self._close_runner()
        return value

    def _close_runner(self):
        # Cancels what the test left running, then closes the loop.
        runner, self._asyncioRunner = self._asyncioRunner, None
        runner.close()

    def run(self, result=None):
        return self._on_own_loop(super().run, result)

    def debug(self):
        # As CPython's: a debug() that raises leaves its loop open, for a
        # debugger to look at.
        self._on_own_loop(super().debug, close_on_error=False)
