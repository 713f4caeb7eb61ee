"""python -m unittest: discovery, or the tests named on the command line."""

import sys

if sys.argv[0].endswith("__main__.py") or sys.argv[0] in ("", "-m"):
    sys.argv[0] = "python3 -m unittest"

__unittest = True

from unittest.main import main

main(module=None)
