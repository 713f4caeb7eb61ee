VALUE = "neighbour imported from the directory"
