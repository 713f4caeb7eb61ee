# copyreg for asy: the helpers pickles refer to by name (copyreg.__newobj__,
# copyreg._reconstructor) and the registries that pickle consults:
# reduction functions by type (dispatch_table) and extension codes (the
# EXT1/EXT2/EXT4 opcodes). Behaviour and messages are CPython's.

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle_complex(c):
    # Registered from the start, as in CPython: complex(real, imag).
    return complex, (c.real, c.imag)


def _require_callable(f, what):
    if not callable(f):
        raise TypeError(what + " must be callable")


def pickle(ob_type, pickle_function, constructor_ob=None):
    _require_callable(pickle_function, "reduction functions")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    # Only checked: nothing keeps a list of constructors any more.
    _require_callable(object, "constructors")


pickle(complex, pickle_complex)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    # Protocols 0 and 1 rebuild an instance from its nearest builtin base
    # and that base's value (None for object).
    if base is object:
        return object.__new__(cls)
    made = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(made, state)
    return made


def _mangled(owner, name):
    # A private slot name as the attribute is really called: __x in class
    # _Foo is _Foo__x (a class named only underscores mangles nothing).
    if not name.startswith("__") or name.endswith("__"):
        return name
    prefix = owner.__name__.lstrip("_")
    return "_" + prefix + name if prefix else name


def _own_slots(klass):
    declared = klass.__dict__["__slots__"]
    for name in (declared,) if isinstance(declared, str) else declared:
        if name not in ("__dict__", "__weakref__"):
            yield _mangled(klass, name)


def _slotnames(cls):
    # The slot names of cls and its bases, most derived first, cached on
    # the class as __slotnames__ where the class allows it.
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" in klass.__dict__:
                names.extend(_own_slots(klass))
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# Extension codes: (module, name) <-> code, both ways, and what unpickling
# has looked up by code. pickle reads these dicts directly.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def _links(key, code):
    # What the registry says about key and about code: (its code, its key),
    # None where nothing is registered.
    return _extension_registry.get(key), _inverted_registry.get(code)


def add_extension(module, name, code):
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    key_code, code_key = _links(key, code)
    if (key_code, code_key) == (code, key):
        return  # registering the same pair again is allowed
    if key_code is not None:
        raise ValueError("key %s is already registered with code %s" % (key, key_code))
    if code_key is not None:
        raise ValueError("code %s is already in use for key %s" % (code, code_key))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _links(key, code) != (code, key):
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key], _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
