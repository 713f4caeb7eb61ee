package stdlib

import (
	"fmt"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// The re module: Python's regular expressions on Go's regexp (RE2). The
// pattern syntax is translated (re_translate.go); matching, positions and
// iteration follow CPython (re_text.go). What RE2 cannot do raises re.error.

var (
	reErrorType   = vm.NewExceptionClass("error", "re", vm.Exception)
	rePatternType = vm.NewNativeClass("Pattern", "re", nil, nil)
	reMatchType   = vm.NewNativeClass("Match", "re", nil, nil)
)

// rePattern is a compiled pattern (re.Pattern).
type rePattern struct {
	src     vm.Value // the pattern as given (str or bytes)
	text    string   // its text (bytes decoded as Latin-1)
	isBytes bool
	flags   int
	prog    *reProg
	names   []string // group names by index ("" when unnamed)
}

func (*rePattern) Class() *vm.Class { return rePatternType }

// reMatchObj is a match (re.Match).
type reMatchObj struct {
	pat      *rePattern
	txt      *reText
	pos, end int
	spans    []int
	inline   [6]int // the spans of up to two groups, in the same allocation
}

// newReMatch makes a match holding a copy of spans.
func newReMatch(p *rePattern, txt *reText, pos, end int, spans []int) *reMatchObj {
	m := &reMatchObj{pat: p, txt: txt, pos: pos, end: end}
	if len(spans) <= len(m.inline) {
		m.spans = m.inline[:len(spans)]
		copy(m.spans, spans)
	} else {
		m.spans = append([]int(nil), spans...)
	}
	return m
}

func (*reMatchObj) Class() *vm.Class { return reMatchType }

// reModuleState is one interpreter's re state: the pattern cache.
type reModuleState struct {
	mu    sync.Mutex
	cache map[reCacheKey]*rePattern
	order []reCacheKey

	btLooked bool          // _re_backtrack was looked for
	bt       ReBacktracker // the backtracking engine, nil without the extension
}

type reCacheKey struct {
	isBytes bool
	pat     string
	flags   int
}

const reCacheMax = 512

// reNewError makes re.error(msg, pattern, pos) with CPython's attributes.
func reNewError(t *vm.Thread, msg string, pattern vm.Value, pos int) error {
	full := msg
	lineno, colno := vm.None, vm.None
	if pos >= 0 && !pattern.IsUndef() {
		text := ""
		if s, ok := pattern.StrOf(); ok {
			text = s
		} else if b, ok := pattern.AsObj().(*vm.Bytes); ok {
			text = string(b.Data())
		}
		rs := []rune(text)
		if pos > len(rs) {
			pos = len(rs)
		}
		// CPython: lineno counts newlines before pos; colno is pos minus the
		// index of the last of them (-1 when none).
		line, lastNL := 1, -1
		for k, c := range rs[:pos] {
			if c == '\n' {
				line++
				lastNL = k
			}
		}
		col := pos - lastNL
		lineno, colno = vm.Int(int64(line)), vm.Int(int64(col))
		full = fmt.Sprintf("%s at position %d", msg, pos)
		if strings.Contains(text, "\n") {
			full += fmt.Sprintf(" (line %d, column %d)", line, col)
		}
	}
	exc := vm.NewException(reErrorType, vm.Str(full))
	ev := vm.Obj(exc)
	set := func(name string, v vm.Value) { t.SetAttr(ev, name, v) }
	set("msg", vm.Str(msg))
	if pattern.IsUndef() {
		pattern = vm.None
	}
	set("pattern", pattern)
	if pos >= 0 {
		set("pos", vm.Int(int64(pos)))
	} else {
		set("pos", vm.None)
	}
	set("lineno", lineno)
	set("colno", colno)
	return exc
}

// reConvertErr turns translator and engine errors into Python exceptions.
func reConvertErr(t *vm.Thread, err error, pattern vm.Value) error {
	switch e := err.(type) {
	case *reSyntaxError:
		if e.pos < 0 {
			// CPython's errors found when compiling have no position or pattern.
			return reNewError(t, e.msg, vm.Undef, -1)
		}
		return reNewError(t, e.msg, pattern, e.pos)
	case *reValueError:
		return vm.Errorf(vm.ValueError, "%s", e.msg)
	case *reOverflow:
		return vm.Errorf(vm.OverflowError, "%s", e.msg)
	case *reEngineErr:
		return reNewError(t, "asy's re: "+e.err.Error(), vm.Undef, -1)
	}
	return err
}

func (st *reModuleState) compile(t *vm.Thread, pattern vm.Value, flagsV vm.Value) (*rePattern, error) {
	flags := 0
	if !flagsV.IsUndef() {
		f, err := reInt(t, flagsV)
		if err != nil {
			return nil, err
		}
		flags = int(f)
	}
	if p, ok := pattern.AsObj().(*rePattern); ok && pattern.Kind() == vm.KObj {
		if flags != 0 {
			return nil, vm.Errorf(vm.ValueError, "cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	var key reCacheKey
	key.flags = flags
	if s, ok := pattern.StrOf(); ok {
		key.pat = s
	} else if b, ok := pattern.AsObj().(*vm.Bytes); ok && pattern.Kind() == vm.KObj {
		key.isBytes = true
		rs := make([]rune, len(b.Data()))
		for i, c := range b.Data() {
			rs[i] = rune(c)
		}
		key.pat = string(rs)
	} else {
		return nil, vm.Errorf(vm.TypeError, "first argument must be string or compiled pattern")
	}
	st.mu.Lock()
	p, ok := st.cache[key]
	st.mu.Unlock()
	if ok {
		return p, nil
	}
	var charNames map[string]rune
	if !key.isBytes && strings.Contains(key.pat, `\N{`) {
		charNames = reLookupNames(t, reCharNames(key.pat))
	}
	tr, err := reTranslateNamed([]rune(key.pat), flags, key.isBytes, charNames)
	if err != nil {
		return nil, reConvertErr(t, err, pattern)
	}
	engine := st.engine(t)
	prog := newReProg(tr)
	prog.engine, prog.pat, prog.flags, prog.isBytes = engine, []rune(key.pat), flags, key.isBytes
	prog.charNames = charNames
	// Compile the plain search variant now, so that the engine's own
	// refusals surface at compile time as they would in CPython. RE2
	// refuses programs that grow too large ((?:a{1000}){1000}); CPython and
	// the backtracking engine run them.
	var re2Err error
	if !tr.needBT {
		if _, re2Err = prog.get(reSearch, false, false); re2Err != nil && engine != nil {
			if bt, err := reTranslateForNamed(prog.pat, flags, key.isBytes, true, charNames); err == nil {
				bt.needBT, tr = true, bt
				prog.tr = bt
			}
		}
	}
	if tr.needBT {
		bt, err := prog.btProg()
		if err == nil && bt == nil {
			err = reNeedEngine(-1)
		}
		if err == nil {
			_, err = bt.get(reBTSearch, 0)
		}
		if err != nil {
			if _, ok := err.(*reSyntaxError); ok {
				return nil, reConvertErr(t, err, pattern)
			}
			return nil, reNewError(t, "asy's re (backtracking engine) cannot compile this pattern: "+err.Error(), pattern, -1)
		}
	} else if re2Err != nil {
		return nil, reNewError(t, "asy's re (RE2) cannot compile this pattern: "+re2Err.Error(), pattern, -1)
	}
	names := make([]string, tr.groups+1)
	for n, i := range tr.names {
		names[i] = n
	}
	p = &rePattern{src: pattern, text: key.pat, isBytes: key.isBytes, flags: tr.flags, prog: prog, names: names}
	st.mu.Lock()
	if len(st.order) >= reCacheMax {
		delete(st.cache, st.order[0])
		st.order = st.order[1:]
	}
	st.cache[key] = p
	st.order = append(st.order, key)
	st.mu.Unlock()
	return p, nil
}

// subject checks a subject's type against the pattern's.
func (p *rePattern) subject(v vm.Value) (*reText, error) {
	txt, ok := newReText(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "expected string or bytes-like object, got '%s'", v.TypeName())
	}
	if txt.isBytes && !p.isBytes {
		return nil, vm.Errorf(vm.TypeError, "cannot use a string pattern on a bytes-like object")
	}
	if !txt.isBytes && p.isBytes {
		return nil, vm.Errorf(vm.TypeError, "cannot use a bytes pattern on a string-like object")
	}
	return txt, nil
}

// bounds clamps pos/endpos as CPython does.
func reBounds(t *vm.Thread, txt *reText, posV, endV vm.Value) (int, int, error) {
	pos, end := 0, txt.nchars
	if !posV.IsUndef() {
		n, err := reInt(t, posV)
		if err != nil {
			return 0, 0, err
		}
		pos = int(max(0, min(n, int64(txt.nchars))))
	}
	if !endV.IsUndef() {
		n, err := reInt(t, endV)
		if err != nil {
			return 0, 0, err
		}
		end = int(max(0, min(n, int64(txt.nchars))))
	}
	return pos, end, nil
}

// scope is the text a pattern method works on and its pos/endpos bounds.
func (p *rePattern) scope(t *vm.Thread, strV, posV, endV vm.Value) (*reText, int, int, error) {
	txt, err := p.subject(strV)
	if err != nil {
		return nil, 0, 0, err
	}
	pos, end, err := reBounds(t, txt, posV, endV)
	return txt, pos, end, err
}

func (p *rePattern) run(t *vm.Thread, kind int, strV, posV, endV vm.Value) (vm.Value, error) {
	txt, pos, end, err := p.scope(t, strV, posV, endV)
	if err != nil {
		return vm.Undef, err
	}
	spans, err := p.prog.exec(t, txt, pos, end, kind)
	if err != nil {
		return vm.Undef, reConvertErr(t, err, p.src)
	}
	if spans == nil {
		return vm.None, nil
	}
	return vm.Obj(&reMatchObj{pat: p, txt: txt, pos: pos, end: end, spans: spans}), nil
}

func (p *rePattern) group(txt *reText, spans []int, g int, def vm.Value) vm.Value {
	if spans[2*g] < 0 {
		return def
	}
	return txt.slice(spans[2*g], spans[2*g+1])
}

func (p *rePattern) findall(t *vm.Thread, txt *reText, pos, end int) (vm.Value, error) {
	var out []vm.Value
	groups := p.prog.tr.groups
	err := p.prog.each(t, txt, pos, end, func(spans []int) (bool, error) {
		switch groups {
		case 0:
			out = append(out, p.group(txt, spans, 0, txt.empty()))
		case 1:
			out = append(out, p.group(txt, spans, 1, txt.empty()))
		default:
			items := make([]vm.Value, groups)
			for g := 1; g <= groups; g++ {
				items[g-1] = p.group(txt, spans, g, txt.empty())
			}
			out = append(out, vm.Obj(vm.NewTuple(items)))
		}
		return true, nil
	})
	if err != nil {
		return vm.Undef, reConvertErr(t, err, p.src)
	}
	return vm.Obj(vm.NewList(out)), nil
}

func (p *rePattern) finditer(t *vm.Thread, txt *reText, pos, end int) vm.Value {
	// The iterator resumes where the previous match ended; state mirrors
	// reProg.each.
	mustAdvance, done := false, false
	var buf []int // the spans of the last match, copied into its match object
	return vm.NewIterator(vm.CallIterType, func(t *vm.Thread) (vm.Value, bool, error) {
		if done || pos > end {
			return vm.Undef, false, nil
		}
		spans, err := p.prog.nextInto(t, txt, pos, end, mustAdvance, buf)
		if err != nil {
			done = true
			return vm.Undef, false, reConvertErr(t, err, p.src)
		}
		if spans == nil {
			done = true
			return vm.Undef, false, nil
		}
		mustAdvance = spans[0] == spans[1]
		pos = spans[1]
		buf = spans
		return vm.Obj(newReMatch(p, txt, 0, end, spans)), true, nil
	})
}

func (p *rePattern) split(t *vm.Thread, txt *reText, maxsplit int) (vm.Value, error) {
	var out []vm.Value
	last, n := 0, 0
	groups := p.prog.tr.groups
	if maxsplit < 0 {
		return vm.Obj(vm.NewList([]vm.Value{txt.slice(0, txt.nchars)})), nil
	}
	err := p.prog.each(t, txt, 0, txt.nchars, func(spans []int) (bool, error) {
		out = append(out, txt.slice(last, spans[0]))
		for g := 1; g <= groups; g++ {
			out = append(out, p.group(txt, spans, g, vm.None))
		}
		last = spans[1]
		n++
		return maxsplit == 0 || n < maxsplit, nil
	})
	if err != nil {
		return vm.Undef, reConvertErr(t, err, p.src)
	}
	out = append(out, txt.slice(last, txt.nchars))
	return vm.Obj(vm.NewList(out)), nil
}

func (p *rePattern) subn(t *vm.Thread, repl, strV vm.Value, count int) (vm.Value, int, error) {
	txt, err := p.subject(strV)
	if err != nil {
		return vm.Undef, 0, err
	}
	var tmpl *reTemplate
	var literal vm.Value // a replacement of the wrong type, kept as is
	callable := false
	if rt, ok := newReText(repl); ok {
		if rt.isBytes != p.isBytes {
			// CPython appends it untouched and the final join complains.
			literal = repl
		} else if tmpl, err = p.parseTemplate(t, rt); err != nil {
			return vm.Undef, 0, err
		}
	} else if t.IsCallable(repl) {
		callable = true
	} else {
		return vm.Undef, 0, vm.Errorf(vm.TypeError, "decoding to str: need a bytes-like object, %s found", repl.TypeName())
	}
	// The result is written as the matches come. CPython collects the
	// pieces and joins them at the end, so a replacement of the wrong type
	// is reported (with its index among the pieces) only after every match
	// was replaced: out keeps the first such piece and goes on counting.
	out := reJoin{isBytes: txt.isBytes}
	last, n := 0, 0
	err = p.prog.each(t, txt, 0, txt.nchars, func(spans []int) (bool, error) {
		if last < spans[0] {
			out.text(txt, last, spans[0])
		}
		switch {
		case callable:
			r, err := t.Call(repl, []vm.Value{vm.Obj(newReMatch(p, txt, 0, txt.nchars, spans))}, nil)
			if err != nil {
				return false, err
			}
			if !r.IsNone() {
				out.value(r)
			}
		case tmpl != nil:
			tmpl.expandTo(&out, txt, spans)
		default:
			out.value(literal)
		}
		last = spans[1]
		n++
		return count <= 0 || n < count, nil
	})
	if err != nil {
		return vm.Undef, 0, reConvertErr(t, err, p.src)
	}
	if last < txt.nchars {
		out.text(txt, last, txt.nchars)
	}
	if n == 0 {
		return strV, 0, nil
	}
	if out.bad != nil {
		return vm.Undef, 0, out.bad
	}
	if txt.isBytes {
		return vm.Obj(vm.NewBytes(out.buf)), n, nil
	}
	return vm.Str(string(out.buf)), n, nil
}

// reJoin is the result of sub being written: UTF-8 for str, the bytes
// for bytes. n counts the pieces; bad is the join's error for the first
// piece of the wrong type.
type reJoin struct {
	isBytes bool
	buf     []byte
	n       int
	bad     error
}

// text appends characters [lo, hi) of the subject.
func (j *reJoin) text(txt *reText, lo, hi int) {
	j.n++
	if j.bad != nil {
		return
	}
	if txt.isBytes {
		j.buf = append(j.buf, txt.raw[lo:hi]...)
		return
	}
	j.buf = append(j.buf, txt.s[txt.byteOf(lo):txt.byteOf(hi)]...)
}

// value appends a replacement returned by a function (or given as is).
func (j *reJoin) value(v vm.Value) {
	i := j.n
	j.n++
	if j.bad != nil {
		return
	}
	if j.isBytes {
		switch o := v.AsObj().(type) {
		case *vm.Bytes:
			j.buf = append(j.buf, o.Data()...)
			return
		case *vm.ByteArray:
			j.buf = append(j.buf, o.Data()...)
			return
		}
		j.bad = vm.Errorf(vm.TypeError, "sequence item %d: expected a bytes-like object, %s found", i, v.TypeName())
		return
	}
	s, ok := v.StrOf()
	if !ok {
		j.bad = vm.Errorf(vm.TypeError, "sequence item %d: expected str instance, %s found", i, v.TypeName())
		return
	}
	j.buf = append(j.buf, s...)
}

func (p *rePattern) Repr(t *vm.Thread) (string, error) {
	r, err := t.Repr(p.src)
	if err != nil {
		return "", err
	}
	if rs := []rune(r); len(rs) > 200 {
		r = string(rs[:200])
	}
	flags := p.flags
	if !p.isBytes && flags&(reLOCALE|reUNICODE|reASCII) == reUNICODE {
		flags &^= reUNICODE
	}
	if flags == 0 {
		return "re.compile(" + r + ")", nil
	}
	var names []string
	for _, f := range reFlagNames {
		if flags&f.v != 0 {
			names = append(names, "re."+f.name)
			flags &^= f.v
		}
	}
	if flags != 0 {
		names = append(names, fmt.Sprintf("0x%x", flags))
	}
	return "re.compile(" + r + ", " + strings.Join(names, "|") + ")", nil
}

var reFlagNames = []struct {
	name string
	v    int
}{
	{"TEMPLATE", reTEMPLATE}, {"IGNORECASE", reIGNORECASE}, {"LOCALE", reLOCALE},
	{"MULTILINE", reMULTILINE}, {"DOTALL", reDOTALL}, {"UNICODE", reUNICODE},
	{"VERBOSE", reVERBOSE}, {"DEBUG", reDEBUG}, {"ASCII", reASCII},
}

func (p *rePattern) Hash() uint64 {
	h := uint64(p.flags)*1000003 ^ uint64(len(p.text))
	for _, c := range p.text {
		h = h*31 + uint64(c)
	}
	return h
}

func (p *rePattern) Compare(t *vm.Thread, op int, other vm.Value) (bool, bool, error) {
	q, ok := other.AsObj().(*rePattern)
	if !ok || other.Kind() != vm.KObj {
		return false, false, nil
	}
	eq := p.isBytes == q.isBytes && p.text == q.text && p.flags == q.flags
	switch op {
	case vm.CmpEQ:
		return eq, true, nil
	case vm.CmpNE:
		return !eq, true, nil
	}
	return false, false, nil
}

func reInitPattern() {
	m := rePatternType.AddMethod
	self := func(args []vm.Value) *rePattern { return args[0].AsObj().(*rePattern) }
	for _, k := range []struct {
		name string
		kind int
	}{{"search", reSearch}, {"match", reMatch}, {"fullmatch", reFull}} {
		k := k
		m(k.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(k.name, args[1:], kw, 1, "string", "pos", "endpos")
			if err != nil {
				return vm.Undef, err
			}
			return self(args).run(t, k.kind, a[0], a[1], a[2])
		})
	}
	m("findall", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("findall", args[1:], kw, 1, "string", "pos", "endpos")
		if err != nil {
			return vm.Undef, err
		}
		p := self(args)
		txt, pos, end, err := p.scope(t, a[0], a[1], a[2])
		if err != nil {
			return vm.Undef, err
		}
		return p.findall(t, txt, pos, end)
	})
	m("finditer", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("finditer", args[1:], kw, 1, "string", "pos", "endpos")
		if err != nil {
			return vm.Undef, err
		}
		p := self(args)
		txt, pos, end, err := p.scope(t, a[0], a[1], a[2])
		if err != nil {
			return vm.Undef, err
		}
		return p.finditer(t, txt, pos, end), nil
	})
	m("split", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("split", args[1:], kw, 1, "string", "maxsplit")
		if err != nil {
			return vm.Undef, err
		}
		return reSplit(t, self(args), a[0], a[1])
	})
	for _, name := range []string{"sub", "subn"} {
		name := name
		m(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args[1:], kw, 2, "repl", "string", "count")
			if err != nil {
				return vm.Undef, err
			}
			return reSub(t, self(args), name == "subn", a[0], a[1], a[2])
		})
	}
	m("__copy__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	m("__deepcopy__", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return args[0], nil })
	prop := rePatternType.AddProperty
	prop("pattern", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) { return self(args).src, nil })
	prop("flags", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).flags)), nil
	})
	prop("groups", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(self(args).prog.tr.groups)), nil
	})
	prop("groupindex", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		d := vm.NewDict()
		for i, n := range self(args).names {
			if n != "" {
				d.SetStr(n, vm.Int(int64(i)))
			}
		}
		return vm.NewMappingProxy(d), nil
	})
}

func reSplit(t *vm.Thread, p *rePattern, strV, maxV vm.Value) (vm.Value, error) {
	txt, err := p.subject(strV)
	if err != nil {
		return vm.Undef, err
	}
	maxsplit := 0
	if !maxV.IsUndef() {
		n, err := reInt(t, maxV)
		if err != nil {
			return vm.Undef, err
		}
		maxsplit = int(n)
	}
	return p.split(t, txt, maxsplit)
}

func reSub(t *vm.Thread, p *rePattern, withCount bool, repl, strV, countV vm.Value) (vm.Value, error) {
	count := 0
	if !countV.IsUndef() {
		n, err := reInt(t, countV)
		if err != nil {
			return vm.Undef, err
		}
		count = int(n)
	}
	if count < 0 {
		// CPython substitutes nothing for a negative count.
		txt, err := p.subject(strV)
		if err != nil {
			return vm.Undef, err
		}
		s := txt.slice(0, txt.nchars)
		if withCount {
			return vm.Obj(vm.NewTuple([]vm.Value{s, vm.Int(0)})), nil
		}
		return s, nil
	}
	s, n, err := p.subn(t, repl, strV, count)
	if err != nil {
		return vm.Undef, err
	}
	if withCount {
		return vm.Obj(vm.NewTuple([]vm.Value{s, vm.Int(int64(n))})), nil
	}
	return s, nil
}

func reModule(it *vm.Interp) (*vm.Module, error) {
	st := &reModuleState{cache: map[reCacheKey]*rePattern{}}
	m := vm.NewModule("re", "")
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	fn("compile", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("compile", args, kw, 1, "pattern", "flags")
		if err != nil {
			return vm.Undef, err
		}
		p, err := st.compile(t, a[0], a[1])
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(p), nil
	})
	for _, k := range []struct {
		name string
		kind int
	}{{"search", reSearch}, {"match", reMatch}, {"fullmatch", reFull}} {
		k := k
		fn(k.name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(k.name, args, kw, 2, "pattern", "string", "flags")
			if err != nil {
				return vm.Undef, err
			}
			p, err := st.compile(t, a[0], a[2])
			if err != nil {
				return vm.Undef, err
			}
			return p.run(t, k.kind, a[1], vm.Undef, vm.Undef)
		})
	}
	fn("findall", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("findall", args, kw, 2, "pattern", "string", "flags")
		if err != nil {
			return vm.Undef, err
		}
		p, err := st.compile(t, a[0], a[2])
		if err != nil {
			return vm.Undef, err
		}
		txt, err := p.subject(a[1])
		if err != nil {
			return vm.Undef, err
		}
		return p.findall(t, txt, 0, txt.nchars)
	})
	fn("finditer", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("finditer", args, kw, 2, "pattern", "string", "flags")
		if err != nil {
			return vm.Undef, err
		}
		p, err := st.compile(t, a[0], a[2])
		if err != nil {
			return vm.Undef, err
		}
		txt, err := p.subject(a[1])
		if err != nil {
			return vm.Undef, err
		}
		return p.finditer(t, txt, 0, txt.nchars), nil
	})
	fn("split", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("split", args, kw, 2, "pattern", "string", "maxsplit", "flags")
		if err != nil {
			return vm.Undef, err
		}
		p, err := st.compile(t, a[0], a[3])
		if err != nil {
			return vm.Undef, err
		}
		return reSplit(t, p, a[1], a[2])
	})
	for _, name := range []string{"sub", "subn"} {
		name := name
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			a, err := vm.UnpackArgs(name, args, kw, 3, "pattern", "repl", "string", "count", "flags")
			if err != nil {
				return vm.Undef, err
			}
			p, err := st.compile(t, a[0], a[4])
			if err != nil {
				return vm.Undef, err
			}
			return reSub(t, p, name == "subn", a[1], a[2], a[3])
		})
	}
	fn("escape", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a, err := vm.UnpackArgs("escape", args, kw, 1, "pattern")
		if err != nil {
			return vm.Undef, err
		}
		return reEscape(a[0])
	})
	fn("purge", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "purge() takes 0 positional arguments but %d %s given", len(args), map[bool]string{true: "was", false: "were"}[len(args) == 1])
		}
		if len(kw) > 0 {
			return vm.Undef, vm.Errorf(vm.TypeError, "purge() got an unexpected keyword argument '%s'", kw[0].Name)
		}
		st.mu.Lock()
		st.cache = map[reCacheKey]*rePattern{}
		st.order = nil
		st.mu.Unlock()
		return vm.None, nil
	})
	m.Set("error", vm.Obj(reErrorType))
	m.Set("Pattern", vm.Obj(rePatternType))
	m.Set("Match", vm.Obj(reMatchType))
	for _, f := range reFlagNames {
		m.Set(f.name, vm.Int(int64(f.v)))
	}
	for short, long := range map[string]int{"T": reTEMPLATE, "I": reIGNORECASE, "L": reLOCALE, "M": reMULTILINE,
		"S": reDOTALL, "U": reUNICODE, "X": reVERBOSE, "A": reASCII} {
		m.Set(short, vm.Int(int64(long)))
	}
	m.Set("NOFLAG", vm.Int(0))
	return m, nil
}

// reEscape backslashes the characters CPython's re.escape does.
func reEscape(v vm.Value) (vm.Value, error) {
	const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
	if s, ok := v.StrOf(); ok {
		var b strings.Builder
		for _, c := range s {
			if c < 128 && strings.ContainsRune(special, c) {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		}
		return vm.Str(b.String()), nil
	}
	var data []byte
	switch o := v.AsObj().(type) {
	case *vm.Bytes:
		data = o.Data()
	case *vm.ByteArray:
		data = o.Data()
	default:
		return vm.Undef, vm.Errorf(vm.TypeError, "expected str or bytes-like object, got '%s'", v.TypeName())
	}
	var out []byte
	for _, c := range data {
		if c < 128 && strings.IndexByte(special, c) >= 0 {
			out = append(out, '\\')
		}
		out = append(out, c)
	}
	return vm.Obj(vm.NewBytes(out)), nil
}

func init() {
	reInitPattern()
	reInitMatch()
	register("re", reModule)
}

// reInt reads an integer argument. Thread.AsInt64 and IndexOf refuse
// instances of int subclasses such as RegexFlag, so those go through int().
func reInt(t *vm.Thread, v vm.Value) (int64, error) {
	n, err := t.AsInt64(v)
	if err == nil {
		return n, nil
	}
	if ok, _ := t.IsInstance(v, vm.Obj(vm.IntType)); ok {
		if intFn, found := t.Interp().Builtins().Get("int"); found {
			r, err2 := t.Call(intFn, []vm.Value{v}, nil)
			if err2 != nil {
				return 0, err2
			}
			return t.AsInt64(r)
		}
	}
	return 0, err
}

// reLookupNames looks character names up in the unicodedata extension (as
// CPython's sre_parse imports unicodedata for \N{NAME}). Without the
// extension, or for a name it does not know, the name stays out of the
// map and the pattern fails with "undefined character name".
func reLookupNames(t *vm.Thread, names []string) map[string]rune {
	m := map[string]rune{}
	mod, err := t.ImportModule("unicodedata")
	if err != nil {
		return m
	}
	lookup, err := t.GetAttr(vm.Obj(mod), "lookup")
	if err != nil {
		return m
	}
	for _, n := range names {
		r, err := t.Call(lookup, []vm.Value{vm.Str(n)}, nil)
		if err != nil {
			continue
		}
		if s, ok := r.StrOf(); ok && vm.RuneCount(s) == 1 {
			m[n] = vm.Runes(s)[0]
		}
	}
	return m
}
