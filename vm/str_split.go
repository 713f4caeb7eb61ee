package vm

import "strings"

// split of an ASCII str: every part is a slice of the str and ASCII too,
// so the parts are made measured, their headers in one block, without an
// intermediate []string.

// strParts builds the list of n parts, each made by next(k) as a byte range
// of s.
type strParts struct {
	s     string
	items []Value
	block []StrObj
}

func newStrParts(s string, n int) *strParts {
	return &strParts{s: s, items: make([]Value, 0, n)}
}

func (p *strParts) add(lo, hi int) {
	if hi-lo <= 1 {
		if hi == lo {
			p.items = append(p.items, Obj(emptyStr))
		} else {
			p.items = append(p.items, Obj(asciiStrs[p.s[lo]]))
		}
		return
	}
	if len(p.block) == 0 {
		p.block = make([]StrObj, cap(p.items)-len(p.items))
	}
	o := &p.block[0]
	p.block = p.block[1:]
	// Field by field: the block is fresh (zero), and assigning a whole
	// StrObj would zero it again under the GC's write barrier.
	o.s, o.length, o.ascii = p.s[lo:hi], hi-lo, true
	p.items = append(p.items, Obj(o))
}

func (p *strParts) list() Value { return Obj(NewList(p.items)) }

// asciiSplitWhitespace is s.split(None, maxsplit) of an ASCII str
// (maxsplit < 0: no limit). After maxsplit splits the rest is one part,
// trailing whitespace and all, as in CPython.
func asciiSplitWhitespace(s string, maxsplit int) Value {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := asciiSpace[s[i]]
		if !sp && !in {
			n++
		}
		in = !sp
	}
	if maxsplit >= 0 && n > maxsplit+1 {
		n = maxsplit + 1
	}
	p := newStrParts(s, n)
	i := 0
	for k := 0; k < n; k++ {
		for asciiSpace[s[i]] {
			i++
		}
		if k == maxsplit {
			p.add(i, len(s))
			break
		}
		j := i + 1
		for j < len(s) && !asciiSpace[s[j]] {
			j++
		}
		p.add(i, j)
		i = j
	}
	return p.list()
}

// asciiLineBreak marks the ASCII bytes splitlines() breaks at.
var asciiLineBreak = [256]bool{'\n': true, '\r': true, '\v': true, '\f': true, 0x1c: true, 0x1d: true, 0x1e: true}

// asciiSplitLines is s.splitlines(keepends) of an ASCII str: the lines are
// counted first, so the list and its strs are allocated once, measured.
func asciiSplitLines(s string, keep bool) Value {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; asciiLineBreak[c] && !(c == '\r' && i+1 < len(s) && s[i+1] == '\n') {
			n++
		}
	}
	if len(s) > 0 && !asciiLineBreak[s[len(s)-1]] {
		n++ // a last line without a break
	}
	p := newStrParts(s, n)
	start := 0
	for i := 0; i < len(s); i++ {
		if !asciiLineBreak[s[i]] {
			continue
		}
		end := i + 1
		if s[i] == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			p.add(start, end)
		} else {
			p.add(start, i)
		}
		start = end
		i = end - 1
	}
	if start < len(s) {
		p.add(start, len(s))
	}
	return p.list()
}

// asciiSplitSep is s.split(sep, maxsplit) of an ASCII str (sep non-empty).
func asciiSplitSep(s, sep string, maxsplit int) Value {
	n := strings.Count(s, sep) + 1
	if maxsplit >= 0 && n > maxsplit+1 {
		n = maxsplit + 1
	}
	p := newStrParts(s, n)
	i := 0
	for k := 0; k < n-1; k++ {
		j := i + strings.Index(s[i:], sep)
		p.add(i, j)
		i = j + len(sep)
	}
	p.add(i, len(s))
	return p.list()
}

// strJoin is sep.join(iterable). As in CPython the iterable is read whole
// first (a list or tuple in place), then the result is sized, allocated
// once and filled; it knows its length and ASCII-ness from its parts.
func (t *Thread) strJoin(sep *StrObj, iterable Value) (Value, error) {
	items, ok := t.seqItems(iterable)
	if !ok {
		// Room for a few parts at once: the common generator makes a
		// handful, and doubling from one would regrow three times.
		items = make([]Value, 0, 8)
		err := t.Iterate(iterable, func(v Value) error {
			if err := t.GrowCheck(len(items), cap(items), SizeValue); err != nil {
				return err
			}
			items = append(items, v)
			return nil
		})
		if err != nil {
			if IsInstanceOf(err, TypeError) && !t.isIterable(iterable) {
				return Undef, Errorf(TypeError, "can only join an iterable")
			}
			return Undef, err
		}
	}
	if len(items) == 0 {
		return Obj(emptyStr), nil
	}
	if len(items) == 1 {
		if _, exact := items[0].o.(*StrObj); exact {
			return items[0], nil // one exact str: itself, as CPython
		}
	}
	sepLen := sep.Len()
	n := len(sep.s) * (len(items) - 1)
	length := sepLen * (len(items) - 1)
	ascii, surr := sep.ascii, sep.surr
	for i, v := range items {
		var o *StrObj
		switch x := v.o.(type) {
		case *StrObj:
			o = x
		case *Instance:
			o, _ = x.Payload().o.(*StrObj) // a str subclass's str
		}
		if o == nil {
			return Undef, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, v.TypeName())
		}
		n += len(o.s)
		length += o.Len()
		ascii = ascii && o.ascii
		surr = surr || o.surr
	}
	if n == 0 {
		return Obj(emptyStr), nil
	}
	if n >= allocChargeMin {
		if err := t.CheckAlloc(int64(n), 1); err != nil {
			return Undef, err
		}
	}
	if n == 1 {
		for _, v := range items {
			if s, _ := v.StrOf(); s != "" {
				return Str(s), nil
			}
		}
		return Str(sep.s), nil
	}
	r, b := newStrBufFor(n, ascii)
	off := 0
	for i, v := range items {
		if i > 0 {
			off += copy(b[off:], sep.s)
		}
		s, _ := v.StrOf()
		off += copy(b[off:], s)
	}
	r.length, r.ascii, r.surr = length, ascii, surr
	return Obj(r), nil
}
