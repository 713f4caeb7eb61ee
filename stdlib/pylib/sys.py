# sys, the script-language part: version_info as CPython's named structure
# (the rest of sys is native, stdlib/sys.go).


_native_version = version_info


class version_info(tuple):
    # A tuple whose fields also have names, like CPython's structseq.
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        return ("sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)"
                % tuple(self))

    def __reduce__(self):
        return (version_info, (tuple(self),))


version_info.__module__ = "sys"
version_info = version_info(_native_version)
del _native_version


class _ImplementationNamespace:
    # sys.implementation: CPython makes it a types.SimpleNamespace; importing
    # types here would slow every start, so this is the same shape by hand.
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return "namespace(%s)" % ", ".join("%s=%r" % kv for kv in self.__dict__.items())


# The name is asy's own (scripts that test for 'cpython' are asking about
# CPython's internals); the language version is 3.11's. No bytecode cache.
hexversion = 0x30B07F0
implementation = _ImplementationNamespace(
    name="asy", cache_tag=None, version=version_info, hexversion=hexversion,
    _multiarch="x86_64-linux-gnu")
del _ImplementationNamespace


class flags(tuple):
    # sys.flags: the interpreter's command-line flags, as CPython's structseq.
    # asy takes none of CPython's options, so all are at their defaults
    # (int_max_str_digits -1: not set by -X or the environment).
    _fields = ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
               "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
               "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
               "warn_default_encoding", "safe_path", "int_max_str_digits")
    n_fields = n_sequence_fields = 18
    n_unnamed_fields = 0

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[flags._fields.index(name)]
        except ValueError:
            raise AttributeError("'sys.flags' object has no attribute '%s'" % name) from None

    def __repr__(self):
        return "sys.flags(%s)" % ", ".join(
            "%s=%r" % (n, v) for n, v in zip(flags._fields, self))


flags.__module__ = "sys"
flags = flags((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
