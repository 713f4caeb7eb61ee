# A package whose __init__ imports its own submodules relatively
# (testdata/core/import_package.asy).
from .mod import V
from . import mod
print("imppkg init:", __name__, __package__, __spec__.name, __path__ == [__file__.rsplit("/", 1)[0]])
