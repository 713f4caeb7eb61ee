from .a import A
B = 2
