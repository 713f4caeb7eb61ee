import unittest

from . import values


class Inner(unittest.TestCase):
    def test_values(self):
        self.assertEqual(values.VALUES, [1, 2, 3])

    def test_error(self):
        raise KeyError("inner")
