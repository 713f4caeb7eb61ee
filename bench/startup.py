# Start-up: import what a typical asyncio script imports and run one task.
import asyncio
import json
import logging
from dataclasses import dataclass


@dataclass
class Job:
    n: int


async def main():
    await asyncio.sleep(0)
    return json.dumps({"job": Job(1).n})


print(asyncio.run(main()))
logging.getLogger(__name__).debug("done")
