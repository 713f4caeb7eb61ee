package sqlite

import (
	"fmt"
	"strings"

	"github.com/asylang/asy/vm"
)

// Connection.iterdump: the database as the SQL text that rebuilds it, line
// for line what CPython's dump gives: the tables by name with their rows
// (SQLite's quote() writes the values), then indexes, triggers and views,
// then the AUTOINCREMENT counters, inside one transaction.

// query runs one statement for the dump (the lock released meanwhile).
func (c *sqliteConn) query(t *vm.Thread, q string) ([][]any, error) {
	var res *dbResult
	var err error
	t.Blocking(func() { res, err = c.db.exec(c.db.stmtCtx(t), q, nil) })
	if err != nil {
		return nil, sqliteErr(t, err)
	}
	return res.rows, nil
}

func dumpText(x any) string {
	switch x := x.(type) {
	case nil:
		return ""
	case []byte:
		return string(x)
	}
	return fmt.Sprint(x)
}

func quoteIdent(s string) string { return strings.ReplaceAll(s, `"`, `""`) }

func (c *sqliteConn) iterdump(t *vm.Thread) ([]string, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	out := []string{"BEGIN TRANSACTION;"}
	tables, err := c.query(t, `SELECT "name", "type", "sql" FROM "sqlite_master" WHERE "sql" NOT NULL AND "type" == 'table' ORDER BY "name"`)
	if err != nil {
		return nil, err
	}
	var sequence []string
	writableSchema := false
	for _, row := range tables {
		name, sql := dumpText(row[0]), dumpText(row[2])
		switch {
		case name == "sqlite_sequence":
			rows, err := c.query(t, `SELECT * FROM "sqlite_sequence";`)
			if err != nil {
				return nil, err
			}
			sequence = append(sequence, `DELETE FROM "sqlite_sequence";`)
			for _, r := range rows {
				sequence = append(sequence, fmt.Sprintf(`INSERT INTO "sqlite_sequence" VALUES('%s',%s);`, dumpText(r[0]), dumpText(r[1])))
			}
			continue
		case name == "sqlite_stat1":
			out = append(out, `ANALYZE "sqlite_master";`)
		case strings.HasPrefix(name, "sqlite_"):
			continue
		case strings.HasPrefix(sql, "CREATE VIRTUAL TABLE"):
			if !writableSchema {
				out = append(out, "PRAGMA writable_schema=ON;")
				writableSchema = true
			}
			q := strings.ReplaceAll(name, "'", "''")
			out = append(out, fmt.Sprintf("INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)VALUES('table','%s','%s',0,'%s');",
				q, q, strings.ReplaceAll(sql, "'", "''")))
		default:
			out = append(out, sql+";")
		}
		ident := quoteIdent(name)
		info, err := c.query(t, fmt.Sprintf(`PRAGMA table_info("%s")`, ident))
		if err != nil {
			return nil, err
		}
		cols := make([]string, len(info))
		for i, r := range info {
			cols[i] = fmt.Sprintf(`'||quote("%s")||'`, quoteIdent(dumpText(r[1])))
		}
		rows, err := c.query(t, fmt.Sprintf(`SELECT 'INSERT INTO "%s" VALUES(%s)' FROM "%s";`, ident, strings.Join(cols, ","), ident))
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out = append(out, dumpText(r[0])+";")
		}
	}
	others, err := c.query(t, `SELECT "name", "type", "sql" FROM "sqlite_master" WHERE "sql" NOT NULL AND "type" IN ('index', 'trigger', 'view')`)
	if err != nil {
		return nil, err
	}
	for _, r := range others {
		out = append(out, dumpText(r[2])+";")
	}
	if writableSchema {
		out = append(out, "PRAGMA writable_schema=OFF;")
	}
	out = append(out, sequence...)
	return append(out, "COMMIT;"), nil
}

func init() {
	sqliteConnType.AddMethod("iterdump", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.NoKwargs("iterdump", kw); err != nil {
			return vm.Undef, err
		}
		if len(args) != 1 {
			return vm.Undef, vm.Errorf(vm.TypeError, "iterdump() takes no arguments (%d given)", len(args)-1)
		}
		lines, err := args[0].AsObj().(*sqliteConn).iterdump(t)
		if err != nil {
			return vm.Undef, err
		}
		items := make([]vm.Value, len(lines))
		for i, l := range lines {
			items[i] = vm.Str(l)
		}
		list := vm.Obj(vm.NewList(items))
		// CPython's iterdump is a generator.
		if m, err := t.ImportModule("sqlite3"); err == nil {
			if gen, ok := m.Get("_iterdump"); ok {
				return t.Call(gen, []vm.Value{list}, nil)
			}
		}
		return t.Iter(list)
	})
}
