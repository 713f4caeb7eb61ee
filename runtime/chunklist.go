package runtime

// ChunkList is a list kept in blocks of 512 entries, for the lists that
// grow to one entry per task or coroutine (a million at `gather(*(work(i)
// for i in range(10**6)))`): a growing array would copy itself over and
// over, leaving up to four times its size of garbage (append grows big
// slices by a quarter), where blocks are written once.
type ChunkList[T any] struct {
	blocks [][]T
	n      int
}

const chunkLen = 512

// Len returns the number of entries.
func (l *ChunkList[T]) Len() int { return l.n }

// Last returns the newest entry's slot (nil when empty).
func (l *ChunkList[T]) Last() *T {
	if l.n == 0 {
		return nil
	}
	i := l.n - 1
	return &l.blocks[i/chunkLen][i%chunkLen]
}

// Push appends v.
func (l *ChunkList[T]) Push(v T) {
	if l.n == len(l.blocks)*chunkLen {
		l.blocks = append(l.blocks, make([]T, chunkLen))
	}
	l.blocks[l.n/chunkLen][l.n%chunkLen] = v
	l.n++
}

// Keep drops the entries for which ok is false, in order, and the blocks
// that empties.
func (l *ChunkList[T]) Keep(ok func(T) bool) {
	j := 0
	for i := 0; i < l.n; i++ {
		v := l.blocks[i/chunkLen][i%chunkLen]
		if ok(v) {
			l.blocks[j/chunkLen][j%chunkLen] = v
			j++
		}
	}
	var zero T
	for i := j; i < l.n; i++ {
		l.blocks[i/chunkLen][i%chunkLen] = zero
	}
	l.n = j
	used := (j + chunkLen - 1) / chunkLen
	clear(l.blocks[used:])
	l.blocks = l.blocks[:used]
}

// All yields the entries in order.
func (l *ChunkList[T]) All() func(yield func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i := 0; i < l.n; i++ {
			if !yield(i, l.blocks[i/chunkLen][i%chunkLen]) {
				return
			}
		}
	}
}
