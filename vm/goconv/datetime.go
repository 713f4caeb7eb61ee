package goconv

import (
	"time"

	"github.com/asylang/asy/vm"
)

// The datetime rows. The datetime module is script code (stdlib/pylib), so
// its objects are read through their attributes and made by calling its
// classes; a module that was never imported holds no such value, and none
// is imported just to look.

// DatetimeClass reports whether v is an instance of exactly the datetime
// module's class name ("date", "datetime", "time", "timedelta").
func DatetimeClass(t *vm.Thread, v vm.Value, name string) bool {
	if v.Kind() != vm.KObj {
		return false
	}
	if _, ok := v.AsObj().(*vm.Instance); !ok {
		return false
	}
	m, ok := t.Interp().Module("datetime")
	if !ok {
		return false
	}
	cls, ok := m.Get(name)
	return ok && cls.Kind() == vm.KObj && cls.AsObj() == vm.Object(v.Class())
}

// TimeOf is the time.Time of a datetime.datetime (in its UTC offset; a
// naive one in UTC); ok=false for any other value.
func TimeOf(t *vm.Thread, v vm.Value) (tm time.Time, ok bool, err error) {
	if !DatetimeClass(t, v, "datetime") {
		return time.Time{}, false, nil
	}
	loc := time.UTC
	off, err := t.CallMethod(v, "utcoffset")
	if err != nil {
		return time.Time{}, false, err
	}
	if !off.IsNone() {
		secs, err := t.CallMethod(off, "total_seconds")
		if err != nil {
			return time.Time{}, false, err
		}
		f, _ := vm.AsFloat(secs)
		loc = time.FixedZone("", int(f))
	}
	a := Attrs(t, v, "year", "month", "day", "hour", "minute", "second", "microsecond")
	return time.Date(a[0], time.Month(a[1]), a[2], a[3], a[4], a[5], a[6]*1000, loc), true, nil
}

// DateOf is the midnight UTC time.Time of a datetime.date; ok=false for any
// other value (a datetime included).
func DateOf(t *vm.Thread, v vm.Value) (time.Time, bool) {
	if !DatetimeClass(t, v, "date") {
		return time.Time{}, false
	}
	a := Attrs(t, v, "year", "month", "day")
	return time.Date(a[0], time.Month(a[1]), a[2], 0, 0, 0, 0, time.UTC), true
}

// DurationOf is the time.Duration of a datetime.timedelta; ok=false for any
// other value.
func DurationOf(t *vm.Thread, v vm.Value) (time.Duration, bool) {
	if !DatetimeClass(t, v, "timedelta") {
		return 0, false
	}
	a := Attrs(t, v, "days", "seconds", "microseconds")
	us := (int64(a[0])*86400+int64(a[1]))*1e6 + int64(a[2])
	return time.Duration(us) * time.Microsecond, true
}

// Attrs reads int attributes of v (0 for one missing or not an int).
func Attrs(t *vm.Thread, v vm.Value, names ...string) []int {
	out := make([]int, len(names))
	for i, name := range names {
		x, err := t.GetAttr(v, name)
		if err != nil {
			continue
		}
		n, _ := t.AsInt64(x)
		out[i] = int(n)
	}
	return out
}

// Datetime makes a datetime.datetime of tm (to the microsecond): aware
// with tm's UTC offset as its timezone (timezone.utc for 0), or naive.
func Datetime(t *vm.Thread, tm time.Time, aware bool) (vm.Value, error) {
	m, err := t.ImportModule("datetime")
	if err != nil {
		return vm.Undef, err
	}
	args := []vm.Value{vm.Int(int64(tm.Year())), vm.Int(int64(tm.Month())), vm.Int(int64(tm.Day())),
		vm.Int(int64(tm.Hour())), vm.Int(int64(tm.Minute())), vm.Int(int64(tm.Second())), vm.Int(int64(tm.Nanosecond() / 1000))}
	if aware {
		tz, _ := m.Get("timezone")
		var zone vm.Value
		if _, off := tm.Zone(); off == 0 {
			zone, err = t.GetAttr(tz, "utc")
		} else {
			var delta vm.Value
			if delta, err = Timedelta(t, time.Duration(off)*time.Second); err == nil {
				zone, err = t.Call(tz, []vm.Value{delta}, nil)
			}
		}
		if err != nil {
			return vm.Undef, err
		}
		args = append(args, zone)
	}
	return call(t, m, "datetime", args, nil)
}

// Date makes a datetime.date of tm's calendar day.
func Date(t *vm.Thread, tm time.Time) (vm.Value, error) {
	m, err := t.ImportModule("datetime")
	if err != nil {
		return vm.Undef, err
	}
	return call(t, m, "date", []vm.Value{vm.Int(int64(tm.Year())), vm.Int(int64(tm.Month())), vm.Int(int64(tm.Day()))}, nil)
}

// Timedelta makes a datetime.timedelta of d (to the microsecond).
func Timedelta(t *vm.Thread, d time.Duration) (vm.Value, error) {
	return TimedeltaDays(t, 0, d.Microseconds())
}

// TimedeltaDays makes timedelta(days=days, microseconds=us).
func TimedeltaDays(t *vm.Thread, days, us int64) (vm.Value, error) {
	m, err := t.ImportModule("datetime")
	if err != nil {
		return vm.Undef, err
	}
	return call(t, m, "timedelta", nil, []vm.KV{{Name: "days", Val: vm.Int(days)}, {Name: "microseconds", Val: vm.Int(us)}})
}

func call(t *vm.Thread, m *vm.Module, name string, args []vm.Value, kw []vm.KV) (vm.Value, error) {
	fn, ok := m.Get(name)
	if !ok {
		return vm.Undef, vm.Errorf(vm.AttributeError, "module 'datetime' has no attribute '%s'", name)
	}
	return t.Call(fn, args, kw)
}
