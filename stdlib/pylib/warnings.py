# warnings for asy: warn() decides through the filter list whether a
# warning is ignored, raised or shown, remembers what it showed so that
# "default", "module" and "once" print a warning once per location, module
# or process, and writes the same text as CPython 3.11. The native part
# (stdlib/warnings.go) supplies _caller, the frame warn() reports.

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings", "catch_warnings"]

# Frames compiled from this file are not counted by stacklevel.
_SELF = "<warnings>"

# CPython 3.11's initial filters (no -W options, release build). Each filter
# is (action, message, category, module, lineno); message and module are
# None (anything) or a compiled regex, matched at the start.
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

# The per-module "already shown" records (CPython's __warningregistry__),
# by module name. A record made under other filters is stale: each carries
# the filter generation it was made under and is emptied when that changed.
_module_records = {}
_generation = 1

# Source lines of recent warn() sites, found by the native _caller, for
# formatwarning (asy has no linecache).
_site_lines = {}

# Where shown warnings go: None writes them to showwarning's file;
# catch_warnings(record=True) puts a list's append here.
_sink = None


def _touch_filters():
    global _generation
    _generation += 1


# ---------------------------------------------------------------- messages


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        for field, value in zip(self._WARNING_DETAILS,
                                (message, category, filename, lineno, file, line, source)):
            setattr(self, field, value)
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def _text_of(msg):
    # The standard rendering: "file:line: Category: message", then the
    # source line, stripped, indented by two.
    head = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, msg.category.__name__, msg.message)
    src = msg.line
    if src is None:
        src = _site_lines.get((msg.filename, msg.lineno), "")
    src = src.strip() if src else ""
    return head + ("  " + src + "\n" if src else "")


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes for a warning."""
    return _text_of(WarningMessage(message, category, filename, lineno, None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to file (sys.stderr by default); scripts may
    replace this hook."""
    _write(WarningMessage(message, category, filename, lineno, file, line))


_stock_format = formatwarning
_stock_show = showwarning


def _write(msg):
    out = msg.file if msg.file is not None else sys.stderr
    if out is None:
        return
    # A formatwarning the user installed is called with the classic arguments.
    fmt = formatwarning
    text = _text_of(msg) if fmt is _stock_format else fmt(
        msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    try:
        out.write(text)
    except OSError:
        pass


def _deliver(msg):
    hook = showwarning
    if hook is not _stock_show:
        if not callable(hook):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
    elif _sink is not None:
        _sink(msg)
    else:
        _write(msg)


# ---------------------------------------------------------------- filters


def _check_action(action):
    assert action in ("error", "ignore", "always", "default", "module", "once"), \
        "invalid action: %r" % (action,)


def _check_lineno(lineno):
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Add a filter matching message (a regex, any case), category,
    module (a regex) and lineno; it goes first unless append is true."""
    _check_action(action)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    _check_lineno(lineno)
    msg_re = mod_re = None
    if message or module:
        import re
        # Messages match whatever their case; module names exactly.
        msg_re = re.compile(message, re.I) if message else None
        mod_re = re.compile(module) if module else None
    _install((action, msg_re, category, mod_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter for every message and module of category."""
    _check_action(action)
    _check_lineno(lineno)
    _install((action, None, category, None, lineno), append)


def _install(entry, at_end):
    # The list is changed in place: catch_warnings and callers may hold it.
    # A new front entry moves an equal one up; an appended one is not doubled.
    if at_end:
        if entry not in filters:
            filters.append(entry)
    else:
        if entry in filters:
            filters.remove(entry)
        filters.insert(0, entry)
    _touch_filters()


def resetwarnings():
    """Remove every filter (defaultaction then decides)."""
    del filters[:]
    _touch_filters()


def _fits(pattern, text):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return pattern.match(text) is not None


def _choose(text, category, module, lineno):
    # The first filter that fits decides; none fitting, defaultaction.
    for entry in filters:
        action, msg_pat, cat, mod_pat, only_line = entry
        if only_line and only_line != lineno:
            continue
        if issubclass(category, cat) and _fits(msg_pat, text) and _fits(mod_pat, module):
            return action, entry
    return defaultaction, None


def _first_time(action, record, text, category, lineno):
    # Whether a warning allowed by action is shown, noting it as shown:
    # "default" once per location, "module" once per module record, "once"
    # once per process (onceregistry), "always" every time.
    if action == "always":
        return True
    record[(text, category, lineno)] = True
    if action == "default":
        return True
    wider = (text, category)
    book = onceregistry if action == "once" else record
    if book.get(wider):
        return False
    book[wider] = True
    record[wider] = True
    return True


# ---------------------------------------------------------------- warning


def warn(message, category=None, stacklevel=1, source=None):
    """Warn about message: shown, ignored or raised as the filters say;
    stacklevel picks the frame the warning is reported for."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    site = _caller(_SELF, stacklevel)
    # Beyond the outermost frame CPython reports the sys module.
    filename, lineno, module, line = site if site is not None else ("sys", 1, "sys", "")
    _site_lines[(filename, lineno)] = line
    record = _module_records.get(module)
    if record is None:
        record = _module_records[module] = {}
    warn_explicit(message, category, filename, lineno, module, record, None, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    record = {} if registry is None else registry
    if record.get("version", 0) != _generation:
        record.clear()
        record["version"] = _generation
    if isinstance(message, Warning):
        category = type(message)
        text = str(message)
    else:
        text = message
        message = category(message)
    if record.get((text, category, lineno)):
        return
    action, entry = _choose(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action not in ("always", "default", "module", "once"):
        raise RuntimeError(
            "Unrecognized action (%r) in warnings.filters:\n %s" % (action, entry))
    if _first_time(action, record, text, category, lineno):
        _deliver(WarningMessage(message, category, filename, lineno, source=source))


# ---------------------------------------------------------------- context


class catch_warnings(object):
    """Guard the warnings filters and showwarning, restoring them on exit;
    with record=True, warnings are collected in the list __enter__ returns."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        mod = self._module
        self._saved = (mod.filters[:], mod.showwarning, mod._sink)
        mod._touch_filters()
        if self._filter is not None:
            mod.simplefilter(*self._filter)
        if not self._record:
            return None
        caught = []
        mod._sink = caught.append
        # A replaced showwarning would bypass the recording.
        mod.showwarning = mod._stock_show
        return caught

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        mod = self._module
        kept, mod.showwarning, mod._sink = self._saved
        mod.filters[:] = kept
        mod._touch_filters()
