package stdlib

import (
	_ "embed"

	"github.com/asylang/asy/vm"
)

// fastapi.concurrency / starlette.concurrency: run_in_threadpool runs a sync
// function in the default executor, and only when awaited (it is an async
// def), exactly as Starlette's is.
const concurrencySource = `import asyncio


async def run_in_threadpool(func, *args, **kwargs):
    loop = asyncio.get_running_loop()
    if kwargs:
        return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
    return await loop.run_in_executor(None, func, *args)
`

func sourceModule(name, src string) vm.ModuleLoader {
	return func(it *vm.Interp) (*vm.Module, error) {
		m := vm.NewModule(name, "")
		m.Set("__name__", vm.Str(name))
		code, err := it.CompileModule(m, "<"+name+">", []byte(src), false)
		if err != nil {
			return nil, err
		}
		if _, err := it.MainThread().RunCode(code, m); err != nil {
			return nil, err
		}
		return m, nil
	}
}

//go:embed functools_lib.py
var functoolsLib string

//go:embed aiosqlite_lib.py
var aiosqliteLib string

//go:embed asyncpg_lib.py
var asyncpgLib string

//go:embed decimal_lib.py
var decimalLib string

//go:embed uuid_lib.py
var uuidLib string

//go:embed json_lib.py
var jsonLib string

func init() {
	register("functools", sourceModule("functools", functoolsLib))
	register("aiosqlite", sourceModule("aiosqlite", aiosqliteLib))
	register("asyncpg", sourceModule("asyncpg", asyncpgLib))
	register("decimal", sourceModule("decimal", decimalLib))
	register("uuid", sourceModule("uuid", uuidLib))
	register("json", sourceModule("json", jsonLib))
	for _, pkg := range []string{"fastapi", "starlette"} {
		register(pkg, sourceModule(pkg, ""))
		register(pkg+".concurrency", sourceModule(pkg+".concurrency", concurrencySource))
	}
}
