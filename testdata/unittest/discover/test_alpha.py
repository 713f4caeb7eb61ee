import unittest


class Alpha(unittest.TestCase):
    def test_one(self):
        self.assertEqual(1 + 1, 2)

    def test_second_fails(self):
        self.assertEqual({"k": [1, 2]}, {"k": [1, 2, 3]})

    def test_third(self):
        self.assertIn("a", "abc")
