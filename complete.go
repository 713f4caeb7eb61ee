package asy

import (
	"sort"
	"strings"

	"github.com/asylang/asy/vm"
)

// keywords are completed at the start of a name.
var keywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}

// Complete returns, sorted, the names that can complete word: keywords,
// globals of __main__ and builtins for a plain name; attributes (dir())
// for a dotted one ("asyncio.sl"), whose part before the last dot is a
// chain of names looked up without calling anything, like CPython's
// rlcompleter. Names starting with _ come only when word's last part
// does. It may be called while a statement runs (it waits for the lock).
func (s *Interactive) Complete(word string) []string {
	it := s.it
	it.Acquire()
	defer it.Release()
	t := it.MainThread()
	var names []string
	prefix := word
	if i := strings.LastIndex(word, "."); i >= 0 {
		prefix = word[i+1:]
		obj, ok := s.lookup(t, word[:i])
		if !ok {
			return nil
		}
		dir, _ := it.Builtins().Get("dir")
		d, err := t.Call(dir, []vm.Value{obj}, nil)
		if err != nil {
			return nil
		}
		if l, ok := d.AsObj().(*vm.List); ok {
			for _, v := range l.Items() {
				if s, ok := v.StrOf(); ok && (strings.HasPrefix(prefix, "_") || !strings.HasPrefix(s, "_")) {
					names = append(names, s)
				}
			}
		}
	} else {
		names = append(names, keywords...)
		names = append(names, s.main.Names()...)
		names = append(names, it.Builtins().Names()...)
	}
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && (prefix != "" || !strings.HasPrefix(n, "_")) {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// lookup resolves a dotted chain of names (no calls, no indexing).
func (s *Interactive) lookup(t *vm.Thread, expr string) (vm.Value, bool) {
	parts := strings.Split(expr, ".")
	v, ok := s.main.Get(parts[0])
	if !ok || v.IsUndef() {
		v, ok = t.Interp().Builtins().Get(parts[0])
		if !ok {
			return vm.Undef, false
		}
	}
	for _, p := range parts[1:] {
		next, err := t.GetAttr(v, p)
		if err != nil {
			return vm.Undef, false
		}
		v = next
	}
	return v, true
}
