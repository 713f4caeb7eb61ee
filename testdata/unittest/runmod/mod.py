import os
import sys

print("name", __name__, "package", repr(__package__), "spec", __spec__.name)
print("argv", sys.argv[1:], os.path.basename(sys.argv[0]))
print("path0 is cwd", sys.path[0] == os.getcwd())
