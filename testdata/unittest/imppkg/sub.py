from . import helper_value

print("imppkg.sub runs")
