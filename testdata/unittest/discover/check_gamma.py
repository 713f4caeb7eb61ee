import unittest


class Gamma(unittest.TestCase):
    def test_gamma(self):
        self.assertEqual("gamma".upper(), "GAMMA")
