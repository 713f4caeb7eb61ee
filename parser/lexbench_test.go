package parser

import (
	"os"
	"testing"
)

// BenchmarkTokenize measures the lexer on a large real file.
func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("../stdlib/pylib/logging.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, _, err := tokenize("logging.py", string(data)); err != nil {
			b.Fatal(err)
		}
	}
}
