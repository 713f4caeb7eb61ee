"""A helper module imported by imports.asy."""
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name} from {__name__}"
class Thing:
    def __repr__(self):
        return "Thing()"
print("helper_mod loaded")
