package vm

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

func strSelf(args []Value) string { return args[0].o.(*StrObj).s }

// strArg converts an optional str argument.
func strArg(fname string, v Value) (string, error) {
	s, ok := v.StrOf()
	if !ok {
		return "", Errorf(TypeError, "%s() argument must be str, not %s", fname, v.TypeName())
	}
	return s, nil
}

// clampedIndex is a slice index argument as CPython's _PyEval_SliceIndex
// reads it: an int beyond the machine range clamps to it.
func (t *Thread) clampedIndex(v Value) (int64, error) {
	if b, ok := v.o.(*BigIntObj); ok {
		if b.v.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	x, ok, err := t.IndexOf(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	return x, nil
}

// runeRange resolves optional start/end arguments (code point indices).
func runeRange(t *Thread, s *StrObj, start, end Value) (int, int, error) {
	n := int64(s.Len())
	lo, hi := int64(0), n
	if !start.IsUndef() && !start.IsNone() {
		v, err := t.clampedIndex(start)
		if err != nil {
			return 0, 0, err
		}
		lo = v
	}
	if !end.IsUndef() && !end.IsNone() {
		v, err := t.clampedIndex(end)
		if err != nil {
			return 0, 0, err
		}
		hi = v
	}
	if lo < 0 {
		lo += n
		if lo < 0 {
			lo = 0
		}
	}
	if hi < 0 {
		hi += n
		if hi < 0 {
			hi = 0
		}
	}
	if hi > n {
		hi = n
	}
	return int(lo), int(hi), nil
}

// byteOffset converts a code point index to a byte offset.
func byteOffset(s *StrObj, i int) int { return s.byteOffset(i) }

func strFind(t *Thread, args []Value, kw []KV, name string, reverse bool) (int, error) {
	a, err := unpackArgs(name, args[1:], kw, 1, "sub", "start", "end")
	if err != nil {
		return 0, err
	}
	self := args[0].o.(*StrObj)
	sub, ok := a[0].StrOf()
	if !ok {
		return 0, Errorf(TypeError, "must be str, not %s", a[0].TypeName())
	}
	lo, hi, err := runeRange(t, self, a[1], a[2])
	if err != nil {
		return 0, err
	}
	if lo > hi {
		return -1, nil
	}
	bl, bh := byteOffset(self, lo), byteOffset(self, hi)
	seg := self.s[bl:bh]
	var i int
	if reverse {
		i = strings.LastIndex(seg, sub)
	} else {
		i = strings.Index(seg, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return self.runeIndexOf(bl + i), nil
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// asciiSpace marks the ASCII bytes str.split() splits on.
var asciiSpace = [128]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true,
	0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true}

// asciiWhitespace is asciiSpace as a strip cutset.
var asciiWhitespace = func() (set asciiSet) {
	for c, sp := range asciiSpace {
		if sp {
			set[c>>6] |= 1 << (c & 63)
		}
	}
	return
}()

// spaceAt reports whether the code point at s[i] is whitespace, and its size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < 0x80 {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return isSpaceRune(r), size
}

func splitWhitespace(s string, maxsplit int) []string {
	var out []string
	if maxsplit < 0 {
		// Room for every word at once: count the words first (cheap
		// next to growing the slice a doubling at a time).
		n, in := 0, false
		for i := 0; i < len(s); {
			sp, size := spaceAt(s, i)
			if !sp && !in {
				n++
			}
			in = !sp
			i += size
		}
		out = make([]string, 0, n)
	}
	i := 0
	for {
		for i < len(s) {
			sp, size := spaceAt(s, i)
			if !sp {
				break
			}
			i += size
		}
		if i >= len(s) {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[i:]) // the rest keeps its trailing whitespace, as CPython
			return out
		}
		j := i
		for j < len(s) {
			sp, size := spaceAt(s, j)
			if sp {
				break
			}
			j += size
		}
		out = append(out, s[i:j])
		i = j
	}
}

func rsplitWhitespace(s string, maxsplit int) []string {
	var out []string
	j := len(s)
	for {
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isSpaceRune(r) {
				break
			}
			j -= size
		}
		if j <= 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[:j]) // the rest keeps its leading whitespace
			break
		}
		i := j
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if isSpaceRune(r) {
				break
			}
			i -= size
		}
		out = append(out, s[i:j])
		j = i
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

func strList(parts []string) Value {
	items := make([]Value, len(parts))
	// The str objects are allocated in one block (one allocation, not one
	// per part); one-character ASCII parts are the shared ones.
	var block []StrObj
	for i, p := range parts {
		if len(p) <= 1 {
			items[i] = Str(p)
			continue
		}
		if len(block) == 0 {
			block = make([]StrObj, len(parts)-i)
		}
		o := &block[0]
		block = block[1:]
		o.s, o.length = p, -1 // field by field: the block is fresh (zero)
		items[i] = Obj(o)
	}
	return Obj(NewList(items))
}

func strPred(f func(r rune) bool, emptyTrue bool) BuiltinFunc {
	return func(t *Thread, args []Value, kw []KV) (Value, error) {
		s := strSelf(args)
		if s == "" {
			return Bool(emptyTrue), nil
		}
		for i, r := range s {
			// A surrogate passes none of the tests (and Go reads its
			// bytes as U+FFFD, which may).
			if !f(r) || r == utf8.RuneError && isSurrogateAt(s, i) {
				return False, nil
			}
		}
		return True, nil
	}
}

func titleCase(s string) string { return keepSurrogates(s, titleCaseValid) }

// titleCaseValid is titleCase of valid UTF-8.
func titleCaseValid(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prevCased {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevCased = true
		} else {
			b.WriteRune(r)
			prevCased = false
		}
	}
	return b.String()
}

func strPadArgs(t *Thread, name string, args []Value, kw []KV) (string, int, string, error) {
	a, err := unpackArgs(name, args[1:], kw, 1, "width", "fillchar")
	if err != nil {
		return "", 0, "", err
	}
	w, err := t.AsSsize(a[0])
	if err != nil {
		return "", 0, "", err
	}
	fill := " "
	if !a[1].IsUndef() {
		f, ok := a[1].StrOf()
		if !ok {
			return "", 0, "", Errorf(TypeError, "%s() argument 2 must be str, not %s", name, a[1].TypeName())
		}
		if RuneCount(f) != 1 {
			return "", 0, "", Errorf(TypeError, "The fill character must be exactly one character long")
		}
		fill = f
	}
	self := strSelf(args)
	// The result is w characters of at most len(fill) or the widest rune of self bytes.
	if err := CheckAlloc2(w, int64(len(self)), int64(len(fill))+3); err != nil {
		return "", 0, "", err
	}
	if err := t.CheckAlloc(w, int64(len(fill))); err != nil {
		return "", 0, "", err
	}
	return self, int(w), fill, nil
}

func init() {
	m := StrType.AddMethod
	m("upper", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 'u')), nil
		}
		return Str(keepSurrogates(strSelf(args), toUpperFull)), nil
	})
	m("lower", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 'l')), nil
		}
		return Str(keepSurrogates(strSelf(args), strings.ToLower)), nil
	})
	m("casefold", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 'l')), nil
		}
		return Str(keepSurrogates(strSelf(args), caseFold)), nil
	})
	m("swapcase", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 's')), nil
		}
		return Str(keepSurrogates(strSelf(args), func(s string) string {
			// As CPython: upper-case letters go lower, lower-case ones go
			// upper with the full mapping (ß becomes SS), the rest (title-case
			// letters, digits) stay.
			var b strings.Builder
			for _, r := range s {
				switch {
				case unicode.IsUpper(r):
					b.WriteRune(unicode.ToLower(r))
				case unicode.IsLower(r):
					b.WriteString(toUpperFull(string(r)))
				default:
					b.WriteRune(r)
				}
			}
			return b.String()
		})), nil
	})
	m("title", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 't')), nil
		}
		return Str(titleCase(strSelf(args))), nil
	})
	m("capitalize", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if o := args[0].o.(*StrObj); o.isASCII() {
			return Obj(asciiCaseMap(o.s, 'c')), nil
		}
		s := strSelf(args)
		r, size := DecodeRune(s)
		first, ok := titleSpecial[r]
		if !ok {
			first = RuneString(unicode.ToTitle(r))
		}
		return Str(first + keepSurrogates(s[size:], strings.ToLower)), nil
	})
	strip := func(name string, left, right bool) {
		m(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := RangeArgs(name, args[1:], 0, 1); err != nil {
				return Undef, err
			}
			self := args[0].o.(*StrObj)
			if self.isASCII() {
				// Bytes are code points: trim in place, the result a
				// measured slice of self (self itself when nothing goes).
				set := &asciiWhitespace
				var cs asciiSet
				if len(args) == 2 && !args[1].IsNone() {
					set = nil
					if c, ok := args[1].o.(*StrObj); ok && cs.fill(c.s) {
						set = &cs
					}
				}
				if set != nil {
					lo, hi := asciiTrim(self.s, set, left, right)
					if hi-lo == len(self.s) {
						return args[0], nil
					}
					return Obj(asciiSubstr(self.s[lo:hi])), nil
				}
			}
			s := self.s
			same := func(r string) Value {
				if _, exact := args[0].o.(*StrObj); exact && len(r) == len(s) {
					return args[0] // nothing stripped: the same object, as CPython
				}
				return Str(r)
			}
			if len(args) == 1 || args[1].IsNone() {
				r := s
				if left {
					r = strings.TrimLeftFunc(r, isSpaceRune)
				}
				if right {
					r = strings.TrimRightFunc(r, isSpaceRune)
				}
				return same(r), nil
			}
			chars, ok := args[1].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "%s arg must be None or str", name)
			}
			r := s
			if self.Len() >= 0 && self.surr || HasSurrogate(chars) {
				return same(trimRunes(r, chars, left, right)), nil
			}
			if left {
				r = strings.TrimLeft(r, chars)
			}
			if right {
				r = strings.TrimRight(r, chars)
			}
			return same(r), nil
		})
	}
	strip("strip", true, true)
	strip("lstrip", true, false)
	strip("rstrip", false, true)
	m("split", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("split", args[1:], kw, 0, "sep", "maxsplit")
		if err != nil {
			return Undef, err
		}
		maxsplit := -1
		if !a[1].IsUndef() {
			n, err := t.AsInt64(a[1])
			if err != nil {
				return Undef, err
			}
			maxsplit = int(n)
		}
		self := args[0].o.(*StrObj)
		s := self.s
		if a[0].IsUndef() || a[0].IsNone() {
			if self.isASCII() {
				return asciiSplitWhitespace(s, maxsplit), nil
			}
			return strList(splitWhitespace(s, maxsplit)), nil
		}
		sep, err := strArg("split", a[0])
		if err != nil {
			return Undef, Errorf(TypeError, "must be str or None, not %s", a[0].TypeName())
		}
		if sep == "" {
			return Undef, Errorf(ValueError, "empty separator")
		}
		if self.isASCII() {
			return asciiSplitSep(s, sep, maxsplit), nil
		}
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return strList(strings.SplitN(s, sep, n)), nil
	})
	m("rsplit", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("rsplit", args[1:], kw, 0, "sep", "maxsplit")
		if err != nil {
			return Undef, err
		}
		maxsplit := -1
		if !a[1].IsUndef() {
			n, err := t.AsInt64(a[1])
			if err != nil {
				return Undef, err
			}
			maxsplit = int(n)
		}
		s := strSelf(args)
		if a[0].IsUndef() || a[0].IsNone() {
			return strList(rsplitWhitespace(s, maxsplit)), nil
		}
		sep, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "must be str or None, not %s", a[0].TypeName())
		}
		if sep == "" {
			return Undef, Errorf(ValueError, "empty separator")
		}
		if maxsplit < 0 {
			return strList(strings.Split(s, sep)), nil
		}
		var parts []string
		for len(parts) < maxsplit {
			i := strings.LastIndex(s, sep)
			if i < 0 {
				break
			}
			parts = append(parts, s[i+len(sep):])
			s = s[:i]
		}
		parts = append(parts, s)
		for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
			parts[l], parts[r] = parts[r], parts[l]
		}
		return strList(parts), nil
	})
	m("splitlines", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("splitlines", args[1:], kw, 0, "keepends")
		if err != nil {
			return Undef, err
		}
		keep, err := keependsArg(t, a[0])
		if err != nil {
			return Undef, err
		}
		s := strSelf(args)
		if so, ok := args[0].o.(*StrObj); ok && so.isASCII() {
			return asciiSplitLines(s, keep), nil
		}
		var parts []string
		start := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
				end := i + size
				if r == '\r' && end < len(s) && s[end] == '\n' {
					end++
				}
				if keep {
					parts = append(parts, s[start:end])
				} else {
					parts = append(parts, s[start:i])
				}
				start = end
				i = end
				continue
			}
			i += size
		}
		if start < len(s) {
			parts = append(parts, s[start:])
		}
		return strList(parts), nil
	})
	m("join", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("join", args[1:], 1); err != nil {
			return Undef, err
		}
		return t.strJoin(args[0].o.(*StrObj), args[1])
	})
	m("replace", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := RangeArgs("replace", args[1:], 2, 3); err != nil {
			return Undef, err
		}
		old, ok1 := args[1].StrOf()
		nw, ok2 := args[2].StrOf()
		if !ok1 || !ok2 {
			bad := args[1]
			n := 1
			if ok1 {
				bad, n = args[2], 2
			}
			name := bad.TypeName()
			if bad.IsNone() {
				name = "None" // CPython's argument clinic names None itself
			}
			return Undef, Errorf(TypeError, "replace() argument %d must be str, not %s", n, name)
		}
		count := -1
		if len(args) == 4 {
			c, err := t.AsInt64(args[3])
			if err != nil {
				return Undef, err
			}
			count = int(c)
		}
		self := args[0].o.(*StrObj)
		if old != "" {
			return strReplace(self, old, nw, count)
		}
		if err := replaceSize(self.s, old, nw, count); err != nil {
			return Undef, err
		}
		if self.Len() > 0 && HasSurrogate(self.s) {
			// Go inserts between the bytes of what it reads as invalid.
			return Str(insertBetween(self.s, nw, count)), nil
		}
		return Str(strings.Replace(self.s, old, nw, count)), nil
	})
	m("find", func(t *Thread, args []Value, kw []KV) (Value, error) {
		i, err := strFind(t, args, kw, "find", false)
		return Int(int64(i)), err
	})
	m("rfind", func(t *Thread, args []Value, kw []KV) (Value, error) {
		i, err := strFind(t, args, kw, "rfind", true)
		return Int(int64(i)), err
	})
	m("index", func(t *Thread, args []Value, kw []KV) (Value, error) {
		i, err := strFind(t, args, kw, "index", false)
		if err == nil && i < 0 {
			err = Errorf(ValueError, "substring not found")
		}
		return Int(int64(i)), err
	})
	m("rindex", func(t *Thread, args []Value, kw []KV) (Value, error) {
		i, err := strFind(t, args, kw, "rindex", true)
		if err == nil && i < 0 {
			err = Errorf(ValueError, "substring not found")
		}
		return Int(int64(i)), err
	})
	m("count", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("count", args[1:], kw, 1, "sub", "start", "end")
		if err != nil {
			return Undef, err
		}
		self := args[0].o.(*StrObj)
		sub, ok := a[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "must be str, not %s", a[0].TypeName())
		}
		lo, hi, err := runeRange(t, self, a[1], a[2])
		if err != nil || lo > hi {
			return Int(0), err
		}
		seg := self.s[byteOffset(self, lo):byteOffset(self, hi)]
		if sub == "" {
			return Int(int64(RuneCount(seg) + 1)), nil
		}
		return Int(int64(strings.Count(seg, sub))), nil
	})
	affix := func(name string, suffix bool) {
		m(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			a, err := unpackArgs(name, args[1:], kw, 1, "prefix", "start", "end")
			if err != nil {
				return Undef, err
			}
			self := args[0].o.(*StrObj)
			lo, hi, err := runeRange(t, self, a[1], a[2])
			if err != nil {
				return Undef, err
			}
			if lo > hi {
				return False, nil
			}
			seg := self.s[byteOffset(self, lo):byteOffset(self, hi)]
			check := func(p string) bool {
				if suffix {
					return strings.HasSuffix(seg, p)
				}
				return strings.HasPrefix(seg, p)
			}
			if tp, ok := a[0].o.(*Tuple); ok {
				for _, x := range tp.items {
					p, ok := x.StrOf()
					if !ok {
						return Undef, Errorf(TypeError, "tuple for %s must only contain str, not %s", name, x.TypeName())
					}
					if check(p) {
						return True, nil
					}
				}
				return False, nil
			}
			p, ok := a[0].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, a[0].TypeName())
			}
			return Bool(check(p)), nil
		})
	}
	affix("startswith", false)
	affix("endswith", true)
	m("center", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, w, fill, err := strPadArgs(t, "center", args, kw)
		if err != nil {
			return Undef, err
		}
		n := args[0].o.(*StrObj).Len()
		if w <= n {
			return args[0], nil // wide enough: the str itself, as CPython
		}
		total := w - n
		left := total / 2
		if total%2 == 1 && w%2 == 1 {
			left++
		}
		return Str(strings.Repeat(fill, left) + s + strings.Repeat(fill, total-left)), nil
	})
	m("ljust", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, w, fill, err := strPadArgs(t, "ljust", args, kw)
		if err != nil {
			return Undef, err
		}
		if n := args[0].o.(*StrObj).Len(); w > n {
			return Str(s + strings.Repeat(fill, w-n)), nil
		}
		return args[0], nil
	})
	m("rjust", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, w, fill, err := strPadArgs(t, "rjust", args, kw)
		if err != nil {
			return Undef, err
		}
		if n := args[0].o.(*StrObj).Len(); w > n {
			return Str(strings.Repeat(fill, w-n) + s), nil
		}
		return args[0], nil
	})
	m("zfill", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("zfill", args[1:], 1); err != nil {
			return Undef, err
		}
		w, err := t.AsSsize(args[1])
		if err != nil {
			return Undef, err
		}
		s := strSelf(args)
		if err := CheckAlloc2(w, int64(len(s)), 1); err != nil {
			return Undef, err
		}
		n := args[0].o.(*StrObj).Len()
		if int(w) <= n {
			return args[0], nil
		}
		sign := ""
		if s != "" && (s[0] == '-' || s[0] == '+') {
			sign, s = s[:1], s[1:]
		}
		return Str(sign + strings.Repeat("0", int(w)-n) + s), nil
	})
	m("isdigit", strPred(func(r rune) bool { return unicode.IsDigit(r) || r == '²' || r == '³' || r == '¹' }, false))
	m("isdecimal", strPred(unicode.IsDigit, false))
	m("isnumeric", strPred(func(r rune) bool { return unicode.IsNumber(r) }, false))
	m("isalpha", strPred(unicode.IsLetter, false))
	m("isalnum", strPred(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }, false))
	m("isspace", strPred(isSpaceRune, false))
	m("isascii", strPred(func(r rune) bool { return r < 0x80 }, true))
	m("isprintable", strPred(isPrintable, true))
	m("isupper", func(t *Thread, args []Value, kw []KV) (Value, error) {
		cased := false
		for _, r := range strSelf(args) {
			if unicode.IsLower(r) {
				return False, nil
			}
			if unicode.IsUpper(r) {
				cased = true
			}
		}
		return Bool(cased), nil
	})
	m("islower", func(t *Thread, args []Value, kw []KV) (Value, error) {
		cased := false
		for _, r := range strSelf(args) {
			if unicode.IsUpper(r) {
				return False, nil
			}
			if unicode.IsLower(r) {
				cased = true
			}
		}
		return Bool(cased), nil
	})
	m("istitle", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s := strSelf(args)
		return Bool(s != "" && titleCase(s) == s && strings.IndexFunc(s, unicode.IsLetter) >= 0), nil
	})
	m("isidentifier", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s := strSelf(args)
		if s == "" {
			return False, nil
		}
		for i, r := range s {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))) {
				return False, nil
			}
		}
		return True, nil
	})
	part := func(name string, rev bool) {
		m(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			if err := ExactArgs(name, args[1:], 1); err != nil {
				return Undef, err
			}
			sep, ok := args[1].StrOf()
			if !ok {
				return Undef, Errorf(TypeError, "must be str, not %s", args[1].TypeName())
			}
			if sep == "" {
				return Undef, Errorf(ValueError, "empty separator")
			}
			s := strSelf(args)
			var i int
			if rev {
				i = strings.LastIndex(s, sep)
			} else {
				i = strings.Index(s, sep)
			}
			if i < 0 {
				if rev {
					return Obj(NewTuple([]Value{Str(""), Str(""), Str(s)})), nil
				}
				return Obj(NewTuple([]Value{Str(s), Str(""), Str("")})), nil
			}
			return Obj(NewTuple([]Value{Str(s[:i]), Str(sep), Str(s[i+len(sep):])})), nil
		})
	}
	part("partition", false)
	part("rpartition", true)
	m("expandtabs", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("expandtabs", args[1:], kw, 0, "tabsize")
		if err != nil {
			return Undef, err
		}
		size := int64(8)
		if !a[0].IsUndef() {
			if size, err = t.AsCInt(a[0]); err != nil {
				return Undef, err
			}
		}
		self := strSelf(args)
		if tabs := int64(strings.Count(self, "\t")); tabs > 0 && size > 0 {
			if err := CheckAlloc2(tabs*size, int64(len(self)), 1); err != nil {
				return Undef, err
			}
		}
		var b strings.Builder
		col := 0
		for i := 0; i < len(self); {
			r, n := DecodeRune(self[i:])
			i += n
			switch r {
			case '\t':
				if size > 0 {
					n := int(size) - col%int(size)
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				WriteRune(&b, r)
				col++
			}
		}
		return Str(b.String()), nil
	})
	m("removeprefix", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := strArg("removeprefix", args[1])
		if err != nil {
			return Undef, err
		}
		return strTrimmed(args[0], len(p), 0, strings.HasPrefix(strSelf(args), p)), nil
	})
	m("removesuffix", func(t *Thread, args []Value, kw []KV) (Value, error) {
		p, err := strArg("removesuffix", args[1])
		if err != nil {
			return Undef, err
		}
		return strTrimmed(args[0], 0, len(p), strings.HasSuffix(strSelf(args), p)), nil
	})
	m("encode", func(t *Thread, args []Value, kw []KV) (Value, error) {
		a, err := unpackArgs("encode", args[1:], kw, 0, "encoding", "errors")
		if err != nil {
			return Undef, err
		}
		enc := "utf-8"
		if err := codecArgs("encode", a[:2], &enc); err != nil {
			return Undef, err
		}
		errs := "strict"
		if !a[1].IsUndef() {
			errs, _ = a[1].StrOf()
		}
		b, err := EncodeStr(strSelf(args), enc, errs)
		if err != nil {
			return Undef, err
		}
		return Obj(NewBytes(b)), nil
	})
	m("format", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, err := t.strFormat(strSelf(args), args[1:], kw, Undef)
		if err != nil {
			return Undef, err
		}
		return Obj(s), nil
	})
	m("format_map", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("format_map", args[1:], 1); err != nil {
			return Undef, err
		}
		s, err := t.strFormat(strSelf(args), nil, nil, args[1])
		if err != nil {
			return Undef, err
		}
		return Obj(s), nil
	})
	m("__len__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		return Int(int64(args[0].o.(*StrObj).Len())), nil
	})
	m("__contains__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		r, err := t.Contains(args[0], args[1])
		return Bool(r), err
	})
	m("__getitem__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.GetItem(args[0], args[1]) })
	m("__add__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.binaryOp(binAdd, args[0], args[1]) })
	m("__mul__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.binaryOp(binMul, args[0], args[1]) })
	m("__mod__", func(t *Thread, args []Value, kw []KV) (Value, error) { return t.binaryOp(binMod, args[0], args[1]) })
	m("__str__", func(t *Thread, args []Value, kw []KV) (Value, error) { return args[0], nil })
	m("__repr__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		s, err := t.Repr(args[0])
		return Str(s), err
	})
	m("__format__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		spec, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "__format__() argument must be str, not %s", args[1].TypeName())
		}
		s, err := formatStrSpec(strSelf(args), spec)
		return Str(s), err
	})
	m("__hash__", func(t *Thread, args []Value, kw []KV) (Value, error) {
		h, err := t.Hash(args[0])
		return Int(int64(h)), err
	})
	// The rich comparisons; the other operand may be a str subclass.
	strCmp := func(name string, cmp func(a, b string) bool) {
		m(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			other, ok := args[1].StrOf()
			if !ok {
				return NotImplemented, nil
			}
			return Bool(cmp(strSelf(args), other)), nil
		})
	}
	strCmp("__eq__", func(a, b string) bool { return a == b })
	strCmp("__ne__", func(a, b string) bool { return a != b })
	strCmp("__lt__", func(a, b string) bool { return a < b })
	strCmp("__le__", func(a, b string) bool { return a <= b })
	strCmp("__gt__", func(a, b string) bool { return a > b })
	strCmp("__ge__", func(a, b string) bool { return a >= b })
	StrType.Dict["maketrans"] = Obj(&StaticMethod{fn: NewBuiltin("maketrans", strMaketrans)})
	m("translate", func(t *Thread, args []Value, kw []KV) (Value, error) {
		if err := ExactArgs("translate", args[1:], 1); err != nil {
			return Undef, err
		}
		var b strings.Builder
		for _, r := range Runes(strSelf(args)) {
			v, err := t.GetItem(args[1], Int(int64(r)))
			if err != nil {
				if IsInstanceOf(err, LookupError) {
					WriteRune(&b, r)
					continue
				}
				return Undef, err
			}
			switch {
			case v.IsNone():
			case v.isIntLike():
				WriteRune(&b, rune(v.AsInt()))
			default:
				s, ok := v.StrOf()
				if !ok {
					return Undef, Errorf(TypeError, "character mapping must return integer, None or str")
				}
				b.WriteString(s)
			}
		}
		return Str(b.String()), nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func strMaketrans(t *Thread, args []Value, kw []KV) (Value, error) {
	d := NewDict()
	switch len(args) {
	case 1:
		src, ok := args[0].o.(*Dict)
		if !ok {
			return Undef, Errorf(TypeError, "if you give only one argument to maketrans it must be a dict")
		}
		var err error
		src.Items(func(k, v Value) bool {
			if s, ok := k.StrOf(); ok {
				r, _ := DecodeRune(s)
				k = Int(int64(r))
			}
			err = d.Set(t, k, v)
			return err == nil
		})
		return Obj(d), err
	case 2, 3:
		y, ok := args[1].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "maketrans() argument 2 must be str, not %s", args[1].TypeName())
		}
		if len(args) == 3 {
			if _, ok := args[2].StrOf(); !ok {
				return Undef, Errorf(TypeError, "maketrans() argument 3 must be str, not %s", args[2].TypeName())
			}
		}
		x, ok := args[0].StrOf()
		if !ok {
			return Undef, Errorf(TypeError, "first maketrans argument must be a string if there is a second argument")
		}
		xr, yr := Runes(x), Runes(y)
		if len(xr) != len(yr) {
			return Undef, Errorf(ValueError, "the first two maketrans arguments must have equal length")
		}
		for i := range xr {
			d.Set(t, Int(int64(xr[i])), Int(int64(yr[i])))
		}
		if len(args) == 3 {
			z, _ := args[2].StrOf()
			for _, r := range Runes(z) {
				d.Set(t, Int(int64(r)), None)
			}
		}
		return Obj(d), nil
	}
	return Undef, Errorf(TypeError, "maketrans() takes at most 3 arguments")
}

// toUpperFull applies Unicode's full upper-case mapping for the characters
// whose upper case is longer than one rune (as Python does): ß → SS, ﬁ → FI...
// titleSpecial holds the code points whose title case is more than one
// code point (Unicode's SpecialCasing), for capitalize().
var titleSpecial = map[rune]string{'ß': "Ss", 'ﬀ': "Ff", 'ﬁ': "Fi", 'ﬂ': "Fl", 'ﬃ': "Ffi", 'ﬄ': "Ffl", 'ﬅ': "St", 'ﬆ': "St"}

// caseFold is casefold(): lower case, with the full folds of ß and the
// Latin ligatures.
func caseFold(s string) string {
	l := strings.ToLower(s)
	if strings.ContainsAny(l, "ßẞﬀﬁﬂﬃﬄﬅﬆ") {
		l = strings.NewReplacer("ß", "ss", "ẞ", "ss", "ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st").Replace(l)
	}
	return l
}

func toUpperFull(s string) string {
	u := strings.ToUpper(s)
	if strings.ContainsAny(u, "ßﬀﬁﬂﬃﬄﬅﬆ") {
		u = strings.NewReplacer("ß", "SS", "ﬀ", "FF", "ﬁ", "FI", "ﬂ", "FL", "ﬃ", "FFI", "ﬄ", "FFL", "ﬅ", "ST", "ﬆ", "ST").Replace(u)
	}
	return u
}

// strTrimmed is self without lo bytes at the start and hi at the end when
// cut (removeprefix/removesuffix found their affix), else self itself, as
// CPython returns it.
func strTrimmed(self Value, lo, hi int, cut bool) Value {
	o := self.o.(*StrObj)
	if !cut || lo+hi == 0 {
		return self
	}
	sub := o.s[lo : len(o.s)-hi]
	if o.isASCII() {
		return Obj(asciiSubstr(sub))
	}
	return Str(sub)
}
