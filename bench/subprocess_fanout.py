# Subprocess fan-out: 100 `true` processes started and gathered, then 100
# `echo` processes whose output is captured with communicate(), 5 rounds.
import asyncio


async def run_true():
    p = await asyncio.create_subprocess_exec("true")
    return await p.wait()


async def run_echo(i):
    p = await asyncio.create_subprocess_exec("echo", str(i), stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate()
    return int(out)


async def main():
    codes = total = 0
    for _ in range(5):
        codes += sum(await asyncio.gather(*(run_true() for _ in range(100))))
        total += sum(await asyncio.gather(*(run_echo(i) for i in range(100))))
    print(codes, total)


asyncio.run(main())
