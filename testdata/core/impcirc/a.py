from .b import B
A = 1
