# contextlib for asy: the with-statement toolkit (generator-based managers,
# exit stacks, small adapters), behaving as CPython 3.11's does, including
# which exception escapes and how exception contexts are chained.
#
# Layout: the two ABCs and the decorator mixins; one engine shared by the
# sync and async generator managers (only "advance" and "throw" differ);
# the small adapters; then the exit stacks, whose bookkeeping lives in
# _Unwinding so the sync and async loops are three lines each.

import abc
import sys
from functools import partial, wraps
from types import GenericAlias

__all__ = [
    "asynccontextmanager", "contextmanager", "closing", "aclosing", "nullcontext",
    "AbstractContextManager", "AbstractAsyncContextManager", "AsyncExitStack",
    "ContextDecorator", "AsyncContextDecorator", "ExitStack",
    "redirect_stdout", "redirect_stderr", "suppress", "chdir",
]


def _implements(C, names):
    # Structural test for the ABCs' __subclasshook__: each name must be
    # found along C's MRO, and not be blanked out with None.
    for name in names:
        for klass in C.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _structural_hook(*names):
    # The ABCs' __subclasshook__: a class defining all the names is a virtual
    # subclass. Only the ABC that defines the hook checks structurally; for its
    # subclasses (which inherit the hook) ordinary inheritance decides.
    def hook(cls, C):
        if "__subclasshook__" in cls.__dict__:
            return _implements(C, names)
        return NotImplemented
    return classmethod(hook)


class AbstractContextManager(abc.ABC):
    """An abstract base class for context managers."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    __subclasshook__ = _structural_hook("__enter__", "__exit__")


class AbstractAsyncContextManager(abc.ABC):
    """An abstract base class for asynchronous context managers."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    __subclasshook__ = _structural_hook("__aenter__", "__aexit__")


class ContextDecorator(object):
    "A base class or mixin that enables context managers to work as decorators."

    def _recreate_cm(self):
        # Reusable managers serve every call; one-shot ones override this.
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    "A base class or mixin that enables async context managers to work as decorators."

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


# --- generator-based managers ---------------------------------------------

class _GeneratorContextManagerBase:
    """Shared helpers for @contextmanager and @asynccontextmanager."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        # Kept until __enter__ so that the decorator form can start afresh.
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def _started(self):
        # A manager is single use: forgetting the recipe also makes a second
        # __enter__ fail with AttributeError, as in CPython.
        del self.args, self.kwds, self.func

    def _verdict(self, sent, tb, came_out, finished, rewrapped):
        """__exit__'s answer once `sent` was thrown into the generator and
        `came_out` escaped from it. `finished` is the exception type that
        means the generator returned; `rewrapped` are the types the
        generator machinery turns into RuntimeError (PEP 479) on the way."""
        if isinstance(came_out, finished) and came_out is not sent:
            return True             # the generator handled it and returned
        if came_out is sent or (isinstance(came_out, RuntimeError)
                                and came_out.__cause__ is sent
                                and isinstance(sent, rewrapped)):
            # The body's own exception: let the with statement re-raise it,
            # with the traceback it had, not one through the generator.
            sent.__traceback__ = tb
            return False
        raise came_out


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._started()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()       # __exit__ may be handed a bare class
        try:
            self.gen.throw(typ, value, traceback)
        except BaseException as out:
            return self._verdict(value, traceback, out, StopIteration, StopIteration)
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._started()
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)
        except BaseException as out:
            return self._verdict(value, traceback, out, StopAsyncIteration,
                                 (StopIteration, StopAsyncIteration))
        raise RuntimeError("generator didn't stop after athrow()")


def _manager_factory(func, manager_class):
    @wraps(func)
    def helper(*args, **kwds):
        return manager_class(func, args, kwds)
    return helper


def contextmanager(func):
    """@contextmanager decorator: a generator function yielding once
    becomes a factory of context managers."""
    return _manager_factory(func, _GeneratorContextManager)


def asynccontextmanager(func):
    """@asynccontextmanager decorator: the same for async generators."""
    return _manager_factory(func, _AsyncGeneratorContextManager)


# --- small adapters ---------------------------------------------------------

class closing(AbstractContextManager):
    """Context to automatically close something at the end of a block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Async context manager for safely finalizing an asynchronously cleaned-up
    resource such as an async generator, calling its ``aclose()`` method."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _Swap(AbstractContextManager):
    """Install a replacement for some piece of global state on entry and put
    back what was there on exit. Saved values form a stack, so one instance
    may be entered again while it is active. Subclasses say how to read and
    write the state (_current, _install) and what the replacement is."""

    def __init__(self, replacement):
        self._replacement = replacement
        self._saved = []

    def _current(self):
        raise NotImplementedError

    def _install(self, value):
        raise NotImplementedError

    def _entered(self):
        return None         # what the with statement binds

    def __enter__(self):
        self._saved.append(self._current())
        self._install(self._replacement)
        return self._entered()

    def __exit__(self, *exc_info):
        self._install(self._saved.pop())


class _RedirectStream(_Swap):
    _stream = None          # which sys attribute a subclass swaps

    def _current(self):
        return getattr(sys, self._stream)

    def _install(self, value):
        setattr(sys, self._stream, value)

    def _entered(self):
        return self._replacement


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""
    _stream = "stderr"


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # 3.11 matches an exception group only as a whole, like any class.
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does no additional processing."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(_Swap):
    """Non thread-safe context manager to change the current working directory."""

    def __init__(self, path):
        super().__init__(path)
        self.path = path

    def _current(self):
        import os
        return os.getcwd()

    def _install(self, value):
        import os
        os.chdir(value)


# --- exit stacks ------------------------------------------------------------

def _special_methods(cm, enter_name, exit_name, protocol):
    # Like the with statement, look the pair up on the type, not the instance.
    cls = type(cm)
    enter = getattr(cls, enter_name, None)
    leave = getattr(cls, exit_name, None)
    if enter is None or leave is None:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                        f"not support the {protocol} protocol")
    return enter, leave


def _splice_context(exc, prior, handled):
    """A callback raised `exc` while `prior` (maybe None) was propagating
    through the stack. Its chain of implicit contexts ends at `handled`,
    what the code around the with statement was handling when the stack
    unwound; the chain must lead to `prior` instead."""
    link, ctx = exc, exc.__context__
    while ctx is not None and ctx is not prior:
        if ctx is handled:
            link.__context__ = prior
            return
        link, ctx = ctx, ctx.__context__


class _Unwinding:
    """One run of an exit stack's callbacks: what is propagating now, and
    whether the original exception was swallowed along the way."""

    def __init__(self, details):
        self.details = details          # (type, value, tb) handed to the next callback
        self.had_exception = details[0] is not None
        self.swallowed = False
        self.reraise = False            # a callback's exception is pending
        self.handled = sys.exc_info()[1]

    def returned(self, result):
        if result:
            # An exit callback swallowing whatever is propagating, even
            # another callback's exception.
            self.swallowed = True
            self.reraise = False
            self.details = (None, None, None)

    def raised(self, exc):
        _splice_context(exc, self.details[1], self.handled)
        self.reraise = True
        self.details = (type(exc), exc, exc.__traceback__)

    def outcome(self):
        if self.reraise:
            exc = self.details[1]
            # Raising here would make the handled exception its context;
            # the spliced chain is the one to keep.
            chain = exc.__context__
            try:
                raise exc
            finally:
                exc.__context__ = chain
        return self.had_exception and self.swallowed


def _callback_as_exit(callback, args, kwds):
    # Plain callbacks ignore the exception details and never swallow.
    def exit_callback(exc_type, exc, tb):
        callback(*args, **kwds)
    exit_callback.__wrapped__ = callback
    return exit_callback


def _async_callback_as_exit(callback, args, kwds):
    async def exit_callback(exc_type, exc, tb):
        await callback(*args, **kwds)
    exit_callback.__wrapped__ = callback
    return exit_callback


class _BaseExitStack:
    """A LIFO list of exit callbacks; each entry is (is_async, fn) with
    fn(exc_type, exc, tb) -> swallow?"""

    def __init__(self):
        self._exit_callbacks = []

    def _drain(self):
        # Popped one by one: a callback may push more while the stack unwinds.
        while self._exit_callbacks:
            yield self._exit_callbacks.pop()

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return new_stack

    def push(self, exit):
        method = getattr(type(exit), "__exit__", None)
        self._exit_callbacks.append(
            (False, exit if method is None else partial(method, exit)))
        return exit

    def enter_context(self, cm):
        enter, leave = _special_methods(cm, "__enter__", "__exit__", "context manager")
        result = enter(cm)
        self._exit_callbacks.append((False, partial(leave, cm)))
        return result

    def callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append((False, _callback_as_exit(callback, args, kwds)))
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        run = _Unwinding(exc_details)
        for _, fn in self._drain():
            try:
                run.returned(fn(*run.details))
            except BaseException as exc:
                run.raised(exc)
        return run.outcome()

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit
    callbacks."""

    async def enter_async_context(self, cm):
        enter, leave = _special_methods(cm, "__aenter__", "__aexit__",
                                        "asynchronous context manager")
        result = await enter(cm)
        self._exit_callbacks.append((True, partial(leave, cm)))
        return result

    def push_async_exit(self, exit):
        method = getattr(type(exit), "__aexit__", None)
        self._exit_callbacks.append(
            (True, exit if method is None else partial(method, exit)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append((True, _async_callback_as_exit(callback, args, kwds)))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        run = _Unwinding(exc_details)
        for is_async, fn in self._drain():
            try:
                result = fn(*run.details)
                if is_async:
                    result = await result
                run.returned(result)
            except BaseException as exc:
                run.raised(exc)
        return run.outcome()
