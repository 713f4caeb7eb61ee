package asyncpg

import (
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/asylang/asy/vm"
	"github.com/asylang/asy/vm/goconv"
)

// Values between the script and pgx: goconv's table (None, bool, int,
// float, str, bytes, lists) with asyncpg's own types as a layer over it —
// numeric as decimal.Decimal, date/time/timestamp[tz] as datetime objects
// (timestamptz in UTC), interval as timedelta (a month counts 30 days),
// uuid as uuid.UUID, json as str; an argument of any other type goes as
// its str().

var pgLayer = &goconv.Layer{FromGo: pgFromGo, ToGo: pgToGo, Opaque: pgStr}

// pgGoArgs converts script arguments to Go values (on the loop thread).
func pgGoArgs(t *vm.Thread, params []vm.Value) ([]any, error) {
	out := make([]any, len(params))
	for i, v := range params {
		x, err := pgGoValue(t, v)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// pgArg keeps the script value's kind for asyncpg's type checks.
type pgArg struct {
	v    any
	kind string // the script type's name
	repr string
}

func pgGoValue(t *vm.Thread, v vm.Value) (any, error) {
	if v.IsNone() {
		return nil, nil
	}
	repr, _ := t.Repr(v)
	x, err := goconv.ToGo(t, v, pgLayer)
	if err != nil {
		return nil, err
	}
	return pgArg{v: x, kind: v.TypeName(), repr: repr}, nil
}

// pgDecimal is a decimal.Decimal argument, as its text.
type pgDecimal string

// pgToGo converts what asyncpg encodes otherwise than the table: the
// library objects (Decimal, date, datetime, timedelta, UUID) and, as
// their str(), big ints, sets and dicts.
func pgToGo(t *vm.Thread, v vm.Value) (any, bool, error) {
	if v.Kind() != vm.KObj {
		return nil, false, nil
	}
	switch v.AsObj().(type) {
	case *vm.BigIntObj, *vm.Set, *vm.Dict:
		x, err := pgStr(t, v)
		return x, true, err
	case *vm.Instance:
	default:
		return nil, false, nil
	}
	if tm, ok, err := goconv.TimeOf(t, v); ok || err != nil {
		return tm, true, err
	}
	if tm, ok := goconv.DateOf(t, v); ok {
		return pgDate{tm}, true, nil
	}
	if d, ok := goconv.DurationOf(t, v); ok {
		return d, true, nil
	}
	modv, _ := t.GetAttr(vm.Obj(v.Class()), "__module__")
	mod, _ := modv.StrOf()
	switch mod + "." + v.Class().Name {
	case "decimal.Decimal":
		s, err := t.StrOf(v)
		return pgDecimal(s), true, err
	case "uuid.UUID":
		h, err := t.GetAttr(v, "hex")
		if err != nil {
			return nil, true, err
		}
		s, _ := h.StrOf()
		var u [16]byte
		for i := range u {
			fmt.Sscanf(s[2*i:2*i+2], "%02x", &u[i])
		}
		return u, true, nil
	}
	x, err := pgStr(t, v)
	return x, true, err
}

func pgStr(t *vm.Thread, v vm.Value) (any, error) { return t.StrOf(v) }

// pgValue converts a column value the way asyncpg decodes it.
func pgValue(t *vm.Thread, x any) (vm.Value, error) { return goconv.ToScript(t, x, pgLayer) }

// pgFromGo converts pgx's values but for lists (the table's, whose items
// come back here); a type asyncpg has no codec for shows as its text.
func pgFromGo(t *vm.Thread, x any) (vm.Value, bool, error) {
	var v vm.Value
	var err error
	switch x := x.(type) {
	case []any:
		return vm.Undef, false, nil
	case pgJSON:
		v = vm.Str(string(x))
	case pgDate:
		v, err = goconv.Date(t, x.Time)
	case time.Time:
		// timestamptz (decoded in pgUTC) is aware, in UTC; timestamp naive.
		aware := x.Location() != time.UTC
		if aware {
			x = x.UTC()
		}
		v, err = goconv.Datetime(t, x, aware)
	case pgtype.Time:
		us := x.Microseconds
		v, err = pyCall(t, "datetime", "time", vm.Int(us/3600e6), vm.Int(us/60e6%60), vm.Int(us/1e6%60), vm.Int(us%1e6))
	case pgtype.Interval:
		v, err = goconv.TimedeltaDays(t, int64(x.Days)+30*int64(x.Months), x.Microseconds)
	case pgtype.Numeric:
		v, err = pyCall(t, "decimal", "Decimal", vm.Str(numericText(x)))
	case [16]byte:
		v, err = pyCall(t, "uuid", "UUID", vm.Str(fmt.Sprintf("%x", x[:])))
	default:
		var ok bool
		if v, ok = goconv.ScalarValue(x); !ok {
			v = vm.Str(fmt.Sprint(x))
		}
	}
	return v, true, err
}

// pgDate marks a date column's value (pgx gives a time.Time).
type pgDate struct{ time.Time }

var pgUTC = time.FixedZone("UTC", 0)

// numericText renders a numeric with its scale ("1.50"), as PostgreSQL does.
func numericText(n pgtype.Numeric) string {
	if n.NaN {
		return "NaN"
	}
	switch n.InfinityModifier {
	case pgtype.Infinity:
		return "Infinity"
	case pgtype.NegativeInfinity:
		return "-Infinity"
	}
	digits := n.Int.String()
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	if n.Exp >= 0 {
		digits += strings.Repeat("0", int(n.Exp))
	} else {
		scale := int(-n.Exp)
		if len(digits) <= scale {
			digits = strings.Repeat("0", scale-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// pyCall calls module.name(*args).
func pyCall(t *vm.Thread, module, name string, args ...vm.Value) (vm.Value, error) {
	m, err := t.ImportModule(module)
	if err != nil {
		return vm.Undef, err
	}
	fn, ok := m.Get(name)
	if !ok {
		return vm.Undef, vm.Errorf(vm.AttributeError, "module '%s' has no attribute '%s'", module, name)
	}
	return t.Call(fn, args, nil)
}
