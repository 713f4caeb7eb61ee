package stdlib

import (
	"testing"
	"unicode/utf8"

	"github.com/asylang/asy/vm"
)

// Benchmarks of json.dumps / json.loads through the module's Python API on
// a document of 2000 records (what bench/json_roundtrip.py does, without
// the script around it).

const jsonBenchDoc = `
import json
doc = {"records": [{"id": i, "name": "user %d" % i, "score": i * 1.25, "ok": i % 2 == 0,
                    "tags": ["a", "caf\u00e9", None], "geo": {"lat": i / 7, "lon": -i / 3},
                    "note": "line\n\"quoted\"" if i % 5 == 0 else ""} for i in range(2000)]}
text = json.dumps(doc)
`

func jsonBenchSetup(b *testing.B) (*vm.Thread, vm.Value, vm.Value, vm.Value, vm.Value) {
	it := vm.New(vm.Config{Modules: Modules()})
	m := it.MainModule("bench.py")
	code, err := it.CompileModule(m, "bench.py", []byte(jsonBenchDoc), false)
	if err != nil {
		b.Fatal(err)
	}
	t := it.MainThread()
	if _, err := t.RunCode(code, m); err != nil {
		b.Fatal(err)
	}
	jm, _ := m.Get("json")
	dumps, err := t.GetAttr(jm, "dumps")
	if err != nil {
		b.Fatal(err)
	}
	loads, err := t.GetAttr(jm, "loads")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := m.Get("doc")
	text, _ := m.Get("text")
	return t, dumps, loads, doc, text
}

func BenchmarkJSONDumps(b *testing.B) {
	t, dumps, _, doc, text := jsonBenchSetup(b)
	s, _ := text.StrOf()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := t.Call(dumps, []vm.Value{doc}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONLoads(b *testing.B) {
	t, _, loads, _, text := jsonBenchSetup(b)
	s, _ := text.StrOf()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := t.Call(loads, []vm.Value{text}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzJSONLoads feeds arbitrary text to json.loads: it must return a value
// or raise a Python exception (never crash), and what it returns must
// survive dumps/loads unchanged.
func FuzzJSONLoads(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5, "x\u00e9", null, true]}`, `[`, `"\ud834\udd1e"`, `{"a" 1}`,
		`1e400`, `-`, `"\`, `[1,]`, `{"é": "ü"}`, `[NaN, -Infinity]`, `"\u12`} {
		f.Add(s)
	}
	it := vm.New(vm.Config{Modules: Modules()})
	m := it.MainModule("fuzz.py")
	code, err := it.CompileModule(m, "fuzz.py", []byte(`
import json
def check(s):
    try:
        v = json.loads(s)
    except (ValueError, RecursionError):
        return
    if v != v or isinstance(v, float):
        return
    assert json.loads(json.dumps(v)) == v or "NaN" in s, (s, v)
    assert json.loads(json.dumps(v, ensure_ascii=False, indent=1, sort_keys=False)) == v or "NaN" in s
`), false)
	if err != nil {
		f.Fatal(err)
	}
	t := it.MainThread()
	if _, err := t.RunCode(code, m); err != nil {
		f.Fatal(err)
	}
	check, _ := m.Get("check")
	f.Fuzz(func(tt *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // a str is text: scripts cannot make invalid UTF-8
		}
		if _, err := t.Call(check, []vm.Value{vm.Str(s)}, nil); err != nil {
			tt.Fatalf("%q: %v", s, err)
		}
	})
}
