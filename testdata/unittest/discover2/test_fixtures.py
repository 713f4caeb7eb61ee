import unittest


def setUpModule():
    print("setUpModule test_fixtures")


def tearDownModule():
    print("tearDownModule test_fixtures")


class WithFixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass WithFixtures")

    def test_prints(self):
        print("inside test_prints")

    def test_fails_with_output(self):
        print("captured output")
        self.assertEqual(1, 2)
