"""unittest._log: the context manager behind assertLogs and assertNoLogs.

While it is active, the watched logger's handlers are replaced by one that
records, its level is set to the asked one and it stops propagating; all
three are put back on exit.
"""

import logging
import collections

from unittest.case import _BaseTestCaseContext

__unittest = True

_LoggingWatcher = collections.namedtuple("_LoggingWatcher", ["records", "output"])


class _CapturingHandler(logging.Handler):
    """Keeps the records it handles and their formatted text."""

    def __init__(self):
        logging.Handler.__init__(self)
        self.watcher = _LoggingWatcher([], [])

    def flush(self):
        pass

    def emit(self, record):
        self.watcher.records.append(record)
        self.watcher.output.append(self.format(record))


def _level_number(level):
    # A level name becomes its number (getLevelName maps names to numbers);
    # numbers and unknown names are passed on for setLevel to judge.
    if not level:
        return logging.INFO
    if isinstance(level, str):
        number = logging.getLevelName(level)
        if isinstance(number, int):
            return number
    return level


class _AssertLogsContext(_BaseTestCaseContext):
    LOGGING_FORMAT = "%(levelname)s:%(name)s:%(message)s"

    def __init__(self, test_case, logger_name, level, no_logs):
        _BaseTestCaseContext.__init__(self, test_case)
        self.logger_name = logger_name
        self.level = _level_number(level)
        self.no_logs = no_logs
        self.msg = None

    def __enter__(self):
        target = self.logger_name
        if not isinstance(target, logging.Logger):
            target = logging.getLogger(target)
        self.logger = target
        capture = _CapturingHandler()
        capture.setLevel(self.level)
        capture.setFormatter(logging.Formatter(self.LOGGING_FORMAT))
        self.watcher = capture.watcher
        self._saved = (target.handlers[:], target.level, target.propagate)
        target.handlers = [capture]
        target.setLevel(self.level)
        target.propagate = False
        return None if self.no_logs else capture.watcher

    def __exit__(self, exc_type, exc_value, tb):
        handlers, level, propagate = self._saved
        self.logger.handlers = handlers
        self.logger.propagate = propagate
        self.logger.setLevel(level)
        if exc_type is not None:
            return False  # the block's exception wins
        seen = self.watcher.records
        if self.no_logs and seen:
            self._raiseFailure(f"Unexpected logs found: {self.watcher.output!r}")
        if not self.no_logs and not seen:
            self._raiseFailure(f"no logs of level {logging.getLevelName(self.level)} "
                               f"or higher triggered on {self.logger.name}")
        return None
