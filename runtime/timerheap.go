package runtime

// timerHeap orders timers by deadline, FIFO among equal deadlines: a binary
// heap whose array is a list of fixed blocks, so that growing it to a
// million timers (a million sleeping tasks) copies nothing and leaves no
// garbage behind, and shrinking it gives the blocks back.
type timerHeap struct {
	blocks []*timerBlock
	n      int
}

// timerBlockLen pointers make a block of 8 KB, a size class of Go's allocator.
const timerBlockLen = 1024

type timerBlock [timerBlockLen]*timerEntry

func (h *timerHeap) len() int { return h.n }

// top is the earliest timer; the heap must not be empty.
func (h *timerHeap) top() *timerEntry { return h.blocks[0][0] }

func (h *timerHeap) at(i int) *timerEntry { return h.blocks[i/timerBlockLen][i%timerBlockLen] }

func (h *timerHeap) set(i int, e *timerEntry) { h.blocks[i/timerBlockLen][i%timerBlockLen] = e }

// before reports whether a runs before b. seq wraps around: the difference
// is compared as signed, which is right while timers sharing a deadline
// were made fewer than 2**31 timers apart.
func before(a, b *timerEntry) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return int32(a.seq-b.seq) < 0
}

func (h *timerHeap) push(e *timerEntry) {
	if h.n == len(h.blocks)*timerBlockLen {
		h.blocks = append(h.blocks, new(timerBlock))
	}
	i := h.n
	h.n++
	for i > 0 {
		p := (i - 1) / 2
		pe := h.at(p)
		if !before(e, pe) {
			break
		}
		h.set(i, pe)
		i = p
	}
	h.set(i, e)
}

// pop removes and returns the earliest timer; the heap must not be empty.
func (h *timerHeap) pop() *timerEntry {
	top := h.top()
	h.n--
	last := h.at(h.n)
	h.set(h.n, nil)
	if h.n > 0 {
		i := 0
		for {
			c := 2*i + 1
			if c >= h.n {
				break
			}
			ce := h.at(c)
			if r := c + 1; r < h.n {
				if re := h.at(r); before(re, ce) {
					c, ce = r, re
				}
			}
			if !before(ce, last) {
				break
			}
			h.set(i, ce)
			i = c
		}
		h.set(i, last)
	}
	// Give back blocks two past the last one in use (one spare stays, so
	// a heap hovering at a block's edge does not allocate each time).
	if k := len(h.blocks); k > 1 && h.n < (k-2)*timerBlockLen+1 {
		h.blocks[k-1] = nil
		h.blocks = h.blocks[:k-1]
	}
	return top
}
