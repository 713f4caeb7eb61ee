// Package asyncpg is the extension that gives scripts asyncpg, PostgreSQL
// on pgx. An embedder opts in:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{asyncpg.Extension}})
//
// and a program that does not import this package links no pgx. A script
// connects to a pool the embedder handed in (Options.Databases) or, given
// a network grant (Capabilities.Network), to a DSN.
package asyncpg

import (
	_ "embed"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("asyncpg")

//go:embed asyncpg.py
var asyncpgSrc string

func init() {
	stdlib.RegisterExtension("asyncpg", map[string]vm.ModuleLoader{
		"_asyncpg": asyncpgNative,
		"asyncpg":  stdlib.ScriptModule("asyncpg", nil, asyncpgSrc),
	})
}

// trackConn lists a connection so that none outlives the interpreter.
func trackConn(it *vm.Interp, h *pgHandle) { stdlib.TrackConn(it, handleCloser{h}) }

type handleCloser struct{ h *pgHandle }

func (c handleCloser) Close() error { return c.h.close() }
