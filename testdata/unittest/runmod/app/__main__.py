import sys

from . import tools
from .tools import shout

print("name", __name__, "package", __package__, "spec", __spec__.name)
print("argv", sys.argv[1:], "argv0", sys.argv[0].rsplit("/", 2)[-2:])
print(shout(tools.WORD))
sys.exit(3)
