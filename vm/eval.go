package vm

import (
	"math"
	"unsafe"
)

// dispatch runs the dispatch loop on t.frame until control must return to
// Go: a goBoundary frame returns or raises, or a generator chain resumed from
// Go (modeGo) yields, returns or raises. Script-to-script calls, returns,
// generator resumption and delegation all happen inside this one loop. It
// runs under execute's guard (eval_guard.go).
func (t *Thread) dispatch() (Value, error) {
	f := t.frame
	code := f.code.Ops
	regs := f.regs
	sp := int(f.sp)
	pc := f.pc
	var err error
	// reraise: err is re-raised as it is (bare `raise`, the end of an
	// except or finally): like CPython, this frame adds no traceback entry
	// and no context. thrown: err was thrown into a resumed generator.
	reraise, thrown := false, false

	if t.pendingCrash != nil {
		// A Go panic below this frame, turned into SystemError by the
		// guard: raised here as if the call at f.pc had raised it.
		err = t.pendingCrash
		t.pendingCrash = nil
	} else if t.pendingThrow != nil {
		err = t.pendingThrow
		t.pendingThrow = nil
		thrown = true
		// A frame suspended in `await <Go iterator>` lets the iterator undo
		// its bookkeeping (a queue's waiter list) before the exception unwinds.
		if pc < len(code) && Opcode(code[pc]&0xff) == OpYieldFrom && sp > 0 {
			if ab, ok := regs[sp-1].o.(GoAwaitAborter); ok {
				ab.Abort(t)
			} else if _, isGen := regs[sp-1].o.(*Generator); !isGen && regs[sp-1].isObj() {
				// `yield from` a plain iterator: its close() or throw()
				// gets the exception first (PEP 380).
				f.pc, f.sp = pc, int32(sp)
				v, outcome, e := t.throwIntoIterator(regs[sp-1], err)
				switch outcome {
				case throwYielded:
					err = nil
					if done := t.genYield(f, v); done {
						return v, nil
					}
					f = t.frame
					code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
				case throwReturned:
					err = nil
					regs[sp-1] = v
					pc++
				default:
					err = e
				}
			}
		}
	}
	f.pc, f.sp = pc, int32(sp)

	// The inner loop runs the instructions of one frame: code, regs and f
	// stay constant in it, so the compiler keeps them out of the
	// per-instruction spills at the loop head (they were phis there, and each
	// instruction stored ten registers to the stack). Every path that changes
	// the running frame saves it and continues the outer loop (continue
	// loop), which reloads them from t.frame's f.
loop:
	for {
		if err != nil {
			// Unwinding: find a handler for err in this frame or the ones below.
			exc := AsException(err)
			err = nil
			// An exception gets its context where it is raised: in a raise
			// statement (doRaise) or, for errors from Go code, in the first
			// frame that sees it — not again in every frame it unwinds.
			if !reraise && !thrown && len(exc.exc().traceback) == 0 {
				t.setContext(exc)
			}
			// A re-raise keeps the traceback it has; an exception thrown into
			// a generator gets its frame unless it was raised there.
			if tb := exc.exc().traceback; !reraise && (!thrown || len(tb) == 0 || tb[len(tb)-1].code != f.code) {
				exc.exc().traceback = append(exc.exc().traceback, TraceEntry{File: f.code.Filename, Line: f.Line(), Func: f.code.Name, code: f.code})
			}
			reraise, thrown = false, false
			for {
				handled := false
				for len(f.blockList()) > 0 {
					bl := f.blocks.b
					b := bl[len(bl)-1]
					f.blocks.b = bl[:len(bl)-1]
					if b.kind == blockTry && exc.cls != RunAborted {
						if int(b.level) < sp {
							clearRegs(regs[b.level:sp])
						}
						sp = int(b.level)
						regs[sp] = Obj(exc)
						sp++
						pc = int(b.handler)
						handled = true
						t.handlersFound++ // progress, for the panic guard
						break
					}
				}
				if handled {
					break
				}
				// No handler here: leave the frame.
				if f.gen() != nil {
					toGo, e := t.genRaise(f, exc)
					if toGo {
						return Undef, e
					}
					exc = AsException(e)
					f = t.frame
					code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
					exc.exc().traceback = append(exc.exc().traceback, TraceEntry{File: f.code.Filename, Line: f.Line(), Func: f.code.Name, code: f.code})
					continue
				}
				back := f.back
				boundary := f.goBoundary
				// Locals of the frame stay reachable from the traceback in
				// CPython: unawaited coroutines among them are released only
				// when the exception is (see holdCoroutines).
				t.holdCoroutines(exc, f.regs[:f.code.NumLocals])
				if t.prof != nil {
					t.prof.Exit(t, f)
				}
				t.releaseFrame(f)
				t.depth--
				t.frame = back
				if boundary || back == nil {
					return Undef, exc
				}
				f = t.frame
				code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
				exc.exc().traceback = append(exc.exc().traceback, TraceEntry{File: f.code.Filename, Line: f.Line(), Func: f.code.Name, code: f.code})
			}
			f.pc, f.sp = pc, int32(sp)
		}
		code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
		for {
			// The commonest simple instructions run in this small loop
			// first. It calls nothing, so Go's register allocator keeps the
			// loop's state in registers here; the big switch below, whose
			// cases call out, spills that state on every instruction it
			// runs. Anything not handled here (or a case's slow path)
			// breaks out with pc at the instruction, which the switch then
			// runs with unchanged semantics.
			//
			// The frame does not change in this loop (a call or return
			// here continues the outer loop, so f, code and regs are not
			// loop-carried values the allocator would spill on every
			// instruction), so the code's tables are read once here rather
			// than through f.code in every instruction.
			consts, caches, cslots := f.code.Consts, f.code.attrCaches, f.code.cacheSlot
		fast:
			for {
				ins := code[pc]
				// A call that pushes a frame (see push below): the callee,
				// the stack index its result goes to and its first argument.
				var fn *Function
				var base, first int
				switch Opcode(ins & 0xff) {
				case OpLoadFast:
					v := regs[ins>>8]
					if v.IsUndef() {
						break fast
					}
					regs[sp] = v
					sp++
					pc++
					if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
						if v := regs[nx>>8]; !v.IsUndef() {
							regs[sp] = v
							sp++
							pc++
						}
					}
				case OpStoreFast:
					sp--
					regs[ins>>8] = regs[sp]
					pc++
					if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
						if v := regs[nx>>8]; !v.IsUndef() {
							regs[sp] = v
							sp++
							pc++
						}
					}
				case OpLoadConst:
					regs[sp] = consts[ins>>8]
					sp++
					pc++
				case OpPopTop:
					sp--
					regs[sp] = Undef
					pc++
				case OpPopJumpIfFalse, OpPopJumpIfTrue:
					// bool, int and None test without calling out (their
					// payload is 0 exactly when they are false).
					v := regs[sp-1]
					if !v.isBool() && !v.isInt() && !v.isNone() {
						break fast
					}
					sp--
					regs[sp] = Undef
					if (v.n != 0) == (Opcode(ins&0xff) == OpPopJumpIfTrue) {
						pc = int(ins >> 8)
					} else {
						pc++
					}
				case OpJump:
					if int(ins>>8) < pc {
						// A backward jump is a checkpoint (see checkpoint):
						// anything due goes to the switch's case.
						if t.ticks+1 >= switchInterval || t.limited || t.interp.interrupted.Load() {
							break fast
						}
						t.ticks++
					}
					pc = int(ins >> 8)
				case OpBinaryOp:
					// Small ints and floats never leave the loop.
					a, b := regs[sp-2], regs[sp-1]
					var r Value
					if a.isInt() && b.isInt() {
						x, y := int64(a.n), int64(b.n)
						switch int(ins>>8) &^ binopInplace {
						case binAdd:
							if r := x + y; (r > x) != (y > 0) {
								break fast
							}
							r = Value{o: intTag{}, n: uint64(x + y)}
						case binSub:
							if r := x - y; (r < x) != (y > 0) {
								break fast
							}
							r = Value{o: intTag{}, n: uint64(x - y)}
						case binMul:
							if x <= -3037000499 || x >= 3037000499 || y <= -3037000499 || y >= 3037000499 {
								break fast
							}
							r = Value{o: intTag{}, n: uint64(x * y)}
						case binFloorDiv:
							// Python floors; Go truncates toward zero.
							if y == 0 || y == -1 && x == math.MinInt64 {
								break fast
							}
							q := x / y
							if (x%y != 0) && ((x < 0) != (y < 0)) {
								q--
							}
							r = Value{o: intTag{}, n: uint64(q)}
						case binMod:
							// The result takes the divisor's sign.
							if y == 0 {
								break fast
							}
							m := x % y
							if m != 0 && ((m < 0) != (y < 0)) {
								m += y
							}
							r = Value{o: intTag{}, n: uint64(m)}
						case binTrueDiv:
							// Exact operands below 2**53: IEEE division
							// rounds correctly, as Python's int / int does.
							if y == 0 || x > 1<<53 || x < -(1<<53) || y > 1<<53 || y < -(1<<53) {
								break fast
							}
							r = Float(float64(x) / float64(y))
						case binAnd:
							r = Value{o: intTag{}, n: uint64(x & y)}
						case binOr:
							r = Value{o: intTag{}, n: uint64(x | y)}
						case binXor:
							r = Value{o: intTag{}, n: uint64(x ^ y)}
						case binRShift:
							// Arithmetic shift floors, as Python's does.
							if y < 0 {
								break fast
							}
							r = Value{o: intTag{}, n: uint64(x >> min(y, 63))}
						case binLShift:
							if y < 0 || y > 62 || (x<<y)>>y != x {
								break fast
							}
							r = Value{o: intTag{}, n: uint64(x << y)}
						default:
							break fast
						}
					} else if a.isFloat() && (b.isFloat() || b.isInt()) || a.isInt() && b.isFloat() {
						// float op float, and float op int: Python converts the
						// int to the nearest float first, as Go's conversion does.
						x, y := a.AsFloat(), b.AsFloat()
						if a.isInt() {
							x = float64(int64(a.n))
						} else if b.isInt() {
							y = float64(int64(b.n))
						}
						switch int(ins>>8) &^ binopInplace {
						case binAdd:
							r = Float(x + y)
						case binSub:
							r = Float(x - y)
						case binMul:
							r = Float(x * y)
						case binTrueDiv:
							if y == 0 {
								break fast
							}
							r = Float(x / y)
						default:
							break fast
						}
					} else {
						break fast
					}
					regs[sp-2] = r
					sp--
					pc++
					if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
						if v := regs[nx>>8]; !v.IsUndef() {
							regs[sp] = v
							sp++
							pc++
						}
					}
				case OpCompareOp:
					// Small ints and floats (an int meeting a float converts
					// exactly when within ±2**53; others go to compareOp).
					a, b := regs[sp-2], regs[sp-1]
					var lt, eq, gt bool
					if a.isInt() && b.isInt() {
						x, y := int64(a.n), int64(b.n)
						lt, eq, gt = x < y, x == y, x > y
					} else {
						// Floats; an int converts exactly when |i| <= 2**53
						// (beyond, Python compares exactly: compareOp).
						// Written out: execute is too big for the inliner.
						x, y := a.AsFloat(), b.AsFloat()
						switch {
						case a.isFloat() && b.isFloat():
						case a.isFloat() && b.isInt() && int64(b.n) >= -1<<53 && int64(b.n) <= 1<<53:
							y = float64(int64(b.n))
						case a.isInt() && b.isFloat() && int64(a.n) >= -1<<53 && int64(a.n) <= 1<<53:
							x = float64(int64(a.n))
						default:
							break fast
						}
						lt, eq, gt = x < y, x == y, x > y // all false for a NaN
					}
					var r bool
					switch ins >> 8 {
					case cmpLT:
						r = lt
					case cmpLE:
						r = lt || eq
					case cmpEQ:
						r = eq
					case cmpNE:
						r = !eq
					case cmpGT:
						r = gt
					case cmpGE:
						r = gt || eq
					default:
						break fast
					}
					pc++
					// A conditional jump on the result is taken here
					// without pushing the bool or a second dispatch.
					if nx := code[pc]; Opcode(nx&0xff) == OpPopJumpIfFalse || Opcode(nx&0xff) == OpPopJumpIfTrue {
						sp -= 2
						if r == (Opcode(nx&0xff) == OpPopJumpIfTrue) {
							pc = int(nx >> 8)
						} else {
							pc++
						}
						if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
							if v := regs[nx>>8]; !v.IsUndef() {
								regs[sp] = v
								sp++
								pc++
							}
						}
						continue
					}
					sp--
					regs[sp-1] = Bool(r)
				case OpLoadGlobal:
					v := f.module.vals[ins>>8]
					if v.IsUndef() {
						// A builtin this module looked up before
						// (builtinFor's cache), else the switch's lookup.
						fb := f.module.fromBuiltins
						if k := int(ins >> 8); k < len(fb) {
							v = fb[k]
						}
						if v.IsUndef() {
							break fast
						}
					}
					regs[sp] = v
					sp++
					pc++
				case OpLoadAttr, OpStoreAttr, OpLoadMethod:
					// Instance attributes at a cached site whose entry
					// matches the class and layout (attrEntry, written out:
					// execute is too big for the inliner, and a call here
					// would bring the spills back).
					inst, ok := regs[sp-1].o.(*Instance)
					if !ok && caches != nil && Opcode(ins&0xff) == OpLoadMethod {
						// A method of a common built-in type, as the
						// switch's case cached it (their classes never
						// change).
						var bc *Class
						switch regs[sp-1].o.(type) {
						case *List:
							bc = ListType
						case *Dict:
							bc = DictType
						case *StrObj:
							bc = StrType
						case *Set:
							bc = SetType
						case *Tuple:
							bc = TupleType
						default:
							break fast
						}
						ce := &caches[2*int(cslots[pc])]
						if ce.cls != bc || ce.v.IsUndef() {
							break fast
						}
						regs[sp] = regs[sp-1]
						regs[sp-1] = ce.v
						sp++
						pc++
						continue
					}
					if !ok || caches == nil {
						break fast
					}
					cls := inst.cls
					k := 2 * int(cslots[pc])
					ce := &caches[k]
					if ce.cls != cls || ce.ver != cls.version {
						if ce = &caches[k+1]; ce.cls != cls || ce.ver != cls.version {
							break fast
						}
					}
					if ce.slot > 0 && Opcode(ins&0xff) == OpLoadAttr {
						// A __slots__ member (set: unset ones raise).
						x := inst.attrs.ext
						if x == nil || int(ce.slot) > len(x.slots) || x.slots[ce.slot-1].IsUndef() {
							break fast
						}
						regs[sp-1] = x.slots[ce.slot-1]
						pc++
						continue
					}
					if ce.slot > 0 && Opcode(ins&0xff) == OpStoreAttr {
						// A __slots__ member the instance has room for
						// (attrMap.slotSet grows the slots: the switch).
						x := inst.attrs.ext
						if x == nil || int(ce.slot) > len(x.slots) {
							break fast
						}
						x.slots[ce.slot-1] = regs[sp-2]
						sp -= 2
						regs[sp], regs[sp+1] = Undef, Undef
						pc++
						continue
					}
					if ce.prop != nil && !ce.plain && ce.slot == 0 && Opcode(ins&0xff) == OpLoadAttr {
						// A property whose script getter may run as a frame
						// (attrCache.prop): called with the instance, its
						// result replacing it on the stack, as the switch's
						// case does.
						var ok bool
						if fn, ok = ce.prop.fget.o.(*Function); !ok {
							break fast
						}
						base, first = sp-1, sp-1
						goto push
					}
					if ce.shape != inst.attrs.shape || ce.shape == nil {
						break fast
					}
					switch Opcode(ins & 0xff) {
					case OpLoadAttr:
						if !ce.plain || ce.idx < 0 {
							// Else plain data on the class, still the value
							// the entry read (see attrCache.loadAttr).
							if !ce.plain || ce.idx != -1 || ce.dataVer != cls.dataVer {
								break fast
							}
							switch ce.v.o.(type) {
							case intTag, floatTag, boolTag, noneTag, *StrObj:
								regs[sp-1] = ce.v
							default:
								break fast
							}
							break
						}
						// The instance's own attribute.
						regs[sp-1] = inst.attrs.vals[ce.idx]
					case OpStoreAttr:
						// Overwriting an attribute the layout has, or adding
						// one where the values have room (growing them
						// allocates: the switch does that).
						m := &inst.attrs
						if ce.slot > 0 {
							break fast
						}
						if ce.next == nil {
							m.vals[ce.idx] = regs[sp-2]
						} else {
							n := len(m.vals)
							if n == cap(m.vals) {
								break fast
							}
							m.vals = m.vals[:n+1]
							m.vals[n] = regs[sp-2]
							m.shape = ce.next
							if n+1 > cls.attrHint {
								cls.attrHint = n + 1
							}
						}
						sp -= 2
						regs[sp], regs[sp+1] = Undef, Undef
					default:
						// A script method of the class that no instance
						// attribute shadows.
						if _, isFn := ce.v.o.(*Function); !isFn || !ce.plain || ce.idx != -1 {
							break fast
						}
						regs[sp] = regs[sp-1]
						regs[sp-1] = ce.v
						sp++
					}
					pc++
					if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
						if v := regs[nx>>8]; !v.IsUndef() {
							regs[sp] = v
							sp++
							pc++
						}
					}
				case OpCall, OpCallMethod:
					// A script function's call (see push).
					n := int(ins >> 8)
					base = sp - n - 1 // the callee; the result goes there
					first = base + 1  // the first argument
					if Opcode(ins&0xff) == OpCallMethod {
						// meth self args…, or Undef callable args…
						base--
						if first = base + 1; regs[base].IsUndef() {
							first++
						}
					}
					var ok bool
					if fn, ok = regs[first-1].o.(*Function); !ok {
						break fast
					}
					goto push
				case OpReturnValue:
					// Returning from an ordinary frame to the one that
					// called it in this loop, or from a frame Go code called
					// to that code (releaseFrame, written out).
					if f.auxKind == auxGen || f.stackOwned || f.exposed || t.prof != nil || f.back == nil && !f.goBoundary || f.goBoundary && f.auxKind != auxNone {
						break fast
					}
					if t.chunkTop == 0 || len(t.framePool) == cap(t.framePool) && len(t.framePool) < 256 {
						break fast // a chunk to give back, or a pool to grow
					}
					sp--
					v := regs[sp]
					if f.auxKind == auxInit {
						// __init__ run by an inline instantiation: the
						// instance is the result (the switch raises when
						// __init__ returned something else).
						if !v.isNone() {
							sp++
							break fast
						}
						v = Value{o: (*Instance)(f.aux)}
					}
					for i := range regs {
						regs[i] = Value{}
					}
					t.chunkTop -= len(regs)
					back, boundary := f.back, f.goBoundary
					f.regs, f.back, f.aux, f.auxKind, f.pc, f.goBoundary = nil, nil, nil, auxNone, 0, false
					if f.blocks != nil {
						// Blocks (popped ones too) may hold exceptions.
						bl := f.blocks.b[:cap(f.blocks.b)]
						for i := range bl {
							bl[i] = block{}
						}
						f.blocks.b = bl[:0]
					}
					if np := len(t.framePool); np < 256 {
						t.framePool = t.framePool[:np+1]
						t.framePool[np] = f
					}
					t.depth--
					t.frame = back
					if boundary {
						return v, nil
					}
					f = back
					f.regs[f.sp] = v
					f.sp++
					continue loop
				case OpBinarySubscr:
					// list[int] and tuple[int] in range.
					key, obj := regs[sp-1], regs[sp-2]
					if !key.isInt() {
						break fast
					}
					items, ok := listTupleItems(obj.o)
					if !ok {
						break fast
					}
					i := int64(key.n)
					if i < 0 {
						i += int64(len(items))
					}
					if i < 0 || i >= int64(len(items)) {
						break fast
					}
					sp--
					regs[sp-1] = items[i]
					regs[sp] = Undef
					pc++
				case OpForIter:
					// The next item of a built-in sequence iterator, or the
					// end of a list, tuple or range loop (the iterator goes
					// back to the pool when it has room: the done* methods,
					// written out); the switch's case does the rest.
					var item Value
					p := &t.loopIters
					switch o := regs[sp-1].o.(type) {
					case *rangeIter:
						if o.i >= o.n {
							if o.loop {
								n := len(p.ranges)
								if n == cap(p.ranges) || n >= loopIterPoolMax {
									break fast
								}
								p.ranges = p.ranges[:n+1]
								p.ranges[n] = o
							}
							goto exhausted
						}
						item = Int(o.cur)
						o.cur += o.step
						o.i++
					case *listIter:
						if o.i >= len(o.l.items) {
							if o.loop {
								n := len(p.lists)
								if n == cap(p.lists) || n >= loopIterPoolMax {
									break fast
								}
								o.l = nil
								p.lists = p.lists[:n+1]
								p.lists[n] = o
							}
							o.i = 1 << 62 // stays exhausted when the list grows
							goto exhausted
						}
						item = o.l.items[o.i]
						o.i++
					case *seqIter:
						if o.i >= len(o.items) {
							if o.loop {
								n := len(p.seqs)
								if n == cap(p.seqs) || n >= loopIterPoolMax {
									break fast
								}
								o.items = nil
								p.seqs = p.seqs[:n+1]
								p.seqs[n] = o
							}
							goto exhausted
						}
						item = o.items[o.i]
						o.i++
					case *strIter:
						// ASCII characters; the rest in the switch.
						if o.off >= len(o.s.s) || o.s.s[o.off] >= 0x80 {
							break fast
						}
						item = Obj(asciiStrs[o.s.s[o.off]])
						o.off++
					case *setIter:
						// The next member of an unchanged set with a narrow
						// table (set.go's nextActive, written out); the
						// rest (exhaustion, a changed size) in the switch.
						st := o.s
						if st == nil || o.used != st.used || st.mask >= setNarrowMax {
							break fast
						}
						n, i, k := uint64(st.mask)+1, o.pos, -1
						for ; i < n; i++ {
							if k = int(*(*uint8)(unsafe.Add(st.idx, i))) - 1; uint(k) < uint(len(st.ents)) {
								break
							}
						}
						if i >= n {
							break fast
						}
						item = st.ents[k].key
						o.pos = i + 1
					case *dictIter:
						// Keys and values of an unchanged dict whose next
						// slot is live; the rest in the switch.
						if o.kind == 2 || o.d.live != o.size || o.pos >= len(o.d.entries) || o.d.entries[o.pos].key.IsUndef() {
							break fast
						}
						if item = o.d.entries[o.pos].key; o.kind == 1 {
							item = o.d.entries[o.pos].val
						}
						o.pos++
					default:
						break fast
					}
					pc++
					// The item goes straight into the loop variable when a
					// STORE_FAST follows (`for x in …:` costs one dispatch).
					if nx := code[pc]; Opcode(nx&0xff) == OpStoreFast {
						regs[nx>>8] = item
						pc++
						if nx := code[pc]; Opcode(nx&0xff) == OpLoadFast {
							if v := regs[nx>>8]; !v.IsUndef() {
								regs[sp] = v
								sp++
								pc++
							}
						}
					} else {
						regs[sp] = item
						sp++
					}
				case OpDupTop:
					regs[sp] = regs[sp-1]
					sp++
					pc++
				case OpRotTwo:
					regs[sp-1], regs[sp-2] = regs[sp-2], regs[sp-1]
					pc++
				case OpRotThree:
					regs[sp-1], regs[sp-2], regs[sp-3] = regs[sp-2], regs[sp-3], regs[sp-1]
					pc++
				case OpIsOp:
					// Identity is equality of the Value's three words: an
					// object's pointer (n is 0), a scalar's tag and payload.
					// Compared as words, since == on the interface calls out.
					a := (*[3]uintptr)(unsafe.Pointer(&regs[sp-2]))
					b := (*[3]uintptr)(unsafe.Pointer(&regs[sp-1]))
					r := *a == *b
					if ins>>8 == 1 {
						r = !r
					}
					sp--
					regs[sp] = Undef
					regs[sp-1] = False
					if r {
						regs[sp-1] = True
					}
					pc++
				case OpJumpIfFalseOrPop, OpJumpIfTrueOrPop:
					v := regs[sp-1]
					if !v.isBool() && !v.isInt() && !v.isNone() {
						break fast
					}
					if (v.n != 0) == (Opcode(ins&0xff) == OpJumpIfTrueOrPop) {
						pc = int(ins >> 8)
					} else {
						sp--
						regs[sp] = Undef
						pc++
					}
				case OpUnaryNeg:
					v := regs[sp-1]
					if !v.isInt() || int64(v.n) == math.MinInt64 {
						break fast
					}
					regs[sp-1] = Value{o: intTag{}, n: uint64(-int64(v.n))}
					pc++
				case OpLoadDeref:
					c, ok := regs[ins>>8].o.(*Cell)
					if !ok || c.v.IsUndef() {
						break fast
					}
					regs[sp] = c.v
					sp++
					pc++
				case OpUnpackSequence:
					// A tuple or list of the right length, pushed last item
					// first.
					items, ok := listTupleItems(regs[sp-1].o)
					n := int(ins >> 8)
					if !ok || len(items) != n {
						break fast
					}
					sp--
					for i := n - 1; i >= 0; i-- {
						regs[sp] = items[i]
						sp++
					}
					pc++
				case OpListAppend:
					// A comprehension's append while the list has room.
					l, ok := regs[sp-1-int(ins>>8)].o.(*List)
					if !ok || len(l.items) == cap(l.items) {
						break fast
					}
					sp--
					l.items = l.items[:len(l.items)+1]
					l.items[len(l.items)-1] = regs[sp]
					regs[sp] = Undef
					pc++
				case OpStoreSubscr:
					// list[int] = v in range.
					key, l := regs[sp-1], regs[sp-2]
					lst, ok := l.o.(*List)
					if !ok || !key.isInt() {
						break fast
					}
					i := int64(key.n)
					if i < 0 {
						i += int64(len(lst.items))
					}
					if i < 0 || i >= int64(len(lst.items)) {
						break fast
					}
					lst.items[i] = regs[sp-3]
					sp -= 3
					regs[sp], regs[sp+1], regs[sp+2] = Undef, Undef, Undef
					pc++
				case OpGetIter:
					// A for loop over an exact list or tuple takes its
					// iterator from the thread's pool when the pool has one
					// (loopIter, written out).
					if Opcode(code[pc+1]&0xff) != OpForIter {
						break fast
					}
					p := &t.loopIters
					switch o := regs[sp-1].o.(type) {
					case *List:
						n := len(p.lists)
						if n == 0 {
							break fast
						}
						li := p.lists[n-1]
						p.lists = p.lists[:n-1]
						li.l, li.i, li.loop = o, 0, true
						regs[sp-1] = Obj(li)
					case *Tuple:
						n := len(p.seqs)
						if n == 0 {
							break fast
						}
						si := p.seqs[n-1]
						p.seqs = p.seqs[:n-1]
						si.items, si.i, si.cls, si.loop = o.items, 0, TupleIterType, true
						regs[sp-1] = Obj(si)
					default:
						break fast
					}
					pc++
				default:
					break fast
				}
				continue
			exhausted:
				// The FOR_ITER at pc ends its loop: the iterator is popped
				// and the loop left.
				sp--
				regs[sp] = Undef
				pc = int(code[pc] >> 8)
				continue
			push:
				// A positional call of fn, a plain script function, with
				// exactly its parameters regs[first:sp]: the new frame runs
				// in this loop and its result goes to regs[base].
				// callPrologue, plainFrame and pushCall, written out;
				// anything unusual (a limit or switch due, no pooled frame,
				// a full stack chunk, a profiler) goes to the switch's case.
				if !fn.code.simpleCall || fn.code.ArgCount != sp-first || t.prof != nil {
					break fast
				}
				limit := int(t.interp.recursionLimit.Load())
				if limit <= 0 {
					limit = MaxDepth
				}
				if t.depth >= limit || t.ticks+1 >= switchInterval || t.limited || t.interp.interrupted.Load() {
					break fast
				}
				npool := len(t.framePool)
				fc := fn.code
				need := fc.NumRegs + fc.MaxStack
				chunk := t.chunks[t.chunk]
				if npool == 0 || t.chunkTop+need > len(chunk) {
					break fast
				}
				t.ticks++
				nf := t.framePool[npool-1]
				t.framePool[npool-1] = nil
				t.framePool = t.framePool[:npool-1]
				nregs := chunk[t.chunkTop : t.chunkTop+need : t.chunkTop+need]
				t.chunkTop += need
				nf.regs, nf.code, nf.module = nregs, fc, fn.module
				nf.sp, nf.pc = int32(fc.NumRegs), 0
				for i := first; i < sp; i++ {
					nregs[i-first] = regs[i]
				}
				for i := base; i < sp; i++ {
					regs[i] = Value{}
				}
				f.pc, f.sp = pc+1, int32(base)
				nf.back = f
				t.frame = nf
				t.depth++
				f = nf
				continue loop
			}
			ins := code[pc]
			pc++
			arg := int(ins >> 8)
			switch Opcode(ins & 0xff) {
			case OpNop:
			// LOAD_CONST, STORE_FAST and POP_TOP run only in the fast loop.
			case OpLoadFast:
				// Only an unbound local gets here (the fast loop runs the rest).
				f.pc, f.sp = pc, int32(sp)
				err = Errorf(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", f.code.LocalNames[arg])
				goto fail

			case OpRotTwo:
				regs[sp-1], regs[sp-2] = regs[sp-2], regs[sp-1]
			case OpRotThree:
				regs[sp-1], regs[sp-2], regs[sp-3] = regs[sp-2], regs[sp-3], regs[sp-1]
			case OpDupTop:
				regs[sp] = regs[sp-1]
				sp++
			case OpDupTopTwo:
				regs[sp] = regs[sp-2]
				regs[sp+1] = regs[sp-1]
				sp += 2
			case OpDeleteFast:
				if regs[arg].IsUndef() {
					f.pc, f.sp = pc, int32(sp)
					err = Errorf(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", f.code.LocalNames[arg])
					goto fail
				}
				regs[arg] = Undef
			case OpLoadDeref:
				v := regs[arg].o.(*Cell).v
				if v.IsUndef() {
					f.pc, f.sp = pc, int32(sp)
					err = t.unboundDeref(f, arg)
					goto fail
				}
				regs[sp] = v
				sp++
			case OpStoreDeref:
				sp--
				regs[arg].o.(*Cell).v = regs[sp]
				regs[sp] = Undef
			case OpDeleteDeref:
				cell := regs[arg].o.(*Cell)
				if cell.v.IsUndef() {
					f.pc, f.sp = pc, int32(sp)
					err = t.unboundDeref(f, arg)
					goto fail
				}
				cell.v = Undef
			case OpLoadClosure:
				regs[sp] = regs[arg]
				sp++
			case OpLoadClassDeref:
				name := f.code.Names[arg>>12]
				if v, ok, e := f.classNS().get(t, name); e != nil {
					f.pc, f.sp = pc, int32(sp)
					err = e
					goto fail
				} else if ok {
					regs[sp] = v
				} else {
					v := regs[arg&0xfff].o.(*Cell).v
					if v.IsUndef() {
						f.pc, f.sp = pc, int32(sp)
						err = withName(Errorf(NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name), name)
						goto fail
					}
					regs[sp] = v
				}
				sp++
			case OpLoadGlobal:
				v := f.module.vals[arg]
				if v.IsUndef() {
					name := f.module.order[arg]
					var ok bool
					v, ok = f.module.builtinFor(arg, t.interp.builtins)
					if !ok {
						f.pc, f.sp = pc, int32(sp)
						err = nameError(name)
						goto fail
					}
				}
				regs[sp] = v
				sp++
			case OpStoreGlobal:
				sp--
				if f.module.dict == nil {
					f.module.vals[arg] = regs[sp]
				} else {
					f.module.storeSlot(arg, regs[sp])
				}
				regs[sp] = Undef
			case OpDeleteGlobal:
				if f.module.vals[arg].IsUndef() {
					f.pc, f.sp = pc, int32(sp)
					err = nameError(f.module.order[arg])
					goto fail
				}
				f.module.deleteSlotIndex(arg)
			case OpLoadName:
				name := f.code.Names[arg]
				v, ok, e := f.classNS().get(t, name)
				if e != nil {
					f.pc, f.sp = pc, int32(sp)
					err = e
					goto fail
				}
				if !ok {
					v, ok = f.module.Get(name)
					if !ok {
						v, ok = t.interp.builtins.Get(name)
					}
					if !ok {
						f.pc, f.sp = pc, int32(sp)
						err = nameError(name)
						goto fail
					}
				}
				regs[sp] = v
				sp++
			case OpStoreName:
				sp--
				if e := f.classNS().set(t, f.code.Names[arg], regs[sp]); e != nil {
					f.pc, f.sp = pc, int32(sp+1)
					err = e
					goto fail
				}
				regs[sp] = Undef
			case OpDeleteName:
				name := f.code.Names[arg]
				if ok, e := f.classNS().del(t, name); e != nil || !ok {
					f.pc, f.sp = pc, int32(sp)
					err = e
					if e == nil {
						err = nameError(name)
					}
					goto fail
				}

			case OpBinaryOp:
				// Small ints and floats were handled in the fast loop.
				a, b := regs[sp-2], regs[sp-1]
				f.pc, f.sp = pc, int32(sp)
				r, e := t.binaryOp(arg, a, b)
				if e != nil {
					err = e
					goto fail
				}
				sp--
				regs[sp-1] = r
				regs[sp] = Undef
			case OpCompareOp:
				// Small ints and floats ran in the fast loop.
				a, b := regs[sp-2], regs[sp-1]
				f.pc, f.sp = pc, int32(sp)
				r, e := t.compareOp(arg, a, b)
				if e != nil {
					err = e
					goto fail
				}
				sp--
				regs[sp-1] = r
				regs[sp] = Undef
			case OpIsOp:
				r := regs[sp-2].Is(regs[sp-1])
				if arg == 1 {
					r = !r
				}
				sp--
				regs[sp-1] = Bool(r)
				regs[sp] = Undef
			case OpContainsOp:
				f.pc, f.sp = pc, int32(sp)
				r, e := t.Contains(regs[sp-1], regs[sp-2])
				if e != nil {
					err = e
					goto fail
				}
				if arg == 1 {
					r = !r
				}
				sp--
				regs[sp-1] = Bool(r)
				regs[sp] = Undef
			case OpUnaryNot:
				v := regs[sp-1]
				if v.isBool() {
					regs[sp-1] = Bool(v.n == 0)
					continue
				}
				f.pc, f.sp = pc, int32(sp)
				b, e := t.Truth(v)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = Bool(!b)
			case OpUnaryNeg, OpUnaryPos, OpUnaryInvert:
				f.pc, f.sp = pc, int32(sp)
				r, e := t.unaryOp(Opcode(ins&0xff), regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = r

			case OpJump:
				if arg < pc {
					f.pc, f.sp = pc, int32(sp)
					if err = t.checkpoint(); err != nil {
						goto fail
					}
				}
				pc = arg
			case OpPopJumpIfFalse, OpPopJumpIfTrue:
				sp--
				v := regs[sp]
				regs[sp] = Undef
				var b bool
				if v.isBool() {
					b = v.n != 0
				} else {
					f.pc, f.sp = pc, int32(sp)
					var e error
					b, e = t.Truth(v)
					if e != nil {
						err = e
						goto fail
					}
				}
				if b == (Opcode(ins&0xff) == OpPopJumpIfTrue) {
					pc = arg
				}
			case OpJumpIfFalseOrPop, OpJumpIfTrueOrPop:
				v := regs[sp-1]
				f.pc, f.sp = pc, int32(sp)
				b, e := t.Truth(v)
				if e != nil {
					err = e
					goto fail
				}
				if b == (Opcode(ins&0xff) == OpJumpIfTrueOrPop) {
					pc = arg
				} else {
					sp--
					regs[sp] = Undef
				}

			case OpGetIter:
				v := regs[sp-1]
				if code[pc]&0xff == uint32(OpForIter) {
					// (Only then: loopIter takes an iterator from the pool.)
					if it, ok := t.loopIter(v); ok {
						regs[sp-1] = Obj(it)
						continue
					}
				}
				f.pc, f.sp = pc, int32(sp)
				it, e := t.Iter(v)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = it
			case OpForIter:
				it := regs[sp-1]
				{
					// The built-in sequence iterators run inline: a list,
					// tuple or range iterator with items left goes back to
					// the fast loop, which hands them out; a set iterator
					// pushes its item here (as do str and dict iterators the
					// fast loop left). Exhausted, they leave the loop.
					exhausted := false
					var item Value // a following STORE_FAST runs in the fast loop
					switch o := it.o.(type) {
					case *rangeIter:
						if o.i < o.n {
							pc--
							continue
						}
						if exhausted = true; o.loop {
							t.doneRangeIter(o)
						}
					case *listIter:
						if o.i < len(o.l.items) {
							pc--
							continue
						}
						o.i = 1 << 62
						if exhausted = true; o.loop {
							t.doneListIter(o)
						}
					case *seqIter:
						if o.i < len(o.items) {
							pc--
							continue
						}
						if exhausted = true; o.loop {
							t.doneSeqIter(o)
						}
					case *setIter:
						item, exhausted = o.nextInline() // a changed size raises below
						if exhausted && o.loop {
							t.doneSetIter(o)
						}
					case *strIter:
						item = o.nextInline()
						exhausted = item.IsUndef()
					case *dictIter:
						if o.kind == 2 && code[pc] == uint32(OpUnpackSequence)|2<<8 {
							// `for k, v in d.items()`: both halves, no tuple,
							// and the unpack is skipped.
							var k, v Value
							k, v, exhausted = o.nextPairInline() // a changed size raises below
							if !k.IsUndef() {
								regs[sp], regs[sp+1] = v, k
								sp += 2
								pc++
								continue
							}
							break
						}
						item, exhausted = o.nextInline() // a changed size raises below
					}
					if !item.IsUndef() {
						regs[sp] = item
						sp++
						continue
					}
					if exhausted {
						sp--
						regs[sp] = Undef
						pc = arg
						continue
					}
					switch o := it.o.(type) {
					case *Generator:
						if o.kind == FlagGenerator {
							f.pc, f.sp = pc, int32(sp)
							if e := t.pushResume(o, modeForIter, None, nil); e != nil {
								if e == errExhausted {
									sp--
									regs[sp] = Undef
									pc = arg
									continue
								}
								err = e
								goto fail
							}
							f = t.frame
							continue loop
						}
					}
				}
				f.pc, f.sp = pc, int32(sp)
				if it.isObj() && code[pc] == uint32(OpUnpackSequence)|2<<8 {
					// `for a, b in …`: a pair iterator hands both halves
					// over without building the tuple, and the unpack is
					// skipped.
					a, b, ok, handled, e := nextPair(t, it)
					if handled {
						if e != nil {
							err = e
							goto fail
						}
						if !ok {
							sp--
							regs[sp] = Undef
							pc = arg
							continue
						}
						regs[sp], regs[sp+1] = b, a
						sp += 2
						pc++
						continue
					}
				}
				v, ok, e := t.Next(it)
				if e != nil {
					err = e
					goto fail
				}
				if !ok {
					sp--
					regs[sp] = Undef
					pc = arg
					continue
				}
				regs[sp] = v
				sp++

			case OpLoadAttr:
				f.pc, f.sp = pc, int32(sp)
				if inst, ok := regs[sp-1].o.(*Instance); ok {
					if ce, hit := f.code.attrEntry(pc-1, inst.cls); hit {
						if ce.plain {
							if v, ok := ce.loadAttr(inst, regs[sp-1], f.code.Names[arg]); ok {
								regs[sp-1] = v
								continue
							}
						} else if ce.slot > 0 {
							if v, ok := inst.attrs.slotGet(int(ce.slot - 1)); ok {
								regs[sp-1] = v
								continue
							}
						} else if ce.prop != nil {
							// A property with a script getter: the getter runs
							// as a frame of this loop, its result replacing
							// the instance on the stack (no Go-level call).
							if fn, ok := ce.prop.fget.o.(*Function); ok && fn.code.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen) == 0 {
								if err = t.callPrologue(); err != nil {
									goto fail
								}
								nf, e := t.setupFrame(fn, regs[sp-1:sp], nil, false)
								if e != nil {
									err = e
									goto fail
								}
								t.pushCall(f, nf, sp-1)
								f = nf
								continue loop
							}
						}
					} else if !t.interp.cfg.NoInlineCaches {
						f.code.fillAttrCache(pc-1, inst.cls, f.code.Names[arg])
					}
				}
				v, e := t.GetAttr(regs[sp-1], f.code.Names[arg])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = v
			case OpStoreAttr:
				f.pc, f.sp = pc, int32(sp)
				if inst, ok := regs[sp-1].o.(*Instance); ok {
					ce, _ := f.code.attrEntry(pc-1, inst.cls)
					if !ce.storeAttr(inst, regs[sp-2]) {
						before := inst.attrs.shape
						if e := t.SetAttr(regs[sp-1], f.code.Names[arg], regs[sp-2]); e != nil {
							err = e
							goto fail
						}
						if !t.interp.cfg.NoInlineCaches {
							f.code.fillStoreCache(pc-1, inst, before, f.code.Names[arg])
						}
					}
				} else if e := t.SetAttr(regs[sp-1], f.code.Names[arg], regs[sp-2]); e != nil {
					err = e
					goto fail
				}
				sp -= 2
				regs[sp], regs[sp+1] = Undef, Undef
			case OpDeleteAttr:
				f.pc, f.sp = pc, int32(sp)
				if e := t.DelAttr(regs[sp-1], f.code.Names[arg]); e != nil {
					err = e
					goto fail
				}
				sp--
				regs[sp] = Undef
			case OpLoadMethod:
				f.pc, f.sp = pc, int32(sp)
				if inst, ok := regs[sp-1].o.(*Instance); ok {
					if ce, hit := f.code.attrEntry(pc-1, inst.cls); hit {
						if fn, ok := ce.v.o.(*Function); ok && ce.plain {
							shadow := false
							switch i := ce.instSlot(inst, f.code.Names[arg]); {
							case i >= 0:
								shadow = true
							case i == -2:
								_, shadow = inst.attrs.get(f.code.Names[arg])
							}
							if !shadow {
								regs[sp] = regs[sp-1]
								regs[sp-1] = Obj(fn)
								sp++
								continue
							}
						}
					} else if !t.interp.cfg.NoInlineCaches {
						f.code.fillAttrCache(pc-1, inst.cls, f.code.Names[arg])
					}
				} else if cls := builtinMethodClass(regs[sp-1]); cls != nil {
					// Methods of built-in and native types: their classes never
					// change, so the instruction remembers the method found.
					ce := f.code.attrCache(pc - 1)
					if ce.cls != cls && !t.interp.cfg.NoInlineCaches {
						ce.cls, ce.v = cls, Undef
						if attr, ok := cls.Lookup(f.code.Names[arg]); ok && attr.isObj() {
							if b, isB := attr.o.(*Builtin); isB && b.owner != nil {
								ce.v = attr
							}
						}
					}
					if !ce.v.IsUndef() {
						regs[sp] = regs[sp-1]
						regs[sp-1] = ce.v
						sp++
						continue
					}
				}
				m, self, e := t.loadMethod(regs[sp-1], f.code.Names[arg])
				if e != nil {
					err = e
					goto fail
				}
				if self.IsUndef() {
					regs[sp-1] = Undef
					regs[sp] = m
				} else {
					regs[sp-1] = m
					regs[sp] = self
				}
				sp++
			case OpBinarySubscr:
				// list[int] and tuple[int] in range ran in the fast loop.
				f.pc, f.sp = pc, int32(sp)
				v, e := t.GetItem(regs[sp-2], regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				sp--
				regs[sp-1] = v
				regs[sp] = Undef
			case OpStoreSubscr:
				f.pc, f.sp = pc, int32(sp)
				if e := t.SetItem(regs[sp-2], regs[sp-1], regs[sp-3]); e != nil {
					err = e
					goto fail
				}
				sp -= 3
				regs[sp], regs[sp+1], regs[sp+2] = Undef, Undef, Undef
			case OpDeleteSubscr:
				f.pc, f.sp = pc, int32(sp)
				if e := t.DelItem(regs[sp-2], regs[sp-1]); e != nil {
					err = e
					goto fail
				}
				sp -= 2
				regs[sp], regs[sp+1] = Undef, Undef
			case OpBuildSlice:
				if arg == 2 && Opcode(code[pc]&0xff) == OpBinarySubscr {
					// seq[lo:hi] on a list or tuple with int/None bounds:
					// no slice object, no GetItem dispatch.
					if r, ok := sliceSeq(regs[sp-3], regs[sp-2], regs[sp-1]); ok {
						sp -= 2
						regs[sp-1] = r
						regs[sp], regs[sp+1] = Undef, Undef
						pc++
						continue
					}
				}
				var step Value = None
				if arg == 3 {
					sp--
					step = regs[sp]
				}
				s := &SliceObj{start: regs[sp-2], stop: regs[sp-1], step: step}
				sp--
				regs[sp-1] = Obj(s)
				regs[sp] = Undef

			case OpBuildTuple:
				tp := newTupleOf(regs[sp-arg : sp])
				clearRegs(regs[sp-arg : sp])
				sp -= arg
				regs[sp] = Obj(tp)
				sp++
			case OpBuildList:
				items := make([]Value, arg)
				copy(items, regs[sp-arg:sp])
				clearRegs(regs[sp-arg : sp])
				sp -= arg
				regs[sp] = Obj(NewList(items))
				sp++
			case OpBuildSet:
				f.pc, f.sp = pc, int32(sp)
				s := newSetFor(arg)
				for _, v := range regs[sp-arg : sp] {
					if e := s.Add(t, v); e != nil {
						err = e
						goto fail
					}
				}
				clearRegs(regs[sp-arg : sp])
				sp -= arg
				regs[sp] = Obj(s)
				sp++
			case OpBuildMap:
				f.pc, f.sp = pc, int32(sp)
				d := NewDictSized(arg) // a literal's size is known: no regrowth while filling
				for i := sp - 2*arg; i < sp; i += 2 {
					if e := d.Set(t, regs[i], regs[i+1]); e != nil {
						err = e
						goto fail
					}
				}
				clearRegs(regs[sp-2*arg : sp])
				sp -= 2 * arg
				regs[sp] = Obj(d)
				sp++
			case OpListAppend:
				sp--
				l := regs[sp-arg].o.(*List)
				if len(l.items) == cap(l.items) && len(l.items) >= growCheckMin {
					if e := t.GrowCheck(len(l.items), cap(l.items), SizeValue); e != nil {
						f.pc, f.sp = pc, int32(sp)
						err = e
						goto fail
					}
				}
				if cap(l.items) == 0 {
					// A comprehension's first item: size the list from what
					// is left of the loop's iterator (just above the list),
					// so that it is not reallocated at 4, 8, 16, … items.
					// A filtered or nested one may keep few items: at most
					// 256 slots then; one that appends an item per
					// iteration gets them all, up to where GrowCheck starts.
					if n := remainingHint(regs[sp-arg+1]); n > 0 {
						limit := 256
						if f.code.Flags&FlagCompOneEach != 0 {
							limit = growCheckMin
						}
						l.items = make([]Value, 0, min(n+1, limit))
					}
				}
				l.items = appendValue(l.items, regs[sp])
				regs[sp] = Undef
			case OpSetAdd:
				sp--
				f.pc, f.sp = pc, int32(sp)
				if e := regs[sp-arg].o.(*Set).Add(t, regs[sp]); e != nil {
					err = e
					goto fail
				}
				regs[sp] = Undef
			case OpMapAdd:
				sp -= 2
				f.pc, f.sp = pc, int32(sp)
				if f.code.Flags&FlagCompOneEach != 0 {
					// A dict comprehension adding an item per iteration:
					// at its first item, room for what its iterator has
					// left, so the table is not rebuilt at 10, 21, 42, …
					if d := regs[sp-arg].o.(*Dict); d.live == 0 && cap(d.entries) == 0 {
						if n := remainingHint(regs[sp-arg+1]); n > smallDictMax {
							d.resize(min(n+1, growCheckMin))
						}
					}
				}
				if e := regs[sp-arg].o.(*Dict).Set(t, regs[sp], regs[sp+1]); e != nil {
					err = e
					goto fail
				}
				regs[sp], regs[sp+1] = Undef, Undef
			case OpListExtend:
				sp--
				f.pc, f.sp = pc, int32(sp)
				depth := arg &^ listExtendCall
				l := regs[sp-depth].o.(*List)
				if e := t.Iterate(regs[sp], func(v Value) error {
					if err := t.GrowCheck(len(l.items), cap(l.items), SizeValue); err != nil {
						return err
					}
					l.items = appendValue(l.items, v)
					return nil
				}); e != nil {
					err = e
					if IsInstanceOf(e, TypeError) && !t.isIterable(regs[sp]) {
						if arg&listExtendCall != 0 {
							err = t.starArgError(regs[sp-depth-1], regs[sp])
						} else {
							err = Errorf(TypeError, "Value after * must be an iterable, not %s", regs[sp].TypeName())
						}
					}
					goto fail
				}
				regs[sp] = Undef
			case OpSetUpdate:
				sp--
				f.pc, f.sp = pc, int32(sp)
				s := regs[sp-arg].o.(*Set)
				if e := s.update(t, regs[sp]); e != nil {
					err = e
					goto fail
				}
				regs[sp] = Undef
			case OpDictUpdate, OpDictMerge:
				sp--
				f.pc, f.sp = pc, int32(sp)
				d := regs[sp-arg].o.(*Dict)
				if e := t.dictMerge(d, regs[sp], Opcode(ins&0xff) == OpDictMerge); e != nil {
					err = e
					if Opcode(ins&0xff) == OpDictMerge {
						// The callee is below the args tuple and the dict.
						err = t.kwargsError(e, regs[sp-arg-2], regs[sp])
					}
					goto fail
				}
				regs[sp] = Undef
			case OpListToTuple:
				l := regs[sp-1].o.(*List)
				regs[sp-1] = Obj(NewTuple(l.items))
			case OpBuildString:
				if arg == 1 {
					continue // already the string
				}
				r := buildStr(regs[sp-arg : sp]) // one allocation (str_alloc.go)
				clearRegs(regs[sp-arg : sp])
				sp -= arg
				regs[sp] = Obj(r)
				sp++
			case OpFormatValue:
				f.pc, f.sp = pc, int32(sp)
				spec := ""
				if arg&4 != 0 {
					sp--
					spec = regs[sp].o.(*StrObj).s
					regs[sp] = Undef
				}
				v := regs[sp-1]
				if arg&3 == 0 && spec == "" {
					// f"{x}" of a str is x itself; of an int, its digits.
					if _, isStr := v.o.(*StrObj); isStr {
						continue
					}
					if v.isInt() {
						regs[sp-1] = Obj(intStr(v.AsInt()))
						continue
					}
				}
				s, e := t.formatValue(v, arg&3, spec)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = Str(s)
			case OpUnpackSequence:
				f.pc, f.sp = pc, int32(sp)
				seq := regs[sp-1]
				{
					if tp, ok := seq.o.(*Tuple); ok && len(tp.items) == arg {
						sp--
						for i := arg - 1; i >= 0; i-- {
							regs[sp] = tp.items[i]
							sp++
						}
						continue
					}
					if st, ok := asSet(seq); ok && st.used == arg {
						// A set of the right size unpacks from its table in
						// iteration order, with no items slice.
						sp--
						st.itemsReversed(regs[sp : sp+arg])
						sp += arg
						continue
					}
				}
				items, e := t.unpackN(seq, arg, -1, 0)
				if e != nil {
					err = e
					goto fail
				}
				sp--
				for i := len(items) - 1; i >= 0; i-- {
					regs[sp] = items[i]
					sp++
				}
			case OpUnpackEx:
				f.pc, f.sp = pc, int32(sp)
				before, after := arg&0xff, arg>>8
				items, e := t.unpackN(regs[sp-1], before+after, before, after)
				if e != nil {
					err = e
					goto fail
				}
				sp--
				for i := len(items) - 1; i >= 0; i-- {
					regs[sp] = items[i]
					sp++
				}

			case OpCallComp:
				// A comprehension's code called with its iterator and cells
				// (comp_call.go): a generator expression's generator is
				// pushed; the others run as a call.
				f.pc, f.sp = pc, int32(sp)
				code := f.code.Consts[arg&0xffff].o.(*Code)
				n := arg >> 16
				base := sp - n - 1
				if code.Flags&FlagGenerator != 0 {
					g := newCompGenerator(t.compFrame(f, code, base, n))
					clearRegs(regs[base:sp])
					sp = base
					regs[sp] = Obj(g)
					sp++
					continue
				}
				if err = t.callPrologue(); err != nil {
					goto fail
				}
				nf := t.compFrame(f, code, base, n)
				t.pushCall(f, nf, base)
				f = nf
				continue loop
			case OpMakeFunction:
				top := sp
				sp--
				code := regs[sp].o.(*Code)
				fn := &Function{code: code, name: code.Name, qualname: code.QualName, module: f.module, doc: code.Doc}
				if arg&mfClosure != 0 {
					sp--
					// The tuple was built for this instruction alone: its
					// items (the cells) are the closure, with no copy.
					fn.closure = regs[sp].o.(*Tuple).items
				}
				if arg&mfAnnotations != 0 {
					sp--
					fn.annotation = regs[sp]
				}
				if arg&mfKwDefaults != 0 {
					sp--
					d := regs[sp].o.(*Dict)
					fn.kwdefaults = map[string]Value{}
					d.Items(func(k, v Value) bool { fn.kwdefaults[k.o.(*StrObj).s] = v; return true })
				}
				if arg&mfDefaults != 0 {
					sp--
					fn.defaults = regs[sp].o.(*Tuple).items
				}
				clearRegs(regs[sp:top])
				regs[sp] = Obj(fn)
				sp++

			case OpCall, OpCallMethod, OpCallKw:
				var callee Value
				var args []Value
				var kw []KV
				base := 0 // stack index where the result goes
				n := arg
				op := Opcode(ins & 0xff)
				if op == OpCallKw {
					sp--
					names := regs[sp].o.(*Tuple).items
					regs[sp] = Undef
					nkw := len(names)
					if _, isFn := regs[sp-arg-1].o.(*Function); isFn {
						// A script function's frame setup consumes the
						// keywords before any script code runs, so they can
						// live in the thread's scratch slice (no allocation).
						if cap(t.kwScratch) < nkw {
							t.kwScratch = make([]KV, nkw)
						}
						kw = t.kwScratch[:nkw]
					} else {
						kw = make([]KV, nkw)
					}
					for i, nm := range names {
						kw[i] = KV{Name: nm.o.(*StrObj).s, Val: regs[sp-nkw+i]}
					}
					n -= nkw
					base = sp - arg - 1
					callee = regs[base]
					args = regs[base+1 : base+1+n]
				} else if op == OpCallMethod {
					base = sp - n - 2
					if regs[base].IsUndef() {
						callee = regs[base+1]
						args = regs[base+2 : sp]
					} else {
						callee = regs[base]
						args = regs[base+1 : sp]
					}
				} else {
					base = sp - n - 1
					callee = regs[base]
					args = regs[base+1 : sp]
				}
				var r Value
				var e error
				if b, ok := callee.o.(*Builtin); ok && op != OpCallKw && b != builtinNext && b != genSendMethod && b.direct(args) {
					// A built-in function, or a method of a built-in type on
					// its own type, first thing: called bare (dispatch runs
					// under execute's panic guard, which wants its name).
					f.pc, f.sp = pc, int32(sp)
					prev := t.inBuiltin
					t.inBuiltin = b.Name
					r, e = b.Fn(t, args, nil)
					t.inBuiltin = prev
					goto called
				}
				// Bound methods of script functions: call the function with self prepended,
				// reusing the callee slot for self (no allocation).
				if op != OpCallKw {
					if bm, ok := callee.o.(*BoundMethod); ok {
						if _, isFn := bm.Fn.o.(*Function); isFn {
							slot := sp - len(args) - 1
							regs[slot] = bm.Self
							callee = bm.Fn
							args = regs[slot:sp]
						}
					}
				}
				{
					if cls, ok := callee.o.(*Class); ok && !t.interp.cfg.NoInlineCaches {
						if init := cls.plainInit(); init != nil {
							// Instantiate inline: the instance takes the slot just
							// before the arguments and becomes __init__'s self.
							f.pc, f.sp = pc, int32(sp)
							if err = t.callPrologue(); err != nil {
								goto fail
							}
							inst := NewInstance(cls)
							slot := sp - len(args) - 1
							if op == OpCallKw {
								slot = base
							}
							regs[slot] = Obj(inst)
							var nf *Frame
							if ic := init.code; ic.simpleCall && len(kw) == 0 && ic.ArgCount == 1+len(args) {
								nf = t.plainFrame(init)
								copyRegs(nf.regs, regs[slot:slot+1+len(args)])
							} else if nf, err = t.setupFrame(init, regs[slot:slot+1+len(args)], kw, false); err != nil {
								goto fail
							}
							nf.setInitInstance(inst)
							t.pushCall(f, nf, base)
							f = nf
							continue loop
						}
					}
					if fn, ok := callee.o.(*Function); ok && fn.code.simpleCall && len(args) == fn.code.ArgCount && len(kw) == 0 {
						// Fast path: positional call of a plain function.
						f.pc, f.sp = pc, int32(sp)
						if err = t.callPrologue(); err != nil {
							goto fail
						}
						nf := t.plainFrame(fn)
						copyRegs(nf.regs, args)
						t.pushCall(f, nf, base)
						f = nf
						continue loop
					}
					if fn, ok := callee.o.(*Function); ok && fn.code.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen) == FlagCoroutine && Opcode(code[pc]&0xff) == OpGetAwaitable && !t.interp.cfg.NoInlineCaches {
						// `await f(...)`: the coroutine is awaited at once and
						// nothing else can see it, so it comes from the thread's
						// pool and returns there when it finishes.
						f.pc, f.sp = pc, int32(sp)
						g, e := t.awaitedCoroutine(fn, args, kw)
						if e != nil {
							err = e
							goto fail
						}
						clearRegs(regs[base:sp])
						sp = base
						regs[sp] = Obj(g)
						sp++
						continue
					}
					if fn, ok := callee.o.(*Function); ok && fn.code.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGen) == 0 {
						f.pc, f.sp = pc, int32(sp)
						if err = t.callPrologue(); err != nil {
							goto fail
						}
						nf, e := t.setupFrame(fn, args, kw, false)
						if e != nil {
							err = e
							goto fail
						}
						t.pushCall(f, nf, base)
						f = nf
						continue loop
					}
				}
				if b, ok := callee.o.(*Builtin); ok && len(kw) == 0 {
					if g, sent := inlineResume(b, args); g != nil {
						// next(g) / g.send(v): g's frame runs next in this
						// loop; its yield lands where the call's result goes.
						clearRegs(regs[base:sp])
						sp = base
						f.pc, f.sp = pc, int32(sp)
						if err = t.pushResume(g, modeNext, sent, nil); err != nil {
							goto fail
						}
						f = t.frame
						code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
						continue
					}
				}
				f.pc, f.sp = pc, int32(sp)
				if b, ok := callee.o.(*Builtin); ok && b.direct(args) {
					prev := t.inBuiltin
					t.inBuiltin = b.Name
					r, e = b.Fn(t, args, kw)
					t.inBuiltin = prev
				} else {
					r, e = t.Call(callee, args, kw)
				}
			called:
				if e != nil {
					t.holdCoroutines(e, args)
					err = e
					goto fail
				}
				clearRegs(regs[base:sp])
				sp = base
				regs[sp] = r
				sp++
			case OpCallEx:
				f.pc, f.sp = pc, int32(sp)
				var kwv Value
				if arg == 1 {
					sp--
					kwv = regs[sp]
				}
				sp--
				argsv := regs[sp]
				sp--
				callee := regs[sp]
				var kw []KV
				if arg == 1 {
					kwv.o.(*Dict).Items(func(k, v Value) bool {
						kw = append(kw, KV{Name: k.o.(*StrObj).s, Val: v})
						return true
					})
				}
				r, e := t.Call(callee, argsv.o.(*Tuple).items, kw)
				clearRegs(regs[sp : sp+2+arg])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = r
				sp++

			case OpReturnValue:
				sp--
				v := regs[sp]
				regs[sp] = Undef
				if f.gen() != nil {
					f.pc, f.sp = pc, int32(sp)
					done, r, e := t.genReturn(f, v)
					if e != nil {
						err = e
						f = t.frame
						code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
						goto fail
					}
					if done {
						return r, nil
					}
					f = t.frame
					continue loop
				}
				back := f.back
				boundary := f.goBoundary
				inst := f.initInstance()
				if t.prof != nil {
					t.prof.Exit(t, f)
				}
				t.releaseFrame(f)
				t.depth--
				t.frame = back
				if boundary {
					return v, nil
				}
				f = t.frame
				if inst != nil {
					if !v.IsNone() {
						code, regs, sp, pc = f.code.Ops, f.regs, int(f.sp), f.pc
						err = Errorf(TypeError, "__init__() should return None, not '%s'", v.TypeName())
						goto fail
					}
					v = Obj(inst)
				}
				f.regs[f.sp] = v
				f.sp++
				continue loop

			case OpBuildClass:
				f.pc, f.sp = pc, int32(sp)
				r, e := t.buildClass(regs[sp-4], regs[sp-3], regs[sp-2], regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				clearRegs(regs[sp-4 : sp])
				sp -= 4
				regs[sp] = r
				sp++

			case OpSetupExcept, OpSetupFinally:
				f.pushBlock(block{kind: blockTry, handler: int32(arg), level: int32(sp)})
			case OpSetupAsyncWith:
				f.pushBlock(block{kind: blockTry, handler: int32(arg), level: int32(sp - 1)})
			case OpPopBlock:
				f.popBlock()
			case OpStartExcept:
				// The exception on top of the stack is now being handled.
				f.pushBlock(block{kind: blockExceptHandler, exc: regs[sp-1]})
			case OpPopExcept:
				bl := f.blockList()
				for i := len(bl) - 1; i >= 0; i-- {
					if bl[i].kind == blockExceptHandler {
						if inst, ok := bl[i].exc.o.(*Instance); ok && len(inst.exc().held) > 0 {
							f.pc, f.sp = pc, int32(sp)
							t.releaseHeld(inst)
						}
						f.blocks.b = append(bl[:i], bl[i+1:]...)
						break
					}
				}
			case OpJumpIfNotExcMatch:
				sp--
				cls := regs[sp]
				regs[sp] = Undef
				f.pc, f.sp = pc, int32(sp)
				ok, e := t.excMatches(regs[sp-1], cls)
				if e != nil {
					err = e
					goto fail
				}
				if !ok {
					pc = arg
				}
			case OpRaise:
				f.pc, f.sp = pc, int32(sp)
				err = t.doRaise(f, regs[sp-arg:sp], arg)
				clearRegs(regs[sp-arg : sp])
				sp -= arg
				if arg == 0 && t.handledException() != nil {
					reraise = true
				}
				goto fail
			case OpReraise:
				sp--
				err = regs[sp].o.(*Instance)
				regs[sp] = Undef
				f.pc, f.sp = pc, int32(sp)
				reraise = true
				goto fail
			case OpEndFinally:
				sp--
				v := regs[sp]
				regs[sp] = Undef
				if !v.IsNone() {
					f.pc, f.sp = pc, int32(sp)
					err = v.o.(*Instance)
					reraise = true
					goto fail
				}
			case OpSetupWith:
				f.pc, f.sp = pc, int32(sp)
				mgr := regs[sp-1]
				exit, enter, e := t.withEnter(mgr)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = exit
				f.pushBlock(block{kind: blockTry, handler: int32(arg), level: int32(sp)})
				regs[sp] = enter
				sp++
			case OpWithExit:
				f.pc, f.sp = pc, int32(sp)
				sp--
				exit := regs[sp]
				regs[sp] = Undef
				r, e := t.Call(exit, []Value{None, None, None}, nil)
				if e != nil {
					err = e
					goto fail
				}
				if arg == 1 {
					// async with: the awaitable returned by __aexit__ is awaited next.
					aw, e := t.getAwaitable(r)
					if e != nil {
						err = e
						goto fail
					}
					regs[sp] = aw
					sp++
				}
			case OpWithExcept:
				f.pc, f.sp = pc, int32(sp)
				exit := regs[sp-2]
				exc := regs[sp-1].o.(*Instance)
				tb, _ := t.excAttr(exc, "__traceback__")
				r, e := t.Call(exit, []Value{Obj(exc.cls), Obj(exc), tb}, nil)
				if e != nil {
					err = e
					goto fail
				}
				b, e := t.Truth(r)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = Bool(b)
				sp++

			case OpLoadAssertionError:
				regs[sp] = Obj(AssertionError)
				sp++
			case OpImportName:
				f.pc, f.sp = pc, int32(sp)
				sp -= 2
				fromlist, level := regs[sp], regs[sp+1]
				regs[sp], regs[sp+1] = Undef, Undef
				m, e := t.importName(f.code.Names[arg], fromlist, int(level.AsInt()), f.module)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = m
				sp++
			case OpImportFrom:
				f.pc, f.sp = pc, int32(sp)
				v, e := t.importFrom(regs[sp-1], f.code.Names[arg])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = v
				sp++
			case OpImportStar:
				f.pc, f.sp = pc, int32(sp)
				sp--
				if e := t.importStar(regs[sp], f.module); e != nil {
					err = e
					goto fail
				}
				regs[sp] = Undef
			case OpPrintExpr:
				sp--
				f.pc, f.sp = pc, int32(sp)
				if e := t.printExpr(regs[sp]); e != nil {
					err = e
					goto fail
				}
				regs[sp] = Undef

			case OpYieldValue:
				sp--
				v := regs[sp]
				regs[sp] = Undef
				f.pc, f.sp = pc, int32(sp)
				if f.gen().kind == FlagAsyncGen {
					v = Obj(&asyncGenValue{v: v})
				}
				if done := t.genYield(f, v); done {
					return v, nil
				}
				f = t.frame
				continue loop
			case OpGetYieldFromIter:
				v := regs[sp-1]
				if g, ok := v.o.(*Generator); ok {
					if g.kind == FlagCoroutine && f.code.Flags&FlagCoroutine == 0 && (f.gen() == nil || !f.gen().has(genIterableCoroutine)) {
						f.pc, f.sp = pc, int32(sp)
						err = Errorf(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
						goto fail
					}
					continue
				}
				if _, ok := v.o.(GoAwaitIter); ok {
					continue // a Go awaitable's __await__ is itself
				}
				f.pc, f.sp = pc, int32(sp)
				it, e := t.Iter(v)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = it
			case OpGetAwaitable:
				f.pc, f.sp = pc, int32(sp)
				aw, e := t.getAwaitable(regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = aw
			case OpYieldFrom:
				sub, sent := regs[sp-2], regs[sp-1]
				f.pc, f.sp = pc, int32(sp)
				if g, ok := sub.o.(*Generator); ok {
					// Delegate: push the sub-generator's frame on this chain.
					regs[sp-1], regs[sp-2] = Undef, Undef
					sp -= 2
					f.sp = int32(sp)
					if e := t.pushDelegate(f, g, sent); e != nil {
						if r, ok := e.(*returnValue); ok {
							regs[sp] = r.v
							sp++
							continue
						}
						err = e
						goto fail
					}
					f = t.frame
					continue loop
				}
				v, done, e := t.sendTo(sub, sent)
				if e != nil {
					err = e
					goto fail
				}
				if done {
					sp--
					regs[sp] = Undef
					regs[sp-1] = v
					continue
				}
				// The sub-iterator yielded: suspend this frame at the YIELD_FROM,
				// keeping sub on the stack; the sent value is pushed on resume.
				sp--
				regs[sp] = Undef
				pc--
				f.pc, f.sp = pc, int32(sp)
				if done := t.genYield(f, v); done {
					return v, nil
				}
				f = t.frame
				continue loop
			case OpGetAIter:
				f.pc, f.sp = pc, int32(sp)
				v, e := t.getAIter(regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = v
			case OpGetANext:
				f.pc, f.sp = pc, int32(sp)
				v, e := t.getANext(regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = v
				sp++
			case OpEndAsyncFor:
				sp--
				exc := regs[sp].o.(*Instance)
				regs[sp] = Undef
				if !exc.cls.IsSubclass(StopAsyncIteration) {
					f.pc, f.sp = pc, int32(sp)
					err = exc
					reraise = true
					goto fail
				}
				// leave the except-handler state opened by the handler entry
				sp--
				regs[sp] = Undef
			case OpBeforeAsyncWith:
				f.pc, f.sp = pc, int32(sp)
				exit, aw, e := t.asyncWithEnter(regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = exit
				regs[sp] = aw
				sp++
			case OpAsyncWithExcept:
				f.pc, f.sp = pc, int32(sp)
				exit := regs[sp-2]
				exc := regs[sp-1].o.(*Instance)
				r, e := t.Call(exit, []Value{Obj(exc.cls), Obj(exc), None}, nil)
				if e != nil {
					err = e
					goto fail
				}
				aw, e := t.getAwaitable(r)
				if e != nil {
					err = e
					goto fail
				}
				regs[sp] = aw
				sp++
			case OpCheckExcStar:
				f.pc, f.sp = pc, int32(sp)
				rest, match, e := t.exceptStarSplit(regs[sp-2], regs[sp-1])
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-2] = rest
				regs[sp-1] = match
			case OpPrepReraiseStar:
				f.pc, f.sp = pc, int32(sp)
				sp--
				r, e := t.prepReraiseStar(regs[sp-1], regs[sp].o.(*List).items)
				regs[sp] = Undef
				if e != nil {
					err = e
					goto fail
				}
				regs[sp-1] = r
			case OpReraiseStar:
				sp--
				err = regs[sp].o.(*Instance)
				regs[sp] = Undef
				f.pc, f.sp = pc, int32(sp)
				reraise = true
				goto fail
			default:
				f.pc, f.sp = pc, int32(sp)
				err = Errorf(SystemError, "unknown opcode %d", ins&0xff)
				goto fail
			}
			continue
		}
	fail:
	}
}

// unboundDeref is the error for reading an empty cell.
func (t *Thread) unboundDeref(f *Frame, slot int) error {
	name := f.code.LocalNames[slot]
	if slot >= f.code.FreeStart && slot < f.code.FreeStart+f.code.NumFrees {
		return withName(Errorf(NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name), name)
	}
	return Errorf(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
}

// handledException returns the exception currently being handled (for bare
// raise and implicit chaining), walking the frame chain.
// HandledException is the exception being handled (sys.exc_info()), or nil.
func (t *Thread) HandledException() *Instance { return t.handledException() }

func (t *Thread) handledException() *Instance {
	for f := t.frame; f != nil; f = f.back {
		bl := f.blockList()
		for i := len(bl) - 1; i >= 0; i-- {
			if bl[i].kind == blockExceptHandler {
				if inst, ok := bl[i].exc.o.(*Instance); ok {
					return inst
				}
			}
		}
	}
	return nil
}

// setContext links a newly raised exception to the one being handled.
func (t *Thread) setContext(exc *Instance) {
	h := t.handledException()
	if h == nil || h == exc {
		return
	}
	if exc.exc().context.IsUndef() || exc.exc().context.IsNone() {
		// Avoid cycles, as CPython does.
		for c := h; c != nil; {
			nx, ok := c.exc().context.o.(*Instance)
			if !ok || !c.exc().context.isObj() {
				break
			}
			if nx == exc {
				c.exc().context = None
				break
			}
			c = nx
		}
		exc.exc().context = Obj(h)
	}
}

// doRaise implements `raise`, `raise X`, `raise X from Y`.
func (t *Thread) doRaise(f *Frame, vals []Value, n int) error {
	if n == 0 {
		h := t.handledException()
		if h == nil {
			return Errorf(RuntimeError, "No active exception to reraise")
		}
		return h
	}
	exc, err := t.makeException(vals[0])
	if err != nil {
		return err
	}
	if n == 2 {
		cause := vals[1]
		if cause.IsNone() {
			exc.exc().cause = None
		} else {
			c, err := t.makeException(cause)
			if err != nil {
				return Errorf(TypeError, "exception causes must derive from BaseException")
			}
			exc.exc().cause = Obj(c)
		}
		exc.exc().suppressContext = true
	}
	t.setContext(exc)
	return exc
}

// makeException turns `raise X` operands into an instance: a class is called with no args.
func (t *Thread) makeException(v Value) (*Instance, error) {
	if v.isObj() {
		switch o := v.o.(type) {
		case *Instance:
			if o.exc() != nil {
				return o, nil
			}
		case *Class:
			if o.isExc {
				r, err := t.Call(v, nil, nil)
				if err != nil {
					return nil, err
				}
				if inst, ok := r.o.(*Instance); ok && inst.exc() != nil {
					return inst, nil
				}
			}
		}
	}
	return nil, Errorf(TypeError, "exceptions must derive from BaseException")
}

// excMatches implements the test of an except clause.
func (t *Thread) excMatches(excv, cls Value) (bool, error) {
	exc := excv.o.(*Instance)
	check := func(c Value) (bool, error) {
		k, ok := c.o.(*Class)
		if !ok || !c.isObj() || !k.isExc {
			return false, Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.cls.IsSubclass(k), nil
	}
	if tp, ok := cls.o.(*Tuple); ok {
		for _, c := range tp.items {
			m, err := check(c)
			if err != nil || m {
				return m, err
			}
		}
		return false, nil
	}
	return check(cls)
}
