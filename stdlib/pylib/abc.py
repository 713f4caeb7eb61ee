# abc for asy: abstract base classes. ABCMeta keeps, per class, the set of
# abstract method names (checked when the class is called, since asy's
# object.__new__ does not look at __abstractmethods__), the classes
# registered as virtual subclasses, its own list of subclasses (asy's
# type.__subclasses__() is not maintained) and caches of issubclass answers.
# collections.abc builds the collection ABCs on it.

__all__ = [
    "ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
    "abstractstaticmethod", "abstractproperty", "get_cache_token",
    "update_abstractmethods",
]


# asy's property, classmethod and staticmethod do not expose what they wrap
# (no fget, no __func__), so abstractmethod also records the qualified name
# of each function it marks: a descriptor found in a class namespace under
# a recorded name is abstract, and is then remembered by identity so that
# subclasses inheriting it see it abstract too.
_abstract_quals = set()
_abstract_descriptors = []


def abstractmethod(funcobj):
    """Mark a method abstract: a class with such a method left unoverridden
    cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    try:
        _abstract_quals.add((funcobj.__module__, funcobj.__qualname__))
    except AttributeError:
        pass
    return funcobj


def _flag(value):
    try:
        return bool(getattr(value, "__isabstractmethod__", False))
    except Exception:
        return False


def _is_abstract(value, owner=None, name=None):
    if _flag(value):
        return True
    if not isinstance(value, (property, classmethod, staticmethod)):
        return False
    for attr in ("fget", "fset", "fdel", "__func__"):
        try:
            if _flag(getattr(value, attr)):
                return True
        except AttributeError:
            pass
    for d in _abstract_descriptors:
        if d is value:
            return True
    if owner is not None:
        qual = getattr(owner, "__qualname__", owner.__name__) + "." + name
        if (owner.__module__, qual) in _abstract_quals:
            _abstract_descriptors.append(value)
            return True
    return False


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""
    __isabstractmethod__ = True


# Bumped by every register() call, as CPython's token: caches of
# isinstance answers keyed on it become stale when registrations change.
_abc_invalidation_counter = 0


def get_cache_token():
    return _abc_invalidation_counter


def _compute_abstracts(cls, namespace):
    abstracts = set()
    for name, value in namespace.items():
        if _is_abstract(value, cls, name):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def _abc_data(cls):
    # Per-class state lives in the class's own __dict__ so that subclasses
    # never see their bases' registries through attribute inheritance.
    # "cache" and "negative" remember issubclass answers, as CPython's
    # _abc_cache and _abc_negative_cache do: without them every isinstance
    # against an ABC walks hooks, registries and the subclass tree again.
    # The negative cache is only valid for the registrations made before
    # it ("version", compared with the invalidation counter).
    # _abc_impls finds it again without building cls.__dict__ (a copy of
    # the namespace) on every isinstance check.
    d = _abc_impls.get(cls)
    if d is None:
        d = cls.__dict__.get("_abc_impl")
        if d is None:
            d = {"registry": [], "subclasses": [], "cache": set(),
                 "negative": set(), "version": _abc_invalidation_counter}
            type.__setattr__(cls, "_abc_impl", d)
        _abc_impls[cls] = d
    return d


_abc_impls = {}


class ABCMeta(type):
    """Metaclass for abstract base classes: tracks abstract methods, refuses
    to instantiate classes that still have some, and lets classes be
    registered as virtual subclasses."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace)
        _abc_data(cls)
        for base in bases:
            if isinstance(base, ABCMeta):
                _abc_data(base)["subclasses"].append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        # ABCMeta.__new__ gives every class its own __abstractmethods__, so
        # plain attribute lookup finds the class's, not a base's.
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = "s" if len(names) > 1 else ""
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} "
                f"with abstract method{s} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns it, so register
        can decorate a class."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _abc_data(cls)["registry"].append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        data = _abc_data(cls)
        if subclass in data["cache"]:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (data["version"] == _abc_invalidation_counter
                    and subclass in data["negative"]):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        # The order is CPython's: caches, then the hook (which may refuse
        # even a real subclass), then the MRO, registered classes and the
        # subclasses ABCMeta has seen.
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        data = _abc_data(cls)
        if subclass in data["cache"]:
            return True
        if data["version"] != _abc_invalidation_counter:
            data["negative"] = set()
            data["version"] = _abc_invalidation_counter
        elif subclass in data["negative"]:
            return False
        # asy's object has no __subclasshook__ to fall back on.
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if ok:
                data["cache"].add(subclass)
            else:
                data["negative"].add(subclass)
            return bool(ok)
        if cls in getattr(subclass, "__mro__", ()):
            data["cache"].add(subclass)
            return True
        for rcls in data["registry"]:
            if issubclass(subclass, rcls):
                data["cache"].add(subclass)
                return True
        for scls in data["subclasses"]:
            if issubclass(subclass, scls):
                data["cache"].add(subclass)
                return True
        data["negative"].add(subclass)
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {set(_abc_data(cls)['registry'])!r}", file=file)

    def _abc_registry_clear(cls):
        _abc_data(cls)["registry"].clear()

    def _abc_caches_clear(cls):
        data = _abc_data(cls)
        data["cache"].clear()
        data["negative"].clear()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or
    replaced on an existing class (as dataclasses and decorators do)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value, cls, name):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: inheriting from ABC gives a class the ABCMeta metaclass."""
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented
