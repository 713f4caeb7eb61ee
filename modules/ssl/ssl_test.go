package ssl_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asylang/asy"
	asyssl "github.com/asylang/asy/modules/ssl"
)

// writeTestCert makes a self-signed certificate for localhost and
// 127.0.0.1 and its key, as PEM files in dir.
func writeTestCert(t *testing.T, dir string) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kd, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kd}), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, key
}

// TLS streams over 127.0.0.1 with a certificate made here: a server
// context from load_cert_chain, clients trusting it through cafile, a name
// mismatch and an untrusted certificate failing as CPython's do, and
// verification turned off. The script's output is compared with python3's
// when python3 is there.
func TestTLSStreams(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeTestCert(t, dir)
	script := fmt.Sprintf("CERT, KEY = %q, %q\n", cert, key) + tlsScript
	var out bytes.Buffer
	grants := asy.Capabilities{Files: asy.Files{Host: true}, Network: &asy.Network{Listen: []string{"127.0.0.1:*"}}}
	in := mustNew(t, asy.Options{Stdout: &out, Stderr: &out, Grants: grants, Extensions: []asy.Extension{asyssl.Extension}})
	if err := in.Exec(context.Background(), "tls.py", script); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"b'secure hello\\n'", "Hostname mismatch", "self-signed certificate", "b'secure lax\\n'"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 to compare with")
	}
	path := filepath.Join(dir, "tls.py")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	ref, err := exec.Command(py, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, ref)
	}
	if string(ref) != out.String() {
		t.Errorf("asy:\n%s\npython3:\n%s", out.String(), ref)
	}
}

const tlsScript = `
import asyncio
import ssl


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(b"secure " + line)
    await writer.drain()
    writer.close()

async def main():
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(CERT, KEY)
    print(server_ctx.check_hostname, server_ctx.verify_mode)
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]

    client_ctx = ssl.create_default_context(cafile=CERT)
    print(client_ctx.check_hostname, client_ctx.verify_mode, client_ctx.protocol)
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx, server_hostname="localhost")
    cipher = writer.get_extra_info("cipher")
    print(type(cipher).__name__, cipher[1] in ("TLSv1.2", "TLSv1.3"), writer.get_extra_info("peercert")["subjectAltName"])
    writer.write(b"hello\n")
    print(await reader.readline())
    print(await reader.read())
    writer.close()
    await writer.wait_closed()

    # The name does not match the certificate.
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx, server_hostname="example.com")
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, isinstance(e, ssl.SSLError), isinstance(e, ValueError))
        print(e.reason if hasattr(e, "reason") else "", e.verify_message if hasattr(e, "verify_message") else "")

    # Not trusted at all.
    strict = ssl.create_default_context()
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=strict, server_hostname="localhost")
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, e.verify_message if hasattr(e, "verify_message") else "")

    # Verification off.
    lax = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        lax.verify_mode = ssl.CERT_NONE
    except ValueError as e:
        print("ValueError:", e)
    lax.check_hostname = False
    lax.verify_mode = ssl.CERT_NONE
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=lax)
    writer.write(b"lax\n")
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
`

func mustNew(t *testing.T, opts asy.Options) *asy.Interpreter {
	t.Helper()
	in, err := asy.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in
}

// Without the extension there is no ssl, as in a CPython built without
// it: the import fails, asyncio's ssl=True says why, and a context is
// needed for anything else; the rest of asyncio's networking still works.
func TestWithoutExtension(t *testing.T) {
	var out bytes.Buffer
	grants := asy.Capabilities{Network: &asy.Network{Listen: []string{"127.0.0.1:*"}}}
	in := mustNew(t, asy.Options{Stdout: &out, Stderr: &out, Grants: grants})
	err := in.Exec(context.Background(), "main.py", `
import asyncio
for name in ("ssl", "_ssl"):
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)

async def handle(reader, writer):
    writer.write(await reader.readline())
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=True)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await asyncio.start_server(handle, "127.0.0.1", 0, ssl=object())
    except TypeError as e:
        print("TypeError:", e)
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=None)
    writer.write(b"plain\n")
    print(await reader.readline())
    writer.close()
    server.close()
    await server.wait_closed()

asyncio.run(main())
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "ModuleNotFoundError No module named 'ssl' ssl\n" +
		"ModuleNotFoundError No module named '_ssl' _ssl\n" +
		"RuntimeError: stdlib ssl module not available\n" +
		"TypeError: ssl argument must be an SSLContext or None\n" +
		"b'plain\\n'\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
