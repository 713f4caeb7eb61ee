package vm

// Opcode is one bytecode operation. An instruction is a uint32: the opcode in
// the low 8 bits and its argument in the high 24. Stack pictures are
// "before → after", top of stack rightmost.
type Opcode uint8

const (
	OpNop               Opcode = iota
	OpPopTop                   // x →
	OpRotTwo                   // a b → b a
	OpRotThree                 // a b c → c a b
	OpDupTop                   // x → x x
	OpDupTopTwo                // a b → a b a b
	OpLoadConst                // → consts[arg]
	OpLoadFast                 // → regs[arg] (UnboundLocalError if unset)
	OpStoreFast                // x → ; regs[arg] = x
	OpDeleteFast               // regs[arg] = unset
	OpLoadDeref                // → regs[arg].(*Cell).v
	OpStoreDeref               // x → ; cell = x
	OpDeleteDeref              //
	OpLoadClassDeref           // class body: ns[names[arg>>12]] or cell regs[arg&0xfff]
	OpLoadClosure              // → regs[arg] (the cell itself)
	OpLoadGlobal               // → module slot arg, else builtins (NameError)
	OpStoreGlobal              // x → ; module slot arg = x
	OpDeleteGlobal             //
	OpLoadName                 // class body: ns[names[arg]], else globals, else builtins
	OpStoreName                // x → ; ns[names[arg]] = x
	OpDeleteName               //
	OpLoadAttr                 // obj → obj.names[arg]
	OpStoreAttr                // val obj → ; obj.names[arg] = val
	OpDeleteAttr               // obj →
	OpLoadMethod               // obj → meth self   or   Undef callable
	OpCallMethod               // meth self a1..an → result   (arg = n)
	OpBinarySubscr             // obj key → obj[key]
	OpStoreSubscr              // val obj key →
	OpDeleteSubscr             // obj key →
	OpBuildSlice               // lo hi [step] → slice   (arg = 2 or 3)
	OpBinaryOp                 // a b → a op b   (arg = binop, +binopInplace for a op= b)
	OpUnaryNeg                 // x → -x
	OpUnaryPos                 // x → +x
	OpUnaryInvert              // x → ~x
	OpUnaryNot                 // x → not x
	OpCompareOp                // a b → a cmp b   (arg = cmp*)
	OpIsOp                     // a b → a is b   (arg 1: is not)
	OpContainsOp               // a b → a in b   (arg 1: not in)
	OpJump                     // pc = arg
	OpPopJumpIfFalse           // x → ; if not x: pc = arg
	OpPopJumpIfTrue            // x → ; if x: pc = arg
	OpJumpIfFalseOrPop         // x → x (jump) | →
	OpJumpIfTrueOrPop          // x → x (jump) | →
	OpGetIter                  // x → iter(x)
	OpForIter                  // it → it next | → (pc = arg when exhausted)
	OpBuildTuple               // a1..an → tuple
	OpBuildList                // a1..an → list
	OpBuildSet                 // a1..an → set
	OpBuildMap                 // k1 v1 .. kn vn → dict
	OpListAppend               // list ... x → list ...   (arg = depth of list below x)
	OpSetAdd                   // set ... x →
	OpMapAdd                   // dict ... k v →
	OpListExtend               // list it → list
	OpSetUpdate                // set it → set
	OpDictUpdate               // dict m → dict   (dict literal **m)
	OpDictMerge                // dict m → dict   (call **m: duplicate keys are an error)
	OpListToTuple              // list → tuple
	OpBuildString              // s1..sn → joined   (f-strings)
	OpFormatValue              // x [spec] → str   (arg&3: conv 0/s/r/a, arg&4: has spec)
	OpUnpackSequence           // seq → xn..x1   (arg = n)
	OpUnpackEx                 // seq → ...   (arg = before | after<<8)
	OpMakeFunction             // [defaults] [kwdefaults] [closure] code → fn   (arg flags)
	OpCall                     // f a1..an → result   (arg = n)
	OpCallKw                   // f a1..an names → result   (names: tuple const of kw names, last len(names) args)
	OpCallEx                   // f argstuple [kwdict] → result   (arg 1: has kwdict)
	OpReturnValue              // x → (return)
	OpBuildClass               // fn name bases kwdict → class
	OpSetupExcept              // push try block with handler arg
	OpPopBlock                 // pop block
	OpPopExcept                // pop except-handler block (restores handled exception)
	OpRaise                    // [exc [cause]] →   (arg = count)
	OpReraise                  // exc → re-raise exc with its traceback
	OpJumpIfNotExcMatch        // exc cls → exc  ; if not isinstance: pc = arg
	OpSetupWith                // mgr → exit enter_result   (pushes try block, handler arg)
	OpWithExcept               // exit exc → exit exc suppress?   calls exit(type, exc, tb)
	OpWithExit                 // exit → ; calls exit(None, None, None)
	OpYieldValue               // x → sent
	OpGetYieldFromIter         // x → iter
	OpYieldFrom                // iter sent → result (loops until the sub-iterator returns)
	OpGetAwaitable             // x → awaitable iterator
	OpImportName               // fromlist → module   (names[arg]; level packed in const?)
	OpImportFrom               // module → module attr
	OpImportStar               // module →
	OpPrintExpr                // x →  (REPL echo)
	OpLoadAssertionError
	OpStartExcept     // exc → exc ; marks entry to an except clause (sets handled exception)
	OpSetupFinally    // like SetupExcept but for finally clauses
	OpEndFinally      // exc-or-None → ; re-raise if an exception
	OpGetAIter        // x → aiter
	OpGetANext        // aiter → aiter awaitable
	OpEndAsyncFor     // exc → ; StopAsyncIteration ends the loop, else re-raise
	OpBeforeAsyncWith // mgr → aexit awaitable(aenter)
	OpAsyncWithExcept // aexit exc → aexit exc awaitable
	OpCheckExcStar    // exc cls → rest match    (except*)
	OpLoadBuildClass
	OpPopExceptKeep // like PopExcept but used in finally cleanup paths
	OpSetupAnnotations
	OpNegateBool
	OpSetupAsyncWith  // exit enter_result → same; try block whose level excludes enter_result
	OpPrepReraiseStar // orig list → exc-or-None   (except*: what propagates after the clauses)
	OpReraiseStar     // exc → raise it keeping its traceback, adding no entry for this frame
	OpCallComp        // iter cell1..celln → result   (comprehension: arg = code's const index | n<<16)
	opCount
)

// Binary operator codes (argument of OpBinaryOp).
const (
	binAdd = iota
	binSub
	binMul
	binTrueDiv
	binFloorDiv
	binMod
	binPow
	binMatMul
	binLShift
	binRShift
	binAnd
	binOr
	binXor
	binCount
	binopInplace = 16
)

var binOpNames = [binCount]string{"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"}

var binOpDunders = [binCount][3]string{
	{"__add__", "__radd__", "__iadd__"},
	{"__sub__", "__rsub__", "__isub__"},
	{"__mul__", "__rmul__", "__imul__"},
	{"__truediv__", "__rtruediv__", "__itruediv__"},
	{"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
	{"__mod__", "__rmod__", "__imod__"},
	{"__pow__", "__rpow__", "__ipow__"},
	{"__matmul__", "__rmatmul__", "__imatmul__"},
	{"__lshift__", "__rlshift__", "__ilshift__"},
	{"__rshift__", "__rrshift__", "__irshift__"},
	{"__and__", "__rand__", "__iand__"},
	{"__or__", "__ror__", "__ior__"},
	{"__xor__", "__rxor__", "__ixor__"},
}

// Comparison codes (argument of OpCompareOp).
const (
	cmpLT = iota
	cmpLE
	cmpEQ
	cmpNE
	cmpGT
	cmpGE
)

var cmpNames = [...]string{"<", "<=", "==", "!=", ">", ">="}

// The comparison dunders are dunderID(op) (class.go); this fails to
// compile if the two orders part.
var _ = [1]int{}[dunderLt-cmpLT+dunderLe-cmpLE+dunderEq-cmpEQ+dunderNe-cmpNE+dunderGt-cmpGT+dunderGe-cmpGE]

// cmpSwapped is the reflected comparison (a < b  ⇔  b > a).
var cmpSwapped = [...]int{cmpGT, cmpGE, cmpEQ, cmpNE, cmpLT, cmpLE}

func mkOp(op Opcode, arg int) uint32 { return uint32(op) | uint32(arg)<<8 }
