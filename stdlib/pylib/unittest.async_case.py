"""unittest.async_case: IsolatedAsyncioTestCase, whose set-up, tests,
tear-down and cleanups may be coroutines, each test on an event loop of
its own."""

import asyncio
import contextvars
import inspect
import warnings

from unittest.case import TestCase

__unittest = True


class IsolatedAsyncioTestCase(TestCase):
    def __init__(self, methodName='runTest'):
        super().__init__(methodName)
        self._asyncioLoop = None
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        self.addCleanup(*(func, *args), **kwargs)

    async def enterAsyncContext(self, cm):
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol"
                            ) from None
        result = await enter(cm)
        self.addAsyncCleanup(exit, cm, None, None, None)
        return result

    def _callSetUp(self):
        self._asyncioTestContext.run(self.setUp)
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None:
            warnings.warn(f'It is deprecated to return a value that is not None from a '
                          f'test case ({method})', DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self._asyncioTestContext.run(self.tearDown)

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _runOnLoop(self, coro):
        # As asyncio.Runner.run: the coroutine is a task of the test's loop,
        # in the test's context.
        loop = self._asyncioLoop
        task = loop.create_task(coro, context=self._asyncioTestContext)
        return loop.run_until_complete(task)

    def _callAsync(self, func, /, *args, **kwargs):
        assert self._asyncioLoop is not None, 'asyncio runner is not initialized'
        assert inspect.iscoroutinefunction(func), f'{func!r} is not an async function'
        return self._runOnLoop(func(*args, **kwargs))

    def _callMaybeAsync(self, func, /, *args, **kwargs):
        assert self._asyncioLoop is not None, 'asyncio runner is not initialized'
        if inspect.iscoroutinefunction(func):
            return self._runOnLoop(func(*args, **kwargs))
        return self._asyncioTestContext.run(func, *args, **kwargs)

    def _setupAsyncioRunner(self):
        assert self._asyncioLoop is None, 'asyncio runner is already initialized'
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._asyncioLoop = loop

    def _tearDownAsyncioRunner(self):
        # Tasks the test left behind are cancelled and waited for, then the
        # loop closes, as asyncio.Runner.close does.
        loop = self._asyncioLoop
        self._asyncioLoop = None
        try:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            if pending:
                for t in pending:
                    t.cancel()
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                for t in pending:
                    if t.cancelled():
                        continue
                    if t.exception() is not None:
                        loop.call_exception_handler({
                            'message': 'unhandled exception during asyncio.run() shutdown',
                            'exception': t.exception(),
                            'task': t,
                        })
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def run(self, result=None):
        self._setupAsyncioRunner()
        try:
            return super().run(result)
        finally:
            self._tearDownAsyncioRunner()

    def debug(self):
        self._setupAsyncioRunner()
        super().debug()
        self._tearDownAsyncioRunner()
