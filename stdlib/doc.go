// Package stdlib holds the modules scripts import: asyncio, time, sys,
// math, random, collections, functools, threading, concurrent.futures,
// datetime, decimal, uuid, json, and the database modules sqlite3, aiosqlite
// (modernc.org/sqlite) and asyncpg (pgx). Modules() maps each module name
// to the loader that builds it for an interpreter; nothing here is shared
// mutable state between interpreters. Some modules are written in the
// script language itself (pylib/*.py, embedded; see pylib.go) on top of a small
// native core, as CPython writes much of its standard library in Python.
package stdlib
