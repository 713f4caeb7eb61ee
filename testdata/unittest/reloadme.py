loads = globals().get("loads", 0) + 1
print("reloadme body ran", loads, "time(s)")
