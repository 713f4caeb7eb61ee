# Board game search: negamax with alpha-beta and a transposition table on a small
# connect-four board, A* on the 8-puzzle with heapq, and n-queens by backtracking.
import heapq

WIDTH, HEIGHT, CONNECT = 6, 5, 4
LINES = []
for r in range(HEIGHT):
    for c in range(WIDTH):
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            cells = [(r + dr * k, c + dc * k) for k in range(CONNECT)]
            if all(0 <= rr < HEIGHT and 0 <= cc < WIDTH for rr, cc in cells):
                LINES.append(tuple(rr * WIDTH + cc for rr, cc in cells))


class Board:
    def __init__(self):
        self.cells = [0] * (WIDTH * HEIGHT)
        self.heights = [0] * WIDTH
        self.moves = []

    def moves_available(self):
        order = sorted(range(WIDTH), key=lambda c: abs(2 * c - (WIDTH - 1)))
        return [c for c in order if self.heights[c] < HEIGHT]

    def play(self, col, player):
        self.cells[self.heights[col] * WIDTH + col] = player
        self.heights[col] += 1
        self.moves.append(col)

    def undo(self):
        col = self.moves.pop()
        self.heights[col] -= 1
        self.cells[self.heights[col] * WIDTH + col] = 0

    def key(self):
        return tuple(self.cells)

    def score(self, player):
        """Heuristic from player's point of view; a full line is decisive."""
        total = 0
        cells = self.cells
        for line in LINES:
            mine = theirs = 0
            for i in line:
                v = cells[i]
                if v == player:
                    mine += 1
                elif v:
                    theirs += 1
            if mine == CONNECT:
                return 10000
            if theirs == CONNECT:
                return -10000
            if not theirs:
                total += mine * mine
            elif not mine:
                total -= theirs * theirs
        return total


def negamax(board, depth, alpha, beta, player, table, stats):
    stats[0] += 1
    key = (board.key(), depth, player)
    if key in table:
        return table[key]
    s = board.score(player)
    moves = board.moves_available()
    if depth == 0 or abs(s) == 10000 or not moves:
        return s
    best = -100000
    for col in moves:
        board.play(col, player)
        value = -negamax(board, depth - 1, -beta, -alpha, -player, table, stats)
        board.undo()
        if value > best:
            best = value
        if best > alpha:
            alpha = best
        if alpha >= beta:
            break
    table[key] = best
    return best


def self_play(plies, depth):
    board = Board()
    player = 1
    stats = [0]
    for _ in range(plies):
        table = {}
        best_col, best_val = None, -100001
        for col in board.moves_available():
            board.play(col, player)
            value = -negamax(board, depth, -100000, 100000, -player, table, stats)
            board.undo()
            if value > best_val:
                best_col, best_val = col, value
        board.play(best_col, player)
        if abs(board.score(player)) == 10000:
            break
        player = -player
    return "".join(map(str, board.moves)), stats[0]


GOAL = (1, 2, 3, 4, 5, 6, 7, 8, 0)


def manhattan(state):
    dist = 0
    for i, tile in enumerate(state):
        if tile:
            goal = tile - 1
            dist += abs(i // 3 - goal // 3) + abs(i % 3 - goal % 3)
    return dist


def neighbours(state):
    z = state.index(0)
    r, c = divmod(z, 3)
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < 3 and 0 <= cc < 3:
            j = rr * 3 + cc
            s = list(state)
            s[z], s[j] = s[j], s[z]
            yield tuple(s)


def astar(start):
    frontier = [(manhattan(start), 0, start)]
    best = {start: 0}
    expanded = 0
    while frontier:
        f, g, state = heapq.heappop(frontier)
        if state == GOAL:
            return g, expanded
        if g > best[state]:
            continue
        expanded += 1
        for nxt in neighbours(state):
            ng = g + 1
            if ng < best.get(nxt, 1 << 30):
                best[nxt] = ng
                heapq.heappush(frontier, (ng + manhattan(nxt), ng, nxt))
    return None, expanded


def scramble(steps, seed):
    state = GOAL
    prev = None
    x = seed
    for _ in range(steps):
        options = [n for n in neighbours(state) if n != prev]
        x = (x * 1664525 + 1013904223) % (1 << 32)
        prev, state = state, options[x % len(options)]
    return state


def queens(n):
    count = 0

    def place(row, cols, diag1, diag2):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c not in cols and row + c not in diag1 and row - c not in diag2:
                cols.add(c)
                diag1.add(row + c)
                diag2.add(row - c)
                place(row + 1, cols, diag1, diag2)
                cols.remove(c)
                diag1.remove(row + c)
                diag2.remove(row - c)

    place(0, set(), set(), set())
    return count


print("connect", *self_play(12, 5))
for seed in (3, 5, 8, 13, 21):
    print("puzzle", seed, *astar(scramble(90, seed)))
print("queens", queens(8))
