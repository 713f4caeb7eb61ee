"""importlib.resources: data files that live in packages, reached through
files(package) (a pathlib.Path of the package's directory)."""

import os
import pathlib
import sys as _sys
from contextlib import contextmanager


def _package(package):
    if isinstance(package, str):
        __import__(package)
        package = _sys.modules[package]
    return package


def files(anchor=None):
    """The directory of a package (or of a module's package) as a path."""
    if anchor is None:
        anchor = _sys._getframe(1).f_globals['__name__']
    module = _package(anchor)
    path = getattr(module, '__path__', None)
    if path:
        return pathlib.Path(list(path)[0])
    file = getattr(module, '__file__', None)
    if file:
        return pathlib.Path(file).parent
    raise TypeError(f'{module.__name__!r} is not a package')


def _check_package(package):
    module = _package(package)
    if getattr(module, '__path__', None) is None and getattr(module, '__spec__', None) is not None:
        if getattr(module.__spec__, 'submodule_search_locations', None) is None:
            raise TypeError(f'{module.__name__!r} is not a package')
    return module


def _deprecated(name):
    # The functions before files() warn, as 3.11's do.
    import warnings
    warnings.warn(f"{name} is deprecated. Use files() instead. Refer to "
                  "https://importlib-resources.readthedocs.io/en/latest/using.html"
                  "#migrating-from-legacy for migration advice.",
                  DeprecationWarning, stacklevel=3)


def read_text(package, resource, encoding='utf-8', errors='strict'):
    _deprecated('read_text')
    return (files(_check_package(package)) / resource).read_text(encoding=encoding, errors=errors)


def read_binary(package, resource):
    _deprecated('read_binary')
    return (files(_check_package(package)) / resource).read_bytes()


def open_text(package, resource, encoding='utf-8', errors='strict'):
    _deprecated('open_text')
    return open(files(_check_package(package)) / resource, encoding=encoding, errors=errors)


def open_binary(package, resource):
    _deprecated('open_binary')
    return open(files(_check_package(package)) / resource, 'rb')


def is_resource(package, name):
    _deprecated('is_resource')
    return (files(_check_package(package)) / name).is_file()


def contents(package):
    _deprecated('contents')
    return sorted(os.listdir(files(_check_package(package))))


@contextmanager
def as_file(path):
    yield pathlib.Path(path)


def path(package, resource):
    _deprecated('path')
    return _path(package, resource)


@contextmanager
def _path(package, resource):
    yield files(_check_package(package)) / resource
