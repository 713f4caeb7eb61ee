V = 5
print("mod:", __name__, repr(__package__), __spec__.name, __spec__.parent, "__path__" in globals())
