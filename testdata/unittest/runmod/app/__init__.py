print("app/__init__ runs first, as", __name__)
