// Package unicodedata is the extension that gives scripts the unicodedata
// module, on Go's unicode tables and golang.org/x/text (character names,
// bidi classes, widths, normalization). The names table alone is several
// hundred KB, so the core does not link it: an embedder opts in,
//
//	in, err := asy.New(asy.Options{Extensions: []asy.Extension{unicodedata.Extension}})
//
// and the asy command does. unidata_version is the version of those tables
// (Unicode 15.0.0), not CPython 3.11's 14.0.0.
package unicodedata

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
	"golang.org/x/text/width"

	"github.com/asylang/asy"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// Extension is what an embedder lists in asy.Options.Extensions.
var Extension = asy.NewExtension("unicodedata")

func init() {
	stdlib.RegisterExtension("unicodedata", map[string]vm.ModuleLoader{"unicodedata": module})
}

// charArg is the one-character string argument every function takes.
func charArg(fname string, args []vm.Value, n int) (rune, error) {
	if len(args) < 1 {
		return 0, vm.Errorf(vm.TypeError, "%s() takes at least 1 argument (0 given)", fname)
	}
	if len(args) > n {
		return 0, vm.Errorf(vm.TypeError, "%s expected at most %d arguments, got %d", fname, n, len(args))
	}
	which := "argument"
	if n > 1 {
		which = "argument 1"
	}
	s, ok := args[0].StrOf()
	if !ok {
		return 0, vm.Errorf(vm.TypeError, "%s() %s must be a unicode character, not %s", fname, which, args[0].TypeName())
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) {
		return 0, vm.Errorf(vm.TypeError, "%s() %s must be a unicode character, not str", fname, which)
	}
	return r, nil
}

// category is the two-letter general category ("Cn" when unassigned).
func category(r rune) string {
	for _, name := range categoryNames {
		if unicode.Is(unicode.Categories[name], r) {
			return name
		}
	}
	return "Cn"
}

var categoryNames = func() []string {
	var out []string
	for name := range unicode.Categories {
		if len(name) == 2 && name != "LC" { // LC (cased letter) spans Lu, Ll, Lt
			out = append(out, name)
		}
	}
	return out
}()

var bidiNames = map[bidi.Class]string{
	bidi.L: "L", bidi.R: "R", bidi.EN: "EN", bidi.ES: "ES", bidi.ET: "ET", bidi.AN: "AN",
	bidi.CS: "CS", bidi.B: "B", bidi.S: "S", bidi.WS: "WS", bidi.ON: "ON", bidi.BN: "BN",
	bidi.NSM: "NSM", bidi.AL: "AL",
}

// explicitBidi are the formatting characters x/text folds into one class.
var explicitBidi = map[rune]string{
	0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}

func bidirectional(r rune) string {
	if s, ok := explicitBidi[r]; ok {
		return s
	}
	if category(r) == "Cn" {
		return ""
	}
	p, _ := bidi.LookupRune(r)
	return bidiNames[p.Class()]
}

// decimalValue is the digit value of a decimal digit (category Nd): Nd
// characters come in runs of ten, 0 to 9, so the value is the distance
// from the run's start.
func decimalValue(r rune) (int, bool) {
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	k := 0
	for unicode.Is(unicode.Nd, r-rune(k)-1) {
		k++
	}
	return k % 10, true
}

// digitRuns are characters with a digit value that are not decimal:
// superscripts, subscripts, circled and otherwise decorated digits. Each
// entry is a first rune, a last rune and the first one's value.
var digitRuns = [][3]rune{
	{0xb2, 0xb3, 2}, {0xb9, 0xb9, 1}, {0x2070, 0x2070, 0}, {0x2074, 0x2079, 4}, {0x2080, 0x2089, 0},
	{0x2460, 0x2468, 1}, {0x2474, 0x247c, 1}, {0x2488, 0x2490, 1}, {0x24ea, 0x24ea, 0},
	{0x24f5, 0x24fd, 1}, {0x24ff, 0x24ff, 0}, {0x2776, 0x277e, 1}, {0x2780, 0x2788, 1},
	{0x278a, 0x2792, 1}, {0x1369, 0x1371, 1}, {0x1f100, 0x1f10a, 0},
}

func digitValue(r rune) (int, bool) {
	if v, ok := decimalValue(r); ok {
		return v, true
	}
	for _, run := range digitRuns {
		if r >= run[0] && r <= run[1] {
			return int(r - run[0] + run[2]), true
		}
	}
	return 0, false
}

// numericRuns extend digitRuns with numbers that are not digits: circled
// numbers beyond 9, Roman numerals, CJK numerals; numericFractions the
// vulgar fractions.
var numericRuns = [][3]rune{
	{0x2469, 0x2473, 10}, {0x247d, 0x2487, 10}, {0x2491, 0x249b, 10}, {0x24eb, 0x24f4, 11},
	{0x2160, 0x216b, 1}, {0x2170, 0x217b, 1}, {0x277f, 0x277f, 10}, {0x2789, 0x2789, 10}, {0x2793, 0x2793, 10},
}

var numericValues = map[rune]float64{
	0xbc: 0.25, 0xbd: 0.5, 0xbe: 0.75, 0x2150: 1.0 / 7, 0x2151: 1.0 / 9, 0x2152: 0.1,
	0x2153: 1.0 / 3, 0x2154: 2.0 / 3, 0x2155: 0.2, 0x2156: 0.4, 0x2157: 0.6, 0x2158: 0.8,
	0x2159: 1.0 / 6, 0x215a: 5.0 / 6, 0x215b: 0.125, 0x215c: 0.375, 0x215d: 0.625, 0x215e: 0.875,
	0x215f: 1, 0x2189: 0, 0x216c: 50, 0x216d: 100, 0x216e: 500, 0x216f: 1000, 0x217c: 50,
	0x217d: 100, 0x217e: 500, 0x217f: 1000, 0x3007: 0, 0x4e00: 1, 0x4e8c: 2, 0x4e09: 3,
	0x56db: 4, 0x4e94: 5, 0x516d: 6, 0x4e03: 7, 0x516b: 8, 0x4e5d: 9, 0x5341: 10, 0x767e: 100,
	0x5343: 1000, 0x4e07: 10000, 0x5104: 1e8,
}

func numericValue(r rune) (float64, bool) {
	if v, ok := digitValue(r); ok {
		return float64(v), true
	}
	for _, run := range numericRuns {
		if r >= run[0] && r <= run[1] {
			return float64(r - run[0] + run[2]), true
		}
	}
	v, ok := numericValues[r]
	return v, ok
}

// mirroredExtra are mirrored characters that are not paired brackets
// (x/text knows the brackets): comparison and set relations mostly.
var mirroredExtra = map[rune]bool{
	'<': true, '>': true, 0xab: true, 0xbb: true, 0x2039: true, 0x203a: true,
	0x2208: true, 0x2209: true, 0x220a: true, 0x220b: true, 0x220c: true, 0x220d: true,
	0x2264: true, 0x2265: true, 0x2266: true, 0x2267: true, 0x226a: true, 0x226b: true,
	0x226e: true, 0x226f: true, 0x2282: true, 0x2283: true, 0x2286: true, 0x2287: true,
}

func mirrored(r rune) bool {
	if mirroredExtra[r] {
		return true
	}
	p, _ := bidi.LookupRune(r)
	return p.IsBracket()
}

var widthNames = map[width.Kind]string{
	width.Neutral: "N", width.EastAsianAmbiguous: "A", width.EastAsianWide: "W",
	width.EastAsianNarrow: "Na", width.EastAsianFullwidth: "F", width.EastAsianHalfwidth: "H",
}

// Hangul syllable names are built from their jamo, as Unicode specifies.
var (
	jamoL = strings.Split("G GG N D DD R M B BB S SS  J JJ C K T P H", " ")
	jamoV = strings.Split("A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I", " ")
	jamoT = strings.Split(" G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H", " ")
)

// name is the character's name, "" when it has none.
func name(r rune) string {
	n := runenames.Name(r)
	if !strings.HasPrefix(n, "<") {
		return n
	}
	switch {
	case r >= 0xac00 && r <= 0xd7a3:
		s := int(r - 0xac00)
		return "HANGUL SYLLABLE " + jamoL[s/588] + jamoV[s%588/28] + jamoT[s%28]
	case strings.HasPrefix(n, "<CJK Ideograph"):
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%X", r)
	case strings.HasPrefix(n, "<Tangut Ideograph"):
		return fmt.Sprintf("TANGUT IDEOGRAPH-%X", r)
	}
	return ""
}

// byName is the reverse of name, built on the first lookup.
var byName = sync.OnceValue(func() map[string]rune {
	m := make(map[string]rune, 40000)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xac00 {
			r = 0xd7a4 // Hangul syllables are computed in lookup
		}
		n := runenames.Name(r)
		if n != "" && !strings.HasPrefix(n, "<") {
			m[n] = r
		}
	}
	return m
})

func lookup(n string) (rune, bool) {
	n = strings.ToUpper(n)
	if r, ok := byName()[n]; ok {
		return r, true
	}
	for _, prefix := range []string{"CJK UNIFIED IDEOGRAPH-", "TANGUT IDEOGRAPH-"} {
		if hex, ok := strings.CutPrefix(n, prefix); ok {
			var r rune
			if _, err := fmt.Sscanf(hex, "%X", &r); err == nil && name(r) == n {
				return r, true
			}
		}
	}
	if rest, ok := strings.CutPrefix(n, "HANGUL SYLLABLE "); ok {
		for s := 0; s < 11172; s++ {
			if jamoL[s/588]+jamoV[s%588/28]+jamoT[s%28] == rest {
				return rune(0xac00 + s), true
			}
		}
	}
	return 0, false
}

var forms = map[string]norm.Form{"NFC": norm.NFC, "NFD": norm.NFD, "NFKC": norm.NFKC, "NFKD": norm.NFKD}

func normArgs(fname string, args []vm.Value) (norm.Form, string, error) {
	if err := vm.ExactArgs(fname, args, 2); err != nil {
		return 0, "", err
	}
	f, ok := args[0].StrOf()
	if !ok {
		return 0, "", vm.Errorf(vm.TypeError, "%s() argument 1 must be str, not %s", fname, args[0].TypeName())
	}
	s, ok := args[1].StrOf()
	if !ok {
		return 0, "", vm.Errorf(vm.TypeError, "%s() argument 2 must be str, not %s", fname, args[1].TypeName())
	}
	form, ok := forms[f]
	if !ok {
		return 0, "", vm.Errorf(vm.ValueError, "invalid normalization form")
	}
	return form, s, nil
}

func module(it *vm.Interp) (*vm.Module, error) {
	m := vm.NewModule("unicodedata", "")
	fn := func(name string, f vm.BuiltinFunc) { m.Set(name, vm.NewBuiltin(name, f)) }
	m.Set("unidata_version", vm.Str(norm.Version))

	// withDefault answers a lookup that may fail: the value, else the
	// default argument, else ValueError(msg).
	withDefault := func(fname, msg string, get func(rune) (vm.Value, bool)) {
		fn(fname, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			r, err := charArg(fname, args, 2)
			if err != nil {
				return vm.Undef, err
			}
			if v, ok := get(r); ok {
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return vm.Undef, vm.Errorf(vm.ValueError, "%s", msg)
		})
	}
	withDefault("name", "no such name", func(r rune) (vm.Value, bool) {
		n := name(r)
		return vm.Str(n), n != ""
	})
	withDefault("decimal", "not a decimal", func(r rune) (vm.Value, bool) {
		v, ok := decimalValue(r)
		return vm.Int(int64(v)), ok
	})
	withDefault("digit", "not a digit", func(r rune) (vm.Value, bool) {
		v, ok := digitValue(r)
		return vm.Int(int64(v)), ok
	})
	withDefault("numeric", "not a numeric character", func(r rune) (vm.Value, bool) {
		v, ok := numericValue(r)
		return vm.Float(v), ok
	})
	// The one-character properties.
	prop := func(fname string, get func(rune) vm.Value) {
		fn(fname, func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
			r, err := charArg(fname, args, 1)
			if err != nil {
				return vm.Undef, err
			}
			return get(r), nil
		})
	}
	prop("category", func(r rune) vm.Value { return vm.Str(category(r)) })
	prop("bidirectional", func(r rune) vm.Value { return vm.Str(bidirectional(r)) })
	prop("combining", func(r rune) vm.Value {
		return vm.Int(int64(norm.NFD.PropertiesString(string(r)).CCC()))
	})
	prop("mirrored", func(r rune) vm.Value {
		if mirrored(r) {
			return vm.Int(1)
		}
		return vm.Int(0)
	})
	prop("east_asian_width", func(r rune) vm.Value { return vm.Str(widthNames[width.LookupRune(r).Kind()]) })
	fn("lookup", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		if err := vm.ExactArgs("lookup", args, 1); err != nil {
			return vm.Undef, err
		}
		n, ok := args[0].StrOf()
		if !ok {
			return vm.Undef, vm.Errorf(vm.TypeError, "lookup() argument must be str, not %s", args[0].TypeName())
		}
		r, found := lookup(n)
		if !found {
			return vm.Undef, vm.NewException(vm.KeyError, vm.Str(fmt.Sprintf("undefined character name '%s'", n)))
		}
		return vm.Str(string(r)), nil
	})
	fn("normalize", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		form, s, err := normArgs("normalize", args)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Str(form.String(s)), nil
	})
	fn("is_normalized", func(t *vm.Thread, args []vm.Value, kw []vm.KV) (vm.Value, error) {
		form, s, err := normArgs("is_normalized", args)
		if err != nil {
			return vm.Undef, err
		}
		return vm.Bool(form.IsNormalString(s)), nil
	})
	return m, nil
}
