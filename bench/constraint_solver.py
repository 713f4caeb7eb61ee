# A small constraint solver: variables with finite domains, binary and all-different
# constraints, arc-consistency propagation (AC-3) and backtracking search with the
# minimum-remaining-values heuristic. It solves generated sudokus and graph colourings.
import random
from collections import deque


class Var:
    def __init__(self, name, domain):
        self.name = name
        self.domain = set(domain)
        self.constraints = []

    def __repr__(self):
        return f"Var({self.name!r})"


class NotEqual:
    """x != y, as a binary arc in both directions."""

    def __init__(self, x, y):
        self.x = x
        self.y = y
        x.constraints.append(self)
        y.constraints.append(self)

    def other(self, var):
        return self.y if var is self.x else self.x

    def revise(self, var):
        """Drops values of var that have no support in the other variable."""
        other = self.other(var).domain
        if len(other) != 1:
            return False
        (value,) = other
        if value in var.domain:
            var.domain.discard(value)
            return True
        return False


class Solver:
    def __init__(self, variables):
        self.variables = variables
        self.nodes = 0
        self.revisions = 0

    def propagate(self, queue):
        queue = deque(queue)
        while queue:
            var = queue.popleft()
            for c in var.constraints:
                other = c.other(var)
                if c.revise(other):
                    self.revisions += 1
                    if not other.domain:
                        return False
                    queue.append(other)
        return True

    def snapshot(self):
        return [set(v.domain) for v in self.variables]

    def restore(self, saved):
        for v, d in zip(self.variables, saved):
            v.domain = d

    def solve(self):
        if not self.propagate(v for v in self.variables if len(v.domain) == 1):
            return None
        return self._search()

    def count(self, limit):
        """Counts solutions, stopping at limit."""
        if not self.propagate(v for v in self.variables if len(v.domain) == 1):
            return 0
        return self._count(limit)

    def _count(self, limit):
        self.nodes += 1
        open_vars = [v for v in self.variables if len(v.domain) > 1]
        if not open_vars:
            return 1
        var = min(open_vars, key=lambda v: (len(v.domain), len(v.constraints)))
        found = 0
        for value in sorted(var.domain):
            saved = self.snapshot()
            var.domain = {value}
            if self.propagate([var]):
                found += self._count(limit - found)
            self.restore(saved)
            if found >= limit:
                break
        return found

    def _search(self):
        self.nodes += 1
        open_vars = [v for v in self.variables if len(v.domain) > 1]
        if not open_vars:
            return {v.name: next(iter(v.domain)) for v in self.variables}
        var = min(open_vars, key=lambda v: (len(v.domain), len(v.constraints)))
        for value in sorted(var.domain):
            saved = self.snapshot()
            var.domain = {value}
            if self.propagate([var]):
                result = self._search()
                if result is not None:
                    return result
            self.restore(saved)
        return None


def sudoku(givens):
    cells = {}
    for r in range(9):
        for c in range(9):
            g = givens.get((r, c))
            cells[r, c] = Var((r, c), [g] if g else range(1, 10))
    seen = set()
    for (r, c), var in cells.items():
        for (r2, c2), other in cells.items():
            same_unit = r == r2 or c == c2 or (r // 3 == r2 // 3 and c // 3 == c2 // 3)
            if same_unit and (r, c) < (r2, c2) and ((r, c), (r2, c2)) not in seen:
                seen.add(((r, c), (r2, c2)))
                NotEqual(var, other)
    return list(cells.values())


def make_givens(rng, keep):
    digits = list(range(1, 10))
    rng.shuffle(digits)
    rows = [b * 3 + r for b in rng.sample(range(3), 3) for r in rng.sample(range(3), 3)]
    cols = [b * 3 + c for b in rng.sample(range(3), 3) for c in rng.sample(range(3), 3)]
    full = {(r, c): digits[(rows[r] * 3 + rows[r] // 3 + cols[c]) % 9] for r in range(9) for c in range(9)}
    kept = rng.sample(sorted(full), keep)
    return {pos: full[pos] for pos in kept}, full


def colouring(rng, n, edges, colours):
    variables = [Var(i, range(colours)) for i in range(n)]
    pairs = set()
    while len(pairs) < edges:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    for a, b in sorted(pairs):
        NotEqual(variables[a], variables[b])
    variables[0].domain = {0}
    return variables


rng = random.Random(31)
for keep in (26, 24, 22, 21, 20, 19, 18):
    givens, full = make_givens(rng, keep)
    solver = Solver(sudoku(givens))
    solution = solver.solve()
    valid = solution is not None and all(
        len({solution[r, c] for c in range(9)}) == 9 and len({solution[c, r] for c in range(9)}) == 9 for r in range(9)
    )
    first_row = "".join(str(solution[0, c]) for c in range(9)) if solution else "-"
    print("sudoku", keep, valid, first_row, solver.nodes, solver.revisions)

for keep in (22, 17):
    givens, _ = make_givens(rng, keep)
    solver = Solver(sudoku(givens))
    print("count", keep, solver.count(1000), solver.nodes, solver.revisions)

for n, edges in ((60, 190), (80, 260), (100, 330)):
    solver = Solver(colouring(rng, n, edges, 4))
    solution = solver.solve()
    if solution is None:
        print("colouring", n, "none", solver.nodes)
    else:
        counts = [list(solution.values()).count(k) for k in range(4)]
        print("colouring", n, counts, solver.nodes, solver.revisions)
