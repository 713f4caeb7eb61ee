package stdlib

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/asylang/asy/vm"
)

// The encoding half of _json: make_encoder(markers, default, encoder,
// indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)
// returns a callable (o, indent_level) -> [json_text], the whole document
// built in one Go buffer. It follows CPython's C encoder (str, int, float,
// list/tuple, dict and their subclasses by their built-in part; anything
// else through default; "Circular reference detected" when markers is a
// dict) and, when indent is a str, the layout and messages of CPython's
// pure-Python encoder, which is what CPython runs for indented output.

type jsonEncoder struct {
	t        *vm.Thread
	circular bool
	// path holds the containers being encoded (check_circular), searched
	// linearly while short; markers takes over for deep nesting.
	path    []vm.Object
	markers map[vm.Object]struct{}
	deflt   vm.Value
	// strMode: 1 encode_basestring_ascii, 2 encode_basestring (both in
	// Go); 0 call strFn for each str.
	strMode  int
	strFn    vm.Value
	indent   string
	indented bool
	keySep   string
	itemSep  string
	sortKeys bool
	skipKeys bool
	allowNaN bool
	buf      []byte
	depth    int
	maxDepth int
}

func jsonMakeEncoder(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	a, err := vm.UnpackArgs("make_encoder", args, kw, 9, "markers", "default", "encoder", "indent",
		"key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan")
	if err != nil {
		return vm.Undef, err
	}
	cfg := jsonEncoder{deflt: a[1], strFn: a[2]}
	switch {
	case a[0].IsNone():
	case a[0].Class().IsSubclass(vm.DictType):
		cfg.circular = true
	default:
		return vm.Undef, vm.Errorf(vm.TypeError, "make_encoder() argument 1 must be dict or None, not %s", a[0].TypeName())
	}
	if b, ok := a[2].AsObj().(*vm.Builtin); ok {
		switch b.Name {
		case "encode_basestring_ascii":
			cfg.strMode = 1
		case "encode_basestring":
			cfg.strMode = 2
		}
	}
	if !a[3].IsNone() {
		s, ok := a[3].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "make_encoder() argument 4 must be str or None, not %s", a[3].TypeName())
		}
		cfg.indent, cfg.indented = s, true
	}
	for i, dst := range []*string{&cfg.keySep, &cfg.itemSep} {
		s, ok := a[4+i].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "make_encoder() argument %d must be str, not %s", 5+i, a[4+i].TypeName())
		}
		*dst = s
	}
	for i, dst := range []*bool{&cfg.sortKeys, &cfg.skipKeys, &cfg.allowNaN} {
		if *dst, err = t.Truth(a[6+i]); err != nil {
			return vm.Undef, err
		}
	}
	return vm.NewBuiltin("_iterencode", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		obj, levelV := vm.Undef, vm.Undef
		if len(kw) == 0 && len(args) == 2 {
			obj, levelV = args[0], args[1]
		} else {
			a, err := vm.UnpackArgs("_iterencode", args, kw, 2, "obj", "_current_indent_level")
			if err != nil {
				return vm.Undef, err
			}
			obj, levelV = a[0], a[1]
		}
		level, err := t.AsInt64(levelV)
		if err != nil {
			return vm.Undef, err
		}
		s, err := cfg.run(t, obj, int(level))
		if err != nil {
			return vm.Undef, err
		}
		return vm.Obj(vm.NewList([]vm.Value{s})), nil
	}), nil
}

// jsonBufs holds spare scratch buffers: a document is built in one and
// copied once into its str, so encoding does not regrow a fresh buffer per
// call. It holds scratch memory only (no state outlives a call), so
// interpreters may share it.
var jsonBufs = sync.Pool{New: func() any { return new([]byte) }}

// jsonBufKeep is the largest scratch buffer put back for reuse.
const jsonBufKeep = 1 << 20

// run encodes one document with the settings of cfg and returns its str.
func (cfg *jsonEncoder) run(t *vm.Thread, obj vm.Value, level int) (vm.Value, error) {
	e := *cfg
	e.t = t
	e.maxDepth = t.Interp().RecursionLimit() - t.Depth()
	bp := jsonBufs.Get().(*[]byte)
	e.buf = (*bp)[:0]
	err := e.encode(obj, level)
	var s vm.Value
	if err == nil {
		s = vm.Obj(vm.NewStrBytes(e.buf, e.asciiOut()))
	}
	if cap(e.buf) <= jsonBufKeep {
		*bp = e.buf[:0]
		jsonBufs.Put(bp)
	}
	return s, err
}

// asciiOut reports whether every text this encoder writes is ASCII
// (ensure_ascii with ASCII indent and separators), so its str needs no
// measuring.
func (e *jsonEncoder) asciiOut() bool {
	return e.strMode == 1 && isASCII(e.indent) && isASCII(e.keySep) && isASCII(e.itemSep)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// jsonDumps is _json.dumps(obj, skipkeys, ensure_ascii, check_circular,
// allow_nan, indent, separators, default, sort_keys): json.dumps with the
// default encoder in one native call (no encoder object, no result list).
// It returns None for arguments whose handling (and errors) it leaves to
// JSONEncoder: an indent or separators of another type, flags that are not
// plain bools, ints or None.
func jsonDumps(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	if len(args) != 9 || len(kw) != 0 {
		return vm.Undef, vm.Errorf(vm.TypeError, "dumps() takes exactly 9 arguments (%d given)", len(args)+len(kw))
	}
	var flags [5]bool
	for i, j := range [5]int{1, 2, 3, 4, 8} {
		v := args[j]
		switch v.Kind() {
		case vm.KBool, vm.KNone, vm.KInt:
			flags[i], _ = t.Truth(v)
		default:
			return vm.None, nil
		}
	}
	cfg := jsonEncoder{deflt: args[7], skipKeys: flags[0], circular: flags[2], allowNaN: flags[3], sortKeys: flags[4]}
	cfg.strMode = 2
	if flags[1] {
		cfg.strMode = 1
	}
	switch ind := args[5]; ind.Kind() {
	case vm.KNone:
	case vm.KInt, vm.KBool:
		n := ind.AsInt()
		if ind.Kind() == vm.KBool && ind.AsBool() {
			n = 1
		}
		if n > 1<<12 {
			return vm.None, nil
		}
		cfg.indent, cfg.indented = strings.Repeat(" ", max(int(n), 0)), true
	default:
		so, ok := ind.AsObj().(*vm.StrObj)
		if !ok {
			return vm.None, nil
		}
		cfg.indent, cfg.indented = so.String(), true
	}
	cfg.itemSep, cfg.keySep = ", ", ": "
	if cfg.indented {
		cfg.itemSep = ","
	}
	if seps := args[6]; !seps.IsNone() {
		var pair []vm.Value
		switch o := seps.AsObj().(type) {
		case *vm.Tuple:
			pair = o.Items()
		case *vm.List:
			pair = o.Items()
		default:
			return vm.None, nil
		}
		if len(pair) != 2 {
			return vm.None, nil
		}
		item, ok1 := pair[0].AsObj().(*vm.StrObj)
		key, ok2 := pair[1].AsObj().(*vm.StrObj)
		if !ok1 || !ok2 {
			return vm.None, nil
		}
		cfg.itemSep, cfg.keySep = item.String(), key.String()
	}
	return cfg.run(t, args[0], 0)
}

// encode appends the JSON text of v.
func (e *jsonEncoder) encode(v vm.Value, level int) error {
	switch v.Kind() {
	case vm.KNone:
		e.buf = append(e.buf, "null"...)
		return nil
	case vm.KBool:
		if v.AsBool() {
			e.buf = append(e.buf, "true"...)
		} else {
			e.buf = append(e.buf, "false"...)
		}
		return nil
	case vm.KInt:
		e.buf = strconv.AppendInt(e.buf, v.AsInt(), 10)
		return nil
	case vm.KFloat:
		return e.float(v.AsFloat())
	}
	switch o := v.AsObj().(type) {
	case *vm.StrObj:
		return e.str(v, o.String())
	case *vm.List:
		return e.list(v, o, nil, level)
	case *vm.Tuple:
		return e.list(v, nil, o.Items(), level)
	case *vm.Dict:
		return e.dict(v, o, level)
	case *vm.BigIntObj:
		e.buf = o.Big().Append(e.buf, 10)
		return nil
	case *vm.Instance:
		// Subclasses of str, int, float, list, tuple and dict encode as
		// their built-in part.
		if p, ok := vm.Payload(v); ok {
			switch p.Kind() {
			case vm.KInt:
				if v.Class().IsSubclass(vm.IntType) {
					e.buf = strconv.AppendInt(e.buf, p.AsInt(), 10)
					return nil
				}
			case vm.KFloat:
				if v.Class().IsSubclass(vm.FloatType) {
					return e.float(p.AsFloat())
				}
			case vm.KObj:
				switch po := p.AsObj().(type) {
				case *vm.StrObj:
					return e.str(v, po.String())
				case *vm.BigIntObj:
					e.buf = po.Big().Append(e.buf, 10)
					return nil
				case *vm.List:
					return e.list(v, po, nil, level)
				case *vm.Tuple:
					return e.list(v, nil, po.Items(), level)
				case *vm.Dict:
					return e.dict(v, po, level)
				}
			}
		}
	}
	return e.other(v, level)
}

// enter counts one level of nesting against the recursion limit.
func (e *jsonEncoder) enter() error {
	if e.depth >= e.maxDepth {
		if e.indented {
			return vm.Errorf(vm.RecursionError, "maximum recursion depth exceeded while calling a Python object")
		}
		return vm.Errorf(vm.RecursionError, "maximum recursion depth exceeded while encoding a JSON object")
	}
	e.depth++
	return nil
}

// mark records a container being encoded (check_circular).
func (e *jsonEncoder) mark(v vm.Value) error {
	if !e.circular {
		return nil
	}
	o := v.AsObj()
	if e.markers == nil {
		for _, p := range e.path {
			if p == o {
				return vm.Errorf(vm.ValueError, "Circular reference detected")
			}
		}
		e.path = append(e.path, o)
		if len(e.path) > jsonPathMax {
			e.markers = make(map[vm.Object]struct{}, len(e.path))
			for _, p := range e.path {
				e.markers[p] = struct{}{}
			}
		}
		return nil
	}
	if _, seen := e.markers[o]; seen {
		return vm.Errorf(vm.ValueError, "Circular reference detected")
	}
	e.markers[o] = struct{}{}
	return nil
}

// jsonPathMax is the nesting up to which the circular check scans the path.
const jsonPathMax = 32

func (e *jsonEncoder) unmark(v vm.Value) {
	if !e.circular {
		return
	}
	if e.markers == nil {
		e.path = e.path[:len(e.path)-1]
		return
	}
	delete(e.markers, v.AsObj())
}

// other encodes what default(o) returns for a value JSON has no form for.
func (e *jsonEncoder) other(v vm.Value, level int) error {
	if v.Kind() == vm.KObj {
		if err := e.mark(v); err != nil {
			return err
		}
	}
	r, err := e.t.Call(e.deflt, []vm.Value{v}, nil)
	if err != nil {
		return err
	}
	if err := e.enter(); err != nil {
		return err
	}
	err = e.encode(r, level)
	e.depth--
	if err != nil {
		return err
	}
	if v.Kind() == vm.KObj {
		e.unmark(v)
	}
	return nil
}

func (e *jsonEncoder) float(f float64) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if !e.allowNaN {
			if e.indented {
				return vm.Errorf(vm.ValueError, "Out of range float values are not JSON compliant: %s", vm.FloatRepr(f))
			}
			return vm.Errorf(vm.ValueError, "Out of range float values are not JSON compliant")
		}
		switch {
		case f > 0:
			e.buf = append(e.buf, "Infinity"...)
		case f < 0:
			e.buf = append(e.buf, "-Infinity"...)
		default:
			e.buf = append(e.buf, "NaN"...)
		}
		return nil
	}
	e.buf = vm.AppendFloatRepr(e.buf, f)
	return nil
}

// str appends the quoted form of s (v is the str object, for a custom
// encoder function).
func (e *jsonEncoder) str(v vm.Value, s string) error {
	switch e.strMode {
	case 1:
		e.buf = appendJSONString(e.buf, s, true)
	case 2:
		e.buf = appendJSONString(e.buf, s, false)
	default:
		r, err := e.t.Call(e.strFn, []vm.Value{v}, nil)
		if err != nil {
			return err
		}
		rs, ok := r.StrOf()
		if !ok {
			return vm.Errorf(vm.TypeError, "encoder() must return a string, not %s", r.TypeName())
		}
		e.buf = append(e.buf, rs...)
	}
	return nil
}

// newline starts a line at the given indent level.
func (e *jsonEncoder) newline(level int) {
	e.buf = append(e.buf, '\n')
	for i := 0; i < level; i++ {
		e.buf = append(e.buf, e.indent...)
	}
}

// list encodes a list (re-reading its items, which default() may change)
// or a tuple's items.
func (e *jsonEncoder) list(v vm.Value, l *vm.List, items []vm.Value, level int) error {
	n := func() int {
		if l != nil {
			return len(l.Items())
		}
		return len(items)
	}
	if n() == 0 {
		e.buf = append(e.buf, "[]"...)
		return nil
	}
	if err := e.mark(v); err != nil {
		return err
	}
	if err := e.enter(); err != nil {
		return err
	}
	e.buf = append(e.buf, '[')
	if e.indented {
		level++
		e.newline(level)
	}
	for i := 0; i < n(); i++ {
		if i > 0 {
			e.buf = append(e.buf, e.itemSep...)
			if e.indented {
				e.newline(level)
			}
		}
		item := items
		if l != nil {
			item = l.Items()
		}
		if err := e.encode(item[i], level); err != nil {
			return err
		}
	}
	if e.indented {
		e.newline(level - 1)
	}
	e.buf = append(e.buf, ']')
	e.depth--
	e.unmark(v)
	return nil
}

type jsonItem struct {
	key, val vm.Value
}

// dict encodes a dict: its items, or what items() returns for a subclass
// that overrides it; sorted by key when asked.
func (e *jsonEncoder) dict(v vm.Value, d *vm.Dict, level int) error {
	if d.Len() == 0 {
		e.buf = append(e.buf, "{}"...)
		return nil
	}
	if err := e.mark(v); err != nil {
		return err
	}
	if err := e.enter(); err != nil {
		return err
	}
	e.buf = append(e.buf, '{')
	if e.indented {
		level++
		e.newline(level)
	}
	first := true
	item := func(k, val vm.Value) error {
		key, ok, err := e.key(k)
		if err != nil || !ok {
			return err
		}
		if !first {
			e.buf = append(e.buf, e.itemSep...)
			if e.indented {
				e.newline(level)
			}
		}
		first = false
		if err := e.str(key, mustStr(key)); err != nil {
			return err
		}
		e.buf = append(e.buf, e.keySep...)
		return e.encode(val, level)
	}
	_, sub := v.AsObj().(*vm.Instance)
	if e.sortKeys || sub && !e.t.InheritsMethod(v, "items") {
		items, err := e.items(v, d)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := item(it.key, it.val); err != nil {
				return err
			}
		}
	} else {
		// In place (CPython copies the items first; only a default() that
		// changes a dict being written could tell the difference).
		var err error
		d.Items(func(k, val vm.Value) bool {
			err = item(k, val)
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	if e.indented {
		e.newline(level - 1)
	}
	e.buf = append(e.buf, '}')
	e.depth--
	e.unmark(v)
	return nil
}

func mustStr(v vm.Value) string {
	s, _ := v.StrOf()
	return s
}

// items lists a dict's items (sorted when sort_keys: by code point for str
// keys, else as sorted(d.items()) orders them, errors included).
func (e *jsonEncoder) items(v vm.Value, d *vm.Dict) ([]jsonItem, error) {
	var items []jsonItem
	if _, sub := v.AsObj().(*vm.Instance); sub && !e.t.InheritsMethod(v, "items") {
		r, err := e.t.CallMethod(v, "items")
		if err != nil {
			return nil, err
		}
		err = e.t.Iterate(r, func(x vm.Value) error {
			tp, ok := x.AsObj().(*vm.Tuple)
			if !ok || len(tp.Items()) != 2 {
				return vm.Errorf(vm.ValueError, "items must return 2-tuples")
			}
			items = append(items, jsonItem{tp.Items()[0], tp.Items()[1]})
			return nil
		})
		if err != nil {
			return nil, err
		}
	} else {
		items = make([]jsonItem, 0, d.Len())
		d.Items(func(k, val vm.Value) bool {
			items = append(items, jsonItem{k, val})
			return true
		})
	}
	if !e.sortKeys {
		return items, nil
	}
	allStr := true
	for _, it := range items {
		if _, ok := it.key.AsObj().(*vm.StrObj); !ok {
			allStr = false
			break
		}
	}
	if allStr {
		// UTF-8 byte order is code point order.
		sort.Slice(items, func(i, j int) bool { return mustStr(items[i].key) < mustStr(items[j].key) })
		return items, nil
	}
	pairs := make([]vm.Value, len(items))
	for i, it := range items {
		pairs[i] = vm.Obj(vm.NewTuple([]vm.Value{it.key, it.val}))
	}
	l := vm.NewList(pairs)
	if _, err := e.t.CallMethod(vm.Obj(l), "sort"); err != nil {
		return nil, err
	}
	items = items[:0]
	for _, p := range l.Items() {
		tp := p.AsObj().(*vm.Tuple).Items()
		items = append(items, jsonItem{tp[0], tp[1]})
	}
	return items, nil
}

// key converts a dict key to the str JSON needs; ok is false for a key
// skipkeys drops.
func (e *jsonEncoder) key(k vm.Value) (vm.Value, bool, error) {
	if _, ok := k.StrOf(); ok {
		return k, true, nil
	}
	switch k.Kind() {
	case vm.KFloat:
		return e.floatKey(k.AsFloat())
	case vm.KBool:
		if k.AsBool() {
			return vm.Str("true"), true, nil
		}
		return vm.Str("false"), true, nil
	case vm.KNone:
		return vm.Str("null"), true, nil
	case vm.KInt:
		return vm.Str(strconv.FormatInt(k.AsInt(), 10)), true, nil
	}
	if b, ok := k.AsObj().(*vm.BigIntObj); ok {
		return vm.Str(b.Big().String()), true, nil
	}
	if p, ok := vm.Payload(k); ok {
		switch {
		case k.Class().IsSubclass(vm.FloatType) && p.Kind() == vm.KFloat:
			return e.floatKey(p.AsFloat())
		case k.Class().IsSubclass(vm.IntType) && p.Kind() == vm.KInt:
			return vm.Str(strconv.FormatInt(p.AsInt(), 10)), true, nil
		case k.Class().IsSubclass(vm.IntType):
			if b, ok := p.AsObj().(*vm.BigIntObj); ok {
				return vm.Str(b.Big().String()), true, nil
			}
		}
	}
	if e.skipKeys {
		return vm.Undef, false, nil
	}
	return vm.Undef, false, vm.Errorf(vm.TypeError, "keys must be str, int, float, bool or None, not %s", k.TypeName())
}

func (e *jsonEncoder) floatKey(f float64) (vm.Value, bool, error) {
	save := e.buf
	e.buf = nil
	err := e.float(f)
	s := string(e.buf)
	e.buf = save
	return vm.Str(s), err == nil, err
}

const jsonHex = "0123456789abcdef"

// appendJSONString appends s quoted: encode_basestring_ascii (asciiOnly:
// \uXXXX for everything outside ' '..'~', surrogate pairs above the BMP)
// or encode_basestring (only '"', '\\' and control characters escaped).
func appendJSONString(buf []byte, s string, asciiOnly bool) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !asciiOnly && c >= 0x7f) {
			i++
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"':
			buf = append(buf, '\\', '"')
		case '\\':
			buf = append(buf, '\\', '\\')
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		case '\b':
			buf = append(buf, '\\', 'b')
		case '\f':
			buf = append(buf, '\\', 'f')
		default:
			if c < 0x80 {
				buf = appendU(buf, rune(c))
				break
			}
			r, size := vm.DecodeRune(s[i:])
			if r > 0xffff {
				r -= 0x10000
				buf = appendU(buf, 0xd800|(r>>10)&0x3ff)
				buf = appendU(buf, 0xdc00|r&0x3ff)
			} else {
				buf = appendU(buf, r)
			}
			i += size
			start = i
			continue
		}
		i++
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

func appendU(buf []byte, r rune) []byte {
	return append(buf, '\\', 'u', jsonHex[r>>12&0xf], jsonHex[r>>8&0xf], jsonHex[r>>4&0xf], jsonHex[r&0xf])
}

// jsonEncodeBasestring is _json.encode_basestring(s) and, with asciiOnly,
// encode_basestring_ascii(s).
func jsonEncodeBasestring(name string, asciiOnly bool) vm.BuiltinFunc {
	return func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs(name, args, 1); err != nil {
			return vm.Undef, err
		}
		s, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "first argument must be a string, not %s", args[0].TypeName())
		}
		return vm.Str(string(appendJSONString(make([]byte, 0, len(s)+2), s, asciiOnly))), nil
	}
}

func jsonModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("_json", "")
	m.Set("make_scanner", vm.NewBuiltin("make_scanner", jsonMakeScanner))
	m.Set("scanstring", vm.NewBuiltin("scanstring", jsonScanString))
	m.Set("decode_document", vm.NewBuiltin("decode_document", jsonDecodeDocument))
	m.Set("make_encoder", vm.NewBuiltin("make_encoder", jsonMakeEncoder))
	m.Set("dumps", vm.NewBuiltin("dumps", jsonDumps))
	m.Set("encode_basestring_ascii", vm.NewBuiltin("encode_basestring_ascii", jsonEncodeBasestring("encode_basestring_ascii", true)))
	m.Set("encode_basestring", vm.NewBuiltin("encode_basestring", jsonEncodeBasestring("encode_basestring", false)))
	return m, nil
}

func init() { register("_json", jsonModule) }
