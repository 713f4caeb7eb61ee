package timeline

import (
	_ "embed"
	"encoding/json"
	"html"
	"io"
	"os"
	"strings"
)

//go:embed page.html
var page string

// WriteHTML writes the self-contained page for d: the data as JSON in a
// script element, drawn by the page's own script (no network fetches).
func WriteHTML(w io.Writer, d *Data, title string) error {
	// json.Marshal escapes <, > and &, so the data cannot close its script element.
	js, err := json.Marshal(d)
	if err != nil {
		return err
	}
	before, after, _ := strings.Cut(page, "{{DATA}}")
	title = html.EscapeString(title)
	if _, err := io.WriteString(w, strings.ReplaceAll(before, "{{TITLE}}", title)); err != nil {
		return err
	}
	if _, err := w.Write(js); err != nil {
		return err
	}
	_, err = io.WriteString(w, after)
	return err
}

// WriteFile builds the timeline recorded so far and writes it to path.
func (r *Recorder) WriteFile(path, title string, o BuildOptions) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteHTML(f, r.Build(o), title); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
