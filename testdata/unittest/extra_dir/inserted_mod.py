WHERE = "found through sys.path.insert"
