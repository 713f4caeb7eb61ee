# An object-heavy simulation: rabbits and foxes on a wrapping grid. Classes with __init__,
# inheritance and super(), properties, __slots__-less instances, a small hashable value class,
# class attributes, many short-lived objects, and a seeded random.Random.
import random


class Pos:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def moved(self, dx, dy, size):
        return Pos((self.x + dx) % size, (self.y + dy) % size)


STEPS = [(0, 1), (1, 0), (0, -1), (-1, 0)]


class Animal:
    birth_energy = 10
    move_cost = 1
    breed_at = 20
    next_id = 0

    def __init__(self, pos, energy=None):
        self.pos = pos
        self.energy = self.birth_energy if energy is None else energy
        self.age = 0
        Animal.next_id += 1
        self.ident = Animal.next_id

    @property
    def alive(self):
        return self.energy > 0

    @property
    def kind(self):
        return type(self).__name__

    def step(self, world, rng):
        self.age += 1
        dx, dy = rng.choice(STEPS)
        self.pos = self.pos.moved(dx, dy, world.size)
        self.energy -= self.move_cost
        self.eat(world)

    def eat(self, world):
        pass

    def offspring(self):
        if self.energy >= self.breed_at:
            self.energy //= 2
            return type(self)(self.pos, self.energy)
        return None


class Rabbit(Animal):
    birth_energy = 6
    breed_at = 12

    def eat(self, world):
        grass = world.grass.get(self.pos, 0)
        if grass:
            world.grass[self.pos] = grass - 1
            self.energy += 3


class Fox(Animal):
    birth_energy = 30
    move_cost = 2
    breed_at = 60

    def __init__(self, pos, energy=None):
        super().__init__(pos, energy)
        self.kills = 0

    def eat(self, world):
        prey = world.rabbit_at(self.pos)
        if prey is not None:
            prey.energy = 0
            self.energy += 12
            self.kills += 1


class World:
    def __init__(self, size, seed):
        self.size = size
        self.rng = random.Random(seed)
        self.grass = {Pos(x, y): 3 for x in range(size) for y in range(size)}
        self.animals = []
        self._rabbits = {}

    def populate(self, rabbits, foxes):
        for _ in range(rabbits):
            self.animals.append(Rabbit(self.random_pos()))
        for _ in range(foxes):
            self.animals.append(Fox(self.random_pos()))

    def random_pos(self):
        return Pos(self.rng.randrange(self.size), self.rng.randrange(self.size))

    def rabbit_at(self, pos):
        rabbit = self._rabbits.get(pos)
        if rabbit is not None and rabbit.alive:
            return rabbit
        return None

    def tick(self, t):
        self._rabbits = {a.pos: a for a in self.animals if isinstance(a, Rabbit)}
        born = []
        for animal in self.animals:
            if animal.alive:
                animal.step(self, self.rng)
                child = animal.offspring()
                if child is not None:
                    born.append(child)
        self.animals = [a for a in self.animals if a.alive] + born
        if t % 5 == 0:
            for pos in self.grass:
                if self.grass[pos] < 3:
                    self.grass[pos] += 1

    def census(self):
        counts = {}
        for a in self.animals:
            counts[a.kind] = counts.get(a.kind, 0) + 1
        return counts


world = World(40, 2024)
world.populate(300, 20)
history = []
for t in range(1, 301):
    world.tick(t)
    if t % 60 == 0:
        history.append((t, sorted(world.census().items())))
for entry in history:
    print(*entry)
foxes = [a for a in world.animals if isinstance(a, Fox)]
print("kills", sum(f.kills for f in foxes), "ids", Animal.next_id, "grass", sum(world.grass.values()))
