package stdlib

import (
	_ "embed"
	"fmt"
	"strings"
	gotime "time"

	"github.com/asylang/asy/vm"
)

//go:embed datetime_lib.py
var datetimeLib string

// datetimeModule runs datetime_lib.py with its one native helper: the
// strftime formatter time.strftime uses, plus %f, %z and %Z.
func datetimeModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("datetime", "")
	m.Set("__name__", vm.Str("datetime"))
	m.Set("_strftime", vm.NewBuiltin("_strftime", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if len(args) != 10 {
			return vm.Undef, vm.Errorf(vm.TypeError, "_strftime() takes 10 arguments")
		}
		format, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "strftime() argument 1 must be str, not %s", args[0].TypeName())
		}
		n := make([]int, 7)
		for i := range n {
			v, err := t.AsInt64(args[i+1])
			if err != nil {
				return vm.Undef, err
			}
			n[i] = int(v)
		}
		zone := ""
		if !args[8].IsNone() {
			off, err := t.AsInt64(args[8])
			if err != nil {
				return vm.Undef, err
			}
			sign := '+'
			if off < 0 {
				sign, off = '-', -off
			}
			zone = fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60)
		}
		name, _ := args[9].StrOf()
		var b strings.Builder
		for i := 0; i < len(format); i++ {
			if format[i] == '%' && i+1 < len(format) {
				switch format[i+1] {
				case 'f':
					fmt.Fprintf(&b, "%06d", n[6])
					i++
					continue
				case 'z':
					b.WriteString(zone)
					i++
					continue
				case 'Z':
					b.WriteString(name)
					i++
					continue
				case '%':
					b.WriteString("%%")
					i++
					continue
				}
			}
			b.WriteByte(format[i])
		}
		tm := gotime.Date(n[0], gotime.Month(n[1]), n[2], n[3], n[4], n[5], n[6]*1000, gotime.UTC)
		return vm.Str(Strftime(b.String(), tm)), nil
	}))
	it.AddModule(m)
	if err := it.MainThread().ExecLibrary(m, "<datetime>", datetimeLib); err != nil {
		return nil, err
	}
	return m, nil
}

func init() { register("datetime", datetimeModule) }
