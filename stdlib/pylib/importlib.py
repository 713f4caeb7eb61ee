"""importlib: importing by name at run time, reloading, and (in
importlib.util, importlib.machinery, importlib.resources) finding modules
and package data."""

import sys as _sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def _absolute(name, package):
    if not name.startswith('.'):
        return name
    if not package:
        raise TypeError("the 'package' argument is required to perform a relative "
                        "import for {!r}".format(name))
    level = len(name) - len(name.lstrip('.'))
    return _resolve_name(name[level:], package, level)


def import_module(name, package=None):
    """Import a module by its name ('a.b', or '.b' relative to package)
    and return it (not its top-level package, as __import__ would)."""
    name = _absolute(name, package)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return _sys.modules[name]


def reload(module):
    """Run the module's source again in the same module object."""
    from types import ModuleType
    if not isinstance(module, ModuleType):
        raise TypeError("reload() argument must be a module")
    name = module.__spec__.name if getattr(module, '__spec__', None) else module.__name__
    if _sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    file = getattr(module, '__file__', None)
    if not file:
        return module
    with open(file, encoding='utf-8') as f:
        source = f.read()
    exec(compile(source, file, 'exec'), module.__dict__)
    return module


def invalidate_caches():
    pass


# The submodules, once imported, are attributes of this package (as in
# CPython, where importing importlib.util binds importlib.util).
