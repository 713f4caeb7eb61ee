package vm_test

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/asylang/asy/vm"
)

// Fuzz targets for the limits of issue 13: programs built from a small
// grammar (big literals, **, huge sizes allowed), format specs and
// %-formatting, and int()/float() parsing. A per-object allocation limit of
// 4 MiB keeps the fuzzer fast and its memory small: huge sizes must become
// MemoryError, never a Go crash.

func withSmallAllocLimit(f *testing.F) {
	old := vm.SetAllocLimit(4 << 20)
	f.Cleanup(func() { vm.SetAllocLimit(old) })
}

// pyStr is a Python expression for s that needs no escaping rules.
func pyStr(s string) string {
	var b strings.Builder
	b.WriteString("bytes([")
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(int(s[i])))
	}
	b.WriteString("]).decode('latin-1')")
	return b.String()
}

func checkPythonError(t *testing.T, src string, err error) {
	if err != nil && vm.AsException(err) == nil {
		t.Fatalf("non-Python error for %q: %v", src, err)
	}
	if err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("a builtin crashed for %q: %v", src, err)
	}
}

// genProgram turns fuzz bytes into a program: each statement prints an
// expression built from the grammar, inside try/except so that one error
// does not hide the rest.
func genProgram(data []byte) string {
	atoms := []string{"0", "1", "-1", "7", "10**12", "2**63", "2**64", "-2**63", "9" + strings.Repeat("9", 60),
		"1.5", "1e308", "float('inf')", "float('nan')", "''", "'ab'", "b'xy'", "[]", "[1, 2]", "()", "(1,)",
		"{}", "{1: 2}", "None", "True", "range(5)", "range(10**20)", "'%d'", "'{:>5}'", "2**(1<<20)"}
	bin := []string{"+", "-", "*", "**", "//", "%", "<<", ">>", "&", "|", "^", "==", "<", "in", "/"}
	calls := []string{"len(%s)", "str(%s)", "repr(%s)", "int(%s)", "float(%s)", "hash(%s)", "bytes(%s)",
		"bytearray(%s)", "list(%s)", "tuple(%s)", "'x'.ljust(%s)", "'x'.center(%s)", "'7'.zfill(%s)",
		"b'x'.rjust(%s)", "'\\t'.expandtabs(%s)", "format(%s, '>20')", "'%%s' %% (%s,)", "'%%5d' %% (%s,)",
		"f'{%s!r:>9}'", "[%s] * 3", "(%s,) * 2", "abs(%s)", "-(%s)", "not %s", "round(%s)", "divmod(%s, 3)",
		"sorted([%s])", "{%s}", "[[%s]] * 10**6", "int(str(%s))", "chr(%s)", "range(%s)", "'ab' * (%s)"}
	pos := 0
	next := func() int {
		if pos >= len(data) {
			return 0
		}
		pos++
		return int(data[pos-1])
	}
	var expr func(depth int) string
	expr = func(depth int) string {
		c := next()
		if depth > 3 || c%3 == 0 {
			return atoms[next()%len(atoms)]
		}
		if c%3 == 1 {
			return "(" + expr(depth+1) + " " + bin[next()%len(bin)] + " " + expr(depth+1) + ")"
		}
		return fmt.Sprintf(calls[next()%len(calls)], expr(depth+1))
	}
	var b strings.Builder
	for i := 0; i < 8 && pos < len(data); i++ {
		fmt.Fprintf(&b, "try:\n    x = %s\n    print(repr(x)[:50])\nexcept Exception as e:\n    print(type(e).__name__)\n", expr(0))
	}
	return b.String()
}

func FuzzGeneratedPrograms(f *testing.F) {
	withSmallAllocLimit(f)
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add([]byte{2, 10, 1, 4, 0, 5, 2, 11, 0, 6})
	f.Add([]byte("hostile programs"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src := genProgram(data)
		_, err := run(t, src, vm.Config{MaxSteps: 20000})
		checkPythonError(t, src, err)
	})
}

func FuzzFormatSpecs(f *testing.F) {
	withSmallAllocLimit(f)
	for _, s := range []string{"d", ">10", "0=20,d", "_x", ".3f", "1000000000000d", ".2147483648f",
		"99999999999999999999d", "%5.2f", "%-*d", "%.*s", "%(a)s", "%1000000000000d", "%c", "%#o"} {
		f.Add(s, int64(42), 1.5)
	}
	f.Fuzz(func(t *testing.T, spec string, i int64, x float64) {
		if len(spec) > 40 {
			return
		}
		s := pyStr(spec)
		src := fmt.Sprintf("for v in (%d, %d ** 3, %s, 'text', 1j, True):\n"+
			"    try:\n        format(v, %s)\n    except (ValueError, TypeError, MemoryError, OverflowError):\n        pass\n"+
			"    try:\n        %s %% v\n    except (ValueError, TypeError, MemoryError, OverflowError, KeyError):\n        pass\n"+
			"    try:\n        %s %% (v, v, v)\n    except (ValueError, TypeError, MemoryError, OverflowError, KeyError):\n        pass\n",
			i, i, strconv.FormatFloat(x, 'g', -1, 64), s, s, s)
		if strings.ContainsAny(strconv.FormatFloat(x, 'g', -1, 64), "In") {
			return // inf and nan have no literal
		}
		_, err := run(t, src, vm.Config{MaxSteps: 20000})
		checkPythonError(t, src, err)
	})
}

// FuzzIntFloatParsing: int() and float() of any text raise ValueError or
// agree with Go's parsers on the plain forms both accept; the halving
// decimal parser agrees with big.Int.SetString.
func FuzzIntFloatParsing(f *testing.F) {
	for _, s := range []string{"12", " -7 ", "1_000", "0x_ff", "1e5", "-.5", "inf", "nan", "1__0", "9" + strings.Repeat("0", 2500), "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 6000 {
			return
		}
		iv, ierr := vm.ParseIntLiteral(s, 10)
		if ierr != nil && vm.AsException(ierr) == nil {
			t.Fatalf("int(%q): non-Python error %v", s, ierr)
		}
		plain := s != "" && strings.Trim(s, "0123456789") == "" && len(s) <= vm.DefaultIntMaxStrDigits
		if plain {
			want, _ := new(big.Int).SetString(s, 10)
			if ierr != nil || vm.AsBig(iv).Cmp(want) != 0 {
				t.Fatalf("int(%q) = %v, %v; want %v", s, iv, ierr, want)
			}
		}
		fv, ferr := vm.ParseFloatLiteral(s)
		if ferr != nil && vm.AsException(ferr) == nil {
			t.Fatalf("float(%q): non-Python error %v", s, ferr)
		}
		if g, err := strconv.ParseFloat(s, 64); err == nil && plain {
			if ferr != nil || (fv != g) {
				t.Fatalf("float(%q) = %v, %v; want %v", s, fv, ferr, g)
			}
		}
	})
}

// The repr of a container of 10**10 items (FuzzGeneratedPrograms found one)
// neither hangs nor ignores the limits: it stops at the step budget, and
// without one at the allocation limit.
func TestHugeReprStops(t *testing.T) {
	old := vm.SetAllocLimit(4 << 20)
	defer vm.SetAllocLimit(old)
	src := "x = [[0] * 100_000] * 100_000\ntry:\n    r = repr(x)\nexcept MemoryError:\n    print('MemoryError')\n"
	out, err := run(t, src, vm.Config{})
	if err != nil || out != "MemoryError\n" {
		t.Errorf("no step limit: out %q err %v", out, err)
	}
	src = "x = [[0] * 100_000] * 100_000\nfor d in ({1: x}, x):\n    repr(d)\n"
	if _, err := run(t, src, vm.Config{MaxSteps: 20000}); err == nil || !strings.Contains(err.Error(), "instruction limit") {
		t.Errorf("under MaxSteps: %v", err)
	}
}
