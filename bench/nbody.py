# Float arithmetic: a symplectic-Euler n-body integration of five bodies with
# Sun-Jupiter-Saturn-Uranus-Neptune-like masses and orbits, energy printed before and after.
import math

YEAR = 365.24
G = 4 * math.pi * math.pi  # AU^3 / (solar mass * year^2)


class Body:
    def __init__(self, name, mass, pos, vel):
        self.name = name
        self.mass = mass
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = vel


def circular(name, mass, radius, phase, tilt):
    speed = math.sqrt(G / radius)
    pos = (radius * math.cos(phase), radius * math.sin(phase), radius * tilt)
    vel = (-speed * math.sin(phase), speed * math.cos(phase), 0.0)
    return Body(name, mass, pos, vel)


def system():
    bodies = [
        Body("sun", 1.0, (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
        circular("jupiter", 9.54e-4, 5.2, 0.3, 0.02),
        circular("saturn", 2.86e-4, 9.58, 2.1, -0.01),
        circular("uranus", 4.37e-5, 19.2, 4.0, 0.005),
        circular("neptune", 5.15e-5, 30.1, 5.5, 0.03),
    ]
    # Give the sun the momentum that makes the system's total zero.
    px = sum(b.mass * b.vx for b in bodies)
    py = sum(b.mass * b.vy for b in bodies)
    pz = sum(b.mass * b.vz for b in bodies)
    sun = bodies[0]
    sun.vx, sun.vy, sun.vz = -px / sun.mass, -py / sun.mass, -pz / sun.mass
    return bodies


def energy(bodies):
    e = 0.0
    for i, a in enumerate(bodies):
        e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
        for b in bodies[i + 1 :]:
            dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
            e -= G * a.mass * b.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = G * dt / (d2 * math.sqrt(d2))
            ma = a.mass * mag
            mb = b.mass * mag
            a.vx -= dx * mb
            a.vy -= dy * mb
            a.vz -= dz * mb
            b.vx += dx * ma
            b.vy += dy * ma
            b.vz += dz * ma
        for body in bodies:
            body.x += dt * body.vx
            body.y += dt * body.vy
            body.z += dt * body.vz


bodies = system()
pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1 :]]
print(f"{energy(bodies):.9f}")
advance(bodies, pairs, 1.0 / YEAR, 100000)
print(f"{energy(bodies):.9f}")
for b in bodies[1:]:
    print(b.name, f"{math.hypot(b.x, b.y):.6f}")
