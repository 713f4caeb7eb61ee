package repl

import (
	"sort"
	"strings"

	"github.com/asylang/asy/vm"
)

// completer completes names (globals, builtins, keywords) and attributes
// (`obj.pre<Tab>`, `asyncio.sl<Tab>`), like CPython's rlcompleter: the part
// before the last dot is a chain of names looked up without calling
// anything.
type completer struct{ s *Session }

var keywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}

// Do implements readline.AutoCompleter: candidates are the suffixes to add
// to the word before the cursor, whose length is returned.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && isWordRune(line[start-1]) {
		start--
	}
	word := string(line[start:pos])
	names := c.Complete(word)
	out := make([][]rune, 0, len(names))
	prefix := word
	if i := strings.LastIndex(word, "."); i >= 0 {
		prefix = word[i+1:]
	}
	for _, n := range names {
		out = append(out, []rune(strings.TrimPrefix(n, prefix)))
	}
	return out, len([]rune(prefix))
}

func isWordRune(r rune) bool {
	return r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}

// Complete returns the names that can follow word (the last dotted part).
func (c *completer) Complete(word string) []string {
	it := c.s.Interp()
	it.Acquire()
	defer it.Release()
	t := it.MainThread()
	var names []string
	prefix := word
	if i := strings.LastIndex(word, "."); i >= 0 {
		prefix = word[i+1:]
		obj, ok := c.lookup(t, word[:i])
		if !ok {
			return nil
		}
		d, err := t.Call(builtin(it, "dir"), []vm.Value{obj}, nil)
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
		names = append(names, c.s.Main().Names()...)
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
func (c *completer) lookup(t *vm.Thread, expr string) (vm.Value, bool) {
	parts := strings.Split(expr, ".")
	v, ok := c.s.Main().Get(parts[0])
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

func builtin(it *vm.Interp, name string) vm.Value {
	v, _ := it.Builtins().Get(name)
	return v
}
