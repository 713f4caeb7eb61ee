package vm

import "io"

// Output buffers an interpreter's stdout. Unlike a bufio.Writer it takes
// its buffer on the first write, so an interpreter that prints nothing
// costs nothing for it.
type Output struct {
	w   io.Writer
	buf []byte
}

const outputSize = 32 * 1024

// Write buffers p (Output is an io.Writer).
func (o *Output) Write(p []byte) (int, error) {
	if len(o.buf)+len(p) > cap(o.buf) {
		if err := o.Flush(); err != nil {
			return 0, err
		}
		if len(p) >= outputSize {
			return o.w.Write(p)
		}
		if o.buf == nil {
			o.buf = make([]byte, 0, outputSize)
		}
	}
	o.buf = append(o.buf, p...)
	return len(p), nil
}

// WriteString buffers s.
func (o *Output) WriteString(s string) (int, error) {
	if len(o.buf)+len(s) > cap(o.buf) {
		if err := o.Flush(); err != nil {
			return 0, err
		}
		if len(s) >= outputSize {
			return io.WriteString(o.w, s)
		}
		if o.buf == nil {
			o.buf = make([]byte, 0, outputSize)
		}
	}
	o.buf = append(o.buf, s...)
	return len(s), nil
}

// Flush writes out what is buffered.
func (o *Output) Flush() error {
	if len(o.buf) == 0 {
		return nil
	}
	n, err := o.w.Write(o.buf)
	if n < len(o.buf) && err == nil {
		err = io.ErrShortWrite
	}
	if n > 0 && n < len(o.buf) {
		copy(o.buf, o.buf[n:])
	}
	o.buf = o.buf[:len(o.buf)-max(n, 0)]
	return err
}
