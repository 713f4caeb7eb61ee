package vm

import "strings"

// Module specs and loaders, as importlib describes a module it imported:
// objects whose attributes scripts read (__spec__.name, .parent, .origin,
// .submodule_search_locations) and whose repr matches CPython's.
var (
	moduleSpecType       = NewNativeClass("ModuleSpec", "_frozen_importlib", nil, nil)
	sourceFileLoaderType = NewNativeClass("SourceFileLoader", "_frozen_importlib_external", nil, nil)
	namespaceLoaderType  = NewNativeClass("NamespaceLoader", "_frozen_importlib_external", nil, nil)
)

// moduleSpec is a module's __spec__.
type moduleSpec struct {
	name, parent, origin string // origin "" for a namespace package
	loader               Value
	locations            Value // submodule_search_locations: a list for packages, else None
	// initializing is set while the module's body runs (for the circular
	// import hint of ImportError).
	initializing bool
}

func (*moduleSpec) Class() *Class { return moduleSpecType }

func (s *moduleSpec) originValue() Value {
	if s.origin == "" {
		return None
	}
	return Str(s.origin)
}

// Repr is CPython's ModuleSpec repr.
func (s *moduleSpec) Repr(t *Thread) (string, error) {
	loader, err := t.Repr(s.loader)
	if err != nil {
		return "", err
	}
	parts := []string{"name=" + QuoteStr(s.name), "loader=" + loader}
	if s.origin != "" {
		parts = append(parts, "origin="+QuoteStr(s.origin))
	}
	if !s.locations.IsNone() {
		r, err := t.Repr(s.locations)
		if err != nil {
			return "", err
		}
		parts = append(parts, "submodule_search_locations="+r)
	}
	return "ModuleSpec(" + strings.Join(parts, ", ") + ")", nil
}

func init() {
	field := func(name string, get func(s *moduleSpec) Value) {
		moduleSpecType.AddProperty(name, func(t *Thread, args []Value, kw []KV) (Value, error) {
			s, ok := args[0].o.(*moduleSpec)
			if !ok {
				return Undef, Errorf(TypeError, "descriptor '%s' for 'ModuleSpec' objects doesn't apply to a '%s' object", name, args[0].TypeName())
			}
			return get(s), nil
		})
	}
	field("name", func(s *moduleSpec) Value { return Str(s.name) })
	field("parent", func(s *moduleSpec) Value { return Str(s.parent) })
	field("origin", (*moduleSpec).originValue)
	field("loader", func(s *moduleSpec) Value { return s.loader })
	field("loader_state", func(s *moduleSpec) Value { return None })
	field("submodule_search_locations", func(s *moduleSpec) Value { return s.locations })
	field("has_location", func(s *moduleSpec) Value { return Bool(s.origin != "") })
	// asy keeps no bytecode cache.
	field("cached", func(s *moduleSpec) Value { return None })
	field("_initializing", func(s *moduleSpec) Value { return Bool(s.initializing) })
}

// newModuleSpec describes a module loaded from file (a package when path,
// its submodule search locations, is not nil; a namespace package when file
// is "" too).
func newModuleSpec(name, parent, file string, path []string) *moduleSpec {
	s := &moduleSpec{name: name, parent: parent, origin: file, locations: None}
	if file == "" {
		s.loader = Obj(NewInstance(namespaceLoaderType))
	} else {
		l := NewInstance(sourceFileLoaderType)
		l.SetAttr("name", Str(name))
		l.SetAttr("path", Str(file))
		s.loader = Obj(l)
	}
	if path != nil {
		items := make([]Value, len(path))
		for i, p := range path {
			items[i] = Str(p)
		}
		s.locations = Obj(NewList(items))
	}
	return s
}
