// Package rebacktrack is the extension that gives the re module its
// backtracking engine (github.com/dlclark/regexp2), for the patterns Go's
// RE2 cannot run: backreferences, look-ahead and look-behind, conditionals,
// atomic groups and possessive quantifiers. RE2 keeps running every pattern
// it can (in linear time). An embedder opts in:
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{rebacktrack.Extension}})
//
// and a program that does not import this package links no regexp2 (about
// 1 MB). Without it such patterns raise re.error.
package rebacktrack

import (
	"errors"
	"strings"
	"time"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
	"github.com/dlclark/regexp2/v2"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("rebacktrack")

func init() {
	stdlib.RegisterExtension("rebacktrack", map[string]vm.ModuleLoader{
		"_re_backtrack": stdlib.ReBacktrackModule(engine{}),
	})
}

// reStackSlots bounds one match's backtracking stack (8 bytes a slot):
// far above what a practical pattern needs over megabytes of text, and a
// MemoryError rather than a host out of memory for a runaway one.
const reStackSlots = 1 << 23

type engine struct{}

// Compile reads src in regexp2's default (.NET) dialect, which the re
// module's translator writes for it.
func (engine) Compile(src string, timeout time.Duration) (stdlib.ReBTProgram, error) {
	re, err := regexp2.Compile(src, regexp2.OptionMaxBacktrackingStackSize(reStackSlots))
	if err != nil {
		return nil, err
	}
	re.MatchTimeout = timeout
	return prog{re}, nil
}

type prog struct{ re *regexp2.Regexp }

func (p prog) Find(text []rune, start int, spans []int) (bool, error) {
	found := false
	err := p.re.FindRunesMatches(text, start, func(v regexp2.MatchView) bool {
		found = true
		for g := 0; 2*g < len(spans); g++ {
			i, n, ok := v.GroupRange(g)
			if ok {
				spans[2*g], spans[2*g+1] = i, i+n
			} else {
				spans[2*g], spans[2*g+1] = -1, -1
			}
		}
		return false // the first match only
	})
	switch {
	case err == nil:
		return found, nil
	case errors.Is(err, regexp2.ErrBacktrackingStackLimit):
		return false, stdlib.ErrReBTStack
	case strings.HasPrefix(err.Error(), "match timeout"):
		// regexp2 has no error value for it; its message starts so.
		return false, stdlib.ErrReBTTimeout
	}
	return false, err
}
