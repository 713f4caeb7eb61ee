# A TCP echo workload: 20 clients each make 1000 line round trips with a
# streams server in the same script, over 127.0.0.1.
import asyncio

CLIENTS = 20
ROUNDS = 1000


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    for i in range(ROUNDS):
        writer.write(b"client %d line %d\n" % (n, i))
        await writer.drain()
        line = await reader.readline()
        total += len(line)
    writer.close()
    await writer.wait_closed()
    return total


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    totals = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    server.close()
    await server.wait_closed()
    print(len(totals), sum(totals))


asyncio.run(main())
