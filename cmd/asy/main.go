// Command asy runs asy scripts. It only wires the packages together.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command: args exclude the program name; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "asy: not implemented yet")
	return 2
}
