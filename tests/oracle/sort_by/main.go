// Command sortbyoracle writes the --sort-by test vectors of lib/print/sort_by: claim lists ×
// fields run through the real kubectl sorter (k8s.io/kubectl/pkg/cmd/get, the version in
// go.mod) along the three ways `kubectl get --sort-by` reaches it:
//   - "list": printGeneric (-o json|yaml|name|jsonpath|custom-columns): the items go through
//     a corev1.List, json.Marshal and the unstructured decoder, then SortingPrinter.PrintObj
//     sorts the UnstructuredList (SortObjects);
//   - "objects": Run's RuntimeSorter (NewRuntimeSorter(objs, field).Sort(), OriginalPosition),
//     the human printer when the objects are not a server-side Table (--server-print=false);
//   - "table": the server's Table (includeObject=Object) decoded as kubectl decodes it, then
//     TablePrinter -> SortingPrinter -> NewTableSorter (the default human printer).
//
// Each outcome is {"order": [original indices in printed order]}, {"error": text} (what the
// sorter returned), {"exit": code, "log": message, "source": "file:line"} (klog.Exitf or
// Fatalf ended the process; message is the text after the klog header's "] ") or
// {"panic": text}.
//
// Usage (see regenerate.sh): sortbyoracle > vectors.json
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/klog/v2"
	"k8s.io/kubectl/pkg/cmd/get"
)

type outcome struct {
	Order  []int  `json:"order,omitempty"`
	Error  string `json:"error,omitempty"`
	Exit   int    `json:"exit,omitempty"`
	Log    string `json:"log,omitempty"`
	Source string `json:"source,omitempty"`
	Panic  string `json:"panic,omitempty"`
}

// MarshalJSON keeps an empty order ("order": []) apart from an absent one.
func (o outcome) MarshalJSON() ([]byte, error) {
	m := map[string]interface{}{}
	switch {
	case o.Panic != "":
		m["panic"] = o.Panic
	case o.Exit != 0:
		m["exit"], m["log"], m["source"] = o.Exit, o.Log, o.Source
	case o.Error != "":
		m["error"] = o.Error
	default:
		if o.Order == nil {
			o.Order = []int{}
		}
		m["order"] = o.Order
	}
	return json.Marshal(m)
}

type vector struct {
	Set   string  `json:"set"`
	Field string  `json:"field"`
	List  outcome `json:"list"`
	Objs  outcome `json:"objects_sorter"`
	Table outcome `json:"table"`
}

// exited is what klog.OsExit panics with here, so that one process can run every case.
type exited struct{ code int }

var klogOutput bytes.Buffer

func main() {
	all := cases()
	if len(os.Args) == 3 { // a child run: see rerun
		var ix int
		fmt.Sscan(os.Args[1], &ix)
		c := all[ix]
		order, err := paths[os.Args[2]](c.objects, c.field)
		fmt.Println(order, err)
		return
	}
	klog.LogToStderr(false)
	klog.SetOutput(&klogOutput)
	klog.OsExit = func(code int) { panic(exited{code}) }

	var vectors []vector
	setDocs := map[string][]json.RawMessage{}
	for ix, c := range all {
		docs := []json.RawMessage{}
		for _, o := range c.objects {
			docs = append(docs, json.RawMessage(o))
		}
		setDocs[c.set] = docs
		v := vector{Set: c.set, Field: c.field}
		v.List = run(ix, "list", c)
		v.Objs = run(ix, "objects", c)
		v.Table = run(ix, "table", c)
		vectors = append(vectors, v)
	}
	out := map[string]interface{}{
		"generator": "tests/oracle/sort_by/regenerate.sh from k8s.io/kubectl " + moduleVersion("k8s.io/kubectl"),
		"sets":      setDocs,
		"vectors":   vectors,
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "sortbyoracle:", msg)
	os.Exit(1)
}

func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == path {
				return dep.Version
			}
		}
	}
	return "(unknown)"
}

var paths = map[string]func([]string, string) ([]int, error){
	"list": sortList, "objects": sortObjects, "table": sortTable,
}

func run(ix int, path string, c sortCase) (o outcome) {
	klogOutput.Reset()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if _, ok := r.(exited); ok {
			o = rerun(ix, path)
			return
		}
		o = outcome{Panic: fmt.Sprint(r)}
	}()
	order, err := paths[path](c.objects, c.field)
	if err != nil {
		return outcome{Error: err.Error()}
	}
	return outcome{Order: order}
}

// rerun runs a case that ended the process in a child, with klog as kubectl has it: which
// exit code klog uses (1 after Exitf, 255 after Fatalf) is sticky state in one process.
func rerun(ix int, path string) outcome {
	self, err := os.Executable()
	if err != nil {
		fail(err.Error())
	}
	cmd := exec.Command(self, fmt.Sprint(ix), path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	exitErr, ok := err.(*exec.ExitError)
	if !ok {
		fail(fmt.Sprintf("case %d %s: child did not exit: %v", ix, path, err))
	}
	// "F0102 15:04:05.000000   12345 sorter.go:329] message\n..."
	line, _, _ := strings.Cut(stderr.String(), "\n")
	header, message, found := strings.Cut(line, "] ")
	if !found {
		fail("unexpected klog output: " + line)
	}
	fields := strings.Fields(header)
	return outcome{Exit: exitErr.ExitCode(), Log: message, Source: fields[len(fields)-1]}
}

func decode(doc string) *unstructured.Unstructured {
	obj, err := runtime.Decode(unstructured.UnstructuredJSONScheme, []byte(doc))
	if err != nil {
		fail(fmt.Sprintf("decode %s: %v", doc, err))
	}
	return obj.(*unstructured.Unstructured)
}

// The index of a claim in the case: every document carries metadata.uid "uN".
func indexOf(obj runtime.Object) int {
	accessor, err := meta.Accessor(obj)
	if err != nil {
		fail(err.Error())
	}
	var ix int
	if _, err := fmt.Sscanf(string(accessor.GetUID()), "u%d", &ix); err != nil {
		fail("no uid in " + fmt.Sprint(obj))
	}
	return ix
}

// recorder is the printer SortingPrinter delegates to: it notes the order it was given.
type recorder struct{ order []int }

func (r *recorder) PrintObj(obj runtime.Object, _ io.Writer) error {
	switch t := obj.(type) {
	case *metav1.Table:
		for _, row := range t.Rows {
			r.order = append(r.order, indexOf(row.Object.Object))
		}
	case *unstructured.UnstructuredList:
		for i := range t.Items {
			r.order = append(r.order, indexOf(&t.Items[i]))
		}
	default:
		fail(fmt.Sprintf("unexpected %T", obj))
	}
	return nil
}

// sortList follows GetOptions.printGeneric for a list of several items.
func sortList(docs []string, field string) ([]int, error) {
	list := corev1.List{TypeMeta: metav1.TypeMeta{Kind: "List", APIVersion: "v1"}}
	for _, doc := range docs {
		list.Items = append(list.Items, runtime.RawExtension{Object: decode(doc)})
	}
	data, err := json.Marshal(list)
	if err != nil {
		fail(err.Error())
	}
	converted, err := runtime.Decode(unstructured.UnstructuredJSONScheme, data)
	if err != nil {
		fail(err.Error())
	}
	items, err := meta.ExtractList(converted)
	if err != nil {
		fail(err.Error())
	}
	out := &unstructured.UnstructuredList{Object: map[string]interface{}{
		"kind": "List", "apiVersion": "v1", "metadata": map[string]interface{}{},
	}}
	for _, item := range items {
		out.Items = append(out.Items, *item.(*unstructured.Unstructured))
	}
	rec := &recorder{}
	printer := &get.SortingPrinter{SortField: field, Delegate: rec}
	if err := printer.PrintObj(out, io.Discard); err != nil {
		return nil, err
	}
	return rec.order, nil
}

// sortObjects follows GetOptions.Run for objects that are not Tables.
func sortObjects(docs []string, field string) ([]int, error) {
	var objs []runtime.Object
	for _, doc := range docs {
		objs = append(objs, decode(doc))
	}
	// Sort permutes objs itself; Run looks the original positions up in its infos.
	infos := append([]runtime.Object(nil), objs...)
	sorter := get.NewRuntimeSorter(objs, field)
	if err := sorter.Sort(); err != nil {
		return nil, err
	}
	order := []int{}
	for ix := range objs {
		order = append(order, indexOf(infos[sorter.OriginalPosition(ix)]))
	}
	return order, nil
}

// sortTable follows GetOptions.Run for the server's Table: Run's RuntimeSorter sees one
// unstructured object (no sorting), then TablePrinter and SortingPrinter print it.
func sortTable(docs []string, field string) ([]int, error) {
	var rows []string
	for _, doc := range docs {
		name := decode(doc).GetName()
		cell, _ := json.Marshal(name)
		rows = append(rows, fmt.Sprintf(`{"cells":[%s],"object":%s}`, cell, doc))
	}
	table := `{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"1"},` +
		`"columnDefinitions":[{"name":"Name","type":"string","format":"name","description":"","priority":0}],` +
		`"rows":[` + strings.Join(rows, ",") + `]}`
	obj := decode(table)
	objs := []runtime.Object{obj}
	if err := get.NewRuntimeSorter(objs, field).Sort(); err != nil {
		return nil, err
	}
	rec := &recorder{}
	printer := &get.TablePrinter{Delegate: &get.SortingPrinter{SortField: field, Delegate: rec}}
	if err := printer.PrintObj(obj, io.Discard); err != nil {
		return nil, err
	}
	return rec.order, nil
}
