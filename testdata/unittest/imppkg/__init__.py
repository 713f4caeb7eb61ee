COUNTER = 0
helper_value = 42
