// Command jsonpathoracle writes the JSONPath test vectors of lib/jsonpath: templates ×
// documents run through the real k8s.io/client-go/util/jsonpath (the version in go.mod),
// with the documents decoded as kubectl decodes an object it got from a server
// (unstructured: int64 for integers that fit, float64 otherwise).
//
// Usage (see regenerate.sh):
//
//	jsonpathoracle DOCUMENTS_DIR > vectors.json
//
// Output: one JSON object with
//   - "engine": {template, document, allowMissingKeys, jsonOutput, runs, output, error, stage}
//     where stage is "parse" (jsonpath.Parse failed; document is ""), "execute" or "panic"
//     (client-go panicked; error holds the panic's text). runs > 1 executes the same parsed
//     JSONPath that many times, output being what all runs wrote (as kubectl reuses one
//     printer for every watch event). "unordered": true marks a case whose output depends on
//     Go's random map order; "outcomes" then lists every distinct outcome seen and "pieces"
//     (text output only) the printed results of one run, sorted. Which outcomes show in
//     `tries` runs is itself random, so such cases may change when the file is regenerated.
//     "hex": true says template, output and error are hex, as one of them is not UTF-8.
//   - "printer": kubectl's JSONPathPrintFlags.ToPrinter + JSONPathPrinter.PrintObj, for
//     the wording kubectl wraps around the engine's errors.
//   - "relaxed": kubectl's RelaxedJSONPathExpression (custom-columns, --sort-by).
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/client-go/util/jsonpath"
	"k8s.io/kubectl/pkg/cmd/get"
	kjson "sigs.k8s.io/json"
)

// tries is how often each case runs, to see whether Go's map order changes its outcome.
const tries = 40

// maxOutcomes keeps the file small when many map orders show.
const maxOutcomes = 12

type outcome struct {
	Output string `json:"output"`
	Error  string `json:"error,omitempty"`
	Stage  string `json:"stage"`
}

type engineVector struct {
	Template         string    `json:"template"`
	Document         string    `json:"document"`
	AllowMissingKeys bool      `json:"allowMissingKeys"`
	JSONOutput       bool      `json:"jsonOutput"`
	Runs             int       `json:"runs"`
	Output           string    `json:"output"`
	Error            string    `json:"error,omitempty"`
	Stage            string    `json:"stage"`
	Unordered        bool      `json:"unordered,omitempty"`
	Outcomes         []outcome `json:"outcomes,omitempty"`
	Pieces           []string  `json:"pieces,omitempty"`
	Hex              bool      `json:"hex,omitempty"`
}

// hexIfInvalid writes template, output and error in hex when one of them is not UTF-8,
// which JSON cannot carry.
func hexIfInvalid(v engineVector) engineVector {
	if utf8.ValidString(v.Template) && utf8.ValidString(v.Output) && utf8.ValidString(v.Error) {
		return v
	}
	v.Hex = true
	v.Template, v.Output, v.Error = hex.EncodeToString([]byte(v.Template)),
		hex.EncodeToString([]byte(v.Output)), hex.EncodeToString([]byte(v.Error))
	return v
}

type printerVector struct {
	Format           string `json:"format"`
	Template         string `json:"template"`
	Document         string `json:"document"`
	AllowMissingKeys bool   `json:"allowMissingKeys"`
	Output           string `json:"output"`
	Error            string `json:"error,omitempty"`
}

type relaxedVector struct {
	Input  string `json:"input"`
	Output string `json:"output"`
	Error  string `json:"error,omitempty"`
}

type file struct {
	Generator string          `json:"generator"`
	Engine    []engineVector  `json:"engine"`
	Printer   []printerVector `json:"printer"`
	Relaxed   []relaxedVector `json:"relaxed"`
}

var documents = map[string]interface{}{}

func main() {
	if len(os.Args) != 2 {
		fail("usage: jsonpathoracle DOCUMENTS_DIR > vectors.json")
	}
	paths, err := filepath.Glob(filepath.Join(os.Args[1], "*.json"))
	if err != nil || len(paths) == 0 {
		fail(fmt.Sprintf("no documents under %s", os.Args[1]))
	}
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			fail(err.Error())
		}
		var doc interface{}
		if err := kjson.UnmarshalCaseSensitivePreserveInts(raw, &doc); err != nil {
			fail(path + ": " + err.Error())
		}
		documents[strings.TrimSuffix(filepath.Base(path), ".json")] = doc
	}

	out := file{Generator: "tests/oracle/jsonpath/regenerate.sh from k8s.io/client-go " + moduleVersion("k8s.io/client-go")}
	for _, c := range engineCases() {
		if err := jsonpath.New("out").Parse(c.template); err != nil {
			out.Engine = append(out.Engine, hexIfInvalid(engineVector{Template: c.template, Runs: 1,
				Error: err.Error(), Stage: "parse"}))
			continue
		}
		for _, doc := range c.docs {
			for _, allow := range []bool{false, true} {
				jsonModes := []bool{false}
				if c.json {
					jsonModes = append(jsonModes, true)
				}
				for _, asJSON := range jsonModes {
					out.Engine = append(out.Engine, hexIfInvalid(runEngine(c.template, doc, allow, asJSON, c.runs)))
				}
			}
		}
	}
	for _, c := range printerCases() {
		for _, doc := range c.docs {
			for _, format := range c.formats {
				for _, allow := range []bool{false, true} {
					out.Printer = append(out.Printer, runPrinter(format, c.template, doc, allow))
				}
			}
		}
	}
	for _, in := range relaxedInputs {
		v := relaxedVector{Input: in}
		v.Output, err = get.RelaxedJSONPathExpression(in)
		if err != nil {
			v.Error = err.Error()
		}
		out.Relaxed = append(out.Relaxed, v)
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "jsonpathoracle:", msg)
	os.Exit(1)
}

func moduleVersion(path string) string {
	raw, err := os.ReadFile("go.mod")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == path {
			return fields[1]
		}
	}
	return "?"
}

// runOnce parses template and executes it runs times on one document.
func runOnce(template, doc string, allow, asJSON bool, runs int) (o outcome) {
	var buf bytes.Buffer
	o.Stage = "execute"
	defer func() {
		if r := recover(); r != nil {
			o = outcome{Output: buf.String(), Error: fmt.Sprint(r), Stage: "panic"}
		}
	}()
	j := jsonpath.New("out")
	if err := j.Parse(template); err != nil {
		fail("parse changed between tries: " + template)
	}
	j.AllowMissingKeys(allow)
	j.EnableJSONOutput(asJSON)
	for i := 0; i < runs; i++ {
		if err := j.Execute(&buf, documents[doc]); err != nil {
			o.Error = err.Error()
			break
		}
	}
	o.Output = buf.String()
	return o
}

// pieces prints each result of one run on its own, sorted: what a map order cannot change.
func pieces(template, doc string, allow bool) (list []string) {
	defer func() {
		if recover() != nil {
			list = nil
		}
	}()
	j := jsonpath.New("out")
	j.Parse(template)
	j.AllowMissingKeys(allow)
	groups, err := j.FindResults(documents[doc])
	if err != nil {
		return nil
	}
	for _, group := range groups {
		for _, r := range group {
			var buf bytes.Buffer
			if err := j.PrintResults(&buf, []reflect.Value{r}); err != nil {
				return nil
			}
			list = append(list, buf.String())
		}
	}
	sort.Strings(list)
	return list
}

func runEngine(template, doc string, allow, asJSON bool, runs int) engineVector {
	seen := map[outcome]bool{}
	var order []outcome
	for i := 0; i < tries; i++ {
		o := runOnce(template, doc, allow, asJSON, runs)
		if !seen[o] {
			seen[o] = true
			order = append(order, o)
		}
	}
	// Sorted, so that the file changes only when the set of outcomes seen does.
	sort.Slice(order, func(a, b int) bool {
		return order[a].Output+order[a].Error < order[b].Output+order[b].Error
	})
	first := order[0]
	v := engineVector{Template: template, Document: doc, AllowMissingKeys: allow, JSONOutput: asJSON,
		Runs: runs, Output: first.Output, Error: first.Error, Stage: first.Stage}
	if len(order) > 1 {
		v.Unordered = true
		if len(order) > maxOutcomes {
			order = order[:maxOutcomes]
		}
		v.Outcomes = order
		if !asJSON && runs == 1 {
			v.Pieces = pieces(template, doc, allow)
		}
	}
	return v
}

// runPrinter goes through kubectl's own printer flags, as `kubectl get -o FORMAT=TEMPLATE`.
func runPrinter(format, template, doc string, allow bool) (v printerVector) {
	v = printerVector{Format: format, Template: template, Document: doc, AllowMissingKeys: allow}
	flags := genericclioptions.NewJSONPathPrintFlags("", allow)
	p, err := flags.ToPrinter(format + "=" + template)
	if err != nil {
		v.Error = err.Error()
		return v
	}
	var buf bytes.Buffer
	obj := &unstructured.Unstructured{Object: documents[doc].(map[string]interface{})}
	if err := p.PrintObj(obj, &buf); err != nil {
		v.Error = err.Error()
	}
	v.Output = buf.String()
	return v
}
