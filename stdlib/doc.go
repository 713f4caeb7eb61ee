// Package stdlib holds the modules scripts import (math, time, sys, random,
// asyncio, ...). Modules() maps each module name to the loader that builds it
// for an interpreter; nothing here is shared mutable state between interpreters.
package stdlib
