package vm

// Context is a contextvars.Context: the values of context variables one
// flow of execution sees. Every asyncio task runs in its own copy of the
// context it was created in (the runtime switches Thread.Ctx around each
// task step), so a ContextVar set in one task is not seen by another. The
// keys are the stdlib's ContextVar objects.
type Context struct {
	vars map[Object]Value
}

// NewContext makes an empty context.
func NewContext() *Context { return &Context{vars: map[Object]Value{}} }

// Copy is copy_context(): a new context with the same values. A nil or
// empty context copies to nil (no task pays for contexts nobody uses).
func (c *Context) Copy() *Context {
	if c == nil || len(c.vars) == 0 {
		return nil
	}
	n := &Context{vars: make(map[Object]Value, len(c.vars))}
	for k, v := range c.vars {
		n.vars[k] = v
	}
	return n
}

// Get returns the value of a variable in c.
func (c *Context) Get(key Object) (Value, bool) {
	if c == nil {
		return Undef, false
	}
	v, ok := c.vars[key]
	return v, ok
}

// Set sets a variable (Undef deletes it).
func (c *Context) Set(key Object, v Value) {
	if v.IsUndef() {
		delete(c.vars, key)
		return
	}
	c.vars[key] = v
}

// Len is the number of variables set.
func (c *Context) Len() int {
	if c == nil {
		return 0
	}
	return len(c.vars)
}

// Each calls fn for every variable and value.
func (c *Context) Each(fn func(key Object, v Value)) {
	if c == nil {
		return
	}
	for k, v := range c.vars {
		fn(k, v)
	}
}
