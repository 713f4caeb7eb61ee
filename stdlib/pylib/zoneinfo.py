# zoneinfo for asy: IANA time zones as datetime.tzinfo objects, answered by
# Go's time zone database (stdlib/zoneinfo.go says where its data comes
# from). Instances are cached per key, as in CPython.

from datetime import tzinfo, timedelta, datetime

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo")


class ZoneInfoNotFoundError(KeyError):
    pass


class InvalidTZPathWarning(RuntimeWarning):
    pass


ZoneInfoNotFoundError.__module__ = "zoneinfo._common"

_EPOCH = datetime(1970, 1, 1)


def _check_key(key):
    if not isinstance(key, str):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(key).__name__)
    if key.startswith("/"):
        raise ValueError("ZoneInfo keys may not be absolute paths, got: %s" % key)
    parts = key.split("/")
    if not key or key != "/".join(p for p in parts if p not in ("", ".")):
        raise ValueError("ZoneInfo keys must be normalized relative paths, got: %s" % key)
    if ".." in parts:
        raise ValueError("ZoneInfo keys must refer to subdirectories of TZPATH, got: %s" % key)


def _wall_seconds(dt):
    # The wall time's seconds since the epoch, as if it were UTC.
    d = dt.replace(tzinfo=None, fold=0) - _EPOCH
    return d.days * 86400 + d.seconds


class ZoneInfo(tzinfo):
    _cache = {}

    def __new__(cls, key):
        inst = cls._cache.get(key)
        if inst is None:
            inst = cls._cache[key] = cls.no_cache(key)
        return inst

    @classmethod
    def no_cache(cls, key):
        _check_key(key)
        if not _exists(key):
            raise ZoneInfoNotFoundError("No time zone found with key %s" % key)
        self = object.__new__(cls)
        self._key = key
        return self

    @classmethod
    def from_file(cls, fobj, /, key=None):
        raise NotImplementedError("asy's zoneinfo reads zones by key only")

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        if only_keys is None:
            cls._cache.clear()
        else:
            for k in only_keys:
                cls._cache.pop(k, None)

    @property
    def key(self):
        return self._key

    def _local(self, dt):
        return _offset_local(self._key, _wall_seconds(dt), dt.fold)

    def utcoffset(self, dt):
        if dt is None:
            return None
        return timedelta(seconds=self._local(dt)[0])

    def dst(self, dt):
        if dt is None:
            return None
        return timedelta(seconds=self._local(dt)[2])

    def tzname(self, dt):
        if dt is None:
            return None
        return self._local(dt)[1]

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off, name, dst, fold = _offset_utc(self._key, _wall_seconds(dt))
        return (dt + timedelta(seconds=off)).replace(fold=fold)

    def __repr__(self):
        return "%s.%s(key=%r)" % (type(self).__module__, type(self).__qualname__, self._key)

    def __str__(self):
        return self._key

    def __reduce__(self):
        return (self.__class__._unpickle, (self._key,))

    @classmethod
    def _unpickle(cls, key):
        return cls(key)


def available_timezones():
    return set(_available())


def reset_tzpath(to=None):
    global TZPATH
    if to is not None:
        TZPATH = tuple(to)
