// Package tzdata is the extension that links the IANA time zone database
// (Go's time/tzdata, about 450 KB) into the program, so zoneinfo finds
// every zone on a machine without zone files, and in interpreters that
// are not granted the host's files (which otherwise get no zones at all).
// Go still prefers the system's zone files where they exist. The asy
// command links it; an embedder opts in by importing this package and
// listing Extension:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{tzdata.Extension}})
package tzdata

import (
	_ "time/tzdata"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("tzdata")

func init() {
	stdlib.TZDataLinked = true
	stdlib.RegisterExtension("tzdata", map[string]vm.ModuleLoader{})
}
