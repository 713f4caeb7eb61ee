package asy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/asylang/asy/runtime"
	"github.com/asylang/asy/stdlib"
	"github.com/asylang/asy/vm"
)

// RunModule runs a module as __main__, as `python3 -m name` does: a
// module found on the search path (the working directory, then
// PYTHONPATH), a package's __main__ module, or one of asy's library modules
// that can run (unittest). opts.Args[0] is replaced by the module's path.
// Parent packages are imported first, and the module knows its package, so
// its relative imports work.
func RunModule(name string, opts Options) int {
	opts = opts.normalized()
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "."
	}
	g, err := opts.Grants.grants()
	if err != nil {
		fmt.Fprintf(stderrOf(opts), "asy: %v\n", err)
		return 2
	}
	modName, file, src, errMsg := findMainModule(name, cwd, pythonPath(opts, g))
	if errMsg != "" {
		fmt.Fprintf(stderrOf(opts), "asy: %s\n", errMsg)
		return 1
	}
	if len(opts.Args) == 0 {
		opts.Args = []string{file}
	} else {
		opts.Args = append([]string{file}, opts.Args[1:]...)
	}
	if strings.HasSuffix(file, ".asy") {
		opts.TopLevelAwait = true
	}
	in, err := newInterpreter(opts, cwd)
	if err != nil {
		fmt.Fprintf(stderrOf(opts), "asy: %v\n", err)
		return 2
	}
	return in.runProgram(src, func() (*vm.Module, error) {
		m := in.it.ModuleMain(modName, file, cwd)
		if i := strings.LastIndexByte(modName, '.'); i >= 0 {
			// The packages around the module run first (python3 -m does too).
			if _, err := in.it.MainThread().ImportModule(modName[:i]); err != nil {
				return nil, err
			}
		}
		return m, nil
	})
}

// findMainModule resolves the name given to -m: the module that runs as
// __main__ (pkg.__main__ for a package), its file and its source, or
// CPython's complaint when there is none.
func findMainModule(name, cwd string, path []string) (modName, file string, src []byte, errMsg string) {
	parts := strings.Split(name, ".")
	for _, dir := range append([]string{cwd}, path...) {
		base := filepath.Join(append([]string{dir}, parts...)...)
		if isPackageDir(base) {
			for _, ext := range []string{".py", ".asy"} {
				f := filepath.Join(base, "__main__"+ext)
				if b, err := os.ReadFile(f); err == nil {
					return name + ".__main__", f, b, ""
				}
			}
			return "", "", nil, fmt.Sprintf("No module named %s.__main__; '%s' is a package and cannot be directly executed", name, name)
		}
		for _, ext := range []string{".py", ".asy"} {
			if b, err := os.ReadFile(base + ext); err == nil {
				return name, base + ext, b, ""
			}
		}
	}
	if b, ok := stdlib.PylibSource(name + ".__main__"); ok {
		return name + ".__main__", filepath.Join(parts...) + "/__main__.py", b, ""
	}
	if b, ok := stdlib.PylibSource(name); ok {
		return name, filepath.Join(parts...) + ".py", b, ""
	}
	return "", "", nil, "No module named " + name
}

func isPackageDir(dir string) bool {
	for _, ext := range []string{".py", ".asy"} {
		if st, err := os.Stat(filepath.Join(dir, "__init__"+ext)); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

// pythonPath is PYTHONPATH's directories (none for hermetic runs and runs
// whose modules come from Options.Modules).
func pythonPath(opts Options, g *runtime.Grants) []string {
	// PYTHONPATH is the host's: it counts only when the host's files and
	// environment are granted (the asy command), never for Options.Modules.
	if opts.Modules != nil || !g.Files.Host || g.Env == nil {
		return nil
	}
	var dirs []string
	for _, d := range filepath.SplitList(g.Env["PYTHONPATH"]) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// runDirectory runs a directory's __main__ module, as `python3 dir/`
// does: the directory is sys.path[0], the module __main__ (with a spec).
func runDirectory(dir string, opts Options) int {
	opts = opts.normalized()
	abs := dir
	if !filepath.IsAbs(dir) {
		if cwd, err := os.Getwd(); err == nil {
			abs = cwd + string(filepath.Separator) + dir
		}
	}
	var file string
	var src []byte
	for _, ext := range []string{".py", ".asy"} {
		f := filepath.Join(abs, "__main__"+ext)
		if b, err := os.ReadFile(f); err == nil {
			file, src = f, b
			break
		}
	}
	if file == "" {
		fmt.Fprintf(stderrOf(opts), "asy: can't find '__main__' module in '%s'\n", abs)
		return 1
	}
	if strings.HasSuffix(file, ".asy") {
		opts.TopLevelAwait = true
	}
	in, err := newInterpreter(opts, abs)
	if err != nil {
		fmt.Fprintf(stderrOf(opts), "asy: %v\n", err)
		return 2
	}
	return in.runProgram(src, func() (*vm.Module, error) { return in.it.ModuleMain("__main__", file, abs), nil })
}
