import unittest


class NotFound(unittest.TestCase):
    def test_never_discovered(self):
        pass
