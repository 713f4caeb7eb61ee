// Package ssl is the extension that gives scripts the ssl module (the
// subset asyncio needs: SSLContext, create_default_context, the errors) and
// TLS in asyncio's streams and servers (open_connection(ssl=...),
// start_server(ssl=...)), on Go's crypto/tls. An embedder opts in:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{ssl.Extension}})
//
// and a program that does not import this package links no crypto/tls
// (nor crypto/x509 and the public-key algorithms it brings), the largest
// part of a hello-world embed otherwise. Without it `import ssl` raises
// ModuleNotFoundError and asyncio's ssl=True raises RuntimeError, as in a
// CPython built without ssl.
package ssl

import (
	_ "embed"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("ssl")

//go:embed ssl.py
var sslSrc string

func init() {
	stdlib.RegisterExtension("ssl", map[string]vm.ModuleLoader{
		"_ssl": sslNative,
		"ssl":  stdlib.ScriptModule("ssl", nil, sslSrc),
	})
}

// sslNative is the _ssl module: the Go half ssl.py imports.
func sslNative(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_ssl", "")
	m.Set("SSLContext", vm.Obj(sslContextType))
	m.Set("SSLError", vm.Obj(sslErrorClass))
	m.Set("SSLCertVerificationError", vm.Obj(sslCertError))
	return m, nil
}
