# locale for asy: asy has no locale database, only the "C" locale and its
# UTF-8 variant (text is always UTF-8 in asy). setlocale accepts those
# names (and "" for the environment's choice among them) and refuses
# others with locale.Error, as a C library without the locale installed
# would; the formatting helpers then behave as CPython's do in "C": no
# digit grouping, '.' as the decimal point. Like CPython at start-up,
# LC_CTYPE starts as C.UTF-8 and the other categories as C.

import sys

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES"]

_builtin_str = str


class Error(Exception):
    pass


# glibc's category numbers.
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

# Every glibc category, in the order its composite LC_ALL name lists them
# (the last six have no Python constant).
_categories = [(0, "LC_CTYPE"), (1, "LC_NUMERIC"), (2, "LC_TIME"), (3, "LC_COLLATE"),
               (4, "LC_MONETARY"), (5, "LC_MESSAGES"), (7, "LC_PAPER"), (8, "LC_NAME"),
               (9, "LC_ADDRESS"), (10, "LC_TELEPHONE"), (11, "LC_MEASUREMENT"),
               (12, "LC_IDENTIFICATION")]
_current = {num: "C" for num, _ in _categories}
_current[LC_CTYPE] = "C.UTF-8"

# The names a C library knows without any locale installed.
_known = {"C", "POSIX", "C.UTF-8", "C.utf8", "C.utf-8", "C.UTF8"}


def _resolve(name):
    # The name setlocale reports for a requested one.
    if name == "POSIX":
        return "C"
    return name


def _from_environment(category):
    # "" picks the locale from LC_ALL, LC_<category> or LANG; asy can honour
    # only the C locales, so anything else there means its own C.UTF-8.
    import os
    label = dict(_categories)[category] if category != LC_ALL else None
    for var in ("LC_ALL", label, "LANG"):
        if var is None:
            continue
        v = os.environ.get(var)
        if v:
            return _resolve(v) if v in _known else "C.UTF-8"
    return "C.UTF-8"


def setlocale(category, locale=None):
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(category).__name__)
    if locale is not None and not isinstance(locale, _builtin_str):
        locale = _build_localename(locale)
    valid = category == LC_ALL or category in _current
    if locale is None:
        if not valid:
            raise Error("locale query failed")
        if category != LC_ALL:
            return _current[category]
        names = set(_current.values())
        if len(names) == 1:
            return names.pop()
        return ";".join("%s=%s" % (label, _current[num]) for num, label in _categories)
    if not valid:
        raise Error("unsupported locale setting")
    if locale == "":
        new = _from_environment(category)
    elif locale in _known:
        new = _resolve(locale)
    else:
        raise Error("unsupported locale setting")
    if category == LC_ALL:
        for num in _current:
            _current[num] = new
    else:
        _current[category] = new
    return new


def resetlocale(category=LC_ALL):
    setlocale(category, "")


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError("Locale must be None, a string, or an iterable of two strings -- language code, encoding.") from None
    if language is None:
        language = "C"
    if encoding is None:
        return language
    return language + "." + encoding


def _parse(name):
    # (language code, encoding) of a locale name; CPython's alias table maps
    # C.UTF-8 to en_US.UTF-8, and the plain C locale to (None, None).
    if name in ("C", "POSIX"):
        return None, None
    if name.split(".")[0] == "C":
        return "en_US", "UTF-8"
    lang, _, enc = name.partition(".")
    return lang, enc or None


def getlocale(category=LC_CTYPE):
    name = setlocale(category)
    if category == LC_ALL and ";" in name:
        raise TypeError("category LC_ALL is not supported")
    return _parse(name)


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. "
                  "Use setlocale(), getencoding() and getlocale() instead.", DeprecationWarning, stacklevel=2)
    import os
    for var in envvars:
        v = os.environ.get(var)
        if v:
            if var == "LANGUAGE":
                v = v.split(":")[0]
            if v in ("C", "POSIX"):
                return None, "UTF-8"
            return _parse(v)
    return None, "UTF-8"


def getencoding():
    return "UTF-8"


def getpreferredencoding(do_setlocale=True):
    return "UTF-8"


def localeconv():
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
            'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    # The C locale collates by code point.
    if not isinstance(a, _builtin_str) or not isinstance(b, _builtin_str):
        raise TypeError("strcoll() argument must be str")
    return (a > b) - (a < b)


def strxfrm(s):
    if not isinstance(s, _builtin_str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(s).__name__)
    return s


def format_string(f, val, grouping=False, monetary=False):
    # The C locale has no grouping and '.' as its decimal point, so the
    # locale-aware result is plain %-formatting.
    return f % val


def format(percent, value, grouping=False, monetary=False, *additional):
    import warnings
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.", DeprecationWarning, stacklevel=2)
    # Exactly one conversion: a lone % followed by its flags and a letter.
    import re
    if percent.startswith("%") and re.fullmatch(r"%(?:\([^)]*\))?[-#0 +*]*[0-9*]*(?:\.[0-9*]+)?[hlL]?[a-zA-Z%]", percent):
        return format_string(percent, value, grouping, monetary)
    raise ValueError("format() must be given exactly one %%char format specifier, %s not valid" % repr(percent))


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return format_string("%.12g", val)


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))


def normalize(localename):
    # Only UTF-8 names are normalized (CPython's alias table, which maps the
    # C locale to en_US, is not carried for the world's locales).
    lang, dot, enc = localename.partition(".")
    if enc.lower().replace("-", "").replace("_", "") == "utf8":
        return ("en_US" if lang == "C" else lang) + ".UTF-8"
    return localename


# nl_langinfo items, glibc's numbers.
CODESET = 14
RADIXCHAR = 65536
THOUSEP = 65537
CRNCYSTR = 262159
YESEXPR = 327680
NOEXPR = 327681
D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM = 131112, 131113, 131114, 131115
AM_STR, PM_STR = 131110, 131111
ERA, ERA_D_FMT, ALT_DIGITS, ERA_D_T_FMT, ERA_T_FMT = 131116, 131118, 131119, 131120, 131121
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_langinfo = {RADIXCHAR: ".", THOUSEP: "", CRNCYSTR: "-", YESEXPR: "^[yY]", NOEXPR: "^[nN]",
             D_T_FMT: "%a %b %e %H:%M:%S %Y", D_FMT: "%m/%d/%y", T_FMT: "%H:%M:%S",
             T_FMT_AMPM: "%I:%M:%S %p", AM_STR: "AM", PM_STR: "PM", ERA: "", ERA_D_FMT: "",
             ALT_DIGITS: "", ERA_D_T_FMT: "", ERA_T_FMT: ""}
for _i in range(7):
    globals()["DAY_%d" % (_i + 1)] = 131079 + _i
    globals()["ABDAY_%d" % (_i + 1)] = 131072 + _i
    _langinfo[131079 + _i] = _DAYS[_i]
    _langinfo[131072 + _i] = _DAYS[_i][:3]
for _i in range(12):
    globals()["MON_%d" % (_i + 1)] = 131098 + _i
    globals()["ABMON_%d" % (_i + 1)] = 131086 + _i
    _langinfo[131098 + _i] = _MONTHS[_i]
    _langinfo[131086 + _i] = _MONTHS[_i][:3]
del _i


def nl_langinfo(key):
    if key == CODESET:
        # The plain C locale's character set is ASCII, under its C name.
        return "UTF-8" if _current[LC_CTYPE] != "C" else "ANSI_X3.4-1968"
    try:
        return _langinfo[key]
    except (KeyError, TypeError):
        if not isinstance(key, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(key).__name__) from None
        raise ValueError("unsupported langinfo constant") from None
