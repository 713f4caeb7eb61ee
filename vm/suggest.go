package vm

// "Did you mean" hints. CPython 3.11's traceback printer appends
// ". Did you mean: 'x'?" to a NameError or AttributeError (exactly those
// classes, not subclasses) when a known name is close to the missing one.
// The hint is computed when the exception is printed, from its name (and,
// for AttributeError, obj) attribute: str(exc) never contains it.
//
// Closeness is an edit distance in which inserting, deleting or replacing a
// byte costs 2 and changing only the case of a letter costs 1; a candidate
// qualifies when its distance is at most a third of the bytes of both names
// (plus a little), the first best candidate wins, and lists of 750 names or
// more are not searched at all.

const (
	suggestMoveCost     = 2
	suggestCaseCost     = 1
	suggestMaxCands     = 750
	suggestMaxStringLen = 40
)

// suggestSubstCost is the cost of replacing byte a by byte b.
func suggestSubstCost(a, b byte) int {
	if a == b {
		return 0
	}
	// Only letters whose low five bits agree can differ by case alone.
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

// suggestDistance is the weighted edit distance between a and b, or any
// value above maxCost once it is certain to exceed maxCost.
func suggestDistance(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	// Common prefixes and suffixes cost nothing.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxStringLen || len(b) > suggestMaxStringLen {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	// One row of the distance matrix, updated in place: row[i] is the cost
	// of turning the first bi bytes of b into the first i+1 bytes of a.
	var buf [suggestMaxStringLen]int
	row := buf[:len(a)]
	for i := range row {
		row[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		diag := bi * suggestMoveCost // cost(b[:bi], a[:0])
		result = diag
		rowMin := -1
		for i := 0; i < len(a); i++ {
			subst := diag + suggestSubstCost(b[bi], a[i])
			diag = row[i]
			insDel := min(result, diag) + suggestMoveCost
			result = min(insDel, subst)
			row[i] = result
			if rowMin < 0 || result < rowMin {
				rowMin = result
			}
		}
		if rowMin > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// closestName is the candidate nearest to name by suggestDistance, or "".
func closestName(name string, cands []string) string {
	if len(cands) >= suggestMaxCands {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range cands {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * suggestMoveCost / 6
		if bestDist >= 0 && bestDist-1 < maxDist {
			maxDist = bestDist - 1
		}
		d := suggestDistance(name, c, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// suggestion is the hint for exc as the traceback printer shows it
// (". Did you mean: 'x'?"), or "".
func (t *Thread) suggestion(exc *Instance) (hint string) {
	defer func() {
		// Looking for a hint never makes printing fail.
		if r := recover(); r != nil {
			hint = ""
		}
	}()
	var s string
	switch exc.cls {
	case AttributeError:
		s = t.attrSuggestion(exc)
	case NameError:
		s = t.nameSuggestion(exc)
	}
	if s == "" {
		return ""
	}
	return ". Did you mean: '" + s + "'?"
}

// excName is the exception's name attribute when it is a str.
func excName(exc *Instance) (string, bool) {
	v, ok := exc.attrs.get("name")
	if !ok || !v.isObj() {
		return "", false
	}
	s, ok := v.o.(*StrObj)
	if !ok || s == nil {
		return "", false
	}
	return s.s, true
}

// attrSuggestion looks for the name among dir(exc.obj).
func (t *Thread) attrSuggestion(exc *Instance) string {
	name, ok := excName(exc)
	if !ok {
		return ""
	}
	obj, ok := exc.attrs.get("obj")
	if !ok {
		return ""
	}
	dir, ok := t.interp.builtins.Get("dir")
	if !ok {
		return ""
	}
	r, err := t.Call(dir, []Value{obj}, nil)
	if err != nil {
		return ""
	}
	l, ok := r.o.(*List)
	if !ok || !r.isObj() {
		return ""
	}
	var cands []string
	for _, v := range l.items {
		if s, ok := v.o.(*StrObj); ok {
			cands = append(cands, s.s)
		}
	}
	return closestName(name, cands)
}

// nameSuggestion looks for the name among the local variables of the
// innermost frame of the traceback, then its globals, then the builtins.
func (t *Thread) nameSuggestion(exc *Instance) string {
	name, ok := excName(exc)
	if !ok || len(exc.exc().traceback) == 0 {
		return ""
	}
	code := exc.exc().traceback[0].code
	if code == nil {
		return ""
	}
	var locals []string
	if code.Flags&FlagModule == 0 {
		n := min(code.NumLocals, len(code.LocalNames))
		locals = code.LocalNames[:n]
	}
	if s := closestName(name, locals); s != "" {
		return s
	}
	if code.module != nil {
		if s := closestName(name, code.module.Names()); s != "" {
			return s
		}
	}
	return closestName(name, builtinsInCPythonOrder(t.interp.builtins))
}

// cpythonBuiltinsOrder is the order of CPython 3.11's builtins dict, which
// decides between equally close builtins.
var cpythonBuiltinsOrder = []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__",
	"__build_class__", "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable",
	"chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
	"hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len",
	"locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round",
	"setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True",
	"bool", "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate",
	"filter", "float", "frozenset", "property", "int", "list", "map", "object", "range",
	"reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
	"__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit",
	"KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
	"BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError",
	"OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration",
	"SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError",
	"OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning",
	"EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
	"ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning",
	"BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
	"FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
	"PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError",
	"KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError",
	"UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError",
	"ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
	"UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError",
	"IOError", "open", "quit", "exit", "copyright", "credits", "license", "help"}

// builtinsInCPythonOrder lists the builtins module's names, those CPython
// has in its order, then any others as the module has them.
func builtinsInCPythonOrder(b *Module) []string {
	have := map[string]bool{}
	for _, n := range b.Names() {
		have[n] = true
	}
	out := make([]string, 0, len(have))
	for _, n := range cpythonBuiltinsOrder {
		if have[n] {
			out = append(out, n)
			delete(have, n)
		}
	}
	for _, n := range b.Names() {
		if have[n] {
			out = append(out, n)
		}
	}
	return out
}

// nameError is the NameError of a missing variable, carrying its name as
// CPython's does (the traceback printer's hint looks it up).
func nameError(name string) error {
	return withName(Errorf(NameError, "name '%s' is not defined", name), name)
}

func withName(err error, name string) error {
	if e, ok := err.(*Instance); ok {
		e.SetAttr("name", Str(name))
	}
	return err
}

// attrContext gives an AttributeError leaving getattr(obj, name) the name
// and obj attributes, as CPython's PyObject_GetAttr does for any
// AttributeError, whoever raised it.
func attrContext(err error, obj Value, name string) error {
	if e, ok := err.(*Instance); ok && e.exc() != nil && e.cls.IsSubclass(AttributeError) {
		e.SetAttr("name", Str(name))
		e.SetAttr("obj", obj)
	}
	return err
}

func init() {
	// The attributes CPython's NameError, AttributeError and ImportError
	// have even when nothing set them: None.
	noneFor := func(classes ...*Class) func(o *Instance) (Value, bool) {
		return func(o *Instance) (Value, bool) {
			for _, c := range classes {
				if o.cls.IsSubclass(c) {
					return None, true
				}
			}
			return Undef, false
		}
	}
	excExtraAttrs["name"] = noneFor(NameError, AttributeError, ImportError)
	excExtraAttrs["obj"] = noneFor(AttributeError)
	excExtraAttrs["path"] = noneFor(ImportError)
}
