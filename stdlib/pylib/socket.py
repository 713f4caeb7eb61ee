# socket: the enums and Python-level helpers over the Go core (socket_mod.go),
# as CPython's socket.py sits over _socket.
import enum as _enum

class AddressFamily(_enum.IntEnum):
    AF_UNSPEC = AF_UNSPEC
    AF_UNIX = AF_UNIX
    AF_INET = AF_INET
    AF_INET6 = AF_INET6

class SocketKind(_enum.IntEnum):
    SOCK_STREAM = SOCK_STREAM
    SOCK_DGRAM = SOCK_DGRAM
    SOCK_RAW = SOCK_RAW

class AddressInfo(_enum.IntFlag):
    AI_PASSIVE = AI_PASSIVE
    AI_CANONNAME = AI_CANONNAME
    AI_NUMERICHOST = AI_NUMERICHOST
    AI_NUMERICSERV = AI_NUMERICSERV
    AI_ADDRCONFIG = AI_ADDRCONFIG

class NameInfo(_enum.IntFlag):
    NI_NUMERICHOST = NI_NUMERICHOST
    NI_NUMERICSERV = NI_NUMERICSERV
    NI_NOFQDN = NI_NOFQDN
    NI_NAMEREQD = NI_NAMEREQD
    NI_DGRAM = NI_DGRAM

AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
AI_PASSIVE = AddressInfo.AI_PASSIVE
AI_CANONNAME = AddressInfo.AI_CANONNAME
AI_NUMERICHOST = AddressInfo.AI_NUMERICHOST
AI_NUMERICSERV = AddressInfo.AI_NUMERICSERV
AI_ADDRCONFIG = AddressInfo.AI_ADDRCONFIG
NI_NUMERICHOST = NameInfo.NI_NUMERICHOST
NI_NUMERICSERV = NameInfo.NI_NUMERICSERV
NI_NOFQDN = NameInfo.NI_NOFQDN
NI_NAMEREQD = NameInfo.NI_NAMEREQD
NI_DGRAM = NameInfo.NI_DGRAM


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    addrlist = []
    for res in _getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, AddressFamily),
                         _intenum_converter(socktype, SocketKind),
                         proto, canonname, sa))
    return addrlist


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    else:
        raise error("getaddrinfo returns an empty list")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        if family in (AF_INET, AF_INET6):
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getfqdn(name=''):
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name


def _wrap_addrinfo(results):
    return [(_intenum_converter(af, AddressFamily), _intenum_converter(socktype, SocketKind),
             proto, canonname, sa) for af, socktype, proto, canonname, sa in results]
