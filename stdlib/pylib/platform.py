# platform for asy: uname fields come from the kernel (stdlib/platform.go);
# the Python-describing functions describe asy honestly — the language
# version it targets, with 'asy' as the implementation.

import sys
from collections import namedtuple

__version__ = '1.0.8'

uname_result = namedtuple('uname_result', ['system', 'node', 'release', 'version', 'machine', 'processor'])

_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        _uname_cache = uname_result(*_uname(), processor())
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    # CPython runs `uname -p`; on Linux that is usually 'unknown', which it
    # reports as ''.
    return ''


def architecture(executable=None, bits='', linkage=''):
    return ('64bit' if sys.maxsize > 2**32 else '32bit', 'ELF')


def python_implementation():
    return 'asy'


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_version():
    return '.'.join(python_version_tuple())


def python_compiler():
    return 'Go ' + _go_version.removeprefix('go')


def python_build():
    return ('asy', '')


def python_branch():
    return ''


def python_revision():
    return ''


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    return '%s-%s-%s' % (u.system, u.release, u.machine)


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return (lib, version)


def freedesktop_os_release():
    for candidate in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(candidate, encoding='utf-8') as f:
                info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
                for line in f:
                    line = line.strip()
                    if not line or line.startswith('#') or '=' not in line:
                        continue
                    k, v = line.split('=', 1)
                    if len(v) >= 2 and v[0] == v[-1] and v[0] in '"\'':
                        v = v[1:-1]
                    info[k] = v
                return info
        except FileNotFoundError:
            continue
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")
