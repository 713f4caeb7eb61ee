import unittest

import helper


class Beta(unittest.TestCase):
    def test_helper(self):
        self.assertEqual(helper.double(4), 8)

    @unittest.skip("later")
    def test_second_skipped(self):
        pass


class BetaAsync(unittest.IsolatedAsyncioTestCase):
    async def test_async_second(self):
        self.assertTrue(await helper.slow_true())
