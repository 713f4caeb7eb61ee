WORD = "hello"


def shout(s):
    return s.upper() + "!"
