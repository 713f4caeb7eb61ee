import unittest


class Deep(unittest.TestCase):
    def test_deep(self):
        pass

    def test_deep_error(self):
        raise RuntimeError("deep")
