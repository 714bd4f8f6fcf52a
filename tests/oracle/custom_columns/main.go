// Command customcolumnsoracle writes the test vectors of lib/print/custom_columns: specs and
// templates × documents through kubectl's real custom-columns printer
// (k8s.io/kubectl/pkg/cmd/get, customcolumn.go and customcolumn_flags.go, the version in
// go.mod), the objects decoded as kubectl decodes them (unstructured.UnstructuredJSONScheme).
//
// Usage (see regenerate.sh):
//
//	customcolumnsoracle > vectors.json
//
// Output: one JSON object with
//   - "documents": name -> JSON text; "decodeErrors": name -> the decoder's error, for the
//     documents UnstructuredJSONScheme rejects (a List whose items are not objects).
//   - "printers": {template, text, noHeaders, flush, documents, output, errors, buildError}.
//     template false: NewCustomColumnsPrinterFromSpec(text, decoder, noHeaders); true:
//     NewCustomColumnsPrinterFromTemplate(text) (which has no noHeaders). buildError is the
//     constructor's error (then nothing printed). Otherwise one printer and one tab writer
//     (cli-runtime's GetNewTabWriter, as kubectl get --watch keeps) print each document in
//     turn; flush "each" flushes after every PrintObj (a watch event), "end" once after the
//     last (the objects of kubectl's first list). errors[i] is PrintObj's error for
//     documents[i] ("" for none; a decode error for a rejected document, PrintObj not
//     called; the panic's text when "panic" is set); output is everything written.
//     "unordered": true marks a vector whose outcome depends on Go's random map order;
//     "outcomes" lists every distinct {output, errors} seen.
//   - "flags": CustomColumnsPrintFlags{NoHeaders}.ToPrinter(format=value) then PrintObj to
//     a buffer (the printer's own tab writer): the wording of the flag layer and of
//     custom-columns-file. fileText, when set, was written to a temporary file whose path
//     was the value.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/liggitt/tabwriter"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/cli-runtime/pkg/printers"
	"k8s.io/kubectl/pkg/cmd/get"
)

// tries is how often each vector runs, to see whether Go's map order changes its outcome.
const tries = 30

type outcome struct {
	Output string   `json:"output"`
	Errors []string `json:"errors"`
	Panic  bool     `json:"panic,omitempty"`
}

type printerVector struct {
	Template   bool      `json:"template"`
	Text       string    `json:"text"`
	NoHeaders  bool      `json:"noHeaders"`
	Flush      string    `json:"flush"`
	Documents  []string  `json:"documents"`
	BuildError string    `json:"buildError,omitempty"`
	Output     string    `json:"output"`
	Errors     []string  `json:"errors"`
	Panic      bool      `json:"panic,omitempty"`
	Unordered  bool      `json:"unordered,omitempty"`
	Outcomes   []outcome `json:"outcomes,omitempty"`
}

type flagsVector struct {
	Format    string  `json:"format"`
	Value     string  `json:"value"`
	NoHeaders bool    `json:"noHeaders"`
	FileText  *string `json:"fileText,omitempty"`
	Document  string  `json:"document"`
	Output    string  `json:"output"`
	Error     string  `json:"error,omitempty"`
}

type file struct {
	Generator    string            `json:"generator"`
	Documents    map[string]string `json:"documents"`
	DecodeErrors map[string]string `json:"decodeErrors"`
	Printers     []printerVector   `json:"printers"`
	Flags        []flagsVector     `json:"flags"`
}

var (
	objects      = map[string]runtime.Object{}
	decodeErrors = map[string]string{}
)

func main() {
	for name, text := range documents {
		obj, err := runtime.Decode(unstructured.UnstructuredJSONScheme, []byte(text))
		if err != nil {
			decodeErrors[name] = err.Error()
			continue
		}
		objects[name] = obj
	}
	out := file{
		Generator: "tests/oracle/custom_columns/regenerate.sh from k8s.io/kubectl " +
			moduleVersion("k8s.io/kubectl") + ", k8s.io/cli-runtime " + moduleVersion("k8s.io/cli-runtime"),
		Documents: documents, DecodeErrors: decodeErrors,
	}
	for _, c := range append(specCases(), templateCases()...) {
		for _, noHeaders := range c.noHeaders {
			for _, seq := range c.sequences {
				modes := []string{"each"}
				if len(seq) > 1 {
					modes = append(modes, "end")
				}
				for _, flush := range modes {
					out.Printers = append(out.Printers, runPrinter(c, noHeaders, flush, seq))
				}
			}
		}
	}
	out.Flags = flagsVectors()

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "customcolumnsoracle:", msg)
	os.Exit(1)
}

// moduleVersion is the version of a dependency this binary was built with.
func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == path {
				return dep.Version
			}
		}
	}
	return "?"
}

func newPrinter(c printCase, noHeaders bool) (*get.CustomColumnsPrinter, error) {
	if c.template {
		return get.NewCustomColumnsPrinterFromTemplate(strings.NewReader(c.text), unstructured.UnstructuredJSONScheme)
	}
	return get.NewCustomColumnsPrinterFromSpec(c.text, unstructured.UnstructuredJSONScheme, noHeaders)
}

// printObj is one PrintObj call, a panic turned into its text.
func printObj(p *get.CustomColumnsPrinter, obj runtime.Object, w *tabwriter.Writer) (msg string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, panicked = fmt.Sprint(r), true
		}
	}()
	if err := p.PrintObj(obj, w); err != nil {
		return err.Error(), false
	}
	return "", false
}

func runOnce(c printCase, noHeaders bool, flush string, seq []string) (o outcome, buildError string) {
	p, err := newPrinter(c, noHeaders)
	if err != nil {
		return outcome{Errors: []string{}}, err.Error()
	}
	var buf bytes.Buffer
	w := printers.GetNewTabWriter(&buf)
	o.Errors = make([]string, len(seq))
	for i, name := range seq {
		obj, ok := objects[name]
		if !ok {
			o.Errors[i] = decodeErrors[name]
			continue
		}
		msg, panicked := printObj(p, obj, w)
		o.Errors[i] = msg
		o.Panic = o.Panic || panicked
		if flush == "each" {
			w.Flush()
		}
	}
	w.Flush()
	o.Output = buf.String()
	if len(seq) == 1 && !o.Panic {
		ownWriterAgrees(c, noHeaders, seq[0], o)
	}
	return o, ""
}

// ownWriterAgrees checks that PrintObj to a plain writer (the printer makes and flushes its
// own tab writer) writes what one PrintObj and a Flush of ours wrote.
func ownWriterAgrees(c printCase, noHeaders bool, name string, want outcome) {
	obj, ok := objects[name]
	if !ok {
		return
	}
	p, _ := newPrinter(c, noHeaders)
	var buf bytes.Buffer
	msg := ""
	if err := p.PrintObj(obj, &buf); err != nil {
		msg = err.Error()
	}
	if msg != want.Errors[0] || (buf.String() != want.Output && !mapOrderMayDiffer(c.text)) {
		fail(fmt.Sprintf("own tab writer differs for %q on %s: %q %q vs %q %q", c.text, name, buf.String(), msg, want.Output, want.Errors[0]))
	}
}

func mapOrderMayDiffer(text string) bool {
	return strings.Contains(text, "*") || strings.Contains(text, ".") // ".": "{..}" after relaxing
}

func runPrinter(c printCase, noHeaders bool, flush string, seq []string) printerVector {
	v := printerVector{Template: c.template, Text: c.text, NoHeaders: noHeaders, Flush: flush, Documents: seq}
	seen := map[string]bool{}
	var order []outcome
	for i := 0; i < tries; i++ {
		o, buildError := runOnce(c, noHeaders, flush, seq)
		if buildError != "" {
			v.BuildError, v.Errors = buildError, []string{}
			return v
		}
		key, _ := json.Marshal(o)
		if !seen[string(key)] {
			seen[string(key)] = true
			order = append(order, o)
		}
	}
	sort.Slice(order, func(a, b int) bool {
		ka, _ := json.Marshal(order[a])
		kb, _ := json.Marshal(order[b])
		return string(ka) < string(kb)
	})
	v.Output, v.Errors, v.Panic = order[0].Output, order[0].Errors, order[0].Panic
	if len(order) > 1 {
		v.Unordered, v.Outcomes = true, order
	}
	return v
}

func flagsVectors() []flagsVector {
	dir, err := os.MkdirTemp("", "customcolumns")
	if err != nil {
		fail(err.Error())
	}
	defer os.RemoveAll(dir)
	template := "NAME  SIZE\n.metadata.name .spec.resources.requests.storage\n"
	var out []flagsVector
	add := func(format, value string, noHeaders bool, fileText *string, doc string) {
		v := flagsVector{Format: format, Value: value, NoHeaders: noHeaders, FileText: fileText, Document: doc}
		path := value
		if fileText != nil {
			path = filepath.Join(dir, fmt.Sprintf("template%d", len(out)))
			if err := os.WriteFile(path, []byte(*fileText), 0o600); err != nil {
				fail(err.Error())
			}
		}
		flags := get.NewCustomColumnsPrintFlags()
		flags.NoHeaders = noHeaders
		p, err := flags.ToPrinter(format + "=" + path)
		if err != nil {
			v.Error = err.Error()
			out = append(out, v)
			return
		}
		var buf bytes.Buffer
		if err := p.PrintObj(objects[doc], &buf); err != nil {
			v.Error = err.Error()
		}
		v.Output = buf.String()
		out = append(out, v)
	}
	empty := ""
	bad := "NAME\n.metadata[\n"
	for _, noHeaders := range []bool{false, true} {
		add("custom-columns", "NAME:.metadata.name,SIZE:.spec.resources.requests.storage", noHeaders, nil, "bound")
		add("custom-columns", "NAME:.metadata.name", noHeaders, nil, "list")
		// --no-headers does not reach a template file's printer.
		add("custom-columns-file", "", noHeaders, &template, "bound")
		add("custom-columns-file", "", noHeaders, &template, "list")
	}
	add("custom-columns", "", false, nil, "bound")
	add("custom-columns-file", "", false, nil, "bound")
	add("custom-columns-file", "/nonexistent/custom-columns-template", false, nil, "bound")
	add("custom-columns-file", "/", false, nil, "bound")
	add("custom-columns-file", "", false, &empty, "bound")
	add("custom-columns-file", "", false, &bad, "bound")
	return out
}
