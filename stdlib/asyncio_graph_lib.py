# asyncio's call graphs (CPython 3.14's asyncio.graph), in the script
# language: run in the asyncio module the first time one of its names is
# reached (asyncio_lib.py's __getattr__); the Go half is asyncio_graph.go.

class FrameCallGraphEntry:
    __slots__ = ('frame',)
    __match_args__ = ('frame',)

    def __init__(self, frame):
        object.__setattr__(self, 'frame', frame)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def __repr__(self):
        return f'FrameCallGraphEntry(frame={self.frame!r})'

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self.frame == other.frame
        return NotImplemented

    def __hash__(self):
        return hash((self.frame,))


class FutureCallGraph:
    __slots__ = ('future', 'call_stack', 'awaited_by')
    __match_args__ = ('future', 'call_stack', 'awaited_by')

    def __init__(self, future, call_stack, awaited_by):
        object.__setattr__(self, 'future', future)
        object.__setattr__(self, 'call_stack', call_stack)
        object.__setattr__(self, 'awaited_by', awaited_by)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def __repr__(self):
        return (f'FutureCallGraph(future={self.future!r}, call_stack={self.call_stack!r}, '
                f'awaited_by={self.awaited_by!r})')

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ((self.future, self.call_stack, self.awaited_by) ==
                    (other.future, other.call_stack, other.awaited_by))
        return NotImplemented

    def __hash__(self):
        return hash((self.future, self.call_stack, self.awaited_by))


def _build_graph_for_future(future, *, limit=None):
    if not isinstance(future, Future):
        raise TypeError(
            f"{future!r} object does not appear to be compatible "
            f"with asyncio.Future"
        )
    st = []
    if isinstance(future, Task) and limit != 0:
        st = [FrameCallGraphEntry(f) for f in _task_frames(future)]
    awaited_by = [_build_graph_for_future(p, limit=limit) for p in _awaited_by(future)]
    if limit is not None:
        if limit > 0:
            st = st[:limit]
        elif limit < 0:
            st = st[limit:]
    st.reverse()
    return FutureCallGraph(future, tuple(st), tuple(awaited_by))


def capture_call_graph(future=None, /, *, depth=1, limit=None):
    import sys
    try:
        loop = get_running_loop()
    except RuntimeError:
        loop = None
    if future is not None:
        if loop is None or future is not current_task(loop=loop):
            return _build_graph_for_future(future, limit=limit)
    else:
        if loop is None:
            raise RuntimeError(
                'capture_call_graph() is called outside of a running '
                'event loop and no *future* was passed')
        future = current_task(loop=loop)
    if future is None:
        return None
    if not isinstance(future, Future):
        raise TypeError(
            f"{future!r} object does not appear to be compatible "
            f"with asyncio.Future"
        )
    call_stack = []
    f = sys._getframe(depth) if limit != 0 else None
    while f is not None:
        is_async = f.f_generator is not None
        fn = f.f_code.co_filename
        if not fn.startswith('<') or fn in ('<stdin>', '<string>'):
            call_stack.append(FrameCallGraphEntry(f))
        if is_async:
            if f.f_back is None or f.f_back.f_generator is None:
                break
        f = f.f_back
    awaited_by = [_build_graph_for_future(p, limit=limit) for p in _awaited_by(future)]
    if limit is not None:
        limit *= -1
        if limit > 0:
            call_stack = call_stack[:limit]
        elif limit < 0:
            call_stack = call_stack[limit:]
    return FutureCallGraph(future, tuple(call_stack), tuple(awaited_by))


def format_call_graph(future=None, /, *, depth=1, limit=None):
    def render_level(st, buf, level):
        def add_line(line):
            buf.append(level * '    ' + line)

        if isinstance(st.future, Task):
            add_line(f'* Task(name={st.future.get_name()!r}, id={id(st.future):#x})')
        else:
            add_line(f'* Future(id={id(st.future):#x})')
        if st.call_stack:
            add_line('  + Call stack:')
            for ste in st.call_stack:
                f = ste.frame
                g = f.f_generator
                if g is None:
                    tag = ''
                else:
                    kind = type(g).__name__
                    tag = ('async ' if kind == 'coroutine' else
                           'async generator ' if kind == 'async_generator' else 'generator ')
                add_line(f'  |   File {f.f_code.co_filename!r}, line {f.f_lineno}, in'
                         f' {tag}{f.f_code.co_qualname}()')
        if st.awaited_by:
            add_line('  + Awaited by:')
            for fut in st.awaited_by:
                render_level(fut, buf, level + 1)

    graph = capture_call_graph(future, depth=depth + 1, limit=limit)
    if graph is None:
        return ""
    buf = []
    render_level(graph, buf, 0)
    return '\n'.join(buf)


def print_call_graph(future=None, /, *, file=None, depth=1, limit=None):
    print(format_call_graph(future, depth=depth + 1, limit=limit), file=file)
