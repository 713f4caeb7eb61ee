# heapq for asy: a binary min-heap kept in a plain list, where every
# parent is not greater than its two children (a[i] <= a[2i+1], a[2i+2]).
#
# Callers can see more than the heap invariant: the list's layout after
# each call, and (through __lt__) every comparison made. So the one
# algorithm used everywhere is fixed: to refill a hole, walk it down to a
# leaf along the smaller child, drop the displaced item there, and let it
# climb back. Only "<" is ever used.
#
# The min-heap routines are written out for speed (heappush/heappop are
# hot); the max-heap ones behind nsmallest and merge(reverse=True) run the
# same walk through a generic version that is handed the ordering.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# --- argument checks, worded like CPython's C module ---
# Only heappush takes *args (its arity message is well known); the others
# keep plain signatures, since packing arguments would slow the hot calls.

def _typename(obj):
    return 'None' if obj is None else type(obj).__name__


def _not_list(fname, which, obj):
    return TypeError(f'{fname}() {which} must be list, not {_typename(obj)}')


# --- the min-heap walk ---

def _rise(heap, floor, pos):
    # The item at pos climbs while it is smaller than its parent, but not
    # above index floor.
    item = heap[pos]
    while pos > floor:
        up = (pos - 1) >> 1
        above = heap[up]
        if not item < above:
            break
        heap[pos] = above
        pos = up
    heap[pos] = item


def _refill(heap, pos):
    # heap[pos] is out of place: pull the smaller child up into its slot all
    # the way down to a leaf, then let the item settle upwards from there.
    size = len(heap)
    item = heap[pos]
    top = pos
    kid = pos + pos + 1
    while kid < size:
        if kid + 1 < size and not heap[kid] < heap[kid + 1]:
            kid += 1
        heap[pos] = heap[kid]
        pos = kid
        kid = pos + pos + 1
    heap[pos] = item
    _rise(heap, top, pos)


def heappush(*args):
    """Add item to the heap list, keeping it a heap."""
    if len(args) != 2:
        raise TypeError(f'heappush expected 2 arguments, got {len(args)}')
    heap, item = args
    if type(heap) is not list and not isinstance(heap, list):
        raise _not_list('heappush', 'argument 1', heap)
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    """Remove and return the heap's smallest item."""
    if type(heap) is not list and not isinstance(heap, list):
        raise _not_list('heappop', 'argument', heap)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _refill(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Return the smallest item and put item in its place (heap must not be empty)."""
    if type(heap) is not list and not isinstance(heap, list):
        raise _not_list('heapreplace', 'argument 1', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _refill(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Same result as heappush(heap, item) then heappop(heap), in one step."""
    if type(heap) is not list and not isinstance(heap, list):
        raise _not_list('heappushpop', 'argument 1', heap)
    # The item only enters when something smaller is there to leave.
    if not heap or not heap[0] < item:
        return item
    smallest = heap[0]
    heap[0] = item
    _refill(heap, 0)
    return smallest


def heapify(heap):
    """Rearrange the list in place into a heap, in linear time."""
    if type(heap) is not list and not isinstance(heap, list):
        raise _not_list('heapify', 'argument', heap)
    for pos in range(len(heap) // 2 - 1, -1, -1):
        _refill(heap, pos)


# --- the same walk for any ordering: before(a, b) says a goes nearer the top ---

def _rise_by(heap, floor, pos, before):
    item = heap[pos]
    while pos > floor:
        up = (pos - 1) >> 1
        if not before(item, heap[up]):
            break
        heap[pos] = heap[up]
        pos = up
    heap[pos] = item


def _refill_by(heap, pos, before):
    size = len(heap)
    item = heap[pos]
    top = pos
    kid = pos + pos + 1
    while kid < size:
        if kid + 1 < size and not before(heap[kid], heap[kid + 1]):
            kid += 1
        heap[pos] = heap[kid]
        pos = kid
        kid = pos + pos + 1
    heap[pos] = item
    _rise_by(heap, top, pos, before)


def _greater(a, b):
    return b < a


def _less(a, b):
    return a < b


def _refill_max(heap, pos):
    _refill_by(heap, pos, _greater)


def _heapify_max(x):
    """heapify for a heap with the largest item on top."""
    for pos in range(len(x) // 2 - 1, -1, -1):
        _refill_max(x, pos)


def _heappop_max(heap):
    """heappop for a heap with the largest item on top."""
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _refill_max(heap, 0)
    return largest


def _heapreplace_max(heap, item):
    """heapreplace for a heap with the largest item on top."""
    largest = heap[0]
    heap[0] = item
    _refill_max(heap, 0)
    return largest


# --- merge ---

def merge(*iterables, key=None, reverse=False):
    """Lazily merge already sorted iterables into one sorted iterator."""
    # A heap of [sort key, rank, value, iterator] cells, one per input that
    # still has items. Ranks are distinct (negated when reversed), so two
    # cells never compare beyond the rank and ties leave in input order.
    settle = _refill_max if reverse else _refill
    sign = -1 if reverse else 1
    cells = []
    for rank, source in enumerate(iterables):
        source = iter(source)
        for value in source:
            cells.append([value if key is None else key(value), rank * sign, value, source])
            break
    for pos in range(len(cells) // 2 - 1, -1, -1):
        settle(cells, pos)
    while len(cells) > 1:
        cell = cells[0]
        yield cell[2]
        for value in cell[3]:
            cell[0] = value if key is None else key(value)
            cell[2] = value
            settle(cells, 0)
            break
        else:
            # This input is done: the last cell takes its place.
            cells[0] = cells.pop()
            settle(cells, 0)
    if cells:
        # One input left: the rest of it passes through untouched (its
        # items are not even given to key).
        yield cells[0][2]
        yield from cells[0][3]


# --- nsmallest / nlargest ---

def _best(n, iterable, key, largest):
    # Shortcuts first: a single winner is min()/max(), and asking for at
    # least everything is a sort.
    if n == 1:
        missing = object()
        pick = max if largest else min
        if key is None:
            winner = pick(iterable, default=missing)
        else:
            winner = pick(iterable, default=missing, key=key)
        return [] if winner is missing else [winner]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]

    # The n best so far sit in a heap with the worst of them on top; a new
    # item enters only by beating that one. Entries carry a running count
    # after the sort key, so equal keys keep input order and the items
    # themselves are never compared (key given) or only first (no key).
    # For nlargest the count runs downwards, which keeps ties stable under
    # the final reverse sort.
    before, settle = (_less, _refill) if largest else (_greater, _refill_max)
    step = -1 if largest else 1
    source = iter(iterable)
    # zip takes the count first, so n <= 0 reads nothing from source.
    counts = range(0, -n, -1) if largest else range(n)
    if key is None:
        kept = [(item, count) for count, item in zip(counts, source)]
    else:
        kept = [(key(item), count, item) for count, item in zip(counts, source)]
    if not kept:
        return kept
    count = len(kept) * step
    for pos in range(len(kept) // 2 - 1, -1, -1):
        settle(kept, pos)
    worst = kept[0][0]
    for item in source:
        rank = item if key is None else key(item)
        if before(worst, rank):
            kept[0] = (item, count) if key is None else (rank, count, item)
            settle(kept, 0)
            worst = kept[0][0]
            count += step
    kept.sort(reverse=largest)
    return [entry[-1] for entry in kept] if key is not None else [entry[0] for entry in kept]


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first: sorted(iterable, key=key)[:n]."""
    return _best(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items, largest first: sorted(iterable, key=key, reverse=True)[:n]."""
    return _best(n, iterable, key, True)
