package stdlib

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	gotime "time"

	"github.com/asylang/asy/vm"
)

// The native half of zoneinfo: Go's time zone database answers for a key.
// Go reads the system's zone files (ZONEINFO, /usr/share/zoneinfo, ...),
// then the copy of the IANA data linked in when the program imports
// time/tzdata (modules/zoneinfo does, for the asy command). A script
// without the host's files gets zones only from that linked copy, so it
// learns nothing of the host's files; without either, ZoneInfoNotFoundError.
// pylib/zoneinfo.py builds the tzinfo class on _offset_local and
// _offset_utc.

// TZDataLinked is set by modules/zoneinfo when it links time/tzdata.
var TZDataLinked bool

var zoneCache sync.Map // key -> *gotime.Location

func loadZone(key string, host bool) (*gotime.Location, bool) {
	if loc, ok := zoneCache.Load(key); ok && (host || TZDataLinked) {
		return loc.(*gotime.Location), true
	}
	if !host && !TZDataLinked {
		return nil, false
	}
	loc, err := gotime.LoadLocation(key)
	if err != nil || loc == gotime.Local {
		return nil, false
	}
	zoneCache.Store(key, loc)
	return loc, true
}

// zoneAt is the offset (s), abbreviation and DST amount (s) of loc at the
// instant unix. Go does not store the DST amount, so it is the offset less
// the standard offset of the nearest earlier period without DST.
func zoneAt(loc *gotime.Location, unix int64) (int, string, int) {
	t := gotime.Unix(unix, 0).In(loc)
	name, off := t.Zone()
	if !t.IsDST() {
		return off, name, 0
	}
	p := t
	for i := 0; i < 6; i++ {
		start, _ := p.ZoneBounds()
		if start.IsZero() {
			break
		}
		p = start.Add(-gotime.Second).In(loc)
		if !p.IsDST() {
			_, std := p.Zone()
			return off, name, off - std
		}
	}
	return off, name, 3600
}

// localOffset resolves the wall time w (seconds, as if UTC) to the
// instant's zone, PEP 495's way: an ambiguous time takes the earlier
// offset with fold 0 and the later with fold 1; a time in a gap uses the
// offset before the gap with fold 0 and the one after with fold 1.
func localOffset(loc *gotime.Location, w int64, fold bool) (int, string, int) {
	before, _, _ := zoneAt(loc, w-86400)
	after, _, _ := zoneAt(loc, w+86400)
	var valid []int
	for _, o := range []int{before, after} {
		if off, _, _ := zoneAt(loc, w-int64(o)); off == o && (len(valid) == 0 || valid[0] != o) {
			valid = append(valid, o)
		}
	}
	switch {
	case len(valid) == 2 && fold:
		return zoneAt(loc, w-int64(valid[1]))
	case len(valid) > 0:
		return zoneAt(loc, w-int64(valid[0]))
	case fold:
		// In a gap: described by the period whose offset is used.
		return zoneAt(loc, w+86400)
	}
	return zoneAt(loc, w-86400)
}

func zoneinfoModule(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("zoneinfo", "")
	host := filesOf(it).g.Host
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	zone := func(t *vm.Thread, v vm.Value) (*gotime.Location, error) {
		key, _ := v.StrOf()
		loc, ok := loadZone(key, host)
		if !ok {
			return nil, vm.Errorf(vm.KeyError, "No time zone found with key %s", key)
		}
		return loc, nil
	}
	// _exists(key) -> whether the database has the zone.
	fn("_exists", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_exists", args, 1); err != nil {
			return vm.Undef, err
		}
		key, _ := args[0].StrOf()
		_, ok := loadZone(key, host)
		return vm.Bool(ok), nil
	})
	// _offset_utc(key, unix) -> (offset, name, dst, fold) at an instant;
	// fold is 1 when the local time it shows occurred before, as PEP 495's
	// fromutc marks the second of two equal wall times.
	fn("_offset_utc", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_offset_utc", args, 2); err != nil {
			return vm.Undef, err
		}
		loc, err := zone(t, args[0])
		if err != nil {
			return vm.Undef, err
		}
		unix, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		off, name, dst := zoneAt(loc, unix)
		fold := int64(0)
		start, _ := gotime.Unix(unix, 0).In(loc).ZoneBounds()
		if !start.IsZero() {
			prev, _, _ := zoneAt(loc, start.Unix()-1)
			w := unix + int64(off)
			if earlier := w - int64(prev); prev != off && earlier < start.Unix() {
				fold = 1
			}
		}
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(off)), vm.Str(name), vm.Int(int64(dst)), vm.Int(fold)})), nil
	})
	// _offset_local(key, wall, fold) -> (offset, name, dst) of a wall time
	// given as seconds since the epoch as if it were UTC.
	fn("_offset_local", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("_offset_local", args, 3); err != nil {
			return vm.Undef, err
		}
		loc, err := zone(t, args[0])
		if err != nil {
			return vm.Undef, err
		}
		w, err := t.AsInt64(args[1])
		if err != nil {
			return vm.Undef, err
		}
		fold, err := t.Truth(args[2])
		if err != nil {
			return vm.Undef, err
		}
		off, name, dst := localOffset(loc, w, fold)
		return vm.Obj(vm.NewTuple([]vm.Value{vm.Int(int64(off)), vm.Str(name), vm.Int(int64(dst))})), nil
	})
	// _available() -> the keys under the system's zone directory (only with
	// the host's files: the linked copy cannot be listed).
	fn("_available", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		var keys []string
		if host {
			keys = systemZoneKeys()
		}
		items := make([]vm.Value, len(keys))
		for i, k := range keys {
			items[i] = vm.Str(k)
		}
		return vm.Obj(vm.NewList(items)), nil
	})
	return m, nil
}

// systemZoneKeys lists the zone files under the first zone directory
// found, as CPython's available_timezones walks TZPATH: files starting
// with the TZif magic, less the "posix/" and "right/" copies.
func systemZoneKeys() []string {
	for _, dir := range []string{"/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		var keys []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(dir, p)
			if d.IsDir() {
				if rel == "posix" || rel == "right" {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(rel, ".tab") || strings.HasSuffix(rel, ".zi") || rel == "posixrules" || rel == "localtime" {
				return nil
			}
			f, err := os.Open(p)
			if err != nil {
				return nil
			}
			magic := make([]byte, 4)
			n, _ := f.Read(magic)
			f.Close()
			if n == 4 && string(magic) == "TZif" {
				keys = append(keys, rel)
			}
			return nil
		})
		sort.Strings(keys)
		return keys
	}
	return nil
}

func init() { register("zoneinfo", zoneinfoModule) }
