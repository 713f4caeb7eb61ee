package stdlib

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// numDigits must count the decimal digits of any coefficient, around every
// power of ten in particular.
func TestDecimalNumDigits(t *testing.T) {
	check := func(v *big.Int) {
		var b apd.BigInt
		b.SetMathBigInt(v)
		want := int64(len(new(big.Int).Abs(v).String()))
		if got := numDigits(&b); got != want {
			t.Fatalf("numDigits(%s) = %d, want %d", v, got, want)
		}
	}
	ten := big.NewInt(10)
	p := big.NewInt(1)
	for i := 0; i < 700; i++ {
		check(p)
		check(new(big.Int).Sub(p, big.NewInt(1)))
		check(new(big.Int).Add(p, big.NewInt(1)))
		p.Mul(p, ten)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		v := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.Intn(3000))))
		check(v)
	}
	for s := 0; s < 64; s++ {
		check(new(big.Int).Lsh(big.NewInt(1), uint(s)))
		check(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(s+1)), big.NewInt(1)))
	}
}

// ratOf is the exact value of a finite Decimal.
func ratOf(d *apd.Decimal) *big.Rat {
	v := new(big.Rat).SetInt(d.Coeff.MathBigInt())
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs64(int64(d.Exponent)))), nil))
	if d.Exponent >= 0 {
		v.Mul(v, p)
	} else {
		v.Quo(v, p)
	}
	if d.Negative {
		v.Neg(v)
	}
	return v
}

// fix must round to at most prec digits, to a neighbour of the exact
// value, in the direction the rounding mode asks, and say whether it was
// inexact.
func TestDecimalFixRounds(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		var x apd.Decimal
		digits := 1 + r.Intn(40)
		c := new(big.Int).Rand(r, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil))
		x.Coeff.SetMathBigInt(c)
		x.Exponent = int32(r.Intn(60) - 30)
		x.Negative = r.Intn(2) == 0
		ctx := &decCtx{prec: int64(1 + r.Intn(30)), round: r.Intn(8), emin: decMinEmin, emax: decMaxEmax}
		var res apd.Decimal
		res.Set(&x)
		st, err := ctx.fix(&res, int64(x.Exponent), ctx.round)
		if err != nil {
			t.Fatal(err)
		}
		exact, got := ratOf(&x), ratOf(&res)
		if numDigits(&res.Coeff) > ctx.prec {
			t.Fatalf("%s at prec %d: %d digits", x.String(), ctx.prec, numDigits(&res.Coeff))
		}
		ulp := ratOf(&apd.Decimal{Coeff: *apd.NewBigInt(1), Exponent: res.Exponent})
		diff := new(big.Rat).Sub(got, exact) // got - exact
		if new(big.Rat).Abs(diff).Cmp(ulp) >= 0 {
			t.Fatalf("%s rounded to %s: off by a unit or more", x.String(), res.String())
		}
		if (st&dfInexact != 0) != (diff.Sign() != 0) {
			t.Fatalf("%s rounded to %s: inexact flag %v", x.String(), res.String(), st&dfInexact != 0)
		}
		if diff.Sign() == 0 {
			continue
		}
		away := (diff.Sign() > 0) != x.Negative // |got| > |exact|
		twice := new(big.Rat).Mul(new(big.Rat).Abs(diff), big.NewRat(2, 1))
		half := twice.Cmp(ulp) // how the error compares with half a unit
		var ok bool
		switch ctx.round {
		case rndUp:
			ok = away
		case rndDown:
			ok = !away
		case rndCeiling:
			ok = diff.Sign() > 0
		case rndFloor:
			ok = diff.Sign() < 0
		case rnd05Up:
			var q, m apd.BigInt
			q.QuoRem(&res.Coeff, apd.NewBigInt(10), &m)
			// Away from zero only when the kept last digit was 0 or 5,
			// which the increment made 1 or 6.
			last := m.Int64()
			ok = !away || last == 1 || last == 6
		case rndHalfUp:
			ok = half < 0 || half == 0 && away
		case rndHalfDown:
			ok = half < 0 || half == 0 && !away
		case rndHalfEven:
			ok = half < 0 || half == 0 && res.Coeff.Bit(0) == 0
		}
		if !ok {
			t.Fatalf("%s rounded by %s at prec %d to %s", x.String(), decRoundings[ctx.round].name, ctx.prec, res.String())
		}
	}
}

// An exact quotient loses its trailing zeros down to the ideal exponent:
// the count by factors of two and five must match stripping zeros one by
// one, for operands with many such factors and long precisions.
func TestDecimalExactQuotientZeros(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pow := func(b, n int64) *big.Int { return new(big.Int).Exp(big.NewInt(b), big.NewInt(n), nil) }
	for i := 0; i < 3000; i++ {
		// y = 2**a 5**b k, x = y * 2**c 5**d m: x / y is exact.
		k := big.NewInt(1 + r.Int63n(1000))
		if r.Intn(3) == 0 {
			k.SetInt64(1)
		}
		y := new(big.Int).Mul(pow(2, r.Int63n(80)), pow(5, r.Int63n(80)))
		y.Mul(y, k)
		x := new(big.Int).Mul(y, pow(2, r.Int63n(300)))
		x.Mul(x, pow(5, r.Int63n(300)))
		x.Mul(x, big.NewInt(1+r.Int63n(50)))
		var xd, yd, got apd.Decimal
		xd.Coeff.SetMathBigInt(x)
		yd.Coeff.SetMathBigInt(y)
		xd.Exponent = int32(r.Intn(40) - 20)
		yd.Exponent = int32(r.Intn(40) - 20)
		c := &decCtx{prec: int64(len(x.String()) + r.Intn(400)), round: rndHalfEven, emin: decMinEmin, emax: decMaxEmax}
		if _, err := decDiv(c, &got, &xd, &yd); err != nil {
			t.Fatal(err)
		}
		// The reference: the exact quotient at the ideal exponent, or with
		// the zeros it needs to reach there.
		q := new(big.Int).Quo(x, y)
		ideal := int64(xd.Exponent) - int64(yd.Exponent)
		want := q.String()
		if got.Coeff.MathBigInt().String() != want || int64(got.Exponent) != ideal {
			t.Fatalf("%s / %s (prec %d): got %s E%d, want %s E%d", x, y, c.prec,
				got.Coeff.String(), got.Exponent, want, ideal)
		}
	}
}

// hash(Decimal) on words must equal coefficient * 10**exponent mod 2**61-1
// computed with big integers, for short and long coefficients and
// exponents of either sign.
func TestDecimalHashWords(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	p := new(big.Int).SetUint64(1<<61 - 1)
	inv10 := new(big.Int).ModInverse(big.NewInt(10), p)
	for i := 0; i < 5000; i++ {
		c := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.Intn(400))))
		exp := int64(r.Intn(200) - 100)
		if r.Intn(10) == 0 {
			exp = int64(r.Int31()) - 1<<30
		}
		var d decObj
		d.d.Coeff.SetMathBigInt(c)
		d.d.Exponent = int32(exp)
		d.d.Negative = r.Intn(2) == 0
		got, err := d.HashErr(nil)
		if err != nil {
			t.Fatal(err)
		}
		var e *big.Int
		if exp >= 0 {
			e = new(big.Int).Exp(big.NewInt(10), big.NewInt(exp), p)
		} else {
			e = new(big.Int).Exp(inv10, big.NewInt(-exp), p)
		}
		h := new(big.Int).Mul(c, e)
		h.Mod(h, p)
		want := h.Int64()
		if d.d.Negative {
			want = -want
		}
		if want == -1 {
			want = -2
		}
		if int64(got) != want {
			t.Fatalf("hash(%s E%d neg=%v) = %d, want %d", c, exp, d.d.Negative, int64(got), want)
		}
	}
}

// modWord's remainders, the word-sum shortcut for 5 included.
func TestDecimalModWord(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 3000; i++ {
		v := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.Intn(3000))))
		if i%7 == 0 {
			v.Sub(new(big.Int).Lsh(big.NewInt(1), uint(64*(1+r.Intn(40)))), big.NewInt(1)) // all ones
		}
		var b apd.BigInt
		b.SetMathBigInt(v)
		for _, d := range []uint64{5, 25, 7, 1 << 63, 7450580596923828125} {
			want := new(big.Int).Mod(v, new(big.Int).SetUint64(d)).Uint64()
			if got := modWord(&b, d); got != want {
				t.Fatalf("modWord(%s, %d) = %d, want %d", v, d, got, want)
			}
		}
	}
}
