package stdlib

import (
	"fmt"
	"math"
	goruntime "runtime"
	"strconv"
	"strings"
	gotime "time"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/vm"
)

// The time module. Every clock read and sleep goes through the
// interpreter's runtime.Clock, so under --clock=virtual time.time(),
// time.monotonic() and time.sleep() follow virtual time.

var structTimeType = vm.NewNativeClass("struct_time", "time", nil, nil)

type structTime struct {
	t     gotime.Time
	isDST int
}

func (*structTime) Class() *vm.Class { return structTimeType }

func (s *structTime) fields() []int {
	t := s.t
	wday := (int(t.Weekday()) + 6) % 7
	return []int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), wday, t.YearDay(), s.isDST}
}

var structTimeNames = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func (s *structTime) Repr(t *vm.Thread) (string, error) {
	var parts []string
	for i, v := range s.fields() {
		parts = append(parts, fmt.Sprintf("%s=%d", structTimeNames[i], v))
	}
	return "time.struct_time(" + strings.Join(parts, ", ") + ")", nil
}

func (s *structTime) GetAttr(t *vm.Thread, name string) (vm.Value, bool, error) {
	for i, n := range structTimeNames {
		if n == name {
			return vm.Int(int64(s.fields()[i])), true, nil
		}
	}
	switch name {
	case "tm_zone":
		z, _ := s.t.Zone()
		return vm.Str(z), true, nil
	case "tm_gmtoff":
		_, off := s.t.Zone()
		return vm.Int(int64(off)), true, nil
	}
	return vm.Undef, false, nil
}

func (s *structTime) GetItem(t *vm.Thread, key vm.Value) (vm.Value, error) {
	items := s.tuple()
	return t.GetItem(vm.Obj(vm.NewTuple(items)), key)
}

func (s *structTime) tuple() []vm.Value {
	var items []vm.Value
	for _, v := range s.fields() {
		items = append(items, vm.Int(int64(v)))
	}
	return items
}

func (s *structTime) Iter(t *vm.Thread) (vm.Value, error) {
	return t.Iter(vm.Obj(vm.NewTuple(s.tuple())))
}

func (s *structTime) Len() int { return 9 }

func timeModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("time", "")
	clock := func() runtime.Clock { return runtime.ClockOf(it) }
	// No function of time takes keyword arguments; these take none at all
	// or at most one.
	noArgs := map[string]bool{"time": true, "time_ns": true, "monotonic": true, "monotonic_ns": true,
		"perf_counter": true, "perf_counter_ns": true, "process_time": true, "process_time_ns": true}
	atMostOne := map[string]bool{"localtime": true, "gmtime": true}
	fn := func(name string, f vm.BuiltinFunc) {
		m.Set(name, vm.NewBuiltin(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			full := "time." + name
			if atMostOne[name] {
				full = name
			}
			if err := vm.NoKwargs(full, kw); err != nil {
				return vm.Undef, err
			}
			if noArgs[name] && len(args) > 0 {
				return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes no arguments (%d given)", full, len(args))
			}
			if atMostOne[name] && len(args) > 1 {
				return vm.Undef, vm.Errorf(vm.TypeError, "%s() takes at most 1 argument (%d given)", name, len(args))
			}
			return f(t, args, kw)
		}))
	}
	fn("time", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Float(clock().Wall()), nil
	})
	fn("time_ns", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(int64(clock().Wall() * 1e9)), nil
	})
	fn("process_time", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Float(float64(processCPUTime()) / 1e9), nil
	})
	fn("process_time_ns", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		return vm.Int(processCPUTime()), nil
	})
	for _, name := range []string{"monotonic", "perf_counter"} {
		fn(name, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return vm.Float(clock().Now()), nil
		})
		fn(name+"_ns", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			return vm.Int(int64(clock().Now() * 1e9)), nil
		})
	}
	fn("sleep", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("time.sleep", args, 1); err != nil {
			return vm.Undef, err
		}
		d, err := vm.AsFloat(args[0])
		if err != nil {
			return vm.Undef, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", args[0].TypeName())
		}
		if d < 0 {
			return vm.Undef, vm.Errorf(vm.ValueError, "sleep length must be non-negative")
		}
		c := clock()
		if d == 0 {
			// sleep(0) only yields the interpreter lock to other threads.
			t.Blocking(goruntime.Gosched)
			return vm.None, nil
		}
		if _, ok := c.(*runtime.VirtualClock); ok && t == it.MainThread() {
			// The main thread drives virtual time: it lets running executor
			// jobs reach their own sleeps, then advances (waking them in order)
			// until its own deadline.
			runtime.WaitDriving(t, nil, d)
			return vm.None, t.CheckInterrupt()
		}
		if vc, virtual := c.(*runtime.VirtualClock); virtual {
			s := vc.StartSleep(vc.Now() + d)
			err := t.BlockingStop(func(stop <-chan struct{}) {
				select {
				case <-s.Done():
				case <-stop:
				}
			})
			if err != nil {
				vc.CancelSleep(s)
				return vm.Undef, err
			}
			return vm.None, nil
		}
		// A real sleep ends early for Ctrl-C or an embedder's stop, which
		// then raises here (CPython's sleep is interruptible the same way).
		if err := t.BlockingStop(func(stop <-chan struct{}) {
			timer := gotime.NewTimer(gotime.Duration(d * float64(gotime.Second)))
			defer timer.Stop()
			select {
			case <-timer.C:
			case <-stop:
			}
		}); err != nil {
			return vm.Undef, err
		}
		return vm.None, nil
	})
	toTime := func(t *vm.Thread, args []vm.Value, local bool) (gotime.Time, error) {
		var tm gotime.Time
		if len(args) == 0 || args[0].IsNone() {
			w := clock().Wall()
			tm = gotime.Unix(0, int64(w*1e9))
		} else {
			f, err := vm.AsFloat(args[0])
			if err != nil {
				return tm, err
			}
			// Whole seconds apart from the fraction: nanoseconds since
			// 1970 in an int64 end in 1677 and 2262.
			sec := math.Floor(f)
			tm = gotime.Unix(int64(sec), int64((f-sec)*1e9))
		}
		if local && runtime.GrantsOf(t.Interp()).RealClock {
			return tm.Local(), nil
		}
		// Without the RealClock grant local time is UTC: the host's time
		// zone says where it is.
		return tm.UTC(), nil
	}
	fn("localtime", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tm, err := toTime(t, args, true)
		return vm.Obj(&structTime{t: tm}), err
	})
	fn("gmtime", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		tm, err := toTime(t, args, false)
		return vm.Obj(&structTime{t: tm}), err
	})
	fn("strftime", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.RangeArgs("strftime", args, 1, 2); err != nil {
			return vm.Undef, err
		}
		format, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "strftime() argument 1 must be str, not %s", args[0].TypeName())
		}
		var tm gotime.Time
		if len(args) == 2 {
			st, ok := args[1].AsObj().(*structTime)
			if !ok {
				return vm.Undef, vm.Errorf(vm.TypeError, "Tuple or struct_time argument required")
			}
			tm = st.t
		} else {
			tm, _ = toTime(t, nil, true)
		}
		return vm.Str(Strftime(format, tm)), nil
	})
	m.Set("timezone", vm.Int(0))
	return m, nil
}

// Strftime formats t with C strftime directives.
func Strftime(format string, t gotime.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			zeroPad(&b, t.Year(), 0)
		case 'y':
			zeroPad(&b, t.Year()%100, 2)
		case 'm':
			zeroPad(&b, int(t.Month()), 2)
		case 'd':
			zeroPad(&b, t.Day(), 2)
		case 'H':
			zeroPad(&b, t.Hour(), 2)
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			zeroPad(&b, h, 2)
		case 'M':
			zeroPad(&b, t.Minute(), 2)
		case 'S':
			zeroPad(&b, t.Second(), 2)
		case 'f':
			zeroPad(&b, t.Nanosecond()/1000, 6)
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'a':
			b.WriteString(t.Weekday().String()[:3])
		case 'B':
			b.WriteString(t.Month().String())
		case 'b', 'h':
			b.WriteString(t.Month().String()[:3])
		case 'j':
			zeroPad(&b, t.YearDay(), 3)
		case 'w':
			zeroPad(&b, int(t.Weekday()), 0)
		case 'Z':
			z, _ := t.Zone()
			b.WriteString(z)
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'c':
			b.WriteString(t.Format("Mon Jan  2 15:04:05 2006"))
		case 'x':
			b.WriteString(t.Format("01/02/06"))
		case 'X':
			b.WriteString(t.Format("15:04:05"))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

// zeroPad writes v in decimal, zero-padded to width (fmt's %0<width>d;
// strftime runs for every logging asctime, fmt's reflection is slow).
func zeroPad(b *strings.Builder, v, width int) {
	if v < 0 {
		fmt.Fprintf(b, "%0*d", width, v)
		return
	}
	var buf [20]byte
	d := strconv.AppendInt(buf[:0], int64(v), 10)
	for n := len(d); n < width; n++ {
		b.WriteByte('0')
	}
	b.Write(d)
}

func init() { register("time", timeModule) }
