// Package asy is the embedding API of the asy interpreter: it runs scripts
// written in Python 3 syntax on a stackless bytecode VM with an asyncio-style
// event loop. The command cmd/asy is a thin wrapper around this package.
package asy
