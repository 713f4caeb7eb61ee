package vm

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/asylang/asy/parser"
)

// Compiled code shared between interpreters.
//
// The compiler numbers the module-level names a compilation uses in a
// table of its own (globalNames) instead of allocating slots in a module,
// so its output depends on the source alone: one compilation serves every
// interpreter (a Program run by many, the stdlib's script modules compiled
// once per process). Such code is immutable — constants are frozen (their
// lazily computed hashes and lengths computed up front), the attribute
// caches' numbering is fixed — and is never run itself: Bind makes the copy
// one module runs, whose global instructions index that module's slots and
// which owns its inline caches. A copy shares the instructions, line table,
// names and constants of the original; it copies the instructions only when
// the module's slots do not line up with the table (a module that ran other
// code before), and the constants only to swap in bound copies of nested
// code.

// globalNames numbers the module-level names of one compilation.
type globalNames struct {
	index map[string]int
	names []string
}

// Bind returns the copy of code (compiled by CompileProgram) that runs in
// module m; m nil returns code itself.
func (c *Code) Bind(m *Module) *Code {
	if m == nil || c.globals == nil {
		return c
	}
	if c.module == m {
		return c
	}
	if c.origin != nil {
		c = c.origin // a copy bound to another module: start from the original
	}
	names := c.globals.names
	if !m.bound {
		m.relayout(c.globals)
	}
	m.bound = true
	m.own()
	var remap []int
	for i, n := range names {
		s := m.slot(n)
		if s != i && remap == nil {
			remap = make([]int, len(names))
			for j := 0; j < i; j++ {
				remap[j] = j
			}
		}
		if remap != nil {
			remap[i] = s
		}
	}
	return c.bindTree(m, remap)
}

func (c *Code) bindTree(m *Module, remap []int) *Code {
	nc := new(Code)
	*nc = *c
	nc.module = m
	nc.origin = c
	nc.genNames = &genNames{code: nc}
	nc.attrCaches = nil
	if remap != nil && c.hasGlobalOps {
		ops := make([]uint32, len(c.Ops))
		for i, ins := range c.Ops {
			switch Opcode(ins & 0xff) {
			case OpLoadGlobal, OpStoreGlobal, OpDeleteGlobal:
				ins = mkOp(Opcode(ins&0xff), remap[ins>>8])
			}
			ops[i] = ins
		}
		nc.Ops = ops
	}
	if c.hasCodeConsts {
		consts := make([]Value, len(c.Consts))
		copy(consts, c.Consts)
		for i, v := range consts {
			if sub, ok := v.o.(*Code); ok {
				consts[i] = Obj(sub.bindTree(m, remap))
			}
		}
		nc.Consts = consts
	}
	return nc
}

// freezeConsts computes what constants would otherwise compute lazily (a
// str's length, hash and positional tables), so that interpreters sharing
// them only read them.
func (c *Code) freezeConsts() {
	for _, v := range c.Consts {
		if !v.isObj() {
			continue
		}
		switch o := v.o.(type) {
		case *StrObj:
			o.freeze()
		case *Code:
			c.hasCodeConsts = true
		case *FrozenSet:
			o.s.markShared() // set(c) shares the table copy-on-write without marking it
		case *Tuple:
			for _, x := range o.items {
				if s, ok := x.o.(*StrObj); ok {
					s.freeze()
				}
			}
		}
	}
	if s, ok := c.Doc.o.(*StrObj); ok {
		s.freeze()
	}
}

// freeze fills a str's caches, after which reading it writes nothing.
func (s *StrObj) freeze() {
	if s.length < 0 {
		s.measure()
	}
	if !s.hashed {
		s.hash, s.hashed = hashString(s.s), true
	}
	if !s.ascii {
		s.runesOf()
		s.offsOf()
	}
}

// relayout renumbers the slots of a module no code runs in yet so that
// the names of a compilation get the slots the code numbers them with
// (names the module already has keep their place in Names' order).
func (m *Module) relayout(g *globalNames) {
	m.own()
	names := g.names
	oldOrder, oldVals := m.order, m.vals
	n := len(names)
	order := make([]string, n, n+len(oldOrder))
	copy(order, names)
	vals := make([]Value, n, n+len(oldOrder)) // all Undef
	var seq []int32
	if len(oldOrder) > 0 {
		seq = make([]int32, 0, n+len(oldOrder))
	}
	for i, name := range oldOrder {
		j, ok := g.index[name]
		if !ok {
			j = len(order)
			order = append(order, name)
			vals = append(vals, Undef)
		}
		vals[j] = oldVals[i]
		m.names[name] = j
		seq = append(seq, int32(j))
	}
	for j, name := range names {
		if _, ok := m.names[name]; !ok {
			m.names[name] = j
			if seq != nil {
				seq = append(seq, int32(j))
			}
		}
	}
	m.order, m.vals, m.seq = order, vals, seq
	m.fromBuiltins = nil
}

// library is a module source compiled once per process.
type library struct {
	once  sync.Once
	src   string
	code  *Code
	lines []string // the source's lines, for tracebacks
	err   error    // a *parser.SyntaxError
}

// libraries holds the compiled libraries by file name.
var libraries sync.Map

// ExecLibrary runs on t the source of a library module (the stdlib's modules
// written in the script language) in m. The source is parsed and compiled
// once per process, under its file name, and shared by every interpreter.
func (t *Thread) ExecLibrary(m *Module, file, src string) error {
	it := t.interp
	v, _ := libraries.LoadOrStore(file, &library{src: src})
	lib := v.(*library)
	if !sameString(lib.src, src) {
		// Another text under a known name (never for the stdlib's): no sharing.
		code, err := it.CompileModule(m, file, []byte(src), false)
		if err != nil {
			return err
		}
		_, err = t.RunCode(code, m)
		return err
	}
	lib.once.Do(func() {
		lib.lines = strings.Split(src, "\n")
		mod, err := parser.Parse(file, []byte(src))
		if err != nil {
			lib.err = err
			return
		}
		lib.code, lib.err = compileModule(file, mod, false, false)
		if lib.err != nil {
			lib.err = WithSource(lib.err, []byte(src))
		}
	})
	if lib.err != nil {
		return SyntaxErrorFrom(lib.err)
	}
	if _, ok := it.sources[file]; !ok {
		it.sources[file] = lib.lines
	}
	_, err := t.RunCode(lib.code, m)
	return err
}

// sameString compares two strings, at once when they share their bytes.
func sameString(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b) || a == b
}
