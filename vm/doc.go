// Package vm compiles the parser's AST to bytecode and runs it.
//
// Contract:
//   - Values are three-word structs (Value): None, bool, small int and float
//     live inline (their kind is a zero-size tag type in the interface word),
//     so arithmetic on them allocates nothing; everything else is an Object
//     behind a pointer. Ints overflow into math/big transparently.
//   - The interpreter is stackless: a call from script code to script code
//     pushes a heap Frame and continues in the same dispatch loop, and a
//     generator or coroutine suspends by returning its frame chain to whoever
//     resumed it. Go builtins that call back into script code run a nested
//     loop; suspending across such a Go frame is a RuntimeError.
//   - Python exceptions are *Instance values that also implement error; Go
//     builtins return them as errors. Tracebacks record (code, line) pairs.
//   - No global mutable state: the built-in classes are immutable singletons
//     shared by every Interp; everything mutable hangs off an Interp, and all
//     output goes to the writers the Interp was given.
//   - Compiled code depends on the source alone (CompileProgram) and is
//     shared: Bind gives each module its own copy with its slots and inline
//     caches (bind.go). The builtins module starts as a copy-on-write view
//     of one built per process; ExecLibrary compiles a library once per
//     process.
//   - Config.MaxMemory is checked against an estimate of the reachable
//     objects (memlimit.go); chargeMemory is the hook for size checks
//     before big allocations.
//   - vm never imports runtime: asynchronous suspension is expressed through
//     the Awaitable contract (awaitable.go), which runtime implements.
//   - A str is its UTF-8 text, lone surrogates held as their 3-byte
//     generalized UTF-8 sequences (str_wtf8.go): code that counts or decodes
//     code points uses DecodeRune/RuneCount/Runes, and text leaving for the
//     host goes through EncodeStr, HostStr or FSEncode (codec.go).
//   - Go objects take part in the protocols through interfaces (Reprer,
//     RichComparer, Lener...); a native class with Class.Dunders set has the
//     special methods in its Dict (Go builtins) called for operators,
//     truth, conversions and item assignment as a script class's are
//     (decimal.Decimal is one).
package vm
