raise ValueError("boom in raises")
