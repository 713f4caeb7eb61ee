package asy_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/asylang/asy"
)

// Without a network grant there is no network: sockets, servers and
// connections are refused with PermissionError; a grant that allows
// connecting but not listening refuses servers, and its allow-list applies
// to asyncio's connections.
func TestNetGrants(t *testing.T) {
	var out bytes.Buffer
	in := mustNew(t, asy.Options{Stdout: &out})
	err := in.Exec(context.Background(), "main.py", `
import asyncio, socket
try:
    socket.socket()
except PermissionError as e:
    print("socket:", e)
async def main():
    for call in (lambda: asyncio.open_connection("127.0.0.1", 80),
                 lambda: asyncio.start_server(print, "127.0.0.1", 0),
                 lambda: asyncio.get_running_loop().getaddrinfo("localhost", 80)):
        try:
            await call()
        except PermissionError as e:
            print("asyncio:", e)
asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "socket: no network access was granted to this script\n" +
		"asyncio: no network access was granted to this script\n" +
		"asyncio: no listening on the network was granted to this script\n" +
		"asyncio: no network access was granted to this script\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}

	out.Reset()
	in = mustNew(t, asy.Options{Stdout: &out, Grants: asy.Capabilities{Network: &asy.Network{Allow: []string{"127.0.0.1:9"}}}})
	err = in.Exec(context.Background(), "main.py", `
import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    raw = socket.socket()
    raw.setblocking(False)
    for call in (lambda: asyncio.open_connection("127.0.0.1", 80),
                 lambda: asyncio.start_server(print, "127.0.0.1", 0),
                 lambda: loop.sock_connect(raw, ("127.0.0.1", 80)),
                 lambda: loop.create_datagram_endpoint(asyncio.DatagramProtocol, remote_addr=("127.0.0.1", 53))):
        try:
            await call()
        except PermissionError as e:
            print("PermissionError:", e)
    raw.close()
    # Raw sockets get the same allow-lists as asyncio's connections.
    s = socket.socket()
    for call in (lambda: s.connect(("127.0.0.1", 80)), lambda: s.bind(("127.0.0.1", 0))):
        try:
            call()
        except PermissionError as e:
            print("PermissionError:", e)
    s.close()
asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	want = "PermissionError: dial 127.0.0.1:80: the address was not granted to this script\n" +
		"PermissionError: no listening on the network was granted to this script\n" +
		"PermissionError: connecting to 127.0.0.1:80 was not granted to this script\n" +
		"PermissionError: connecting to 127.0.0.1:53 was not granted to this script\n" +
		"PermissionError: connecting to 127.0.0.1:80 was not granted to this script\n" +
		"PermissionError: binding 127.0.0.1:0 was not granted to this script\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
