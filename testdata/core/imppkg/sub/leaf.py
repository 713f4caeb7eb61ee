__all__ = ["leaf_value"]
leaf_value = "L"
hidden = 1
