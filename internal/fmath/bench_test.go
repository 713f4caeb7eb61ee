package fmath

import (
	"math"
	"math/rand"
	"testing"
)

// BenchmarkUnary compares each function with Go's math (which is faster
// and less accurate) over arguments in its common range.
func BenchmarkUnary(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = rng.Float64()*20 - 10
	}
	pos := make([]float64, 1024)
	for i := range pos {
		pos[i] = math.Exp(rng.Float64()*100 - 50)
	}
	unit := make([]float64, 1024)
	for i := range unit {
		unit[i] = rng.Float64()*2 - 1
	}
	for _, c := range []struct {
		name      string
		ours, gof func(float64) float64
		args      []float64
	}{
		{"Exp", Exp, math.Exp, xs}, {"Log", Log, math.Log, pos}, {"Log10", Log10, math.Log10, pos},
		{"Sin", Sin, math.Sin, xs}, {"Cos", Cos, math.Cos, xs}, {"Tan", Tan, math.Tan, xs},
		{"Atan", Atan, math.Atan, xs}, {"Asin", Asin, math.Asin, unit}, {"Sinh", Sinh, math.Sinh, xs},
	} {
		c := c
		b.Run(c.name+"/fmath", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink += c.ours(c.args[i&1023])
			}
		})
		b.Run(c.name+"/math", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink += c.gof(c.args[i&1023])
			}
		})
	}
}
