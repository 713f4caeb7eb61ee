# 1,000 TCP connections held open at once (server in the same script); the
# peak memory column of bench/run.sh, divided by 1,000, is the cost of a
# connection (both ends: two sockets, a task on each side, their streams).
import asyncio

import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


async def handle(reader, writer):
    await reader.read()  # until the client closes
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=N)
    port = server.sockets[0].getsockname()[1]
    conns = []
    for i in range(N):
        conns.append(await asyncio.open_connection("127.0.0.1", port))
    await asyncio.sleep(0.2)
    held = sum(1 for r, w in conns if not w.is_closing())
    for r, w in conns:
        w.close()
    for r, w in conns:
        await w.wait_closed()
    server.close()
    await server.wait_closed()
    print("held", held)


asyncio.run(main())
