# logging for asy: named loggers in a dotted hierarchy pass records to
# handlers, which format them (%, { or $ styles) and write them, printing
# what CPython 3.11's logging prints. The level methods of loggers,
# adapters and the module are generated from one table; the caller's
# location comes from the native _asy_frames (stdlib/os.go) and %-style
# formatting from the native _logging (stdlib/logging.go).

import sys
import os
import time
import threading
import _asy_frames

try:
    from _logging import percent_format as _percent_format
except ImportError:
    _percent_format = None

__all__ = [
    "BASIC_FORMAT", "BufferingFormatter", "CRITICAL", "DEBUG", "ERROR", "FATAL",
    "FileHandler", "Filter", "Formatter", "Handler", "INFO", "LogRecord", "Logger",
    "LoggerAdapter", "NOTSET", "NullHandler", "StreamHandler", "WARN", "WARNING",
    "addLevelName", "basicConfig", "captureWarnings", "critical", "debug", "disable",
    "error", "exception", "fatal", "getLevelName", "getLogger", "getLoggerClass",
    "info", "log", "makeLogRecord", "setLoggerClass", "shutdown", "warn", "warning",
    "getLogRecordFactory", "setLogRecordFactory", "lastResort", "raiseExceptions",
    "getLevelNamesMapping",
]

raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True

_startTime = time.time()

# ---------------------------------------------------------------- levels

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

# The standard levels, most severe first; FATAL and WARN are aliases that
# only name-to-number lookups know.
_STANDARD = (("CRITICAL", CRITICAL), ("ERROR", ERROR), ("WARNING", WARNING),
             ("INFO", INFO), ("DEBUG", DEBUG), ("NOTSET", NOTSET))
_levelToName = {number: name for name, number in _STANDARD}
_nameToLevel = {name: number for name, number in _STANDARD}
_nameToLevel["FATAL"] = FATAL
_nameToLevel["WARN"] = WARN


def getLevelNamesMapping():
    return dict(_nameToLevel)


def getLevelName(level):
    # Numbers give names and names give numbers; anything else "Level x".
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return "Level %s" % level


def addLevelName(level, levelName):
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def _checkLevel(level):
    # A level given to setLevel and friends: an int, or a registered name.
    if isinstance(level, int):
        return level
    if str(level) != level:
        raise TypeError("Level not an integer or a valid string: %r" % (level,))
    if level not in _nameToLevel:
        raise ValueError("Unknown level: %r" % level)
    return _nameToLevel[level]


# ---------------------------------------------------------------- records


class _Probe(Exception):
    pass


def _handled_exception():
    # sys.exc_info() as a triple: the exception being handled becomes the
    # context of one raised now.
    try:
        raise _Probe
    except _Probe as probe:
        exc = probe.__context__
    return (None, None, None) if exc is None else (type(exc), exc, exc.__traceback__)


def _thread_fields():
    # (ident, name) of the running thread.
    try:
        return threading.get_ident(), threading.current_thread().name
    except Exception:
        return None, None


# pathname -> (filename, module): records come from a few call sites.
_names_of_path = {}
# asy cannot fork: the process id is fixed.
_pid = os.getpid()


def _path_names(pathname):
    # Not cached yet (or not a str): work the names out.
    try:
        base = os.path.basename(pathname)
        names = (base, os.path.splitext(base)[0])
    except (TypeError, ValueError, AttributeError):
        return (pathname, "Unknown module")
    if type(pathname) is str and len(_names_of_path) < 256:
        _names_of_path[pathname] = names
    return names


def _is_mapping(value):
    # log("%(a)s", {"a": 1}): one non-empty mapping argument is used by key.
    if type(value) is dict:
        return bool(value)
    if not hasattr(value, "keys"):
        return False
    from collections.abc import Mapping
    return isinstance(value, Mapping) and bool(value)


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info,
                 func=None, sinfo=None, **kwargs):
        now = time.time()
        self.name = name
        self.msg = msg
        self.args = args[0] if args and len(args) == 1 and _is_mapping(args[0]) else args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename, self.module = _names_of_path.get(pathname) or _path_names(pathname)
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = now
        self.msecs = int((now - int(now)) * 1000) + 0.0
        self.relativeCreated = (now - _startTime) * 1000
        self.thread, self.threadName = _thread_fields() if logThreads else (None, None)
        self.processName = "MainProcess" if logMultiprocessing else None
        self.process = _pid if logProcesses else None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        text = str(self.msg)
        return text % self.args if self.args else text


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    record = _logRecordFactory(None, None, "", 0, "", (), None, None)
    record.__dict__.update(dict)
    return record


# ---------------------------------------------------------------- styles


def _record_fields(record, defaults):
    # The mapping a format is applied to: the defaults, then the record.
    if defaults:
        merged = dict(defaults)
        merged.update(vars(record))
        return merged
    return vars(record)


class PercentStyle:
    # A style knows its default format, how to spot %(asctime) in a format,
    # how to check a format (validate) and how to apply it to a record.
    default_format = "%(message)s"
    asctime_format = "%(asctime)s"
    asctime_search = "%(asctime)"

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        if not self._field_found():
            raise ValueError("Invalid format '%s' for '%%' style" % self._fmt)

    def _field_found(self):
        import re
        spec = r"%\(\w+\)[-#0+ ]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxefgcrsa%]"
        return re.search(spec, self._fmt, re.I) is not None

    def _format(self, record):
        if _percent_format is not None and type(self._fmt) is str:
            return _percent_format(self._fmt, record, self._defaults)
        return self._fmt % _record_fields(record, self._defaults)

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError("Formatting field not found in record: %s" % e)


class StrFormatStyle(PercentStyle):
    default_format = "{message}"
    asctime_format = "{asctime}"
    asctime_search = "{asctime"

    def _format(self, record):
        return self._fmt.format(**_record_fields(record, self._defaults))

    def validate(self):
        import re
        named = False
        for name, conversion, spec in _brace_fields(self._fmt):
            if name:
                if not re.match(r"(?:\d+|\w+)(?:\.\w+|\[[^]]+\])*\Z", name):
                    raise ValueError("invalid format: invalid field name/expression: %r" % name)
                named = True
            if conversion and conversion not in "rsa":
                raise ValueError("invalid format: invalid conversion: %r" % conversion)
            if spec and not re.match(_FORMAT_SPEC, spec, re.I):
                raise ValueError("invalid format: bad specifier: %r" % spec)
        if not named:
            raise ValueError("invalid format: no fields")


# fill/align, sign, #, 0, width (or a nested {field}), grouping, precision, type
_FORMAT_SPEC = r"(?:.?[<>=^])?[-+ ]?#?0?(?:\d+|\{\w+\})?[,_]?(?:\.(?:\d+|\{\w+\}))?[bcdefgnosx%]?\Z"


def _brace_fields(fmt):
    # The (name, conversion, spec) of each {field} of a str.format format,
    # raising str.format's parse errors (prefixed "invalid format: ").
    def bad(why):
        return ValueError("invalid format: " + why)
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c == "}":
            if i < n and fmt[i] == "}":
                i += 1
                continue
            raise bad("Single '}' encountered in format string")
        if c != "{":
            continue
        if i < n and fmt[i] == "{":
            i += 1
            continue
        if i >= n:
            raise bad("Single '{' encountered in format string")
        # The name runs to '!', ':' or '}'; inside [...] anything goes.
        start, in_index = i, False
        while i < n:
            c = fmt[i]
            if in_index:
                in_index = c != "]"
            elif c == "[":
                in_index = True
            elif c == "{":
                raise bad("unexpected '{' in field name")
            elif c in "!:}":
                break
            i += 1
        if i >= n:
            raise bad("expected '}' before end of string")
        name, conversion, spec = fmt[start:i], None, ""
        if fmt[i] == "!":
            if i + 1 >= n:
                raise bad("end of string while looking for conversion specifier")
            conversion = fmt[i + 1]
            i += 2
            if i < n and fmt[i] not in ":}":
                raise bad("expected ':' after conversion specifier")
        if i < n and fmt[i] == ":":
            # The spec may nest {fields}: it ends at the brace that balances.
            depth, start = 1, i + 1
            i = start
            while i < n:
                if fmt[i] == "{":
                    depth += 1
                elif fmt[i] == "}":
                    depth -= 1
                    if not depth:
                        break
                i += 1
            spec = fmt[start:i]
        if i >= n:
            raise bad("unmatched '{' in format spec")
        i += 1
        yield name, conversion, spec


class StringTemplateStyle(PercentStyle):
    default_format = "${message}"
    asctime_format = "${asctime}"
    asctime_search = "${asctime}"

    def usesTime(self):
        return "$asctime" in self._fmt or self.asctime_search in self._fmt

    def validate(self):
        named = False
        for name in _dollar_fields(self._fmt):
            if name is None:
                raise ValueError("invalid format: bare '$' not allowed")
            if name:
                named = True
        if not named:
            raise ValueError("invalid format: no fields")

    def _format(self, record):
        # string.Template.substitute: "$$" is "$", "$name" and "${name}"
        # are fields, any other "$" is an error.
        values = _record_fields(record, self._defaults)
        fmt = self._fmt
        out = []
        done = 0
        at = fmt.find("$")
        while at >= 0:
            out.append(fmt[done:at])
            rest = fmt[at + 1:]
            size = _dollar_name(rest)
            if rest[:1] == "$":
                out.append("$")
                size = 1
            elif size:
                out.append(str(values[rest[:size].strip("{}")]))
            else:
                line = fmt.count("\n", 0, at) + 1
                col = at - fmt.rfind("\n", 0, at)
                raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, col))
            done = at + 1 + size
            at = fmt.find("$", done)
        out.append(fmt[done:])
        return "".join(out)


def _dollar_name(text):
    # Length of the placeholder text starts with (after its "$"): an
    # identifier, or one in braces; 0 when there is none.
    braced = text[:1] == "{"
    i = 1 if braced else 0
    j = i
    while j < len(text) and (text[j] == "_" or text[j].isascii() and text[j].isalnum()):
        j += 1
    if j == i or text[i].isdigit():
        return 0
    if braced:
        return j + 1 if text[j:j + 1] == "}" else 0
    return j


def _dollar_fields(fmt):
    # For each "$" of a string.Template: "" for "$$", the name of a
    # placeholder, or None for a "$" that starts neither.
    i = fmt.find("$")
    while i >= 0:
        rest = fmt[i + 1:]
        if rest[:1] == "$":
            yield ""
            i = fmt.find("$", i + 2)
            continue
        size = _dollar_name(rest)
        yield rest[:size].strip("{}") if size else None
        i = fmt.find("$", i + 1 + size)


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    "%": (PercentStyle, BASIC_FORMAT),
    "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
    "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
}


def _style_class(style):
    if style not in _STYLES:
        raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
    return _STYLES[style]


# ---------------------------------------------------------------- formatters


class Formatter:
    converter = time.localtime
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        self._style = _style_class(style)[0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        when = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, when)
        text = time.strftime(self.default_time_format, when)
        return self.default_msec_format % (text, record.msecs) if self.default_msec_format else text

    def formatException(self, ei):
        if ei[1] is None:
            # What traceback.print_exception prints for (None, None, None).
            return "NoneType: None"
        text = _asy_frames.format_exception(ei[1])
        return text[:-1] if text[-1:] == "\n" else text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        # The exception text is kept on the record: every handler that
        # prints it formats it once.
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            text = _on_new_line(text, record.exc_text)
        if record.stack_info:
            text = _on_new_line(text, self.formatStack(record.stack_info))
        return text


def _on_new_line(text, more):
    return text + more if text[-1:] == "\n" else text + "\n" + more


_defaultFormatter = Formatter()


class BufferingFormatter:
    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        body = "".join(self.linefmt.format(r) for r in records)
        return self.formatHeader(records) + body + self.formatFooter(records)


# ---------------------------------------------------------------- filters


class Filter:
    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        # The named logger and its descendants pass; "" passes everything.
        if not self.nlen or record.name == self.name:
            return True
        return record.name.startswith(self.name) and record.name[self.nlen:self.nlen + 1] == "."


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        # Filters are objects with a filter method, or plain callables.
        for f in self.filters:
            check = f.filter if hasattr(f, "filter") else f
            if not check(record):
                return False
        return True


# ---------------------------------------------------------------- handlers

_handlers = {}
_handlerList = []


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        _handlerList.append(self)
        self.createLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        _handlers.pop(self._name, None)
        self._name = name
        if name:
            _handlers[name] = self

    name = property(get_name, set_name)

    # Each handler serialises its emits with its own reentrant lock, which
    # custom handlers also take (`with self.lock:`).
    def createLock(self):
        self.lock = threading.RLock()

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        passed = self.filter(record)
        if passed:
            self.acquire()
            try:
                self.emit(record)
            finally:
                self.release()
        return passed

    def flush(self):
        pass

    def close(self):
        self._closed = True
        if self._name:
            _handlers.pop(self._name, None)

    def handleError(self, record):
        # What went wrong writing a record: the exception (asy leaves out
        # its own library frames), the script's stack, the message.
        if not (raiseExceptions and sys.stderr):
            return
        exc = _handled_exception()[1]
        try:
            err = sys.stderr
            err.write("--- Logging error ---\n")
            if exc is not None:
                err.write(_asy_frames.format_exception(exc))
            err.write("Call stack:\n" + "".join(_script_stack(1)))
            err.write("Message: %r\nArguments: %s\n" % (record.msg, record.args))
        except Exception:
            pass

    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))


def _script_stack(drop):
    # The script's frames, outermost first, formatted as traceback does,
    # without the innermost drop - 1 (stacklevel counts from 1).
    import traceback
    rows = traceback._stack()
    if drop > 1:
        rows = rows[:max(len(rows) - (drop - 1), 1)]
    return traceback.format_list(rows)


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def flush(self):
        self.acquire()
        try:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()
        finally:
            self.release()

    def emit(self, record):
        try:
            self.stream.write(self.format(record) + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            return None
        old = self.stream
        self.flush()
        self.stream = stream
        return old

    def __repr__(self):
        name = getattr(self.stream, "name", None)
        if name is None:
            name = {id(sys.stderr): "<stderr>", id(sys.stdout): "<stdout>"}.get(id(self.stream), "")
        name = str(name)
        return "<%s %s(%s)>" % (type(self).__name__, name + " " if name else "", getLevelName(self.level))


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode = mode
        self.encoding = encoding if encoding is not None or "b" in mode else "locale"
        self.errors = errors
        self.delay = delay
        if delay:
            # The file is opened by the first record.
            Handler.__init__(self)
            self.stream = None
        else:
            StreamHandler.__init__(self, self._open())

    def _open(self):
        encoding = None if self.encoding == "locale" else self.encoding
        return open(self.baseFilename, self.mode, encoding=encoding, errors=self.errors)

    def emit(self, record):
        # A closed handler in "w" mode stays closed (reopening would empty
        # the file); otherwise the file opens on demand.
        if self.stream is None and (self.mode != "w" or not self._closed):
            self.stream = self._open()
        if self.stream:
            StreamHandler.emit(self, record)

    def close(self):
        stream, self.stream = self.stream, None
        if stream:
            try:
                stream.flush()
            finally:
                stream.close()
        StreamHandler.close(self)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.baseFilename, getLevelName(self.level))


class _StderrHandler(StreamHandler):
    # The last resort: whatever sys.stderr is when a record comes.
    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class NullHandler(Handler):
    # Nothing is ever written: no lock either.
    def createLock(self):
        self.lock = None

    def handle(self, record):
        pass

    def emit(self, record):
        pass


# ---------------------------------------------------------------- loggers


class PlaceHolder:
    # Stands in loggerDict for a dotted prefix no one asked a logger for;
    # loggerMap holds the loggers below it.
    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        self.loggerMap.setdefault(alogger, None)


class Manager:
    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError("A logger name must be a string")
        found = self.loggerDict.get(name)
        if isinstance(found, Logger):
            return found
        made = (self.loggerClass or _loggerClass)(name)
        made.manager = self
        self.loggerDict[name] = made
        self._link(made)
        return made

    def _link(self, logger):
        # The parent is the nearest ancestor that is a logger (prefixes
        # without one get placeholders); loggers below whose parent lies
        # above the new one now hang from it.
        name = logger.name
        parent = None
        cut = name.rfind(".")
        while cut > 0:
            prefix = name[:cut]
            above = self.loggerDict.get(prefix)
            if isinstance(above, Logger):
                parent = above
                break
            if above is None:
                self.loggerDict[prefix] = PlaceHolder(logger)
            else:
                above.append(logger)
            cut = name.rfind(".", 0, cut)
        logger.parent = parent or self.root
        below = name + "."
        for other in self.loggerDict.values():
            if isinstance(other, Logger) and other.name.startswith(below) \
                    and not other.parent.name.startswith(below):
                other.parent = logger

    def _clear_cache(self):
        # A level changed somewhere: every cached isEnabledFor answer is stale.
        for logger in self.loggerDict.values():
            if isinstance(logger, Logger):
                logger._cache.clear()
        self.root._cache.clear()


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
            return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        filename, lineno, func = _asy_frames.caller(("<logging>",), stacklevel)
        sinfo = None
        if stack_info:
            sinfo = "Stack (most recent call last):\n" + "".join(_script_stack(stacklevel)).rstrip("\n")
        return filename, lineno, func, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        record = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        for key in extra or ():
            if key in ("message", "asctime") or key in record.__dict__:
                raise KeyError("Attempt to overwrite %r in LogRecord" % key)
            setattr(record, key, extra[key])
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = _handled_exception()
        self.handle(self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra, sinfo))

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def _upwards(self):
        # This logger and the ancestors its records propagate to.
        node = self
        while node:
            yield node
            node = node.parent if node.propagate else None

    def hasHandlers(self):
        return any(node.handlers for node in self._upwards())

    def callHandlers(self, record):
        # Every record passes here: a plain loop, not _upwards' generator.
        level = record.levelno
        reached = False
        node = self
        while node:
            for hdlr in node.handlers:
                reached = True
                if level >= hdlr.level:
                    hdlr.handle(record)
            node = node.parent if node.propagate else None
        if reached:
            return
        if lastResort:
            if level >= lastResort.level:
                lastResort.handle(record)
        elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
            sys.stderr.write('No handlers could be found for logger "%s"\n' % self.name)
            self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        node = self
        while node:
            if node.level:
                return node.level
            node = node.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            answer = level > self.manager.disable and level >= self.getEffectiveLevel()
            self._cache[level] = answer
            return answer

    def getChild(self, suffix):
        if self.root is not self:
            suffix = self.name + "." + suffix
        return self.manager.getLogger(suffix)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


_loggerClass = Logger


class LoggerAdapter:
    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    @property
    def manager(self):
        return self.logger.manager

    @manager.setter
    def manager(self, value):
        self.logger.manager = value

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        inner = self.logger
        return "<%s %s (%s)>" % (type(self).__name__, inner.name, getLevelName(inner.getEffectiveLevel()))


def _pass_to_logger(method):
    def call(self, *args):
        return getattr(self.logger, method)(*args)
    call.__name__ = method
    call.__qualname__ = "LoggerAdapter." + method
    return call


# An adapter answers these as its logger does.
for _method in ("isEnabledFor", "setLevel", "getEffectiveLevel", "hasHandlers"):
    setattr(LoggerAdapter, _method, _pass_to_logger(_method))


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)


# ---------------------------------------------------------------- level calls
# debug() ... critical() on loggers, adapters and the module differ only in
# their level: they are made here from one table.


def _logger_call(level):
    def call(self, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    return call


def _adapter_call(level):
    def call(self, msg, *args, **kwargs):
        self.log(level, msg, *args, **kwargs)
    return call


def _module_call(method):
    # The module-level helpers log on the root logger, giving it the basic
    # configuration first when it has no handlers.
    def call(msg, *args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method)(msg, *args, **kwargs)
    return call


_CALLS = (("debug", DEBUG), ("info", INFO), ("warning", WARNING),
          ("error", ERROR), ("critical", CRITICAL))
for _method, _level in _CALLS:
    for _cls, _make in ((Logger, _logger_call), (LoggerAdapter, _adapter_call)):
        _fn = _make(_level)
        _fn.__name__ = _method
        _fn.__qualname__ = _cls.__name__ + "." + _method
        setattr(_cls, _method, _fn)
    _fn = _module_call(_method)
    _fn.__name__ = _fn.__qualname__ = _method
    globals()[_method] = _fn
del _method, _level, _cls, _make, _fn
Logger.fatal = Logger.critical
fatal = critical


def _deprecated_warn(what):
    import warnings
    warnings.warn("The 'warn' %s is deprecated, use 'warning' instead" % what,
                  DeprecationWarning, 3)


def _warn_method(self, msg, *args, **kwargs):
    _deprecated_warn("method")
    self.warning(msg, *args, **kwargs)


_warn_method.__name__ = _warn_method.__qualname__ = "warn"
Logger.warn = LoggerAdapter.warn = _warn_method


def warn(msg, *args, **kwargs):
    _deprecated_warn("function")
    warning(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


# ---------------------------------------------------------------- configuration


def setLoggerClass(klass):
    global _loggerClass
    if klass != Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


def getLogger(name=None):
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)


# basicConfig's options and their defaults (_unset: "not given" matters).
_unset = object()
_BASIC_OPTIONS = (("force", False), ("encoding", None), ("errors", "backslashreplace"),
                  ("handlers", None), ("stream", _unset), ("filename", _unset),
                  ("filemode", "a"), ("style", "%"), ("format", _unset), ("datefmt", None),
                  ("level", None))


def basicConfig(**kwargs):
    opt = {name: kwargs.pop(name, default) for name, default in _BASIC_OPTIONS}
    if opt["force"]:
        for h in list(root.handlers):
            root.removeHandler(h)
            h.close()
    if root.handlers:
        # Configured already: a call without force changes nothing.
        return
    handlers = opt["handlers"]
    stream, filename = opt["stream"], opt["filename"]
    given = (stream is not _unset) + (filename is not _unset)
    if handlers is not None and given:
        raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
    if given == 2:
        raise ValueError("'stream' and 'filename' should not be specified together")
    if handlers is None:
        if filename not in (_unset, None, ""):
            handlers = [FileHandler(filename, opt["filemode"], encoding=opt["encoding"],
                                    errors=opt["errors"])]
        else:
            handlers = [StreamHandler(None if stream is _unset else stream)]
    style = opt["style"]
    fmt = _style_class(style)[1] if opt["format"] is _unset else opt["format"]
    formatter = Formatter(fmt, opt["datefmt"], style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(formatter)
        root.addHandler(h)
    if opt["level"] is not None:
        root.setLevel(opt["level"])
    if kwargs:
        raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs))


def disable(level=CRITICAL):
    root.manager.disable = level
    root.manager._clear_cache()


def shutdown(handlerList=_handlerList):
    # Newest first, as the handlers were stacked.
    for h in reversed(list(handlerList)):
        try:
            h.flush()
            h.close()
        except (OSError, ValueError):
            pass


_shown_before_capture = None


def captureWarnings(capture):
    # Capturing sends warnings.showwarning's text to the "py.warnings"
    # logger (warnings given an explicit file still go there).
    global _shown_before_capture
    import warnings
    if capture:
        if _shown_before_capture is None:
            _shown_before_capture = warnings.showwarning
            warnings.showwarning = _warning_to_log
    elif _shown_before_capture is not None:
        warnings.showwarning = _shown_before_capture
        _shown_before_capture = None


def _warning_to_log(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _shown_before_capture is not None:
            _shown_before_capture(message, category, filename, lineno, file, line)
        return
    import warnings
    text = warnings.formatwarning(message, category, filename, lineno, line)
    target = getLogger("py.warnings")
    if not target.handlers:
        target.addHandler(NullHandler())
    target.warning("%s", text)
