package archive

import (
	"io"

	"github.com/asylang/asy/vm"
)

// Go readers and writers over a script's file object (anything with
// read/seek/write methods: an open() file, io.BytesIO, a GzipFile...), so
// Go's archive/* packages can work on whatever the script hands them. All
// file access thus goes through the script's own file objects, and so
// through the granted file system (an io.BytesIO needs no grant). The
// thread is the one running the native call that uses the adapter; a
// Python exception raised by the file is kept in err, since Go's packages
// may wrap or replace the error they are handed.

type pyFile struct {
	t   *vm.Thread
	f   vm.Value
	err error
}

// fail records a Python error for the caller to raise instead of Go's.
func (p *pyFile) fail(err error) error {
	if p.err == nil {
		p.err = err
	}
	return err
}

// raise is the error to give the script for err, which came out of a Go
// package that used p.
func (p *pyFile) raise(err error) error {
	if p.err != nil {
		return p.err
	}
	return err
}

func (p *pyFile) Write(b []byte) (int, error) {
	if _, err := p.t.CallMethod(p.f, "write", bytesVal(append([]byte(nil), b...))); err != nil {
		return 0, p.fail(err)
	}
	return len(b), nil
}

// Read reads at most len(b) bytes at the file's position.
func (p *pyFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	v, err := p.t.CallMethod(p.f, "read", vm.Int(int64(len(b))))
	if err != nil {
		return 0, p.fail(err)
	}
	data, ok := bufferBytes(v)
	if !ok {
		return 0, p.fail(vm.Errorf(vm.TypeError, "read() should return bytes, not '%s'", v.TypeName()))
	}
	if len(data) == 0 {
		return 0, io.EOF
	}
	return copy(b, data), nil
}

// ReadAt seeks and reads until b is full or the file ends.
func (p *pyFile) ReadAt(b []byte, off int64) (int, error) {
	if _, err := p.t.CallMethod(p.f, "seek", vm.Int(off)); err != nil {
		return 0, p.fail(err)
	}
	n := 0
	for n < len(b) {
		m, err := p.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
