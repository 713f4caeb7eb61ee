"""importlib.util: finding modules without importing them, and making
modules from specs (spec_from_file_location + module_from_spec +
exec_module loads a file as a module)."""

import sys as _sys

from importlib.machinery import (ModuleSpec, BuiltinImporter, PathFinder,
                                 SourceFileLoader, _file_spec)


def resolve_name(name, package):
    if not name.startswith('.'):
        return name
    elif not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    rest = name[level:]
    return '{}.{}'.format(base, rest) if rest else base


def find_spec(name, package=None):
    """The spec of a module: from sys.modules when imported, else found on
    sys.path (or the parent package's __path__, importing the parent);
    None when there is no such module."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname in _sys.modules:
        module = _sys.modules[fullname]
        if module is None:
            return None
        spec = getattr(module, '__spec__', None)
        if spec is None:
            if fullname in _sys.builtin_module_names:
                return ModuleSpec(fullname, BuiltinImporter, origin='built-in')
            raise ValueError('{}.__spec__ is None'.format(name))
        return spec
    parent_name = fullname.rpartition('.')[0]
    if parent_name:
        parent = __import__(parent_name, fromlist=['__path__'])
        try:
            parent_path = parent.__path__
        except AttributeError as e:
            if parent_name in _sys.builtin_module_names:
                return BuiltinImporter.find_spec(fullname)
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent_name!r} "
                f"while trying to find {fullname!r}", name=fullname) from e
        return PathFinder.find_spec(fullname, parent_path)
    spec = PathFinder.find_spec(fullname)
    if spec is None:
        spec = BuiltinImporter.find_spec(fullname)
    return spec


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    if location is None:
        return None
    location = str(location)
    spec = _file_spec(name, location)
    if loader is not None:
        spec.loader = loader
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    elif spec.loader.is_package(name):
        import os
        spec.submodule_search_locations = [os.path.dirname(location)]
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def module_from_spec(spec):
    import types
    module = None
    create = getattr(spec.loader, 'create_module', None)
    if create is not None:
        module = create(spec)
    if module is None:
        module = types.ModuleType(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location and spec.origin is not None:
        module.__file__ = spec.origin
    return module


def source_hash(source_bytes):
    import hashlib
    return hashlib.sha256(source_bytes).digest()[:8]


MAGIC_NUMBER = b'\xa7\r\r\n'
