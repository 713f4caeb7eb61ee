def loop(n):
    total = 0
    x = 1.5
    i = 0
    while i < n:
        total += i * 3 % 7
        x = x * 1.000001 + 0.5
        i += 1
    return total, round(x, 3) > 0


print(loop(3000000))
