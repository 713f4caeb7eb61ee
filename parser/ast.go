package parser

// The AST is the contract between the parser and the compiler. The grammar
// structs (grammar.go) are lowered into these nodes (lower.go), so the
// compiler never depends on the grammar's shape. Every node carries the
// position of its first token.

// Pos is a 1-based line and column in a source file.
type Pos struct {
	Line int
	Col  int
}

// Node is any AST node.
type Node interface{ Position() Pos }

// Module is a parsed file.
type Module struct {
	Filename string
	Body     []Stmt
	// Warnings are the SyntaxWarnings CPython prints while compiling
	// (a number touching a keyword: 1if x else 2).
	Warnings []Warning
}

// Warning is a SyntaxWarning at a line.
type Warning struct {
	Line int
	Msg  string
}

// ---- statements ----

// Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

type (
	// ExprStmt is an expression evaluated for its effect.
	ExprStmt struct {
		P Pos
		X Expr
	}
	// Assign is `a = b = value`: Targets are assigned left to right.
	Assign struct {
		P       Pos
		Targets []Expr
		Value   Expr
	}
	// AugAssign is `target op= value`; Op is the binary operator without '=' ("+", "//", ...).
	AugAssign struct {
		P      Pos
		Target Expr
		Op     string
		Value  Expr
	}
	// AnnAssign is `target: annotation [= value]` (Value may be nil). Module and
	// class bodies record the annotation in __annotations__; functions ignore it.
	AnnAssign struct {
		P          Pos
		Target     Expr
		Annotation Expr
		Value      Expr
	}
	// If is `if Cond: Body else: Else`; elif chains nest an If inside Else.
	If struct {
		P    Pos
		Cond Expr
		Body []Stmt
		Else []Stmt
	}
	While struct {
		P    Pos
		Cond Expr
		Body []Stmt
		Else []Stmt
	}
	// For is `[async] for Target in Iter: Body else: Else`.
	For struct {
		P      Pos
		Async  bool
		Target Expr
		Iter   Expr
		Body   []Stmt
		Else   []Stmt
	}
	Break struct {
		P Pos
	}
	Continue struct {
		P Pos
	}
	Pass struct {
		P Pos
	}
	// Return has a nil Value for a bare `return`.
	Return struct {
		P     Pos
		Value Expr
	}
	// Raise: Exc and Cause may be nil (`raise`, `raise X`, `raise X from Y`).
	Raise struct {
		P     Pos
		Exc   Expr
		Cause Expr
	}
	// Try covers try/except/else/finally and try/except* (Star).
	Try struct {
		P        Pos
		Body     []Stmt
		Handlers []*ExceptHandler
		Else     []Stmt
		Finally  []Stmt
		Star     bool
	}
	// With is `[async] with a as x, b: Body`.
	With struct {
		P     Pos
		Async bool
		Items []*WithItem
		Body  []Stmt
	}
	Assert struct {
		P    Pos
		Test Expr
		Msg  Expr // may be nil
	}
	// Del deletes each target (names, attributes, subscripts, tuples of them).
	Del struct {
		P       Pos
		Targets []Expr
	}
	Global struct {
		P     Pos
		Names []string
	}
	Nonlocal struct {
		P     Pos
		Names []string
	}
	// Import is `import a.b as c, d`.
	Import struct {
		P     Pos
		Names []*Alias
	}
	// ImportFrom is `from [.]module import a as b, c` or `from m import *`
	// (Names holds one Alias with Name "*"). Level counts leading dots.
	ImportFrom struct {
		P      Pos
		Module string
		Names  []*Alias
		Level  int
	}
	// FuncDef is `[async] def Name(Params) -> Returns: Body` with decorators.
	FuncDef struct {
		P          Pos
		Name       string
		Async      bool
		Params     *Params
		Body       []Stmt
		Decorators []Expr
		Returns    Expr // return annotation, may be nil
	}
	// ClassDef is `class Name(Bases, Keywords): Body` with decorators.
	ClassDef struct {
		P          Pos
		Name       string
		Bases      []Expr
		Keywords   []*Keyword // e.g. metaclass=M
		Body       []Stmt
		Decorators []Expr
	}
)

// ExceptHandler is `except [Type [as Name]]: Body`. Type is nil for a bare except.
type ExceptHandler struct {
	P    Pos
	Type Expr
	Name string
	Body []Stmt
}

// WithItem is `Context [as Target]`; Target may be nil.
type WithItem struct {
	Context Expr
	Target  Expr
}

// Alias is `Name [as AsName]` in imports; Name may be dotted ("os.path").
type Alias struct {
	P      Pos
	Name   string
	AsName string
}

// Params is a function's parameter list in Python's order:
// positional-only (before `/`), positional-or-keyword, *Vararg, keyword-only, **Kwarg.
type Params struct {
	PosOnly []*Param
	Args    []*Param
	Vararg  *Param // nil if absent
	KwOnly  []*Param
	Kwarg   *Param // nil if absent
}

// Param is one parameter; Default and Annotation may be nil.
type Param struct {
	P          Pos
	Name       string
	Default    Expr
	Annotation Expr
}

// ---- expressions ----

// Expr is an expression node.
type Expr interface {
	Node
	expr()
}

type (
	// Name is an identifier.
	Name struct {
		P  Pos
		Id string
	}
	// Const is a literal: Value is nil (None), bool, *big.Int or int64 for ints
	// (int64 when it fits), float64, complex128 (imaginary literals), string (str)
	// or []byte (bytes), or Ellipsis{}.
	Const struct {
		P     Pos
		Value any
	}
	// FString is an f-string: literal parts and formatted values in order.
	// Adjacent string literals that include an f-string are merged into one FString.
	FString struct {
		P     Pos
		Parts []Expr // *Const (string) or *FormattedValue
	}
	// FormattedValue is `{Value!Conv:Spec}` inside an f-string. Conv is 0, 'r', 's' or 'a'.
	// Spec is nil or an *FString (specs may nest replacement fields).
	// SelfDoc is set for `{x=}`: the text "x=" is emitted as a Const part before it by the parser.
	FormattedValue struct {
		P     Pos
		Value Expr
		Conv  rune
		Spec  Expr
	}
	// BinOp is `X Op Y` for + - * / // % ** @ << >> & | ^.
	BinOp struct {
		P    Pos
		Op   string
		X, Y Expr
	}
	// UnaryOp is `Op X` for "-", "+", "~", "not".
	UnaryOp struct {
		P  Pos
		Op string
		X  Expr
	}
	// BoolOp is `a and b and c` (Op "and") or `a or b` (Op "or").
	BoolOp struct {
		P      Pos
		Op     string
		Values []Expr
	}
	// Compare is a (possibly chained) comparison: X Ops[0] Comparators[0] Ops[1] ...
	// Ops are "<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not".
	Compare struct {
		P           Pos
		X           Expr
		Ops         []string
		Comparators []Expr
	}
	// Call is `Func(Args, Keywords)`. A *Starred in Args is `*x`;
	// a Keyword with empty Name is `**x`.
	Call struct {
		P        Pos
		Func     Expr
		Args     []Expr
		Keywords []*Keyword
	}
	// Attribute is `X.Name`.
	Attribute struct {
		P    Pos
		X    Expr
		Name string
	}
	// Subscript is `X[Index]`; a tuple index `x[a, b]` is a *Tuple, a slice is a *Slice.
	Subscript struct {
		P     Pos
		X     Expr
		Index Expr
	}
	// Slice is `Lo:Hi:Step` inside a subscript; each part may be nil.
	Slice struct {
		P            Pos
		Lo, Hi, Step Expr
	}
	// Starred is `*X` in calls, literals and assignment targets.
	Starred struct {
		P Pos
		X Expr
	}
	List struct {
		P     Pos
		Elems []Expr
	}
	Tuple struct {
		P     Pos
		Elems []Expr
	}
	Set struct {
		P     Pos
		Elems []Expr
	}
	// Dict is a dict display; a nil key in Keys means `**Values[i]`.
	Dict struct {
		P      Pos
		Keys   []Expr
		Values []Expr
	}
	// Comp is a comprehension. Kind is "list", "set", "dict" or "gen".
	// Elt is the element (the key for dicts, with Value the value).
	Comp struct {
		P          Pos
		Kind       string
		Elt        Expr
		Value      Expr
		Generators []*CompFor
	}
	// IfExp is `Body if Cond else Else`.
	IfExp struct {
		P                Pos
		Cond, Body, Else Expr
	}
	// Lambda is `lambda Params: Body`.
	Lambda struct {
		P      Pos
		Params *Params
		Body   Expr
	}
	// NamedExpr is the walrus `Target := Value` (Target is a *Name).
	NamedExpr struct {
		P      Pos
		Target *Name
		Value  Expr
	}
	// Await is `await X`.
	Await struct {
		P Pos
		X Expr
	}
	// Yield is `yield [X]`; X may be nil.
	Yield struct {
		P Pos
		X Expr
	}
	// YieldFrom is `yield from X`.
	YieldFrom struct {
		P Pos
		X Expr
	}
)

// Keyword is `Name=Value` in a call or class header; Name is "" for `**Value`.
type Keyword struct {
	P     Pos
	Name  string
	Value Expr
	End   Pos // just after the value (error carets)
}

// CompFor is `[async] for Target in Iter if Ifs[0] if Ifs[1]...` in a comprehension.
type CompFor struct {
	Async  bool
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// Ellipsis is the value of the `...` literal in a Const.
type Ellipsis struct{}

func (n *ExprStmt) Position() Pos   { return n.P }
func (n *Assign) Position() Pos     { return n.P }
func (n *AugAssign) Position() Pos  { return n.P }
func (n *AnnAssign) Position() Pos  { return n.P }
func (n *If) Position() Pos         { return n.P }
func (n *While) Position() Pos      { return n.P }
func (n *For) Position() Pos        { return n.P }
func (n *Break) Position() Pos      { return n.P }
func (n *Continue) Position() Pos   { return n.P }
func (n *Pass) Position() Pos       { return n.P }
func (n *Return) Position() Pos     { return n.P }
func (n *Raise) Position() Pos      { return n.P }
func (n *Try) Position() Pos        { return n.P }
func (n *With) Position() Pos       { return n.P }
func (n *Assert) Position() Pos     { return n.P }
func (n *Del) Position() Pos        { return n.P }
func (n *Global) Position() Pos     { return n.P }
func (n *Nonlocal) Position() Pos   { return n.P }
func (n *Import) Position() Pos     { return n.P }
func (n *ImportFrom) Position() Pos { return n.P }
func (n *FuncDef) Position() Pos    { return n.P }
func (n *ClassDef) Position() Pos   { return n.P }

func (*ExprStmt) stmt()   {}
func (*Assign) stmt()     {}
func (*AugAssign) stmt()  {}
func (*AnnAssign) stmt()  {}
func (*If) stmt()         {}
func (*While) stmt()      {}
func (*For) stmt()        {}
func (*Break) stmt()      {}
func (*Continue) stmt()   {}
func (*Pass) stmt()       {}
func (*Return) stmt()     {}
func (*Raise) stmt()      {}
func (*Try) stmt()        {}
func (*With) stmt()       {}
func (*Assert) stmt()     {}
func (*Del) stmt()        {}
func (*Global) stmt()     {}
func (*Nonlocal) stmt()   {}
func (*Import) stmt()     {}
func (*ImportFrom) stmt() {}
func (*FuncDef) stmt()    {}
func (*ClassDef) stmt()   {}

func (n *Name) Position() Pos           { return n.P }
func (n *Const) Position() Pos          { return n.P }
func (n *FString) Position() Pos        { return n.P }
func (n *FormattedValue) Position() Pos { return n.P }
func (n *BinOp) Position() Pos          { return n.P }
func (n *UnaryOp) Position() Pos        { return n.P }
func (n *BoolOp) Position() Pos         { return n.P }
func (n *Compare) Position() Pos        { return n.P }
func (n *Call) Position() Pos           { return n.P }
func (n *Attribute) Position() Pos      { return n.P }
func (n *Subscript) Position() Pos      { return n.P }
func (n *Slice) Position() Pos          { return n.P }
func (n *Starred) Position() Pos        { return n.P }
func (n *List) Position() Pos           { return n.P }
func (n *Tuple) Position() Pos          { return n.P }
func (n *Set) Position() Pos            { return n.P }
func (n *Dict) Position() Pos           { return n.P }
func (n *Comp) Position() Pos           { return n.P }
func (n *IfExp) Position() Pos          { return n.P }
func (n *Lambda) Position() Pos         { return n.P }
func (n *NamedExpr) Position() Pos      { return n.P }
func (n *Await) Position() Pos          { return n.P }
func (n *Yield) Position() Pos          { return n.P }
func (n *YieldFrom) Position() Pos      { return n.P }

func (*Name) expr()           {}
func (*Const) expr()          {}
func (*FString) expr()        {}
func (*FormattedValue) expr() {}
func (*BinOp) expr()          {}
func (*UnaryOp) expr()        {}
func (*BoolOp) expr()         {}
func (*Compare) expr()        {}
func (*Call) expr()           {}
func (*Attribute) expr()      {}
func (*Subscript) expr()      {}
func (*Slice) expr()          {}
func (*Starred) expr()        {}
func (*List) expr()           {}
func (*Tuple) expr()          {}
func (*Set) expr()            {}
func (*Dict) expr()           {}
func (*Comp) expr()           {}
func (*IfExp) expr()          {}
func (*Lambda) expr()         {}
func (*NamedExpr) expr()      {}
func (*Await) expr()          {}
func (*Yield) expr()          {}
func (*YieldFrom) expr()      {}
