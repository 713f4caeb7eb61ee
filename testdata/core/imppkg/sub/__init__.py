from .. import mod as parent_mod
from ..mod import V as PV
from .leaf import *
print("sub:", __name__, __package__, __spec__.name, PV, leaf_value, parent_mod.__name__)
