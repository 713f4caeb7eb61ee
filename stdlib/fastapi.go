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
	return pythonOver(name, nil, func() string { return src })
}

func init() {
	for _, pkg := range []string{"fastapi", "starlette"} {
		register(pkg, sourceModule(pkg, ""))
		register(pkg+".concurrency", sourceModule(pkg+".concurrency", concurrencySource))
	}
}
