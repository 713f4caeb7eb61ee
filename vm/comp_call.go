package vm

// CALL_COMP: a comprehension or generator expression runs its code without
// a function object. Python 3.11 makes a function for each one and calls it
// at once; nothing can see that function (a generator keeps its code, a
// frame its module), so its allocation is skipped: the frame takes the
// iterator (the code's one parameter, `.0`) and the closure cells straight
// from the caller's stack.

// compFrame makes the frame of the comprehension code at f's constant
// k with the iterator at f.regs[base] and its n closure cells after it.
// A generator expression's frame owns its registers (its generator keeps
// them); the others take them from the value stack, as calls do.
func (t *Thread) compFrame(f *Frame, code *Code, base, n int) *Frame {
	nf := t.newFrame()
	size := code.NumRegs + code.MaxStack
	if code.Flags&FlagGenerator != 0 {
		nf.regs = t.ownedRegs(size)
		nf.stackOwned = true
	} else {
		nf.regs = t.allocRegs(size)
	}
	nf.code, nf.module = code, f.module
	nf.sp = int32(code.NumRegs)
	regs := nf.regs
	regs[0] = f.regs[base]
	for _, i := range code.CellSlots {
		regs[i] = Obj(&Cell{v: regs[i]})
	}
	copy(regs[code.FreeStart:code.FreeStart+n], f.regs[base+1:base+1+n])
	return nf
}

// newCompGenerator wraps a generator expression's fresh frame.
func newCompGenerator(nf *Frame) *Generator {
	g := &Generator{kind: FlagGenerator, frame: nf, names: nf.code.genNames}
	if g.names == nil {
		g.names = &genNames{code: nf.code}
	}
	nf.setGen(g)
	return g
}
