// Package stdlib holds the modules scripts import: asyncio, time, sys, math,
// random, threading, concurrent.futures, re, io (and open()), os, socket
// (with asyncio's streams and transports: socket_*.go, asyncio_streams.go,
// asyncio_transport.go, asyncio_server.go; TLS goes through the interfaces
// of asyncio_tls.go, which the ssl extension modules/ssl fills), decimal
// (on cockroachdb/apd's numbers) and itertools in Go (the database modules
// sqlite3, aiosqlite and asyncpg are extensions an embedder opts into:
// modules/sqlite and modules/asyncpg, registered through extensions.go);
// collections, functools, typing, dataclasses, enum, contextlib, logging,
// json, datetime, uuid and the other pylib/*.py modules in the script
// language (json's scanner and encoder, like CPython's _json accelerator,
// are Go: json_decode.go, json_encode.go; pickle's fast paths for plain
// data are Go too: pickle_fast.go, pickle_fast_load.go). Modules() maps each module name
// to the loader that builds it for an interpreter; nothing here is shared
// mutable state between interpreters. Some modules are written in the
// script language itself (pylib/*.py, embedded; see pylib.go) on top of a small
// native core, as CPython writes much of its standard library in Python.
package stdlib
