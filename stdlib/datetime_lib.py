# datetime for asy: date, time, datetime, timedelta, timezone with
# CPython's constructors, reprs, arithmetic and comparisons. now() and
# today() read time.time(), so they follow the interpreter's clock (virtual
# or real). _strftime is the Go formatter shared with time.strftime.

import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(year, month, day):
    return (_days_before_year(year) + _DAYS_BEFORE_MONTH[month]
            + (month > 2 and _is_leap(year)) + day)


def _ord2ymd(n):
    # Count 400-, 100-, 4- and 1-year cycles from 0001-01-01.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - preceding + 1


def _check_int(name, value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value


def _check_date(year, month, day):
    for v in (year, month, day):
        _check_int("", v)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


def _check_time(hour, minute, second, microsecond):
    for v in (hour, minute, second, microsecond):
        _check_int("", v)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")


def _cmp_error(a, b):
    return TypeError(f"can't compare {type(a).__name__} to {type(b).__name__}")


class timedelta:
    __slots__ = ("_days", "_seconds", "_microseconds")

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        total = (days * 86400 + seconds + minutes * 60 + hours * 3600 + weeks * 604800) * 1000000
        total += microseconds + milliseconds * 1000
        total = round(total)
        d, rest = divmod(total, 86400 * 1000000)
        s, us = divmod(rest, 1000000)
        if abs(d) > 999999999:
            raise OverflowError(f"days={d}; must have magnitude <= 999999999")
        self._days, self._seconds, self._microseconds = d, s, us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f"days={self._days}")
        if self._seconds:
            args.append(f"seconds={self._seconds}")
        if self._microseconds:
            args.append(f"microseconds={self._microseconds}")
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(args) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            s = f"{self._days} day{'' if abs(self._days) == 1 else 's'}, " + s
        if self._microseconds:
            s += f".{self._microseconds:06d}"
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta(microseconds=self._us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() / other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() % other._us())
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us() < other._us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us() <= other._us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us() > other._us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us() >= other._us()
        return NotImplemented

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        # Standard time and one DST amount: shift by the standard offset,
        # then by the DST in force there (CPython's default algorithm).
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; cannot convert")
        return dt + dtdst if dtdst else dt


class timezone(tzinfo):
    def __new__(cls, offset, name=None):
        # A zero offset without a name is the timezone.utc singleton.
        if name is None and isinstance(offset, timedelta) and not offset:
            utc = getattr(cls, "utc", None)
            if utc is not None:
                return utc
        return object.__new__(cls)

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() argument must be a datetime instance or None")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"datetime.timezone({self._offset!r})"
        return f"datetime.timezone({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))


def _format_offset(off, sep):
    sign = "+"
    if off.days < 0:
        sign, off = "-", -off
    mm, ss = divmod(off.seconds, 60)
    hh, mm = divmod(mm, 60)
    s = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or off.microseconds:
        s += f"{sep}{ss:02d}"
        if off.microseconds:
            s += f".{off.microseconds:06d}"
    return s


class date:
    __slots__ = ("_year", "_month", "_day")

    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year, self._month, self._day = year, month, day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        tm = _time.localtime(t)
        return cls(tm.tm_year, tm.tm_mon, tm.tm_mday)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            y, m, d = s[0:4], s[5:7], s[8:10]
            if len(s) != 10 or s[4] != "-" or s[7] != "-":
                raise ValueError
            return cls(int(y), int(m), int(d))
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"{type(self).__module__}.{type(self).__qualname__}({self._year}, {self._month}, {self._day})"

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, None, "")

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)


    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 0 < n <= 3652059:
                raise OverflowError("result out of range")
            return type(self).fromordinal(n)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _key(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return (self._year, self._month, self._day), (other._year, other._month, other._day)
        return None

    def __eq__(self, other):
        k = self._key(other)
        return NotImplemented if k is None else k[0] == k[1]

    def __lt__(self, other):
        k = self._key(other)
        if k is None:
            raise _cmp_error(self, other)
        return k[0] < k[1]

    def __le__(self, other):
        k = self._key(other)
        if k is None:
            raise _cmp_error(self, other)
        return k[0] <= k[1]

    def __gt__(self, other):
        k = self._key(other)
        if k is None:
            raise _cmp_error(self, other)
        return k[0] > k[1]

    def __ge__(self, other):
        k = self._key(other)
        if k is None:
            raise _cmp_error(self, other)
        return k[0] >= k[1]

    def __hash__(self):
        return hash((self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class time:
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo")

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond)
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = 0  # asy's time objects carry no fold

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off, ":")
        return s

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        args = [str(self._hour), str(self._minute)]
        if self._second or self._microsecond:
            args.append(str(self._second))
        if self._microsecond:
            args.append(str(self._microsecond))
        s = f"{type(self).__module__}.{type(self).__qualname__}({', '.join(args)}"
        if self._tzinfo is not None:
            s += f", tzinfo={self._tzinfo!r}"
        return s + ")"

    def _tuple(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._tuple() == other._tuple() and self.utcoffset() == other.utcoffset()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._tuple() < other._tuple()
        raise _cmp_error(self, other)

    def __hash__(self):
        return hash(self._tuple())

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond, None, "")


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


class datetime(date):
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if fold not in (0, 1):
            raise ValueError("fold must be either 0 or 1")
        self._fold = fold
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        if tzinfo is not None and not isinstance(tzinfo, tzinfo_type):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '" + type(tzinfo).__name__ + "'")
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = round(t * 1000000)
        secs, us = divmod(us, 1000000)
        if tz is None:
            tm = _time.localtime(secs)
            return cls(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, us)
        base = cls._from_utc_us(secs * 1000000 + us)
        return tz.fromutc(base.replace(tzinfo=tz))

    @classmethod
    def _from_utc_us(cls, us):
        days, us = divmod(us, 86400 * 1000000)
        y, m, d = _ord2ymd(days + _ymd2ord(1970, 1, 1))
        secs, us = divmod(us, 1000000)
        mm, ss = divmod(secs, 60)
        hh, mm = divmod(mm, 60)
        return cls(y, m, d, hh, mm, ss, us)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_utc_us(round(t * 1000000))

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        if tzinfo is True:
            tzinfo = t.tzinfo
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            d = date.fromisoformat(s[:10])
            rest = s[11:]
            if len(s) > 10 and s[10] not in "T ":
                raise ValueError
            tz = None
            for sign in "+-":
                i = rest.find(sign)
                if i >= 0:
                    off = rest[i + 1:].replace(":", "")
                    delta = timedelta(hours=int(off[0:2]), minutes=int(off[2:4] or 0), seconds=int(off[4:6] or 0))
                    tz = timezone(-delta if sign == "-" else delta)
                    rest = rest[:i]
                    break
            if rest.endswith("Z"):
                tz, rest = timezone.utc, rest[:-1]
            hh = int(rest[0:2] or 0)
            mm = int(rest[3:5] or 0)
            ss = int(rest[6:8] or 0)
            us = int((rest[9:] + "000000")[:6]) if len(rest) > 8 else 0
            return cls(d.year, d.month, d.day, hh, mm, ss, us, tz)
        except (ValueError, IndexError):
            raise ValueError(f"Invalid isoformat string: {s!r}") from None

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def timestamp(self):
        if self._tzinfo is None:
            off = -_time.timezone
            return (self._us() - _ymd2ord(1970, 1, 1) * 86400 * 1000000) / 10 ** 6 - off
        return (self - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds()

    def isoformat(self, sep="T", timespec="auto"):
        s = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
             + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off, ":")
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        args = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(args) > 5 and args[-1] == 0:
            args.pop()
        s = f"{type(self).__module__}.{type(self).__qualname__}({', '.join(map(str, args))}"
        if self._fold:
            s += ", fold=1"
        if self._tzinfo is not None:
            s += f", tzinfo={self._tzinfo!r}"
        return s + ")"

    def strftime(self, fmt):
        off = self.utcoffset()
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute, self._second,
                         self._microsecond, None if off is None else off.days * 86400 + off.seconds,
                         self.tzname() or "")

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(pick(year, self._year), pick(month, self._month), pick(day, self._day),
                          pick(hour, self._hour), pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond), self._tzinfo if tzinfo is True else tzinfo,
                          fold=pick(fold, self._fold))

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone(timedelta(seconds=-_time.timezone))
        if self._tzinfo is tz:
            return self
        off = self.utcoffset()
        if off is None:
            off = timedelta(seconds=-_time.timezone)
        utc = (self - off).replace(tzinfo=tz, fold=0)
        return tz.fromutc(utc)


    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._us() + other._us()
            days, rest = divmod(us, 86400 * 1000000)
            if not 0 < days <= 3652059:
                raise OverflowError("date value out of range")
            y, m, d = _ord2ymd(days)
            secs, micro = divmod(rest, 1000000)
            mm, ss = divmod(secs, 60)
            hh, mm = divmod(mm, 60)
            return type(self)(y, m, d, hh, mm, ss, micro, self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            a, b = self.utcoffset(), other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            diff = self._us() - other._us()
            # With one tzinfo object on both sides, CPython subtracts the
            # wall times and never asks for offsets.
            if a is not None and self._tzinfo is not other._tzinfo:
                diff -= a._us() - b._us()
            return timedelta(microseconds=diff)
        return NotImplemented

    def _cmpkey(self, other, eq):
        if not isinstance(other, datetime):
            if eq:
                return None
            raise _cmp_error(self, other)
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            if eq:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        x, y = self._us(), other._us()
        if a is not None and self._tzinfo is not other._tzinfo:
            x -= a._us()
            y -= b._us()
        return x, y

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented if not isinstance(other, date) else False
        k = self._cmpkey(other, True)
        return False if k is None else k[0] == k[1]

    def __lt__(self, other):
        k = self._cmpkey(other, False)
        return k[0] < k[1]

    def __le__(self, other):
        k = self._cmpkey(other, False)
        return k[0] <= k[1]

    def __gt__(self, other):
        k = self._cmpkey(other, False)
        return k[0] > k[1]

    def __ge__(self, other):
        k = self._cmpkey(other, False)
        return k[0] >= k[1]

    def __hash__(self):
        off = self.utcoffset()
        return hash(self._us() - (off._us() if off is not None else 0))


tzinfo_type = tzinfo
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
UTC = timezone.utc
