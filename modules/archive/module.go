// Package archive is the extension that gives scripts zlib, gzip, bz2,
// zipfile and tarfile, on Go's compress/* and archive/* packages. An
// embedder opts in:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{archive.Extension}})
//
// and a program that does not import this package links none of them
// (they would add some 700 KB to every embed). The native parts (zlib,
// the bzip2 reader, the ZIP directory and writer, tar headers) are Go here;
// the file-level APIs are in the script language (*.py, embedded). Every
// file is reached through the script's own file objects (pyfileio.go), so
// the granted file system applies and io.BytesIO needs no grant.
package archive

import (
	_ "embed"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("archive")

var (
	//go:embed _compression.py
	compressionSrc string
	//go:embed gzip.py
	gzipSrc string
	//go:embed bz2.py
	bz2Src string
	//go:embed zipfile.py
	zipfileSrc string
	//go:embed tarfile.py
	tarfileSrc string
)

func init() {
	stdlib.RegisterExtension("archive", map[string]vm.ModuleLoader{
		"zlib":         zlibModule,
		"_compression": stdlib.ScriptModule("_compression", nil, compressionSrc),
		"gzip":         stdlib.ScriptModule("gzip", nil, gzipSrc),
		"bz2":          stdlib.ScriptModule("bz2", bz2Module, bz2Src),
		"zipfile":      stdlib.ScriptModule("zipfile", zipfileModule, zipfileSrc),
		"tarfile":      stdlib.ScriptModule("tarfile", tarfileModule, tarfileSrc),
	})
}

// bufferBytes reads any bytes-like value (bytes, bytearray, memoryview,
// array).
func bufferBytes(v vm.Value) ([]byte, bool) {
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		return o.Data(), true
	case *vm.ByteArray:
		return o.Data(), true
	}
	return vm.BufferData(v)
}

func bytesVal(b []byte) vm.Value { return vm.Obj(vm.NewBytes(b)) }
