package repl

import (
	"strings"

	"github.com/asylang/asy"
)

// completer adapts asy.Interactive.Complete to readline: names (globals,
// builtins, keywords) and attributes (`obj.pre<Tab>`, `asyncio.sl<Tab>`).
type completer struct{ s *asy.Interactive }

// Do implements readline.AutoCompleter: candidates are the suffixes to add
// to the word before the cursor, whose length is returned.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && isWordRune(line[start-1]) {
		start--
	}
	word := string(line[start:pos])
	names := c.s.Complete(word)
	out := make([][]rune, 0, len(names))
	prefix := word
	if i := strings.LastIndex(word, "."); i >= 0 {
		prefix = word[i+1:]
	}
	for _, n := range names {
		out = append(out, []rune(strings.TrimPrefix(n, prefix)))
	}
	return out, len([]rune(prefix))
}

func isWordRune(r rune) bool {
	return r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}
