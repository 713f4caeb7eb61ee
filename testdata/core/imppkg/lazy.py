__all__ = ["leaf"]
