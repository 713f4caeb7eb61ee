import sys


class _Replacement:
    answer = "the module replaced itself in sys.modules"


sys.modules[__name__] = _Replacement()
