package stdlib

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"math/rand"
	"strconv"
	"testing"

	"github.com/asylang/asy/vm"
	"github.com/cockroachdb/apd/v3"
)

// randSmallDec is a finite Decimal with a coefficient of up to 40 digits
// (so around the 128-bit limit of the fast paths), sometimes zero, and an
// exponent that sometimes sits near tight context limits.
func randSmallDec(r *rand.Rand) apd.Decimal {
	var d apd.Decimal
	digits := 1 + r.Intn(40)
	if r.Intn(3) == 0 {
		digits = 1 + r.Intn(4)
	}
	c := new(big.Int).Rand(r, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil))
	if r.Intn(4) == 0 {
		// Runs of nines round up into a new digit.
		c.Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil), big.NewInt(int64(r.Intn(3))))
	}
	d.Coeff.SetMathBigInt(c)
	d.Exponent = int32(r.Intn(80) - 40)
	d.Negative = r.Intn(2) == 0
	return d
}

func randSmallCtx(r *rand.Rand) *decCtx {
	c := &decCtx{prec: int64(1 + r.Intn(40)), round: r.Intn(8), emin: decMinEmin, emax: decMaxEmax}
	if r.Intn(4) == 0 {
		c.emax = int64(r.Intn(60))
		c.emin = -int64(r.Intn(60))
		c.clamp = r.Intn(2)
	}
	return c
}

func decDump(d *apd.Decimal) string {
	return fmt.Sprintf("%v %v %s E%d", d.Form, d.Negative, d.Coeff.String(), d.Exponent)
}

// The fast paths of decimal_small.go must give exactly what the general
// ones give: the same number (coefficient, exponent, sign) and conditions.
func TestDecimalSmallAgrees(t *testing.T) {
	defer func() { decSmallOff = false }()
	r := rand.New(rand.NewSource(3))
	ops := []struct {
		name string
		op   decOp2
	}{{"add", opAdd}, {"sub", opSub}, {"mul", opMul}, {"div", opDiv}}
	fast, fastQuant := 0, 0
	for i := 0; i < 60000; i++ {
		x, y := randSmallDec(r), randSmallDec(r)
		c := randSmallCtx(r)
		o := ops[i%len(ops)]
		var want, got apd.Decimal
		decSmallOff = true
		st1, err1 := o.op(c, &want, &x, &y)
		decSmallOff = false
		st2, err2 := o.op(c, &got, &x, &y)
		if decDump(&want) != decDump(&got) || st1 != st2 || (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s(%s, %s) prec=%d round=%d emin=%d emax=%d clamp=%d: general %s st=%#x err=%v, fast %s st=%#x err=%v",
				o.name, decDump(&x), decDump(&y), c.prec, c.round, c.emin, c.emax, c.clamp,
				decDump(&want), st1, err1, decDump(&got), st2, err2)
		}
		// quantize's core: rescale to an exponent near x's.
		exp := int64(x.Exponent) + int64(r.Intn(90)-45)
		mode := r.Intn(8)
		decSmallOff = true
		w, in1, ro1 := rescale(&x, exp, mode)
		decSmallOff = false
		g, in2, ro2 := rescale(&x, exp, mode)
		if decDump(&w.d) != decDump(&g.d) || in1 != in2 || ro1 != ro2 {
			t.Fatalf("rescale(%s, %d, %d): general %s %v %v, fast %s %v %v",
				decDump(&x), exp, mode, decDump(&w.d), in1, ro1, decDump(&g.d), in2, ro2)
		}
		// unary minus and abs round to the context too.
		unary := func(off bool, f func(*decCtx, *decObj) (vm.Value, error)) string {
			decSmallOff = off
			c.flags = 0
			v, err := f(c, &decObj{d: x})
			if err != nil {
				return fmt.Sprintf("error %v flags %#x", err, c.flags)
			}
			d, _ := decOf(v)
			return fmt.Sprintf("%s flags %#x", decDump(&d.d), c.flags)
		}
		minus := func(c *decCtx, x *decObj) (vm.Value, error) { return decPlusMinus(c, x, true) }
		for _, f := range []func(*decCtx, *decObj) (vm.Value, error){minus, decAbs} {
			if want, got := unary(true, f), unary(false, f); want != got {
				t.Fatalf("unary(%s) prec=%d: general %s, fast %s", decDump(&x), c.prec, want, got)
			}
		}
		// quantize itself, conditions and traps included.
		q := randSmallDec(r)
		q.Exponent = int32(exp)
		if r.Intn(8) == 0 {
			q.Exponent = int32(c.emin - c.prec + int64(r.Intn(5)) - 2)
		}
		c.traps = uint32(r.Intn(2)) * dfInexact
		quant := func(off bool) string {
			decSmallOff = off
			c.flags = 0
			v, err := decQuantize(c, &decObj{d: x}, &decObj{d: q}, mode)
			if err != nil {
				return fmt.Sprintf("error %v flags %#x", err, c.flags)
			}
			d, _ := decOf(v)
			return fmt.Sprintf("%s flags %#x", decDump(&d.d), c.flags)
		}
		if want, got := quant(true), quant(false); want != got {
			t.Fatalf("quantize(%s, %s) prec=%d round=%d emin=%d emax=%d clamp=%d: general %s, fast %s",
				decDump(&x), decDump(&q), c.prec, mode, c.emin, c.emax, c.clamp, want, got)
		}
		c.traps = 0
		if _, _, ok := quantize128(c, &x, &q, mode); ok {
			fastQuant++
		}
		if _, _, ok := finite128(&x, &y); ok {
			fast++
		}
	}
	if fastQuant < 5000 {
		t.Fatalf("only %d quantize cases took the fast path", fastQuant)
	}
	if fast < 10000 {
		t.Fatalf("only %d cases had operands for the fast paths", fast)
	}
}

// The direct access to apd's inline words must be on where it can be (a
// change of apd's layout turns it off, silently slowing every operation).
func TestDecimalDirectWords(t *testing.T) {
	if bits.UintSize == 64 && !apdDirect {
		t.Fatal("apd.BigInt's layout no longer matches apdWords")
	}
}

// u128's digit count and scaling around every power of ten.
func TestU128Digits(t *testing.T) {
	limit := new(big.Int).Lsh(big.NewInt(1), 128)
	p := big.NewInt(1)
	for n := 0; n <= 39; n++ {
		for _, delta := range []int64{-1, 0, 1} {
			v := new(big.Int).Add(p, big.NewInt(delta))
			if v.Sign() < 0 || v.Cmp(limit) >= 0 {
				continue
			}
			var b apd.BigInt
			b.SetMathBigInt(v)
			u, ok := get128(&b)
			if !ok {
				t.Fatalf("get128(%s) failed", v)
			}
			if got, want := u.digits(), int64(len(v.String())); got != want {
				t.Fatalf("digits(%s) = %d, want %d", v, got, want)
			}
			if got := string(appendCoeff(nil, &b)); got != v.String() {
				t.Fatalf("appendCoeff(%s) = %s", v, got)
			}
			var back apd.BigInt
			set128(&back, u)
			if back.String() != v.String() {
				t.Fatalf("set128(%s) gave %s", v, back.String())
			}
		}
		p.Mul(p, big.NewInt(10))
	}
}

// int() and float() of short Decimals in words must equal the general
// conversions (big.Int rounding; parsing the digits).
func TestDecimalSmallConversions(t *testing.T) {
	defer func() { decSmallOff = false }()
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 40000; i++ {
		x := randSmallDec(r)
		if r.Intn(2) == 0 {
			x.Exponent = int32(r.Intn(50) - 25)
		}
		if r.Intn(3) == 0 {
			x.Coeff.SetInt64(r.Int63n(1 << 54))
		}
		d := &decObj{d: x}
		mode := []int{rndDown, rndFloor, rndCeiling, rndHalfEven}[r.Intn(4)]
		decSmallOff = true
		want, err1 := decToInt(d, mode, "integer")
		decSmallOff = false
		got, err2 := decToInt(d, mode, "integer")
		if err1 != nil || err2 != nil || vm.AsBig(want).Cmp(vm.AsBig(got)) != 0 {
			t.Fatalf("int(%s) mode %d: general %v, fast %v", decDump(&x), mode, want, got)
		}
		f, err := decToFloat(d)
		wantF, _ := strconv.ParseFloat(string(appendDecString(nil, &x, true, false)), 64)
		if err != nil || math.Float64bits(f) != math.Float64bits(wantF) {
			t.Fatalf("float(%s) = %v, want %v", decDump(&x), f, wantF)
		}
	}
}
