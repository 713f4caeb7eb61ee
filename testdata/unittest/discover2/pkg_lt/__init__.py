import unittest


def load_tests(loader, standard_tests, pattern):
    print("pkg_lt.load_tests pattern", pattern, standard_tests.countTestCases())
    here = __import__("os").path.dirname(__file__)
    found = loader.discover(start_dir=here, pattern=pattern or "test*.py")
    standard_tests.addTests(found)
    return standard_tests


class InInit(unittest.TestCase):
    def test_in_init(self):
        pass
