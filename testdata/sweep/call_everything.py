# Calls every callable it can reach — builtins, every module named in
# MODULES (their functions, classes and the classes' methods), and the
# methods of sample objects of the built-in types — with a handful of
# argument shapes, and prints one line per call:
#
#     name shape: ExceptionType          (or "ok")
#
# sweep_test.go runs it under asy (hermetic, virtual clock) and fails on any
# SystemError: that is how the VM reports a Go runtime error inside a
# builtin (a missing argument check), which must never reach a script.
# Running it under python3 too and diffing shows where asy raises a
# different exception type than CPython.
import builtins
import sys

try:
    MODULES
except NameError:
    MODULES = sys.argv[1:]

# Never called: they end the run, block, or change what every later call sees.
SKIP = {
    'builtins.open',  # open(1) wraps the process's stdout, closed when collected
    'builtins.input', 'builtins.breakpoint', 'builtins.help', 'builtins.exit', 'builtins.quit',
    'sys.exit', 'sys.setrecursionlimit', 'sys.settrace', 'sys.setprofile', 'sys.setswitchinterval',
    'sys.excepthook', 'sys.displayhook', 'sys.unraisablehook', 'sys.breakpointhook',
    'os.abort', 'os._exit', 'os.kill', 'os.system', 'os.chdir', 'os.fork',
    'threading.excepthook', 'threading.settrace', 'threading.setprofile',
    'warnings.simplefilter', 'warnings.filterwarnings', 'warnings.resetwarnings',
    'logging.disable', 'logging.basicConfig', 'logging.shutdown',
    'asyncio.set_event_loop_policy', 'multiprocessing.set_start_method',
    'time.sleep', 'faulthandler.enable',
    'signal.signal', 'signal.raise_signal', 'signal.alarm', 'signal.pause', 'signal.setitimer',
    '_signal.signal', '_signal.raise_signal', '_signal.alarm',
    'argparse.FileType().__call__',  # FileType()(1) wraps the process's stdout
    # given 1 as a file name they open and then close the process's stdout, as CPython does
    'configparser.ConfigParser().read', 'configparser.RawConfigParser().read',
    'configparser.SafeConfigParser().read', 'xml.etree.ElementTree.parse',
    'xml.etree.ElementTree.iterparse', 'xml.etree.ElementTree.ElementTree().parse',
    'xml.etree.ElementTree.ElementTree().write', 'xml.etree.ElementTree.ElementTree',
    'xml.etree.ElementTree.ElementTree.parse', 'xml.etree.ElementTree.ElementTree.write',
    'configparser.RawConfigParser.read',
}

class S(str):
    pass


class I(int):
    pass


class L(list):
    pass


class D(dict):
    pass


# Argument shapes, made afresh for each callable (calls may change them:
# SimpleQueue.__init__(obj) gives obj a condition SimpleQueue.get(obj)
# would then wait on forever).
def shapes():
    return [
        (),
        (1,),
        (None,),
        ('x',),
        (-1,),
        (2 ** 100,),
        (1.5,),
        ([],),
        ((1, 2),),
        (b'x',),
        ('x', 'y'),
        (1, 2),
        (None, None),
        ('x', 'y', 'z'),
        (1, 2, 3, 4),
        (int,),
        ({},),
        (0,),
        ('',),
        (float('nan'),),
        (S('ab'),),
        (I(2),),
        ('x', 1),
        (1, 'x'),
        ([1, 2], [3]),
        (S('a'), S('b'), S('c')),
    ]
# Keyword shapes: (positional, keywords).
KW_SHAPES = [((), {'key': 1}), ((1,), {'default': None}), (('x',), {'x': 'y'})]

# Methods of instances of module classes that may wait forever (or start
# threads and processes) are not called.
BLOCKING = {
    'wait', 'wait_for', 'get', 'put', 'join', 'acquire', 'run', 'run_forever',
    'run_until_complete', 'start', 'serve_forever', 'sleep', 'result', 'exception',
    'submit', 'map', 'interact', 'cmdloop', '__enter__', 'acquire_lock', 'join_thread',
}
# Classes not instantiated: they spawn processes.
NO_INSTANCES = {'multiprocessing', 'concurrent.futures.ProcessPoolExecutor'}


class Slow(BaseException):
    pass


# Under CPython (asy has no interval timers, and a hermetic asy sets no
# signal handler) a call taking over 2 s is cut short
# (Fraction(1, 2).__round__(2**100) runs for ages there).
try:
    import signal as alarm

    def _slow(*_):
        raise Slow

    alarm.setitimer
    alarm.signal(alarm.SIGALRM, _slow)
except (ImportError, AttributeError, PermissionError):
    alarm = None


def shape_name(args, kw):
    return '(' + ', '.join([type(a).__name__ for a in args] + [k + '=' for k in kw]) + ')'


def call(name, fn, args, kw={}):
    if name in SKIP:
        return
    if 2 ** 100 in args and name.endswith(('pow__', 'lshift__', '.release')):
        return  # x ** 2**100 (or Semaphore().release(2**100)) takes CPython forever too
    if alarm:
        alarm.setitimer(alarm.ITIMER_REAL, 2)
    try:
        fn(*args, **kw)
        r = 'ok'
    except Slow:
        r = 'slow'
    except BaseException as e:
        r = type(e).__name__
        if isinstance(e, SystemError):
            r += ' ' + str(e)
    if alarm:
        alarm.setitimer(alarm.ITIMER_REAL, 0)
    # Flushed: when a call hangs, the output names the call before it.
    print(name, shape_name(args, kw) + ':', r, flush=True)


def sweep_callable(name, fn):
    for args in shapes():
        call(name, fn, args)
    for args, kw in KW_SHAPES:
        call(name, fn, args, kw)


seen = set()


def sweep_class(name, cls):
    if id(cls) in seen:
        return
    seen.add(id(cls))
    sweep_callable(name, cls)
    if name.split('.')[0] not in NO_INSTANCES and name not in NO_INSTANCES and name not in SKIP:
        sweep_instance(name, cls)
    for attr in sorted(vars(cls)):
        if attr in ('__init_subclass__', '__subclasshook__', '__class_getitem__'):
            continue
        if attr in BLOCKING and name.split('.')[0] != 'builtins':
            continue
        try:
            m = getattr(cls, attr)
        except BaseException:
            continue
        if callable(m):
            sweep_callable(name + '.' + attr, m)


def sweep_instance(name, cls):
    # The methods of an instance made by the first argument shape the class
    # accepts (a fresh instance for each call: methods change it).
    for ctor_args in [(), ('x',), (1,), (None,)]:
        try:
            cls(*ctor_args)
            break
        except BaseException:
            pass
    else:
        return
    for attr in sorted(dir(cls)):
        if attr in BLOCKING or (attr.startswith('_') and not attr.endswith('__')):
            continue
        if attr in ('__init_subclass__', '__subclasshook__', '__class_getitem__', '__del__'):
            continue
        for args in shapes():
            try:
                m = getattr(cls(*ctor_args), attr)
            except BaseException:
                break
            if not callable(m):
                break
            call(name + '().' + attr, m, args)


def sweep_namespace(prefix, ns):
    for attr in sorted(dir(ns)):
        if attr.startswith('_') and prefix != 'builtins':
            continue
        try:
            v = getattr(ns, attr)
        except BaseException:
            continue
        name = prefix + '.' + attr
        if isinstance(v, type):
            sweep_class(name, v)
        elif type(v).__name__ == 'module':
            # A submodule (os.path); other modules are swept under their own name.
            if getattr(v, '__name__', None) == name and id(v) not in seen:
                seen.add(id(v))
                sweep_namespace(name, v)
        elif callable(v):
            sweep_callable(name, v)


# Samples of the built-in types (made afresh for each call: methods mutate
# them); their bound methods are called with the shapes plus subclass
# instances of the same type.
SAMPLES = [
    ('re.Pattern', lambda: __import__('re').compile('(a)(?P<n>b)?')),
    ('re.Match', lambda: __import__('re').match('(a)(?P<n>b)?', 'ab')),
    ('deque', lambda: __import__('collections').deque([1, 2])),
    ('OrderedDict', lambda: __import__('collections').OrderedDict(a=1)),
    ('Counter', lambda: __import__('collections').Counter('aab')),
    ('defaultdict', lambda: __import__('collections').defaultdict(list)),
    ('Random', lambda: __import__('random').Random(1)),
    ('StringIO', lambda: __import__('io').StringIO('ab\ncd')),
    ('BytesIO', lambda: __import__('io').BytesIO(b'ab\ncd')),
    ('Struct', lambda: __import__('struct').Struct('<hi')),
    ('sha256', lambda: __import__('hashlib').sha256(b'x')),
    ('date', lambda: __import__('datetime').date(2020, 1, 2)),
    ('datetime', lambda: __import__('datetime').datetime(2020, 1, 2, 3, 4)),
    ('timedelta', lambda: __import__('datetime').timedelta(1, 2)),
    ('Decimal', lambda: __import__('decimal').Decimal('1.5')),
    ('Fraction', lambda: __import__('fractions').Fraction(1, 2)),
    ('count', lambda: __import__('itertools').count()),
    ('partial', lambda: __import__('functools').partial(max, 1)),
    ('Lock', lambda: __import__('threading').Lock()),

    ('str', lambda: 'abc'), ('bytes', lambda: b'abc'), ('bytearray', lambda: bytearray(b'abc')),
    ('int', lambda: 7), ('bool', lambda: True), ('float', lambda: 2.5), ('complex', lambda: 1 + 2j),
    ('list', lambda: [1, 2]), ('tuple', lambda: (1, 2)), ('dict', lambda: {1: 2}),
    ('set', lambda: {1, 2}), ('frozenset', lambda: frozenset({1})), ('range', lambda: range(3)),
    ('S', lambda: S('abc')), ('I', lambda: I(7)), ('L', lambda: L([1])), ('D', lambda: D(a=1)),
    ('slice', lambda: slice(1, 2)), ('object', lambda: object()),
    ('iter', lambda: iter([1, 2])), ('gen', lambda: (x for x in [1])),
    ('enumerate', lambda: enumerate('ab')), ('zip', lambda: zip('a', 'b')),
    ('map', lambda: map(str, [1])), ('property', lambda: property(len)),
    ('exception', lambda: ValueError('x')), ('type', lambda: S),
]
EXTRA = [(S('abc'),), (I(3),), (L([1]),), (D(a=1),), ('abc',), (3,)]

for pname, make in SAMPLES:
    for attr in sorted(dir(make())):
        if attr in ('__init_subclass__', '__subclasshook__', '__class_getitem__'):
            continue
        if attr.startswith('_') and not attr.endswith('__'):
            continue  # private helpers (CPython's Random._randbelow(-1) never returns)
        for args in shapes() + EXTRA:
            try:
                m = getattr(make(), attr)
            except BaseException:
                break
            if not callable(m):
                break
            call(pname + '().' + attr, m, args)

sweep_namespace('builtins', builtins)
for modname in MODULES:
    try:
        mod = __import__(modname)
        for part in modname.split('.')[1:]:
            mod = getattr(mod, part)
    except BaseException as e:
        print('import', modname + ':', type(e).__name__)
        continue
    if id(mod) in seen:
        continue
    seen.add(id(mod))
    sweep_namespace(modname, mod)
print('done')
