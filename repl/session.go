package repl

import (
	"strings"

	"github.com/asylang/asy"
	"github.com/asylang/asy/timeline"
)

// session is a REPL's interpreter side: an asy.Interactive session, plus
// the timeline recorder behind the magic commands.
type session struct {
	*asy.Interactive
	rec *timeline.Recorder
}

// Script is what runs in __main__ before the session starts, as with
// `python3 -i FILE` or `python3 -i -c CMD`.
type Script struct {
	File string // the name the script knows itself by ("<string>" for -c); .asy: top-level await
	Src  []byte
}

// start makes a session's interpreter with asy.New, as every other, and
// starts the session; it returns once the script, if any, has run.
func start(opts asy.Options, script *Script) *session {
	opts.Stdin = strings.NewReader("") // input() has no stdin of its own in a REPL
	// The session's timeline, for %timeline and %tasks, is recorded since
	// it starts, besides what the front end observes.
	rec := timeline.NewRecorder(opts.VirtualClock)
	opts.Observers = append(opts.Observers[:len(opts.Observers):len(opts.Observers)], rec)
	in, err := asy.New(opts)
	if err != nil {
		// Only a granted directory that cannot be opened fails, and the
		// REPL's front end grants the host: an empty grant still runs.
		opts.Grants = asy.Capabilities{}
		in, _ = asy.New(opts)
	}
	s := &session{rec: rec}
	io := asy.InteractiveOptions{Command: s.magic}
	if script != nil {
		io.ScriptFile, io.Script = script.File, script.Src
		if io.Script == nil {
			io.Script = []byte{}
		}
	}
	s.Interactive = in.StartInteractive(io)
	return s
}
