# A module for mock_patch.asy to patch.
CONSTANT = 1
SETTINGS = {"mode": "prod"}


def fetch(url):
    return "real fetch of " + url


async def async_fetch(url):
    return "real async fetch"


def use_fetch():
    return fetch("https://example.com")


class Service:
    def ping(self):
        return "real pong"
