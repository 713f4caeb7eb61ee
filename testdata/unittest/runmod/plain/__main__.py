import os
import sys

import neighbour

print("name", __name__, "spec", __spec__.name, "package", repr(__package__))
print("path0", os.path.basename(sys.path[0].rstrip("/")), "file", os.path.basename(__file__))
print("argv", sys.argv)
print(neighbour.VALUE)
