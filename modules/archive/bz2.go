package archive

import (
	"compress/bzip2"
	"errors"
	"io"

	"github.com/asylang/asy/vm"
)

// bz2's native core on Go's compress/bzip2, which only decompresses: the
// module (pylib/bz2.py) raises a clear error for compression. Go's reader
// runs concatenated streams together and stops at data that does not start
// another one; bzipSource counts what it has handed out so the start of
// that trailing data is known (CPython's unused_data).

type bzipSource struct {
	data []byte
	pos  int
}

func (s *bzipSource) Read(p []byte) (int, error) {
	if s.pos >= len(s.data) {
		return 0, io.EOF
	}
	n := copy(p, s.data[s.pos:])
	s.pos += n
	return n, nil
}

func (s *bzipSource) ReadByte() (byte, error) {
	if s.pos >= len(s.data) {
		return 0, io.EOF
	}
	s.pos++
	return s.data[s.pos-1], nil
}

// bunzip decompresses data: the output, whether the last stream ended, and
// where data that follows the streams begins (len(data) when none does).
func bunzip(data []byte) ([]byte, bool, int, error) {
	src := &bzipSource{data: data}
	r := bzip2.NewReader(src)
	var out []byte
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		switch {
		case err == nil:
			continue
		case err == io.EOF:
			return out, true, len(data), nil
		case errors.Is(err, io.ErrUnexpectedEOF):
			return out, false, len(data), nil
		}
		var se bzip2.StructuralError
		if errors.As(err, &se) && string(se) == "bad magic value in continuation file" {
			// The two bytes read to look for another stream are not one.
			return out, true, src.pos - 2, nil
		}
		return nil, false, 0, vm.Errorf(vm.OSError, "Invalid data stream")
	}
}

func bz2Module(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("bz2", "")
	// _bunzip(data) -> (output, eof, start of unused data)
	m.Set("_bunzip", vm.NewBuiltin("_bunzip", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_bunzip", args, 1); err != nil {
			return vm.Undef, err
		}
		data, err := zlibData(args[0])
		if err != nil {
			return vm.Undef, err
		}
		out, eof, unused, err := bunzip(data)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewTuple([]vm.Value{bytesVal(out), vm.Bool(eof), vm.Int(int64(unused))})), nil
	}))
	return m, nil
}
