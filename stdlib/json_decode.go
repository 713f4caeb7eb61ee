package stdlib

import (
	"strconv"
	"strings"

	"github.com/asylang/asy/vm"
)

// The decoding half of _json, the native core of json.decoder (CPython's
// _json C accelerator): make_scanner(ctx) returns scan_once(string, idx),
// which parses one JSON value at code point idx and returns (value, end),
// raising StopIteration(idx) where no value starts (raw_decode turns that
// into "Expecting value") and json.decoder.JSONDecodeError for malformed
// input, with CPython's messages and positions. scanstring is
// json.decoder.scanstring.
//
// The scanner works on the UTF-8 bytes of the document; positions are
// converted to code point indices only where Python sees them (the end
// index, error positions), which is free for an ASCII document.

type jsonScanner struct {
	t      *vm.Thread
	doc    *vm.StrObj
	s      string
	ascii  bool
	strict bool
	// The hooks; Undef when the default applies (parse_float=float and
	// parse_int=int parse in Go).
	objectHook, pairsHook, parseFloat, parseInt, parseConstant vm.Value
	// memo shares the str object of repeated keys (as CPython's scanner
	// memo does), so a key is allocated and hashed once. It lives as long
	// as the scanner (CPython's lives for one call), bounded by
	// jsonMemoMax: documents decoded one after another share their keys.
	memo map[string]vm.Value
	// stack holds the items of the arrays and objects being parsed (each
	// container's items above its base), so a container is allocated once
	// at its final size.
	stack    []vm.Value
	high     int // the most items stack has held (cleared after the call)
	depth    int
	maxDepth int
}

// jsonMakeScanner is _json.make_scanner(ctx): it reads the decoder's
// settings once, as CPython's does.
func jsonMakeScanner(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.ExactArgs("make_scanner", args, 1); err != nil {
		return vm.Undef, err
	}
	ctx := args[0]
	get := func(name string) (vm.Value, error) { return t.GetAttr(ctx, name) }
	strictV, err := get("strict")
	if err != nil {
		return vm.Undef, err
	}
	strict, err := t.Truth(strictV)
	if err != nil {
		return vm.Undef, err
	}
	cfg := jsonScanner{strict: strict}
	hooks := []struct {
		name string
		dst  *vm.Value
		def  *vm.Class
	}{
		{"object_hook", &cfg.objectHook, nil}, {"object_pairs_hook", &cfg.pairsHook, nil},
		{"parse_float", &cfg.parseFloat, vm.FloatType}, {"parse_int", &cfg.parseInt, vm.IntType},
		{"parse_constant", &cfg.parseConstant, nil},
	}
	for _, h := range hooks {
		v, err := get(h.name)
		if err != nil {
			return vm.Undef, err
		}
		if v.IsNone() && h.name != "parse_constant" || h.def != nil && v.AsObj() == vm.Object(h.def) {
			v = vm.Undef
		}
		*h.dst = v
	}
	cfg.memo = map[string]vm.Value{}
	var spare []vm.Value
	return vm.NewBuiltin("scan_once", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		a := args
		if len(kw) != 0 || len(args) != 2 {
			var err error
			if a, err = vm.UnpackArgs("scan_once", args, kw, 2, "string", "idx"); err != nil {
				return vm.Undef, err
			}
		}
		sc := cfg
		sc.t = t
		// The item stack is reused from call to call (a hook that decodes
		// again while this call runs finds none spare and makes its own).
		sc.stack, spare = spare, nil
		defer func() {
			clear(sc.stack[:sc.high])
			if cap(sc.stack) <= 1<<16 {
				spare = sc.stack[:0]
			}
		}()
		if err := sc.init(a[0]); err != nil {
			return vm.Undef, err
		}
		idx, err := t.AsInt64(a[1])
		if err != nil {
			return vm.Undef, err
		}
		if idx < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "idx cannot be negative")
		}
		i := len(sc.s)
		if idx < int64(sc.doc.Len()) {
			i = sc.doc.ByteOffset(int(idx))
		} else if idx > int64(sc.doc.Len()) {
			return vm.Undef, sc.stop(len(sc.s) + int(idx) - sc.doc.Len())
		}
		v, end, err := sc.value(i)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewTuple([]vm.Value{v, vm.Int(int64(sc.pos(end)))})), nil
	}), nil
}

// init points the scanner at the document (a str or str subclass).
func (sc *jsonScanner) init(doc vm.Value) error {
	d, ok := doc.AsObj().(*vm.StrObj)
	if !ok {
		if p, isSub := vm.Payload(doc); isSub {
			d, ok = p.AsObj().(*vm.StrObj)
		}
	}
	if !ok {
		return vm.Errorf(vm.TypeError, "first argument must be a string, not %s", doc.TypeName())
	}
	sc.doc, sc.s, sc.ascii = d, d.String(), d.IsASCII()
	if sc.memo == nil {
		sc.memo = map[string]vm.Value{}
	}
	sc.maxDepth = sc.t.Interp().RecursionLimit() - sc.t.Depth()
	return nil
}

// pos converts a byte offset to the code point index Python sees.
func (sc *jsonScanner) pos(off int) int {
	if sc.ascii || off <= 0 {
		return off
	}
	if off >= len(sc.s) {
		return sc.doc.Len() + off - len(sc.s)
	}
	return sc.doc.RuneIndex(off)
}

// fail raises json.decoder.JSONDecodeError(msg, doc, pos).
func (sc *jsonScanner) fail(msg string, off int) error {
	return jsonDecodeError(sc.t, msg, vm.Obj(sc.doc), sc.pos(off))
}

func jsonDecodeError(t *vm.Thread, msg string, doc vm.Value, pos int) error {
	return jsonDecodeErrorAt(t, msg, doc, vm.Int(int64(pos)))
}

func jsonDecodeErrorAt(t *vm.Thread, msg string, doc vm.Value, pos vm.Value) error {
	m, err := t.ImportModule("json.decoder")
	if err != nil {
		return err
	}
	cls, ok := m.Get("JSONDecodeError")
	if !ok {
		return vm.Errorf(vm.ValueError, "%s", msg)
	}
	e, err := t.Call(cls, []vm.Value{vm.Str(msg), doc, pos}, nil)
	if err != nil {
		return err
	}
	if exc, ok := e.AsObj().(error); ok {
		return exc
	}
	return vm.Errorf(vm.TypeError, "exceptions must derive from BaseException")
}

// stop is StopIteration(idx): no JSON value starts here.
func (sc *jsonScanner) stop(off int) error {
	return vm.NewException(vm.StopIteration, vm.Int(int64(sc.pos(off))))
}

func (sc *jsonScanner) skipWS(i int) int {
	for i < len(sc.s) {
		switch sc.s[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		}
		break
	}
	return i
}

// value is scan_once at byte offset i.
func (sc *jsonScanner) value(i int) (vm.Value, int, error) {
	s := sc.s
	if i >= len(s) {
		return vm.Undef, 0, sc.stop(i)
	}
	switch s[i] {
	case '"':
		return sc.str(i+1, true)
	case '{':
		if sc.depth >= sc.maxDepth {
			return vm.Undef, 0, vm.Errorf(vm.RecursionError, "maximum recursion depth exceeded while decoding a JSON object from a unicode string")
		}
		sc.depth++
		v, end, err := sc.object(i + 1)
		sc.depth--
		return v, end, err
	case '[':
		if sc.depth >= sc.maxDepth {
			return vm.Undef, 0, vm.Errorf(vm.RecursionError, "maximum recursion depth exceeded while decoding a JSON array from a unicode string")
		}
		sc.depth++
		v, end, err := sc.array(i + 1)
		sc.depth--
		return v, end, err
	case 'n':
		if strings.HasPrefix(s[i:], "null") {
			return vm.None, i + 4, nil
		}
	case 't':
		if strings.HasPrefix(s[i:], "true") {
			return vm.True, i + 4, nil
		}
	case 'f':
		if strings.HasPrefix(s[i:], "false") {
			return vm.False, i + 5, nil
		}
	case 'N':
		if strings.HasPrefix(s[i:], "NaN") {
			return sc.constant("NaN", i+3)
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			return sc.constant("Infinity", i+8)
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			return sc.constant("-Infinity", i+9)
		}
	}
	return sc.number(i)
}

func (sc *jsonScanner) constant(name string, end int) (vm.Value, int, error) {
	v, err := sc.t.Call(sc.parseConstant, []vm.Value{vm.Str(name)}, nil)
	return v, end, err
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number matches -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at i.
func (sc *jsonScanner) number(start int) (vm.Value, int, error) {
	s := sc.s
	i := start
	if s[i] == '-' {
		i++
		if i >= len(s) {
			return vm.Undef, 0, sc.stop(start)
		}
	}
	switch c := s[i]; {
	case c >= '1' && c <= '9':
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case c == '0':
		i++
	default:
		return vm.Undef, 0, sc.stop(start)
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e := i
		i++
		if i+1 < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if isDigit(s[i-1]) {
			isFloat = true
		} else {
			i = e
		}
	}
	text := s[start:i]
	if isFloat {
		if !sc.parseFloat.IsUndef() {
			v, err := sc.t.Call(sc.parseFloat, []vm.Value{vm.Str(text)}, nil)
			return v, i, err
		}
		// JSON's float syntax is a subset of Go's; out-of-range values
		// become ±inf or 0, as float() makes them.
		f, _ := strconv.ParseFloat(text, 64)
		return vm.Float(f), i, nil
	}
	if !sc.parseInt.IsUndef() {
		v, err := sc.t.Call(sc.parseInt, []vm.Value{vm.Str(text)}, nil)
		return v, i, err
	}
	if len(text) <= 18 {
		n, err := strconv.ParseInt(text, 10, 64)
		if err == nil {
			return vm.Int(n), i, nil
		}
	}
	v, err := vm.ParseIntLiteral(text, 10)
	return v, i, err
}

// str scans a string whose opening quote is at begin-1 and returns it and
// the offset after the closing quote. Keys go through the memo.
func (sc *jsonScanner) str(begin int, value bool) (vm.Value, int, error) {
	s := sc.s
	// Fast path: no escape before the closing quote.
	i := begin
	for i < len(s) {
		c := s[i]
		if c == '"' || c == '\\' {
			break
		}
		if c < 0x20 && sc.strict {
			return vm.Undef, 0, sc.fail("Invalid control character at", i)
		}
		i++
	}
	if i >= len(s) {
		return vm.Undef, 0, sc.fail("Unterminated string starting at", begin-1)
	}
	if s[i] == '"' {
		return sc.makeStr(s[begin:i], value), i + 1, nil
	}
	var b strings.Builder
	b.WriteString(s[begin:i])
	for {
		// s[i] is a backslash.
		i++
		if i >= len(s) {
			return vm.Undef, 0, sc.fail("Unterminated string starting at", begin-1)
		}
		c := s[i]
		if c != 'u' {
			var r byte
			switch c {
			case '"', '\\', '/':
				r = c
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			default:
				return vm.Undef, 0, sc.fail("Invalid \\escape", i-1)
			}
			b.WriteByte(r)
			i++
		} else {
			// \uXXXX, a surrogate pair joined; a lone surrogate stays one.
			i++
			if i+4 >= len(s) {
				return vm.Undef, 0, sc.fail("Invalid \\uXXXX escape", i-1)
			}
			r, ok := hex4(s[i : i+4])
			if !ok {
				return vm.Undef, 0, sc.fail("Invalid \\uXXXX escape", i-1)
			}
			i += 4
			if r >= 0xd800 && r <= 0xdbff && i+6 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
				r2, ok := hex4(s[i+2 : i+6])
				if !ok {
					return vm.Undef, 0, sc.fail("Invalid \\uXXXX escape", i+1)
				}
				if r2 >= 0xdc00 && r2 <= 0xdfff {
					r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
					i += 6
				}
			}
			vm.WriteRune(&b, r)
		}
		// The next run up to a quote or backslash.
		j := i
		for j < len(s) {
			c := s[j]
			if c == '"' || c == '\\' {
				break
			}
			if c < 0x20 && sc.strict {
				return vm.Undef, 0, sc.fail("Invalid control character at", j)
			}
			j++
		}
		if j >= len(s) {
			return vm.Undef, 0, sc.fail("Unterminated string starting at", begin-1)
		}
		b.WriteString(s[i:j])
		i = j
		if s[i] == '"' {
			return sc.makeStr(b.String(), value), i + 1, nil
		}
	}
}

func hex4(h string) (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// jsonMemoMax bounds the key memo a scanner keeps between calls.
const jsonMemoMax = 4096

// makeStr copies text out of the document (a parsed value must not pin the
// whole document in memory); object keys are shared through the memo.
func (sc *jsonScanner) makeStr(text string, value bool) vm.Value {
	if !value {
		if v, ok := sc.memo[text]; ok {
			return v
		}
	}
	o := vm.NewStrCopy(text)
	v := vm.Obj(o)
	if !value {
		if len(sc.memo) >= jsonMemoMax {
			clear(sc.memo)
		}
		sc.memo[o.String()] = v
	}
	return v
}

func (sc *jsonScanner) object(i int) (vm.Value, int, error) {
	s := sc.s
	base := len(sc.stack)
	defer func() { sc.stack = sc.stack[:base] }()
	i = sc.skipWS(i)
	if i >= len(s) || s[i] != '}' {
		for {
			if i >= len(s) || s[i] != '"' {
				return vm.Undef, 0, sc.fail("Expecting property name enclosed in double quotes", i)
			}
			key, end, err := sc.str(i+1, false)
			if err != nil {
				return vm.Undef, 0, err
			}
			i = sc.skipWS(end)
			if i >= len(s) || s[i] != ':' {
				return vm.Undef, 0, sc.fail("Expecting ':' delimiter", i)
			}
			i = sc.skipWS(i + 1)
			val, end, err := sc.value(i)
			if err != nil {
				return vm.Undef, 0, err
			}
			sc.stack = append(sc.stack, key, val)
			sc.high = max(sc.high, len(sc.stack))
			i = sc.skipWS(end)
			if i < len(s) && s[i] == '}' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return vm.Undef, 0, sc.fail("Expecting ',' delimiter", i)
			}
			i = sc.skipWS(i + 1)
		}
	}
	end := i + 1
	kv := sc.stack[base:]
	if !sc.pairsHook.IsUndef() {
		pairs := make([]vm.Value, len(kv)/2)
		for j := range pairs {
			pairs[j] = vm.Obj(vm.NewTuple([]vm.Value{kv[2*j], kv[2*j+1]}))
		}
		v, err := sc.t.Call(sc.pairsHook, []vm.Value{vm.Obj(vm.NewList(pairs))}, nil)
		return v, end, err
	}
	d := vm.NewDictSized(len(kv) / 2)
	for j := 0; j < len(kv); j += 2 {
		if err := d.Set(sc.t, kv[j], kv[j+1]); err != nil {
			return vm.Undef, 0, err
		}
	}
	if !sc.objectHook.IsUndef() {
		v, err := sc.t.Call(sc.objectHook, []vm.Value{vm.Obj(d)}, nil)
		return v, end, err
	}
	return vm.Obj(d), end, nil
}

func (sc *jsonScanner) array(i int) (vm.Value, int, error) {
	s := sc.s
	base := len(sc.stack)
	defer func() { sc.stack = sc.stack[:base] }()
	i = sc.skipWS(i)
	if i >= len(s) || s[i] != ']' {
		for {
			val, end, err := sc.value(i)
			if err != nil {
				return vm.Undef, 0, err
			}
			sc.stack = append(sc.stack, val)
			sc.high = max(sc.high, len(sc.stack))
			i = sc.skipWS(end)
			if i < len(s) && s[i] == ']' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return vm.Undef, 0, sc.fail("Expecting ',' delimiter", i)
			}
			i = sc.skipWS(i + 1)
		}
	}
	var items []vm.Value
	if n := len(sc.stack) - base; n > 0 {
		items = make([]vm.Value, n)
		copy(items, sc.stack[base:])
	}
	return vm.Obj(vm.NewList(items)), i + 1, nil
}

// jsonDecodeDocument is _json.decode_document(scan_once, s[, bom]): what
// JSONDecoder.decode does (whitespace, one value, whitespace, "Extra data";
// a value missing is "Expecting value"), for json.loads' default decoder;
// with bom true it first refuses a leading U+FEFF as json.loads does.
func jsonDecodeDocument(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) != 3 {
		if err := vm.ExactArgs("decode_document", args, 2); err != nil {
			return vm.Undef, err
		}
	}
	doc := args[1]
	text, ok := doc.StrOf()
	if !ok {
		return vm.Undef, vm.Errorf(vm.TypeError, "first argument must be a string, not %s", doc.TypeName())
	}
	if len(args) == 3 && args[2].Kind() == vm.KBool && args[2].AsBool() && strings.HasPrefix(text, "\ufeff") {
		return vm.Undef, jsonDecodeError(t, "Unexpected UTF-8 BOM (decode using utf-8-sig)", doc, 0)
	}
	ws := func(i int) int {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
			i++
		}
		return i
	}
	// Leading whitespace is ASCII: its byte count is its code point count.
	start := ws(0)
	r, err := t.Call(args[0], []vm.Value{doc, vm.Int(int64(start))}, nil)
	if err != nil {
		if stop := vm.AsException(err); stop != nil && stop.Class().IsSubclass(vm.StopIteration) {
			// err.value, as raw_decode reads it.
			pos := vm.None
			if a := stop.ExcArgs(); len(a) > 0 {
				pos = a[0]
			}
			return vm.Undef, jsonDecodeErrorAt(t, "Expecting value", doc, pos)
		}
		return vm.Undef, err
	}
	pair, ok := r.AsObj().(*vm.Tuple)
	if !ok || len(pair.Items()) != 2 {
		return vm.Undef, vm.Errorf(vm.TypeError, "scan_once must return a (value, end) pair")
	}
	end, err := t.AsInt64(pair.Items()[1])
	if err != nil {
		return vm.Undef, err
	}
	d, _ := doc.AsObj().(*vm.StrObj)
	if d == nil {
		p, _ := vm.Payload(doc)
		d, _ = p.AsObj().(*vm.StrObj)
	}
	n := int64(d.Len())
	if end < n {
		off := d.ByteOffset(int(end))
		after := ws(off)
		if after != len(text) {
			return vm.Undef, jsonDecodeError(t, "Extra data", doc, int(end)+after-off)
		}
	}
	return pair.Items()[0], nil
}

// jsonScanString is _json.scanstring(string, end, strict=True): the str
// that starts after the quote at end-1, and the index after its closing
// quote.
func jsonScanString(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if err := vm.NoKwargs("scanstring", kw); err != nil {
		return vm.Undef, err
	}
	a, err := vm.UnpackArgs("scanstring", args, nil, 2, "string", "end", "strict")
	if err != nil {
		return vm.Undef, err
	}
	sc := jsonScanner{t: t, strict: true}
	if !a[2].IsUndef() {
		if sc.strict, err = t.Truth(a[2]); err != nil {
			return vm.Undef, err
		}
	}
	if err := sc.init(a[0]); err != nil {
		return vm.Undef, err
	}
	end, err := t.AsInt64(a[1])
	if err != nil {
		return vm.Undef, err
	}
	if end < 0 || end > int64(sc.doc.Len()) {
		return vm.Undef, vm.Errorf(vm.ValueError, "end is out of bounds")
	}
	v, stop, err := sc.str(sc.doc.ByteOffset(int(end)), true)
	if err != nil {
		return vm.Undef, err
	}
	return vm.Obj(vm.NewTuple([]vm.Value{v, vm.Int(int64(sc.pos(stop)))})), nil
}
