X = "namespace part"
