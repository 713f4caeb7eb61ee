package fmath

import "math"

// Exp, Log, Log2 and Log10 are correctly rounded except with probability
// around 2^-45 per random argument (their double-double results carry
// about 100 good bits); their special values are math's (C99's).

// Exp is e**x.
func Exp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	case x == 0:
		return 1
	}
	tablesOnce.Do(initTables)
	ph, pl, k := expDD(x, 0)
	return scale(ph, pl, k)
}

// Exp2 is 2**x.
func Exp2(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 1025:
		return math.Inf(1)
	case x < -1080:
		return 0
	case x == math.Trunc(x):
		return math.Ldexp(1, int(x)) // exact, or one rounding below 2^-1074
	}
	tablesOnce.Do(initTables)
	zh, zl := twoProd(x, ln2Hi)
	zl += x * ln2Lo
	zh, zl = fastTwoSum(zh, zl)
	ph, pl, k := expDD(zh, zl)
	return scale(ph, pl, k)
}

// scale rounds 2^k * (ph+pl) to float64 once: ph is already ph+pl rounded
// when the result is normal; a subnormal result is rounded at its own
// (coarser) grid from the double-double.
func scale(ph, pl float64, k int) float64 {
	if k > -1022 {
		return math.Ldexp(ph, k)
	}
	sc := k + 1074
	vh, vl := math.Ldexp(ph, sc), math.Ldexp(pl, sc)
	n := math.RoundToEven(vh)
	d := (vh - n) + vl
	switch {
	case d > 0.5:
		n++
	case d < -0.5:
		n--
	}
	return math.Ldexp(n, -1074)
}

// Log is the natural logarithm.
func Log(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log(x) // NaN, -Inf for 0, NaN for x < 0, +Inf
	}
	if x == 1 {
		return 0
	}
	tablesOnce.Do(initTables)
	h, _ := logDD(x)
	return h
}

// Log2 is the base-2 logarithm; exact for powers of two.
func Log2(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log2(x)
	}
	if x == 1 {
		return 0
	}
	return logTimes(x, &invLn2)
}

// Log10 is the base-10 logarithm; exact for the powers of ten a float64
// holds exactly.
func Log10(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log10(x)
	}
	if x == 1 {
		return 0
	}
	return logTimes(x, &invLn10)
}

// logTimes is log(x)·c rounded once, c a double-double constant (1/ln 2,
// 1/ln 10) made by initTables: x is positive, finite and not 1.
func logTimes(x float64, c *[2]float64) float64 {
	tablesOnce.Do(initTables)
	h, l := logDD(x)
	h, _ = ddMul(h, l, c[0], c[1])
	return h
}
