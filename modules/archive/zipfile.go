package archive

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"strings"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// zipfile's native core on Go's archive/zip: _read_dir lists an archive's
// central directory, _writer wraps a zip.Writer. Both work on the script's
// file object (pyFile); pylib/zipfile.py builds ZipFile and ZipInfo on top
// and reads member data itself (seek to the data offset, inflate with
// zlib), which keeps one path for archives being read and being written.

var (
	zipBadZipFile   = vm.NewExceptionClass("BadZipFile", "zipfile", vm.Exception)
	zipLargeZipFile = vm.NewExceptionClass("LargeZipFile", "zipfile", vm.Exception)
	zipWriterType   = vm.NewNativeClass("_Writer", "zipfile", nil, nil)
)

// cp437 is code page 437's upper half: names without the UTF-8 flag are
// in it, as the ZIP specification says.
const cp437 = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0"

var cp437Runes = []rune(cp437)

// zipName decodes a stored name as CPython does.
func zipName(raw string, flags uint16) string {
	if flags&0x800 != 0 && utf8.ValidString(raw) {
		return raw
	}
	out := make([]rune, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c < 0x80 {
			out = append(out, rune(c))
		} else {
			out = append(out, cp437Runes[c-0x80])
		}
	}
	return string(out)
}

// dosDateTime is a ZIP timestamp as ZipInfo.date_time.
func dosDateTime(date, tm uint16) vm.Value {
	return vm.Obj(vm.NewTuple([]vm.Value{
		vm.Int(int64(date>>9) + 1980), vm.Int(int64(date >> 5 & 0xf)), vm.Int(int64(date & 0x1f)),
		vm.Int(int64(tm >> 11)), vm.Int(int64(tm >> 5 & 0x3f)), vm.Int(int64(tm&0x1f) * 2),
	}))
}

// headerOffset finds the local header of the member whose data starts at
// dataOff: normally its extra field is the central one, else it is
// searched for in the bytes before the data.
func headerOffset(p *pyFile, dataOff int64, nameLen, extraLen int) int64 {
	var h [30]byte
	fits := func(off int64, b []byte) bool {
		return binary.LittleEndian.Uint32(b) == 0x04034b50 &&
			int(binary.LittleEndian.Uint16(b[26:])) == nameLen &&
			off+30+int64(nameLen)+int64(binary.LittleEndian.Uint16(b[28:])) == dataOff
	}
	guess := dataOff - 30 - int64(nameLen) - int64(extraLen)
	if guess >= 0 {
		if n, _ := p.ReadAt(h[:], guess); n == 30 && fits(guess, h[:]) {
			return guess
		}
	}
	start := max(0, dataOff-30-int64(nameLen)-0xffff)
	win := make([]byte, dataOff-start)
	n, _ := p.ReadAt(win, start)
	win = win[:n]
	for i := len(win) - 30; i >= 0; i-- {
		if fits(start+int64(i), win[i:]) {
			return start + int64(i)
		}
	}
	return max(guess, 0)
}

// readDir is _read_dir(fp, size): ([entry tuples], archive comment).
func readDir(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_read_dir", args, 2); err != nil {
		return vm.Undef, err
	}
	size, err := t.AsInt64(args[1])
	if err != nil {
		return vm.Undef, err
	}
	p := &pyFile{t: t, f: args[0]}
	r, err := zip.NewReader(p, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if p.err != nil {
			return vm.Undef, p.err
		}
		return vm.Undef, vm.Errorf(zipBadZipFile, "File is not a zip file")
	}
	entries := make([]vm.Value, 0, len(r.File))
	for _, f := range r.File {
		dataOff, err := f.DataOffset()
		if err != nil {
			if p.err != nil {
				return vm.Undef, p.err
			}
			return vm.Undef, vm.Errorf(zipBadZipFile, "Bad magic number for file header")
		}
		hdr := headerOffset(p, dataOff, len(f.Name), len(f.Extra))
		if p.err != nil {
			return vm.Undef, p.err
		}
		entries = append(entries, vm.Obj(vm.NewTuple([]vm.Value{
			vm.Str(zipName(f.Name, f.Flags)),
			vm.Int(int64(f.Flags)),
			vm.Int(int64(f.Method)),
			dosDateTime(f.ModifiedDate, f.ModifiedTime),
			vm.Int(int64(f.CRC32)),
			vm.Int(int64(f.CompressedSize64)),
			vm.Int(int64(f.UncompressedSize64)),
			bytesVal([]byte(f.Comment)),
			bytesVal(bytes.Clone(f.Extra)),
			vm.Int(int64(f.CreatorVersion >> 8)),
			vm.Int(int64(f.CreatorVersion & 0xff)),
			vm.Int(int64(f.ReaderVersion & 0xff)),
			vm.Int(int64(f.ReaderVersion >> 8)),
			vm.Int(int64(f.ExternalAttrs)),
			vm.Int(hdr),
			vm.Int(dataOff),
		})))
	}
	return vm.Obj(vm.NewTuple([]vm.Value{vm.Obj(vm.NewList(entries)), bytesVal([]byte(r.Comment))})), nil
}

// zipWriter is _writer(fp, offset): a zip.Writer writing at the file's
// position, whose first byte is at offset in the file.
type zipWriter struct {
	p      *pyFile
	w      *zip.Writer
	offset int64
	count  int64 // bytes written so far
}

func (z *zipWriter) Class() *vm.Class { return zipWriterType }

// Write counts what the zip.Writer writes (its own count is private).
func (z *zipWriter) Write(b []byte) (int, error) {
	n, err := z.p.Write(b)
	z.count += int64(n)
	return n, err
}

func newZipWriter(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_writer", args, 2); err != nil {
		return vm.Undef, err
	}
	off, err := t.AsInt64(args[1])
	if err != nil {
		return vm.Undef, err
	}
	z := &zipWriter{p: &pyFile{t: t, f: args[0]}, offset: off}
	z.w = zip.NewWriter(z)
	z.w.SetOffset(off)
	return vm.Obj(z), nil
}

// zinfoHeader reads a ZipInfo's fields into a FileHeader.
func zinfoHeader(t *vm.Thread, zi vm.Value) (*zip.FileHeader, error) {
	get := func(name string) (vm.Value, error) { return t.GetAttr(zi, name) }
	ints := map[string]int64{}
	for _, n := range []string{"flag_bits", "compress_type", "external_attr", "create_system", "create_version", "extract_version"} {
		v, err := get(n)
		if err != nil {
			return nil, err
		}
		if ints[n], err = t.AsInt64(v); err != nil {
			return nil, err
		}
	}
	name, err := get("filename")
	if err != nil {
		return nil, err
	}
	fname, err := vm.AsStr("filename", name)
	if err != nil {
		return nil, err
	}
	fh := &zip.FileHeader{
		Name:           fname,
		Flags:          uint16(ints["flag_bits"]),
		Method:         uint16(ints["compress_type"]),
		ExternalAttrs:  uint32(ints["external_attr"]),
		CreatorVersion: uint16(ints["create_system"]<<8 | ints["create_version"]&0xff),
		ReaderVersion:  uint16(ints["extract_version"]),
	}
	for _, n := range []string{"comment", "extra"} {
		v, err := get(n)
		if err != nil {
			return nil, err
		}
		b, ok := bufferBytes(v)
		if !ok {
			return nil, vm.Errorf(vm.TypeError, "%s: expected bytes, got %s", n, v.TypeName())
		}
		if n == "comment" {
			fh.Comment = string(b)
		} else {
			fh.Extra = bytes.Clone(b)
		}
	}
	dt, err := get("date_time")
	if err != nil {
		return nil, err
	}
	var f [6]int64
	for i := range f {
		item, err := t.GetItem(dt, vm.Int(int64(i)))
		if err != nil {
			return nil, err
		}
		if f[i], err = t.AsInt64(item); err != nil {
			return nil, err
		}
	}
	if f[0] < 1980 {
		return nil, vm.Errorf(vm.ValueError, "ZIP does not support timestamps before 1980")
	}
	fh.ModifiedDate = uint16((f[0]-1980)<<9 | f[1]<<5 | f[2])
	fh.ModifiedTime = uint16(f[3]<<11 | f[4]<<5 | f[5]/2)
	return fh, nil
}

func init() {
	// add(zinfo, data, level, raw) writes one member and returns (CRC,
	// compress_size, file_size, header_offset). raw: data is already
	// compressed, and zinfo's CRC and file_size are taken as they are.
	zipWriterType.AddMethod("add", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		z := args[0].AsObj().(*zipWriter)
		if err := vm.MethodArgs("_Writer", "add", args[1:], 4, 4); err != nil {
			return vm.Undef, err
		}
		z.p.t = t
		fh, err := zinfoHeader(t, args[1])
		if err != nil {
			return vm.Undef, err
		}
		data, ok := bufferBytes(args[2])
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", args[2].TypeName())
		}
		raw, err := t.Truth(args[4])
		if err != nil {
			return vm.Undef, err
		}
		var body []byte
		if raw {
			for _, n := range []string{"CRC", "file_size"} {
				v, err := t.GetAttr(args[1], n)
				if err != nil {
					return vm.Undef, err
				}
				i, err := t.AsInt64(v)
				if err != nil {
					return vm.Undef, err
				}
				if n == "CRC" {
					fh.CRC32 = uint32(i)
				} else {
					fh.UncompressedSize64 = uint64(i)
				}
			}
			body = data
		} else {
			fh.CRC32 = crc32.ChecksumIEEE(data)
			fh.UncompressedSize64 = uint64(len(data))
			fh.Flags &^= 0x8 // sizes are known: no data descriptor
			switch fh.Method {
			case zip.Store:
				body = data
			case zip.Deflate:
				level := -1
				if !args[3].IsNone() {
					l, err := t.AsInt64(args[3])
					if err != nil {
						return vm.Undef, err
					}
					level = int(l)
				}
				var buf bytes.Buffer
				w, err := flate.NewWriter(&buf, level)
				if err != nil {
					return vm.Undef, vm.Errorf(vm.ValueError, "Bad compression level")
				}
				w.Write(data)
				w.Close()
				body = buf.Bytes()
			default:
				return vm.Undef, vm.Errorf(vm.NotImplementedError, "That compression method is not supported")
			}
		}
		if len(data) == 0 && strings.HasSuffix(fh.Name, "/") {
			// Go's writer takes no bytes for a directory, not even an
			// empty deflate stream (CPython stores one: 2 bytes).
			body = nil
		}
		fh.CompressedSize64 = uint64(len(body))
		hdr := z.offset + z.count
		w, err := z.w.CreateRaw(fh)
		if err == nil {
			_, err = w.Write(body)
		}
		if err == nil {
			err = z.w.Flush()
		}
		if err != nil {
			return vm.Undef, z.p.raise(vm.Errorf(vm.OSError, "%s", err))
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(fh.CRC32)), vm.Int(int64(len(body))),
			vm.Int(int64(fh.UncompressedSize64)), vm.Int(hdr)})), nil
	})
	// close(comment) writes the central directory.
	zipWriterType.AddMethod("close", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		z := args[0].AsObj().(*zipWriter)
		if err := vm.MethodArgs("_Writer", "close", args[1:], 1, 1); err != nil {
			return vm.Undef, err
		}
		z.p.t = t
		comment, _ := bufferBytes(args[1])
		if err := z.w.SetComment(string(comment)); err != nil {
			return vm.Undef, vm.Errorf(vm.ValueError, "%s", err)
		}
		if err := z.w.Close(); err != nil {
			return vm.Undef, z.p.raise(vm.Errorf(vm.OSError, "%s", err))
		}
		return vm.None, nil
	})
}

func zipfileModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("zipfile", "")
	m.Set("BadZipFile", vm.Obj(zipBadZipFile))
	m.Set("BadZipfile", vm.Obj(zipBadZipFile))
	m.Set("error", vm.Obj(zipBadZipFile))
	m.Set("LargeZipFile", vm.Obj(zipLargeZipFile))
	m.Set("_read_dir", vm.NewBuiltin("_read_dir", readDir))
	m.Set("_writer", vm.NewBuiltin("_writer", newZipWriter))
	return m, nil
}
