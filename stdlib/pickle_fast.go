package stdlib

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// The Go half of _pickle: pickle.dumps and pickle.loads of plain data (None,
// bool, int, float, str, bytes, tuple, list, dict, set, frozenset and, in
// protocol 5, bytearray; exact types only) in protocols 2 to 5. The
// script-language pickler and unpickler (pylib/_pickle.py, pylib/pickle.py)
// do everything; these two are shortcuts they try first. Both give up (None
// / a sentinel) on anything else — an instance, a global, a malformed
// stream — and the Python code then starts again from the beginning, so
// the bytes written and the errors raised are always the Python code's;
// the Go code only has to agree with it on the data it accepts.

const (
	pickleFrameTarget = 64 * 1024
	pickleFrameMin    = 4
	pickleBatch       = 1000
	pickleMaxDepth    = 400 // deeper data goes the Python way (RecursionError)
)

type pickleGiveUp struct{}

func (pickleGiveUp) Error() string { return "pickle: not plain data" }

type fastPickler struct {
	t       *vm.Thread
	proto   int
	out     []byte
	frame   []byte
	framing bool
	memo    map[vm.Object]int
	keep    []vm.Value
	depth   int
}

func (p *fastPickler) w(b ...byte) {
	if p.framing {
		p.frame = append(p.frame, b...)
	} else {
		p.out = append(p.out, b...)
	}
}

func (p *fastPickler) ws(s string) {
	if p.framing {
		p.frame = append(p.frame, s...)
	} else {
		p.out = append(p.out, s...)
	}
}

func (p *fastPickler) commit(force bool) {
	n := len(p.frame)
	if n == 0 || (n < pickleFrameTarget && !force) {
		return
	}
	if n >= pickleFrameMin {
		p.out = append(p.out, 0x95)
		p.out = binary.LittleEndian.AppendUint64(p.out, uint64(n))
	}
	p.out = append(p.out, p.frame...)
	p.frame = p.frame[:0]
}

// payload writes header+data, big data between frames as CPython does.
func (p *fastPickler) payload(header []byte, data []byte) {
	if p.framing && len(data) >= pickleFrameTarget {
		p.commit(true)
		p.out = append(p.out, header...)
		p.out = append(p.out, data...)
		return
	}
	p.w(header...)
	p.w(data...)
}

func (p *fastPickler) memoize(o vm.Object, v vm.Value) {
	idx := len(p.memo)
	p.memo[o] = idx
	p.keep = append(p.keep, v)
	switch {
	case p.proto >= 4:
		p.w(0x94)
	case idx < 256:
		p.w('q', byte(idx))
	default:
		p.w('r')
		p.w(binary.LittleEndian.AppendUint32(nil, uint32(idx))...)
	}
}

func (p *fastPickler) get(idx int) {
	if idx < 256 {
		p.w('h', byte(idx))
		return
	}
	p.w('j')
	p.w(binary.LittleEndian.AppendUint32(nil, uint32(idx))...)
}

func (p *fastPickler) save(v vm.Value) error {
	if p.framing && len(p.frame) >= pickleFrameTarget {
		p.commit(false)
	}
	switch v.Kind() {
	case vm.KNone:
		p.w('N')
		return nil
	case vm.KBool:
		if v.AsBool() {
			p.w(0x88)
		} else {
			p.w(0x89)
		}
		return nil
	case vm.KInt:
		p.int64(v.AsInt())
		return nil
	case vm.KFloat:
		p.w('G')
		p.w(binary.BigEndian.AppendUint64(nil, math.Float64bits(v.AsFloat()))...)
		return nil
	case vm.KObj:
	default:
		return pickleGiveUp{}
	}
	o := v.AsObj()
	if b, ok := o.(*vm.BigIntObj); ok {
		p.bigint(b.Big())
		return nil
	}
	if idx, ok := p.memo[o]; ok {
		p.get(idx)
		return nil
	}
	switch o := o.(type) {
	case *vm.StrObj:
		s := o.String()
		if !utf8.ValidString(s) {
			return pickleGiveUp{}
		}
		n := len(s)
		var header []byte
		switch {
		case n < 256 && p.proto >= 4:
			header = []byte{0x8c, byte(n)}
		case n > math.MaxUint32 && p.proto >= 4:
			header = binary.LittleEndian.AppendUint64([]byte{0x8d}, uint64(n))
		default:
			header = binary.LittleEndian.AppendUint32([]byte{'X'}, uint32(n))
		}
		p.payload(header, []byte(s))
		p.memoize(o, v)
		return nil
	case *vm.Bytes:
		if p.proto < 3 {
			return pickleGiveUp{}
		}
		data := o.Data()
		n := len(data)
		var header []byte
		switch {
		case n < 256:
			header = []byte{'C', byte(n)}
		case n <= math.MaxUint32:
			header = binary.LittleEndian.AppendUint32([]byte{'B'}, uint32(n))
		default:
			header = binary.LittleEndian.AppendUint64([]byte{0x8e}, uint64(n))
		}
		p.payload(header, data)
		p.memoize(o, v)
		return nil
	case *vm.ByteArray:
		if p.proto < 5 {
			return pickleGiveUp{}
		}
		data := append([]byte(nil), o.Data()...)
		p.payload(binary.LittleEndian.AppendUint64([]byte{0x96}, uint64(len(data))), data)
		p.memoize(o, v)
		return nil
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > pickleMaxDepth {
		return pickleGiveUp{}
	}
	switch o := o.(type) {
	case *vm.Tuple:
		return p.tuple(o, v)
	case *vm.List:
		p.w(']')
		p.memoize(o, v)
		return p.list(o)
	case *vm.Dict:
		p.w('}')
		p.memoize(o, v)
		return p.dict(o)
	case *vm.Set:
		if p.proto < 4 {
			return pickleGiveUp{}
		}
		p.w(0x8f)
		p.memoize(o, v)
		return p.set(o)
	case *vm.FrozenSet:
		if p.proto < 4 {
			return pickleGiveUp{}
		}
		p.w('(')
		for _, item := range o.Items() {
			if err := p.save(item); err != nil {
				return err
			}
		}
		if idx, ok := p.memo[o]; ok {
			p.w('1')
			p.get(idx)
			return nil
		}
		p.w(0x91)
		p.memoize(o, v)
		return nil
	}
	return pickleGiveUp{}
}

func (p *fastPickler) int64(x int64) {
	if x >= math.MinInt32 && x <= math.MaxInt32 {
		switch {
		case x >= 0 && x <= 0xff:
			p.w('K', byte(x))
		case x >= 0 && x <= 0xffff:
			p.w('M', byte(x), byte(x>>8))
		default:
			p.w('J')
			p.w(binary.LittleEndian.AppendUint32(nil, uint32(int32(x)))...)
		}
		return
	}
	p.bigint(big.NewInt(x))
}

// bigint writes LONG1/LONG4: little-endian two's complement, as few bytes
// as keep the sign.
func (p *fastPickler) bigint(x *big.Int) {
	if x.IsInt64() {
		if i := x.Int64(); i >= math.MinInt32 && i <= math.MaxInt32 {
			p.int64(i)
			return
		}
	}
	n := x.BitLen()/8 + 1
	data := make([]byte, n)
	if x.Sign() >= 0 {
		x.FillBytes(data)
	} else {
		// two's complement: 2**(8n) + x
		m := new(big.Int).Lsh(big.NewInt(1), uint(8*n))
		m.Add(m, x)
		m.FillBytes(data)
	}
	// big-endian to little-endian
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		data[i], data[j] = data[j], data[i]
	}
	if x.Sign() < 0 && n > 1 && data[n-1] == 0xff && data[n-2]&0x80 != 0 {
		data = data[:n-1]
	}
	if len(data) < 256 {
		p.w(0x8a, byte(len(data)))
	} else {
		p.w(0x8b)
		p.w(binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	}
	p.w(data...)
}

func (p *fastPickler) tuple(o *vm.Tuple, v vm.Value) error {
	items := o.Items()
	n := len(items)
	if n == 0 {
		p.w(')')
		return nil
	}
	if n <= 3 {
		for _, item := range items {
			if err := p.save(item); err != nil {
				return err
			}
		}
		if idx, ok := p.memo[o]; ok {
			for i := 0; i < n; i++ {
				p.w('0')
			}
			p.get(idx)
			return nil
		}
		p.w(0x84 + byte(n))
		p.memoize(o, v)
		return nil
	}
	p.w('(')
	for _, item := range items {
		if err := p.save(item); err != nil {
			return err
		}
	}
	if idx, ok := p.memo[o]; ok {
		p.w('1')
		p.get(idx)
		return nil
	}
	p.w('t')
	p.memoize(o, v)
	return nil
}

func (p *fastPickler) list(o *vm.List) error {
	if len(o.Items()) == 0 {
		return nil
	}
	if len(o.Items()) == 1 {
		if err := p.save(o.Items()[0]); err != nil {
			return err
		}
		p.w('a')
		return nil
	}
	total := 0
	for total < len(o.Items()) {
		p.w('(')
		count := 0
		for total < len(o.Items()) {
			if err := p.save(o.Items()[total]); err != nil {
				return err
			}
			total++
			count++
			if count == pickleBatch {
				break
			}
		}
		p.w('e')
	}
	return nil
}

func (p *fastPickler) dict(o *vm.Dict) error {
	var keys, vals []vm.Value
	o.Items(func(k, v vm.Value) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	if len(keys) == 0 {
		return nil
	}
	if len(keys) == 1 {
		if err := p.save(keys[0]); err != nil {
			return err
		}
		if err := p.save(vals[0]); err != nil {
			return err
		}
		p.w('s')
		return nil
	}
	i := 0
	for {
		p.w('(')
		n := 0
		for i < len(keys) {
			if err := p.save(keys[i]); err != nil {
				return err
			}
			if err := p.save(vals[i]); err != nil {
				return err
			}
			i++
			n++
			if n == pickleBatch {
				break
			}
		}
		p.w('u')
		if o.Len() != len(keys) {
			// Changed under us (by nothing plain data runs, but be safe).
			return pickleGiveUp{}
		}
		if n != pickleBatch {
			return nil
		}
	}
}

func (p *fastPickler) set(o *vm.Set) error {
	items := o.Items()
	if len(items) == 0 {
		return nil
	}
	i := 0
	for {
		p.w('(')
		n := 0
		for i < len(items) {
			if err := p.save(items[i]); err != nil {
				return err
			}
			i++
			n++
			if n == pickleBatch {
				break
			}
		}
		p.w(0x90)
		if n != pickleBatch {
			return nil
		}
	}
}

// pickleDumpsFast(obj, protocol) -> bytes, or None when obj is not plain data.
func pickleDumpsFast(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("_dumps_fast", args, 2); err != nil {
		return vm.Undef, err
	}
	if !args[1].IsInt() || args[1].AsInt() < 2 || args[1].AsInt() > 5 {
		return vm.None, nil
	}
	p := &fastPickler{t: t, proto: int(args[1].AsInt()), memo: map[vm.Object]int{}}
	p.out = append(p.out, 0x80, byte(p.proto))
	p.framing = p.proto >= 4
	if err := p.save(args[0]); err != nil {
		if _, ok := err.(pickleGiveUp); ok {
			return vm.None, nil
		}
		return vm.Undef, err
	}
	p.w('.')
	p.commit(true)
	return vm.Obj(vm.NewBytes(p.out)), nil
}

func init() {
	register("_pickle", func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule("_pickle", "")
		m.Set("PickleError", vm.Obj(pickleError))
		m.Set("PicklingError", vm.Obj(picklingError))
		m.Set("UnpicklingError", vm.Obj(unpicklingError))
		m.Set("_dumps_fast", vm.NewBuiltin("_dumps_fast", pickleDumpsFast))
		m.Set("_loads_fast", vm.NewBuiltin("_loads_fast", pickleLoadsFast))
		return m, nil
	})
}
