# inspect for asy: kind predicates, getmembers/getdoc/cleandoc and
# signature(). Function details come from the native _code_info (asy's code
# objects have no co_* attributes); currentframe() is sys._getframe(1).

import sys
import types
import enum
import functools
from keyword import iskeyword as _iskeyword

__all__ = [
    "Parameter", "Signature", "BoundArguments", "signature", "iscoroutinefunction",
    "iscoroutine", "isawaitable", "isasyncgenfunction", "isasyncgen",
    "isgeneratorfunction", "isgenerator", "isfunction", "ismethod", "isclass",
    "ismodule", "isbuiltin", "isroutine", "isabstract", "getmembers", "getmodule",
    "getdoc", "cleandoc", "currentframe", "unwrap", "getfullargspec",
    "get_annotations", "getfile", "getmro",
]

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


# ---- kinds of objects

def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def isabstract(object):
    return isinstance(object, type) and bool(getattr(object, "__abstractmethods__", ()))


def _code_flags(f):
    # Methods and functools.partial objects have the flags of the function
    # they call, as in CPython.
    while ismethod(f):
        f = f.__func__
    while isinstance(f, functools.partial):
        f = f.func
    info = _code_info(f) if isfunction(f) else None
    return 0 if info is None else info[8]


def isgeneratorfunction(obj):
    return bool(_code_flags(obj) & CO_GENERATOR)


def iscoroutinefunction(obj):
    return bool(_code_flags(obj) & CO_COROUTINE)


def isasyncgenfunction(obj):
    return bool(_code_flags(obj) & CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    return (isinstance(object, types.CoroutineType)
            or hasattr(type(object), "__await__"))


def istraceback(object):
    return type(object).__name__ == "traceback"


def isframe(object):
    return False


def iscode(object):
    return type(object).__name__ == "code"


# ---- members, modules, docs

def getmembers(object, predicate=None):
    """All (name, value) members of an object, sorted by name; the values
    that getattr raises AttributeError for are left out."""
    results = []
    names = dir(object)
    for key in names:
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def getmodule(object, _filename=None):
    """The module an object was defined in, or None."""
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    if name is not None:
        return sys.modules.get(name)
    return None


def getfile(object):
    if ismodule(object):
        f = getattr(object, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in module".format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        f = getattr(module, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in class".format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        return _code_info(object)[2]
    raise TypeError("module, class, method, function, traceback, frame, or "
                    "code object was expected, got {}".format(type(object).__name__))


def cleandoc(doc):
    """Clean up indentation from docstrings: tabs expanded, the common
    indentation of the lines after the first removed, leading and trailing
    blank lines dropped."""
    first, *rest = doc.expandtabs().split("\n")
    # whitespace-only lines do not count towards the common indentation
    margin = min((len(line) - len(line.lstrip()) for line in rest if line.lstrip()), default=0)
    lines = [first.lstrip()] + [line[margin:] for line in rest]
    start, stop = 0, len(lines)
    while start < stop and not lines[start]:
        start += 1
    while stop > start and not lines[stop - 1]:
        stop -= 1
    return "\n".join(lines[start:stop])


def _finddoc(obj):
    # A method or class without a docstring inherits the one it overrides.
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                doc = base.__dict__.get("__doc__")
                if isinstance(doc, str):
                    return doc
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        cls = self if isclass(self) else type(self)
    elif isfunction(obj):
        name = obj.__name__
        qual = obj.__qualname__.rsplit(".", 1)
        if len(qual) < 2:
            return None
        cls = None
        module = sys.modules.get(obj.__module__)
        target = module
        for part in qual[0].split("."):
            target = getattr(target, part, None)
        if isclass(target):
            cls = target
        if cls is None:
            return None
    else:
        return None
    for base in cls.__mro__:
        value = base.__dict__.get(name)
        if value is None:
            continue
        doc = getattr(value, "__doc__", None)
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """The documentation string of an object, cleaned up with cleandoc; a
    class or method without one inherits its base's."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def currentframe():
    """The caller's frame (sys._getframe(1))."""
    return sys._getframe(1)


def stack(context=1):
    return []


def unwrap(func, *, stop=None):
    """Follow a chain of __wrapped__ attributes (set by functools.wraps)."""
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and (stop is None or not stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(f))
    return f


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if isclass(obj):
        ann = obj.__dict__.get("__annotations__", None)
    else:
        ann = getattr(obj, "__annotations__", None)
    if ann is None:
        return {}
    return dict(ann)


# ---- signatures

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_WORDS[self.value]


# How messages name each kind, indexed by the kind's value.
_KIND_WORDS = ("positional-only", "positional or keyword", "variadic positional",
               "keyword-only", "variadic keyword")

_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD = _ParameterKind
_VARIADIC = (_VAR_POSITIONAL, _VAR_KEYWORD)


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type) and type(annotation).__name__ != "GenericAlias":
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def _positional_only_error(name):
    return TypeError(f"{name!r} parameter is positional only, but was passed as a keyword")


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation
    (Parameter.empty when absent)."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD = _ParameterKind

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        # Checked in the order CPython checks, so the first problem is the one reported.
        try:
            kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if kind in _VARIADIC and default is not _empty:
            raise ValueError(f"{kind.description} parameters cannot have default values")
        if name is _empty:
            raise ValueError("name is a required attribute for Parameter")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not a {type(name).__name__}")
        if not name.isidentifier() or (kind != _POSITIONAL_ONLY and _iskeyword(name)):
            raise ValueError(f"{name!r} is not a valid parameter name")
        self._name, self._kind, self._default, self._annotation = name, kind, default, annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        def pick(given, current):
            return current if given is _void else given
        return type(self)(pick(name, self._name), pick(kind, self._kind),
                          default=pick(default, self._default),
                          annotation=pick(annotation, self._annotation))

    def __str__(self):
        text = ("", "", "*", "", "**")[self._kind] + self._name
        annotated = self._annotation is not _empty
        if annotated:
            text += ": " + formatannotation(self._annotation)
        if self._default is not _empty:
            # PEP 8 spacing: "x=1" but "x: int = 1"
            text += (" = " if annotated else "=") + repr(self._default)
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def _key(self):
        return (self._name, self._kind, self._default, self._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return self._key() == other._key()


class BoundArguments:
    """The result of Signature.bind: the mapping of parameter names to
    arguments, and args/kwargs to call the function with."""

    __slots__ = ("arguments", "_signature")

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    def _call_parts(self):
        """(args, kwargs): arguments go positionally up to the first keyword-only or
        **kwargs parameter, or the first parameter that has no argument; the rest by name."""
        positional, by_name = [], {}
        named_from_here = False
        for name, param in self._signature.parameters.items():
            present = name in self.arguments
            if param.kind >= _KEYWORD_ONLY or not present:
                named_from_here = True
            if not present:
                continue
            value = self.arguments[name]
            if not named_from_here:
                if param.kind == _VAR_POSITIONAL:
                    positional.extend(value)
                else:
                    positional.append(value)
            elif param.kind == _VAR_KEYWORD:
                by_name.update(value)
            else:
                by_name[name] = value
        return tuple(positional), by_name

    @property
    def args(self):
        return self._call_parts()[0]

    @property
    def kwargs(self):
        return self._call_parts()[1]

    def apply_defaults(self):
        """Fill in the defaults of missing arguments (() and {} for * and **)."""
        given = self.arguments
        filled = {}
        for name, param in self._signature.parameters.items():
            if name in given:
                filled[name] = given[name]
            elif param.default is not _empty:
                filled[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                filled[name] = ()
            elif param.kind == _VAR_KEYWORD:
                filled[name] = {}
        self.arguments = filled

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        inner = ", ".join(f"{name}={value!r}" for name, value in self.arguments.items())
        return f"<{type(self).__name__} ({inner})>"


def _check_parameter_order(parameters):
    """The parameters by name, after checking what a def statement would refuse."""
    by_name = {}
    highest = _POSITIONAL_ONLY
    defaulted = False
    for param in parameters:
        kind = param.kind
        if kind < highest:
            raise ValueError(f"wrong parameter order: {highest.description} parameter "
                             f"before {kind.description} parameter")
        highest = kind
        if kind <= _POSITIONAL_OR_KEYWORD:
            if param.default is not _empty:
                defaulted = True
            elif defaulted:
                raise ValueError("non-default argument follows default argument")
        if param.name in by_name:
            raise ValueError(f"duplicate parameter name: {param.name!r}")
        by_name[param.name] = param
    return by_name


class Signature:
    """A callable's parameters (an ordered mapping name → Parameter) and
    return annotation."""

    __slots__ = ("_return_annotation", "_parameters")

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        if parameters is None:
            by_name = {}
        elif __validate_parameters__:
            by_name = _check_parameter_order(parameters)
        else:
            by_name = {param.name: param for param in parameters}
        self._parameters = types.MappingProxyType(by_name)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        return _signature_from_callable(obj, follow_wrapped)

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _identity(self):
        # Keyword-only parameters can be passed in any order, so their order does
        # not make two signatures different.
        ordered = [p for p in self._parameters.values() if p.kind != _KEYWORD_ONLY]
        unordered = {p.name: p for p in self._parameters.values() if p.kind == _KEYWORD_ONLY}
        return tuple(ordered), unordered, self._return_annotation

    def __hash__(self):
        ordered, unordered, annotation = self._identity()
        return hash((ordered, frozenset(unordered.values()), annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._identity() == other._identity()

    def _bind(self, args, kwargs, *, partial=False):
        bound = {}
        params = list(self._parameters.values())
        # 1. Positional arguments fill parameters from the left; *args takes the rest.
        taken = 0
        for param in params:
            if taken == len(args):
                break
            if param.kind >= _KEYWORD_ONLY:
                raise TypeError("too many positional arguments")
            if param.kind == _VAR_POSITIONAL:
                bound[param.name] = tuple(args[taken:])
                taken = len(args)
                break
            if param.kind != _POSITIONAL_ONLY and param.name in kwargs:
                raise TypeError(f"multiple values for argument {param.name!r}")
            bound[param.name] = args[taken]
            taken += 1
        if taken < len(args):
            raise TypeError("too many positional arguments")
        # 2. Every parameter still unbound takes its keyword argument, or must have a
        # default (unless binding partially); **kwargs takes the keywords left over.
        catch_all = None
        for param in params[len(bound):]:
            if param.kind == _VAR_KEYWORD:
                catch_all = param
            elif param.kind == _VAR_POSITIONAL:
                continue
            elif param.name in kwargs:
                if param.kind == _POSITIONAL_ONLY:
                    raise _positional_only_error(param.name)
                bound[param.name] = kwargs.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError(f"missing a required argument: {param.name!r}")
        if kwargs:
            if catch_all is None:
                raise TypeError(f"got an unexpected keyword argument {next(iter(kwargs))!r}")
            bound[catch_all.name] = kwargs
        return self._bound_arguments_cls(self, bound)

    def bind(self, /, *args, **kwargs):
        """Map the arguments to parameters, raising TypeError as the call
        would."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return f"<{type(self).__name__} {self}>"

    def __str__(self):
        pieces = []
        previous = None
        star_needed = True  # a bare '*' marks where keyword-only parameters start
        for param in self._parameters.values():
            kind = param.kind
            if previous == _POSITIONAL_ONLY and kind != _POSITIONAL_ONLY:
                pieces.append("/")
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                pieces.append("*")
                star_needed = False
            pieces.append(str(param))
            previous = kind
        if previous == _POSITIONAL_ONLY:
            pieces.append("/")
        text = "(" + ", ".join(pieces) + ")"
        if self._return_annotation is not _empty:
            text += " -> " + formatannotation(self._return_annotation)
        return text


def _signature_from_function(func):
    info = _code_info(func)
    (_, _, _, _, pos_count, posonly_count, keyword_only_count,
     varnames, flags) = info
    positional = varnames[:pos_count]
    keyword_only = varnames[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, "__annotations__", None) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    pos_default_count = len(defaults)
    non_default_count = pos_count - pos_default_count
    parameters = []
    for i, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if i < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[i - non_default_count] if i >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default,
                                    annotation=annotations.get(name, _empty)))
    index = pos_count + keyword_only_count
    if flags & CO_VARARGS:
        name = varnames[index]
        index += 1
        parameters.append(Parameter(name, _VAR_POSITIONAL,
                                    annotation=annotations.get(name, _empty)))
    for name in keyword_only:
        parameters.append(Parameter(name, _KEYWORD_ONLY,
                                    default=kwdefaults.get(name, _empty),
                                    annotation=annotations.get(name, _empty)))
    if flags & CO_VARKEYWORDS:
        name = varnames[index]
        parameters.append(Parameter(name, _VAR_KEYWORD,
                                    annotation=annotations.get(name, _empty)))
    return Signature(parameters,
                     return_annotation=annotations.get("return", _empty),
                     __validate_parameters__=False)


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind != _VAR_POSITIONAL:
        params = params[1:]
    return sig.replace(parameters=params)


def _signature_from_partial(wrapped_sig, partial):
    params = list(wrapped_sig.parameters.values())
    args = partial.args or ()
    keywords = partial.keywords or {}
    out = []
    skip = len(args)
    kw_only_from_here = False
    for param in params:
        if skip and param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            skip -= 1
            continue
        if param.kind == _VAR_POSITIONAL and skip:
            skip = 0
        if param.name in keywords and param.kind != _POSITIONAL_ONLY:
            # A keyword the partial supplies becomes a keyword-only default,
            # and so does every positional parameter after it.
            out.append(param.replace(kind=_KEYWORD_ONLY, default=keywords[param.name]))
            kw_only_from_here = True
            continue
        if kw_only_from_here and param.kind == _POSITIONAL_OR_KEYWORD:
            out.append(param.replace(kind=_KEYWORD_ONLY))
            continue
        if kw_only_from_here and param.kind == _VAR_POSITIONAL:
            continue
        out.append(param)
    out.sort(key=lambda p: p.kind)
    return wrapped_sig.replace(parameters=out)


def _is_python_function(obj):
    return isfunction(obj) and _code_info(obj) is not None


def _signature_from_callable(obj, follow_wrapped=True, skip_bound=True):
    """obj's signature; skip_bound=False keeps the self (or cls) parameter that a
    method, a class or a callable instance binds, as getfullargspec reports it."""
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))

    def recurse(target):
        return _signature_from_callable(target, follow_wrapped, skip_bound)

    def bound(sig):
        return _drop_first(sig) if skip_bound else sig

    if ismethod(obj):
        return bound(recurse(obj.__func__))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if ismethod(obj):
            return recurse(obj)
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
        return sig
    if _is_python_function(obj):
        return _signature_from_function(obj)
    if isinstance(obj, functools.partial):
        return _signature_from_partial(recurse(obj.func), obj)
    if isclass(obj):
        # A user-defined metaclass __call__, then the first Python __init__ or
        # __new__ along the MRO.
        call = getattr(type(obj), "__call__", None)
        if _is_python_function(call):
            return bound(_signature_from_function(call))
        for base in obj.__mro__:
            found = base.__dict__.get("__init__")
            if _is_python_function(found):
                return bound(_signature_from_function(found))
            if "__new__" in base.__dict__:
                found = getattr(base, "__new__")
                if _is_python_function(found):
                    return bound(_signature_from_function(found))
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return Signature()
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    call = getattr(type(obj), "__call__", None)
    if _is_python_function(call):
        return bound(_signature_from_function(call))
    raise ValueError("callable {!r} is not supported by signature".format(obj))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """Get a signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


class FullArgSpec(tuple):
    __slots__ = ()
    _fields = ("args", "varargs", "varkw", "defaults", "kwonlyargs",
               "kwonlydefaults", "annotations")

    def __new__(cls, args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations):
        return tuple.__new__(cls, (args, varargs, varkw, defaults, kwonlyargs,
                                   kwonlydefaults, annotations))

    def __repr__(self):
        return "FullArgSpec(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self)) + ")"

    args = property(lambda self: self[0])
    varargs = property(lambda self: self[1])
    varkw = property(lambda self: self[2])
    defaults = property(lambda self: self[3])
    kwonlyargs = property(lambda self: self[4])
    kwonlydefaults = property(lambda self: self[5])
    annotations = property(lambda self: self[6])


def getfullargspec(func):
    try:
        sig = _signature_from_callable(func, follow_wrapped=False, skip_bound=False)
    except Exception as ex:
        raise TypeError("unsupported callable") from ex
    by_kind = {kind: [] for kind in _ParameterKind}
    for param in sig.parameters.values():
        by_kind[param.kind].append(param)
    positional = by_kind[_POSITIONAL_ONLY] + by_kind[_POSITIONAL_OR_KEYWORD]
    keyword_only = by_kind[_KEYWORD_ONLY]

    def single_name(kind):
        params = by_kind[kind]
        return params[0].name if params else None

    annotations = {}
    if sig.return_annotation is not sig.empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        if param.annotation is not param.empty:
            annotations[param.name] = param.annotation
    # absent defaults are None, not empty
    defaults = tuple(p.default for p in positional if p.default is not p.empty) or None
    kwdefaults = {p.name: p.default for p in keyword_only if p.default is not p.empty} or None
    return FullArgSpec([p.name for p in positional], single_name(_VAR_POSITIONAL),
                       single_name(_VAR_KEYWORD), defaults,
                       [p.name for p in keyword_only], kwdefaults, annotations)
