package stdlib

import (
	"testing"

	"github.com/asylang/asy/vm"
)

// Benchmarks of the common Decimal operations on money-sized operands
// (what bench/decimal_pi.py's ledger does), without the script around
// them: go test ./stdlib -run XXX -bench Decimal.

func decBenchSetup(b *testing.B, src string) (*vm.Thread, *vm.Module) {
	it := vm.New(vm.Config{Modules: Modules()})
	m := it.MainModule("bench.py")
	code, err := it.CompileModule(m, "bench.py", []byte(src), false)
	if err != nil {
		b.Fatal(err)
	}
	t := it.MainThread()
	if _, err := t.RunCode(code, m); err != nil {
		b.Fatal(err)
	}
	return t, m
}

const decBenchSrc = `
from decimal import Decimal, ROUND_HALF_UP
a = Decimal("123.456")
b = Decimal("7.25")
cent = Decimal("0.01")
def quant(x):
    return x.quantize(cent, rounding=ROUND_HALF_UP)
`

func decBenchOperands(b *testing.B) (*vm.Thread, *vm.Module, *decObj, vm.Value) {
	t, m := decBenchSetup(b, decBenchSrc)
	av, _ := m.Get("a")
	bv, _ := m.Get("b")
	x, _ := decOf(av)
	b.ReportAllocs()
	b.ResetTimer()
	return t, m, x, bv
}

func benchDecOp(b *testing.B, name string) {
	t, _, x, y := decBenchOperands(b)
	for i := 0; i < b.N; i++ {
		if _, _, err := x.BinaryOp(t, name, y, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalAdd(b *testing.B) { benchDecOp(b, "__add__") }
func BenchmarkDecimalMul(b *testing.B) { benchDecOp(b, "__mul__") }
func BenchmarkDecimalDiv(b *testing.B) { benchDecOp(b, "__truediv__") }

func BenchmarkDecimalAddInt(b *testing.B) {
	t, _, x, _ := decBenchOperands(b)
	for i := 0; i < b.N; i++ {
		if _, _, err := x.BinaryOp(t, "__add__", vm.Int(1), true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalCompare(b *testing.B) {
	t, _, x, y := decBenchOperands(b)
	for i := 0; i < b.N; i++ {
		if _, _, err := x.Compare(t, vm.CmpLT, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalHash(b *testing.B) {
	t, _, x, _ := decBenchOperands(b)
	for i := 0; i < b.N; i++ {
		if _, err := x.HashErr(t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalStr(b *testing.B) {
	t, _, x, _ := decBenchOperands(b)
	for i := 0; i < b.N; i++ {
		if _, err := x.Str(t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalQuantize(b *testing.B) {
	t, m, x, _ := decBenchOperands(b)
	f, _ := m.Get("quant")
	args := []vm.Value{vm.Obj(x)}
	for i := 0; i < b.N; i++ {
		if _, err := t.Call(f, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalFromInt(b *testing.B) {
	t, _, _, _ := decBenchOperands(b)
	cls := vm.Obj(decimalType)
	args := []vm.Value{vm.Int(123)}
	for i := 0; i < b.N; i++ {
		if _, err := t.Call(cls, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecimalFromStr(b *testing.B) {
	t, _, _, _ := decBenchOperands(b)
	cls := vm.Obj(decimalType)
	args := []vm.Value{vm.Str("0.005")}
	for i := 0; i < b.N; i++ {
		if _, err := t.Call(cls, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
