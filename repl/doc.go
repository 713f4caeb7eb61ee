// Package repl is asy's interactive prompt, modelled on `python -m
// asyncio`: one event loop runs for the whole session, so `await` works at
// the prompt and tasks created at one prompt keep running while the next is
// typed. The session itself is the root package's asy.Interactive (this
// package reaches the interpreter only through the root API); Main is the
// front end — line editing, history in ~/.asy_history and tab completion
// on a terminal, any other input stream read line by line with the prompts
// on stderr (python3 -i's way), and the magic commands %tasks and
// %timeline (on a timeline.Recorder); a Script (asy -i FILE) runs in
// __main__ before the session.
package repl
