"""importlib.machinery: module specs and the loaders asy's imports use."""

import sys as _sys

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []


def all_suffixes():
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class ModuleSpec:
    """What an import found: name, loader, origin (a file, or 'built-in'),
    and for packages the directories of their submodules."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self.cached = None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name == other.name and self.loader == other.loader and
                self.origin == other.origin and
                self.submodule_search_locations == other.submodule_search_locations)


class BuiltinImporter:
    """Loads the modules built into the interpreter (all of asy's library)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname in _sys.builtin_module_names:
            return ModuleSpec(fullname, cls, origin='built-in')
        return None

    @staticmethod
    def create_module(spec):
        __import__(spec.name)
        return _sys.modules[spec.name]

    @staticmethod
    def exec_module(module):
        pass


class SourceFileLoader:
    """Loads a module from a source file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.name == other.name and self.path == other.path)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def get_source(self, name=None):
        return self.get_data(self.path).decode('utf-8')

    def is_package(self, name=None):
        import os
        return os.path.splitext(os.path.basename(self.path))[0] == '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = compile(self.get_source(), self.path, 'exec')
        exec(code, module.__dict__)

    def load_module(self, name=None):
        import types
        name = name or self.name
        module = _sys.modules.get(name)
        if module is None:
            module = types.ModuleType(name)
            module.__file__ = self.path
            module.__loader__ = self
            _sys.modules[name] = module
        self.exec_module(module)
        return module


SourcelessFileLoader = SourceFileLoader


class PathFinder:
    """Finds modules in sys.path (or a package's __path__)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        import os
        if path is None:
            path = _sys.path
        leaf = fullname.rpartition('.')[2]
        for entry in path:
            base = os.path.join(entry or os.getcwd(), leaf)
            for ext in ('.py', '.asy'):
                init = os.path.join(base, '__init__' + ext)
                if os.path.isfile(init):
                    spec = _file_spec(fullname, init)
                    spec.submodule_search_locations = [base]
                    return spec
            for ext in ('.py', '.asy'):
                if os.path.isfile(base + ext):
                    return _file_spec(fullname, base + ext)
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def _file_spec(name, path):
    spec = ModuleSpec(name, SourceFileLoader(name, path), origin=path)
    spec._set_fileattr = True
    return spec


FileFinder = PathFinder
