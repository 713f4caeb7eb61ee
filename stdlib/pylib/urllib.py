"""urllib: URL handling; urllib.parse splits, joins and quotes URLs."""
