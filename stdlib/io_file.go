package stdlib

import (
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// fileCore is an open OS file with its buffers: bytes read ahead (buf[rpos:])
// and bytes written behind (wbuf), never both at once. Text files decode
// straight from the read-ahead, so the file position of what a text file
// has not returned yet is always known (tell needs no decoder snapshot).
//
// mu is held by whichever thread runs a method of the file, and the OS
// calls run with the interpreter lock released (executor threads doing
// file I/O run in parallel); it is taken with TryLock first and otherwise
// while the interpreter lock is released, so a thread waiting for it never
// blocks one that needs the interpreter lock to finish.
type fileCore struct {
	mu       sync.Mutex
	f        rawFile
	reg      *openFiles
	closefd  bool // the attribute only: f (a duplicate when false) is always ours
	fd       int  // fileno(): the descriptor the script knows
	closed   bool
	readable bool
	writable bool
	// unbuffered: FileIO (buffering=0) writes go straight to the OS.
	unbuffered bool

	buf  []byte
	rpos int
	wbuf []byte
	// eof: the OS reported the end since the current operation began.
	eof bool

	text          bool
	codec         ioCodec
	errors        string
	translate     bool   // newline=None: \r\n and \r read as \n
	newline       string // newline argument when given ("" included)
	lineBuffering bool
	sigRead       bool // utf-8-sig: a signature may still start the data
	sigWrite      bool // utf-8-sig: the first write starts with a signature
	// noTell: the file is being iterated (CPython disables tell then).
	noTell bool
}

func (c *fileCore) lock(t *vm.Thread) {
	if !c.mu.TryLock() {
		t.Blocking(c.mu.Lock)
	}
}

// sys runs an OS call, with the interpreter lock released when a thread
// holds it (nil for the cleanups, which run outside the interpreter).
func (c *fileCore) sys(t *vm.Thread, fn func()) {
	if t == nil {
		fn()
		return
	}
	t.Blocking(fn)
}

func (c *fileCore) unread() []byte { return c.buf[c.rpos:] }

// fill reads more bytes into the read-ahead; 0 means end of file.
func (c *fileCore) fill(t *vm.Thread) (int, error) {
	if err := c.flush(t); err != nil {
		return 0, err
	}
	if c.rpos > 0 {
		n := copy(c.buf, c.buf[c.rpos:])
		c.buf, c.rpos = c.buf[:n], 0
	}
	if cap(c.buf)-len(c.buf) < ioBufSize/2 {
		nb := make([]byte, len(c.buf), max(2*cap(c.buf), len(c.buf)+ioBufSize))
		copy(nb, c.buf)
		c.buf = nb
	}
	var n int
	var err error
	free := c.buf[len(c.buf):cap(c.buf)]
	c.sys(t, func() { n, err = c.f.Read(free) })
	c.buf = c.buf[:len(c.buf)+n]
	if n == 0 {
		c.eof = true
		if err != nil && err != io.EOF {
			return 0, osError(err, "")
		}
		return 0, nil
	}
	if c.sigRead {
		c.stripSig(t)
	}
	return n, nil
}

// stripSig drops a UTF-8 signature at the start of the data (utf-8-sig).
func (c *fileCore) stripSig(t *vm.Thread) {
	u := c.unread()
	if len(u) < 3 && bytes.HasPrefix(utf8BOM, u) && !c.eof {
		return // wait for more bytes
	}
	c.sigRead = false
	if bytes.HasPrefix(u, utf8BOM) {
		c.rpos += 3
	}
}

// readAllBytes returns everything from the position to the end.
func (c *fileCore) readAllBytes(t *vm.Thread) ([]byte, error) {
	if err := c.flush(t); err != nil {
		return nil, err
	}
	out := append([]byte(nil), c.unread()...)
	c.buf, c.rpos = c.buf[:0], 0
	var err error
	c.sys(t, func() {
		// Size the result from the file's size when it is a regular file.
		if fi, e := c.f.Stat(); e == nil && fi.Mode().IsRegular() {
			if pos, e := c.f.Seek(0, io.SeekCurrent); e == nil && fi.Size() > pos {
				out = append(make([]byte, 0, len(out)+int(fi.Size()-pos)+1), out...)
			}
		}
		for {
			if len(out) == cap(out) {
				out = append(out, 0)[:len(out)]
			}
			n, e := c.f.Read(out[len(out):cap(out)])
			out = out[:len(out)+n]
			if e != nil {
				if e != io.EOF {
					err = e
				}
				return
			}
		}
	})
	c.eof = true
	if err != nil {
		return nil, osError(err, "")
	}
	if c.sigRead {
		c.sigRead = false
		out = bytes.TrimPrefix(out, utf8BOM)
	}
	return out, nil
}

// readBytes returns up to n bytes; fewer only at the end of the file.
func (c *fileCore) readBytes(t *vm.Thread, n int) ([]byte, error) {
	for len(c.unread()) < n && !c.eof {
		if _, err := c.fill(t); err != nil {
			return nil, err
		}
	}
	u := c.unread()
	n = min(n, len(u))
	out := append([]byte(nil), u[:n]...)
	c.rpos += n
	return out, nil
}

// readLineBytes returns a line with its b"\n" (limit < 0: any length).
func (c *fileCore) readLineBytes(t *vm.Thread, limit int) ([]byte, error) {
	scanned := 0
	for {
		u := c.unread()
		if i := bytes.IndexByte(u[scanned:], '\n'); i >= 0 {
			end := scanned + i + 1
			if limit >= 0 && end > limit {
				end = limit
			}
			out := append([]byte(nil), u[:end]...)
			c.rpos += end
			return out, nil
		}
		scanned = len(u)
		if c.eof || (limit >= 0 && len(u) >= limit) {
			end := len(u)
			if limit >= 0 && end > limit {
				end = limit
			}
			out := append([]byte(nil), u[:end]...)
			c.rpos += end
			return out, nil
		}
		if _, err := c.fill(t); err != nil {
			return nil, err
		}
	}
}

// write adds p to the file (after the read-ahead is given back to the OS
// position).
func (c *fileCore) write(t *vm.Thread, p []byte) error {
	if back := len(c.unread()); back > 0 {
		var err error
		c.sys(t, func() { _, err = c.f.Seek(int64(-back), io.SeekCurrent) })
		if err != nil {
			return osError(err, "")
		}
	}
	c.buf, c.rpos = c.buf[:0], 0
	if len(p) >= ioBufSize {
		// Large writes skip the buffer.
		if err := c.flush(t); err != nil {
			return err
		}
		return c.writeOS(t, p)
	}
	c.wbuf = append(c.wbuf, p...)
	if len(c.wbuf) >= ioBufSize || c.unbuffered {
		return c.flush(t)
	}
	return nil
}

func (c *fileCore) writeOS(t *vm.Thread, p []byte) error {
	var err error
	c.sys(t, func() { _, err = c.f.Write(p) })
	if err != nil {
		return osError(err, "")
	}
	return nil
}

// flush hands the written-behind bytes to the OS.
func (c *fileCore) flush(t *vm.Thread) error {
	if len(c.wbuf) == 0 {
		return nil
	}
	err := c.writeOS(t, c.wbuf)
	c.wbuf = c.wbuf[:0]
	if cap(c.wbuf) > 4*ioBufSize {
		c.wbuf = nil
	}
	return err
}

func (c *fileCore) tell(t *vm.Thread) (int64, error) {
	if err := c.flush(t); err != nil {
		return 0, err
	}
	var pos int64
	var err error
	c.sys(t, func() { pos, err = c.f.Seek(0, io.SeekCurrent) })
	if err != nil {
		return 0, osError(err, "")
	}
	return pos - int64(len(c.unread())), nil
}

func (c *fileCore) seek(t *vm.Thread, off int64, whence int) (int64, error) {
	if err := c.flush(t); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent {
		off -= int64(len(c.unread()))
	}
	c.buf, c.rpos, c.eof = c.buf[:0], 0, false
	var pos int64
	var err error
	c.sys(t, func() { pos, err = c.f.Seek(off, whence) })
	if err != nil {
		return 0, osError(err, "")
	}
	if c.codec == codecUTF8Sig && pos == 0 {
		c.sigRead = true
	}
	return pos, nil
}

func (c *fileCore) truncate(t *vm.Thread, size int64) error {
	if err := c.flush(t); err != nil {
		return err
	}
	var err error
	c.sys(t, func() { err = c.f.Truncate(size) })
	if err != nil {
		return osError(err, "")
	}
	return nil
}

// close flushes and closes; closing twice is harmless.
func (c *fileCore) close(t *vm.Thread) error {
	if c.closed {
		return nil
	}
	err := c.flush(t)
	c.closed = true
	c.buf, c.wbuf = nil, nil
	var cerr error
	c.sys(t, func() { cerr = c.f.Close() })
	if err == nil && cerr != nil {
		err = osError(cerr, "")
	}
	c.reg.remove(c)
	return err
}

// finalClose is the cleanup of a file object the script dropped open.
func (c *fileCore) finalClose() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.close(nil)
}

// Text.

// nextChar returns the next character (newlines translated when the file
// does); ok is false at the end of the file.
func (c *fileCore) nextChar(t *vm.Thread) (r rune, ok bool, err error) {
	for {
		u := c.unread()
		if len(u) > 0 {
			r, size, need, err := c.codec.decodeOne(u, c.eof, c.errors, 0)
			if err != nil {
				return 0, false, err
			}
			if !need {
				if r == '\r' && c.translate {
					if size == len(u) && !c.eof {
						if _, err := c.fill(t); err != nil {
							return 0, false, err
						}
						continue
					}
					c.rpos += size
					if len(u) > size && u[size] == '\n' {
						c.rpos++
					}
					return '\n', true, nil
				}
				c.rpos += size
				if r == -1 {
					continue
				}
				return r, true, nil
			}
		}
		if c.eof {
			if len(u) > 0 {
				continue // decodeOne finishes the truncated tail at EOF
			}
			return 0, false, nil
		}
		if _, err := c.fill(t); err != nil {
			return 0, false, err
		}
	}
}

// peekByte returns the next undecoded byte, reading ahead if needed.
func (c *fileCore) peekByte(t *vm.Thread) (byte, bool, error) {
	for len(c.unread()) == 0 {
		if c.eof {
			return 0, false, nil
		}
		if _, err := c.fill(t); err != nil {
			return 0, false, err
		}
	}
	return c.unread()[0], true, nil
}

// readText returns up to n characters (n < 0: all the rest).
func (c *fileCore) readText(t *vm.Thread, n int) (string, error) {
	c.eof = false
	if n < 0 {
		b, err := c.readAllBytes(t)
		if err != nil {
			return "", err
		}
		s, err := c.codec.decodeAll(b, c.errors)
		if err != nil {
			return "", err
		}
		if c.translate {
			s = translateNewlines(s)
		}
		return s, nil
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		r, ok, err := c.nextChar(t)
		if err != nil {
			return "", err
		}
		if !ok {
			break
		}
		writeDecoded(&sb, r)
	}
	return sb.String(), nil
}

// readLineText returns the next line with its ending (limit >= 0: at most
// that many characters). Lines end as the newline argument says: None and
// "" at \n, \r or \r\n; otherwise at the given string only.
func (c *fileCore) readLineText(t *vm.Thread, limit int) (string, error) {
	c.eof = false
	if limit >= 0 {
		return c.readLineChars(t, limit)
	}
	universal := c.translate || c.newline == ""
	scanned := 0
	for {
		u := c.unread()
		var idx int
		switch {
		case universal:
			idx = bytes.IndexAny(u[scanned:], "\r\n")
		case c.newline == "\r\n":
			idx = bytes.Index(u[scanned:], []byte("\r\n"))
		default:
			idx = bytes.IndexByte(u[scanned:], c.newline[0])
		}
		if idx >= 0 {
			idx += scanned
			end := idx + len(c.newline)
			if universal {
				end = idx + 1
				if u[idx] == '\r' {
					if idx+1 == len(u) && !c.eof {
						// \r at the end of the read-ahead: is \n next?
						scanned = idx
						if _, err := c.fill(t); err != nil {
							return "", err
						}
						continue
					}
					if idx+1 < len(u) && u[idx+1] == '\n' {
						end = idx + 2
					}
				}
			}
			line := u[:end]
			c.rpos += end
			s, err := c.codec.decodeAll(line, c.errors)
			if err != nil {
				return "", err
			}
			if c.translate && line[idx] == '\r' {
				s = s[:len(s)-(end-idx)] + "\n"
			}
			return s, nil
		}
		if c.eof {
			s, err := c.codec.decodeAll(u, c.errors)
			c.rpos += len(u)
			return s, err
		}
		if c.newline == "\r\n" && len(u) > 0 {
			scanned = len(u) - 1
		} else {
			scanned = len(u)
		}
		if _, err := c.fill(t); err != nil {
			return "", err
		}
	}
}

// readLineChars is readline(limit): character by character.
func (c *fileCore) readLineChars(t *vm.Thread, limit int) (string, error) {
	var sb strings.Builder
	var prev rune
	for i := 0; i < limit; i++ {
		r, ok, err := c.nextChar(t)
		if err != nil {
			return "", err
		}
		if !ok {
			break
		}
		writeDecoded(&sb, r)
		switch {
		case c.translate || c.newline == "\n":
			if r == '\n' {
				return sb.String(), nil
			}
		case c.newline == "\r":
			if r == '\r' {
				return sb.String(), nil
			}
		case c.newline == "\r\n":
			if r == '\n' && prev == '\r' {
				return sb.String(), nil
			}
		default: // newline="": any ending, untranslated
			if r == '\n' {
				return sb.String(), nil
			}
			if r == '\r' {
				if b, ok, err := c.peekByte(t); err != nil {
					return "", err
				} else if ok && b == '\n' && i+1 < limit {
					c.rpos++
					sb.WriteByte('\n')
				}
				return sb.String(), nil
			}
		}
		prev = r
	}
	return sb.String(), nil
}

// writeText encodes s (with the newline translation of writing) and writes it.
func (c *fileCore) writeText(t *vm.Thread, s string) error {
	if c.newline == "\r" || c.newline == "\r\n" {
		s = strings.ReplaceAll(s, "\n", c.newline)
	}
	b, err := c.codec.encode(s, c.errors)
	if err != nil {
		return err
	}
	if c.sigWrite {
		c.sigWrite = false
		b = append(append([]byte(nil), utf8BOM...), b...)
	}
	if err := c.write(t, b); err != nil {
		return err
	}
	if c.lineBuffering && strings.ContainsAny(s, "\n\r") {
		return c.flush(t)
	}
	return nil
}

func runeLen(s string) int { return vm.RuneCount(s) }
