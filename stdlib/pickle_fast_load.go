package stdlib

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// pickleLoadsFast(data) -> the object, or NotImplemented when the stream
// holds anything but plain data (a global, a reduce, a persistent id, text
// opcodes of protocol 0) or is malformed: pickle.loads then runs the
// script-language unpickler from the start, which also words the errors.

type fastUnpickler struct {
	t     *vm.Thread
	data  []byte
	pos   int
	stack []vm.Value
	marks []int
	memo  map[uint64]vm.Value
}

var errPickleBail = pickleGiveUp{}

func (u *fastUnpickler) read(n int) ([]byte, error) {
	if n < 0 || u.pos+n > len(u.data) || u.pos+n < u.pos {
		return nil, errPickleBail
	}
	b := u.data[u.pos : u.pos+n]
	u.pos += n
	return b, nil
}

func (u *fastUnpickler) fence() int {
	if len(u.marks) == 0 {
		return 0
	}
	return u.marks[len(u.marks)-1]
}

func (u *fastUnpickler) push(v vm.Value) { u.stack = append(u.stack, v) }

func (u *fastUnpickler) pop() (vm.Value, error) {
	if len(u.stack) <= u.fence() {
		return vm.Undef, errPickleBail
	}
	v := u.stack[len(u.stack)-1]
	u.stack = u.stack[:len(u.stack)-1]
	return v, nil
}

func (u *fastUnpickler) top() (vm.Value, error) {
	if len(u.stack) <= u.fence() {
		return vm.Undef, errPickleBail
	}
	return u.stack[len(u.stack)-1], nil
}

// popMark returns the items above the last MARK and drops them and it.
func (u *fastUnpickler) popMark() ([]vm.Value, error) {
	if len(u.marks) == 0 {
		return nil, errPickleBail
	}
	m := u.marks[len(u.marks)-1]
	u.marks = u.marks[:len(u.marks)-1]
	items := append([]vm.Value(nil), u.stack[m:]...)
	u.stack = u.stack[:m]
	return items, nil
}

func (u *fastUnpickler) str(n int) error {
	b, err := u.read(n)
	if err != nil {
		return err
	}
	if !utf8.Valid(b) {
		return errPickleBail
	}
	u.push(vm.Str(string(b)))
	return nil
}

func (u *fastUnpickler) uint(n int) (uint64, error) {
	b, err := u.read(n)
	if err != nil {
		return 0, err
	}
	var x uint64
	for i := n - 1; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return x, nil
}

func (u *fastUnpickler) size(n int) (int, error) {
	x, err := u.uint(n)
	if err != nil || x > uint64(len(u.data)) {
		return 0, errPickleBail
	}
	return int(x), nil
}

func (u *fastUnpickler) memoGet(idx uint64) error {
	v, ok := u.memo[idx]
	if !ok {
		return errPickleBail
	}
	u.push(v)
	return nil
}

func (u *fastUnpickler) memoPut(idx uint64) error {
	v, err := u.top()
	if err != nil {
		return err
	}
	u.memo[idx] = v
	return nil
}

func (u *fastUnpickler) setItems(d *vm.Dict, items []vm.Value) error {
	if len(items)%2 != 0 {
		return errPickleBail
	}
	for i := 0; i < len(items); i += 2 {
		if err := d.Set(u.t, items[i], items[i+1]); err != nil {
			return errPickleBail
		}
	}
	return nil
}

func (u *fastUnpickler) newSet(items []vm.Value) (*vm.Set, error) {
	s := vm.NewSet()
	for _, it := range items {
		if err := s.Add(u.t, it); err != nil {
			return nil, errPickleBail
		}
	}
	return s, nil
}

func littleSigned(b []byte) vm.Value {
	if len(b) == 0 {
		return vm.Int(0)
	}
	be := make([]byte, len(b))
	for i := range b {
		be[len(b)-1-i] = b[i]
	}
	x := new(big.Int).SetBytes(be)
	if b[len(b)-1]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	if x.IsInt64() {
		return vm.Int(x.Int64())
	}
	return vm.BigInt(x)
}

func (u *fastUnpickler) step(op byte) (done bool, err error) {
	switch op {
	case 0x80: // PROTO
		b, err := u.read(1)
		if err != nil || b[0] > 5 {
			return false, errPickleBail
		}
	case 0x95: // FRAME
		n, err := u.uint(8)
		if err != nil || n > uint64(len(u.data)-u.pos) {
			return false, errPickleBail
		}
	case '.':
		return true, nil
	case 'N':
		u.push(vm.None)
	case 0x88:
		u.push(vm.True)
	case 0x89:
		u.push(vm.False)
	case 'K':
		x, err := u.uint(1)
		if err != nil {
			return false, err
		}
		u.push(vm.Int(int64(x)))
	case 'M':
		x, err := u.uint(2)
		if err != nil {
			return false, err
		}
		u.push(vm.Int(int64(x)))
	case 'J':
		x, err := u.uint(4)
		if err != nil {
			return false, err
		}
		u.push(vm.Int(int64(int32(uint32(x)))))
	case 0x8a, 0x8b: // LONG1, LONG4
		var n int
		if op == 0x8a {
			n, err = u.size(1)
		} else {
			var x uint64
			x, err = u.uint(4)
			if int32(uint32(x)) < 0 {
				return false, errPickleBail
			}
			n = int(x)
		}
		if err != nil {
			return false, err
		}
		b, err := u.read(n)
		if err != nil {
			return false, err
		}
		u.push(littleSigned(b))
	case 'G':
		b, err := u.read(8)
		if err != nil {
			return false, err
		}
		u.push(vm.Float(math.Float64frombits(binary.BigEndian.Uint64(b))))
	case 0x8c, 'X', 0x8d:
		n, err := u.size(pickleWidth(op))
		if err != nil {
			return false, err
		}
		return false, u.str(n)
	case 'C', 'B', 0x8e, 0x96:
		n, err := u.size(pickleWidth(op))
		if err != nil {
			return false, err
		}
		b, err := u.read(n)
		if err != nil {
			return false, err
		}
		data := append([]byte(nil), b...)
		if op != 0x96 {
			u.push(vm.Obj(vm.NewBytes(data)))
			return false, nil
		}
		ba, err := u.t.Call(vm.Obj(vm.ByteArrayType), []vm.Value{vm.Obj(vm.NewBytes(data))}, nil)
		if err != nil {
			return false, errPickleBail
		}
		u.push(ba)
	case ')':
		u.push(vm.Obj(vm.NewTuple(nil)))
	case 0x85, 0x86, 0x87:
		n := int(op - 0x84)
		if len(u.stack)-n < u.fence() {
			return false, errPickleBail
		}
		items := append([]vm.Value(nil), u.stack[len(u.stack)-n:]...)
		u.stack = u.stack[:len(u.stack)-n]
		u.push(vm.Obj(vm.NewTuple(items)))
	case 't', 'l', 0x91:
		items, err := u.popMark()
		if err != nil {
			return false, err
		}
		switch op {
		case 't':
			u.push(vm.Obj(vm.NewTuple(items)))
		case 'l':
			u.push(vm.Obj(vm.NewList(items)))
		default:
			s, err := u.newSet(items)
			if err != nil {
				return false, err
			}
			u.push(vm.Obj(vm.NewFrozenSet(s)))
		}
	case ']':
		u.push(vm.Obj(vm.NewList(nil)))
	case '}':
		u.push(vm.Obj(vm.NewDict()))
	case 0x8f:
		u.push(vm.Obj(vm.NewSet()))
	case 'd':
		items, err := u.popMark()
		if err != nil {
			return false, err
		}
		d := vm.NewDict()
		if err := u.setItems(d, items); err != nil {
			return false, err
		}
		u.push(vm.Obj(d))
	case '(':
		u.marks = append(u.marks, len(u.stack))
	case 'a':
		v, err := u.pop()
		if err != nil {
			return false, err
		}
		t, err := u.top()
		if err != nil {
			return false, err
		}
		l, ok := t.AsObj().(*vm.List)
		if !ok || t.Kind() != vm.KObj {
			return false, errPickleBail
		}
		l.Append(v)
	case 'e', 's', 'u', 0x90:
		var items []vm.Value
		if op == 's' {
			if len(u.stack)-2 < u.fence() {
				return false, errPickleBail
			}
			items = append(items, u.stack[len(u.stack)-2:]...)
			u.stack = u.stack[:len(u.stack)-2]
		} else if items, err = u.popMark(); err != nil {
			return false, err
		}
		t, err := u.top()
		if err != nil || t.Kind() != vm.KObj {
			return false, errPickleBail
		}
		switch o := t.AsObj().(type) {
		case *vm.List:
			if op != 'e' {
				return false, errPickleBail
			}
			for _, it := range items {
				o.Append(it)
			}
		case *vm.Dict:
			if op != 's' && op != 'u' {
				return false, errPickleBail
			}
			return false, u.setItems(o, items)
		case *vm.Set:
			if op != 0x90 {
				return false, errPickleBail
			}
			for _, it := range items {
				if err := o.Add(u.t, it); err != nil {
					return false, errPickleBail
				}
			}
		default:
			return false, errPickleBail
		}
	case '0':
		if len(u.stack) > u.fence() {
			u.stack = u.stack[:len(u.stack)-1]
		} else if len(u.marks) > 0 {
			_, err = u.popMark()
		} else {
			return false, errPickleBail
		}
	case '1':
		_, err = u.popMark()
	case '2':
		v, err := u.top()
		if err != nil {
			return false, err
		}
		u.push(v)
	case 'h':
		x, err := u.uint(1)
		if err != nil {
			return false, err
		}
		return false, u.memoGet(x)
	case 'j':
		x, err := u.uint(4)
		if err != nil {
			return false, err
		}
		return false, u.memoGet(x)
	case 'q':
		x, err := u.uint(1)
		if err != nil {
			return false, err
		}
		return false, u.memoPut(x)
	case 'r':
		x, err := u.uint(4)
		if err != nil {
			return false, err
		}
		return false, u.memoPut(x)
	case 0x94:
		return false, u.memoPut(uint64(len(u.memo)))
	default:
		return false, errPickleBail
	}
	return false, err
}

// pickleWidth is the size in bytes of the length before a str or bytes.
func pickleWidth(op byte) int {
	switch op {
	case 0x8c, 'C':
		return 1
	case 'X', 'B':
		return 4
	}
	return 8
}

func pickleLoadsFast(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_loads_fast", args, 1); err != nil {
		return vm.Undef, err
	}
	b, ok := args[0].AsObj().(*vm.Bytes)
	if !ok || args[0].Kind() != vm.KObj {
		return vm.NotImplemented, nil
	}
	u := &fastUnpickler{t: t, data: b.Data(), memo: map[uint64]vm.Value{}}
	for u.pos < len(u.data) {
		op := u.data[u.pos]
		u.pos++
		done, err := u.step(op)
		if err != nil {
			return vm.NotImplemented, nil
		}
		if done {
			v, err := u.pop()
			if err != nil {
				return vm.NotImplemented, nil
			}
			return v, nil
		}
	}
	return vm.NotImplemented, nil
}
