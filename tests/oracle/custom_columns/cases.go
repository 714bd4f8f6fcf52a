package main

import "strings"

// printCase is one printer (a spec or a template) and the sequences of documents it prints:
// each sequence goes through one printer and one tab writer, as a watch prints its events.
type printCase struct {
	template  bool // text is a custom-columns-file template, not a spec
	text      string
	noHeaders []bool
	sequences [][]string
}

var (
	claims  = []string{"bound", "pending", "resizing", "odd", "unicode", "wide", "numbers", "missing", "nulls", "arrays", "pv"}
	lists   = []string{"list", "mixed_list", "odd_list", "nokind_list", "empty_list", "null_items", "list_like_object"}
	badDocs = []string{"bad_items_string", "bad_items_object", "bad_item_number", "bad_item_array", "bad_item_string", "bad_item_bool"}
	// watches are several PrintObj calls in a row: the header follows the Go type
	// (*Unstructured or *UnstructuredList), not the kind.
	watches = [][]string{
		{"bound", "pending", "wide", "bound"},
		{"bound", "pv", "list", "list", "pending", "empty_list", "bound"},
		{"list", "bound"},
		{"empty_list", "null_items", "mixed_list"},
		{"odd", "unicode", "numbers", "missing"},
	}
)

func singles(names ...[]string) [][]string {
	var out [][]string
	for _, group := range names {
		for _, n := range group {
			out = append(out, []string{n})
		}
	}
	return out
}

func specCases() []printCase {
	var cases []printCase
	both := []bool{false, true}
	headersOnly := []bool{false}
	add := func(noHeaders []bool, sequences [][]string, specs ...string) {
		for _, s := range specs {
			cases = append(cases, printCase{text: s, noHeaders: noHeaders, sequences: sequences})
		}
	}
	all := append(singles(claims, lists), watches...)
	// The everyday columns, in every state and as watches.
	add(both, all,
		"NAME:.metadata.name,STATUS:.status.phase,CAPACITY:.status.capacity.storage,ACCESS MODES:.status.accessModes,STORAGECLASS:.spec.storageClassName",
		"NAME:.metadata.name,NAMESPACE:.metadata.namespace,SIZE:.spec.resources.requests.storage",
		"KIND:.kind,VERSION:.apiVersion,NAME:.metadata.name")
	add(headersOnly, singles(claims, lists),
		// The four forms RelaxedJSONPathExpression accepts.
		"NAME:metadata.name", "NAME:{.metadata.name}", "NAME:{metadata.name}", "NAME:.metadata.name",
		// Maps, slices and their elements.
		"LABELS:.metadata.labels", "ANNOTATIONS:.metadata.annotations", "MODES:.spec.accessModes",
		"MODES:.spec.accessModes[*]", "FIRST:.spec.accessModes[0]", "LAST:.spec.accessModes[-1]",
		"OUT:.spec.accessModes[5]", "TWO:.spec.accessModes[0:2]", "ODD:.spec.accessModes[::2]",
		"COND:.status.conditions[*].type", "CONDS:.status.conditions",
		"RESIZING:.status.conditions[?(@.type==\"Resizing\")].status",
		"TRUE:.status.conditions[?(@.status==\"True\")].type",
		"OWNER:.metadata.ownerReferences[*].name,OWNERKIND:.metadata.ownerReferences[0].kind",
		"SPEC:.spec", "STATUS:.status", "META:.metadata",
		"REQ:.spec.resources.requests,LIM:.spec.resources.limits.storage",
		"MATRIX:.spec.matrix,FLAT:.spec.matrix[*],INNER:.spec.matrix[*][*]",
		"EMPTY:.spec.empty,EMPTYMAP:.spec.emptyMap,STRINGS:.spec.strings[*]",
		"FIN:.metadata.finalizers[*]",
		// Missing fields, fields of scalars, and names the object does not have.
		"X:.no.such.field", "X:.metadata.name.sub", "X:.spec.accessModes.foo", "X:.status.phase[0]",
		"X:.metadata.labels.missing,Y:.metadata.labels.app",
		// Odd characters in values: escaping is upstream's (ESC and CR only).
		"NOTE:.metadata.annotations.note,TAB:.metadata.annotations.tab,ESC:.metadata.annotations.esc",
		"QUOTE:.metadata.annotations.quote,COLON:.metadata.annotations.colon,BRACE:.metadata.annotations.brace,EMPTY:.metadata.annotations.empty",
		"SPACE:.metadata.annotations.space,FF:.metadata.annotations.ff,VT:.metadata.annotations.vt,NUL:.metadata.annotations.nul",
		"C1:.metadata.annotations.c1,DEL:.metadata.annotations.del,BELL:.metadata.annotations.bell",
		"NBSP:.metadata.annotations.nbsp,ZWSP:.metadata.annotations.zwsp,RTL:.metadata.annotations.rtl,WIDE:.metadata.annotations.wide,BOM:.metadata.annotations.bom",
		"EMOJI:.metadata.labels.emoji,COMB:.metadata.labels.combining",
		"A:.metadata.labels.a,B:.metadata.labels.b",
		// Numbers, booleans and null.
		"INT:.spec.int,NEG:.spec.neg,ZERO:.spec.zero,BIG:.spec.big,HUGE:.spec.huge",
		"FLOAT:.spec.float,EXP:.spec.exp,SMALL:.spec.small,FLOATINT:.spec.floatint,MILLION:.spec.million,NEGZERO:.spec.negzero,PI:.spec.pi",
		"T:.spec.t,F:.spec.f,N:.spec.n,GEN:.metadata.generation",
		"MIXED:.spec.mixed,EACH:.spec.mixed[*],NESTED:.spec.nested",
		"PHASE:.status.phase,LABELS:.metadata.labels,SPECNULL:.spec,COND0:.status.conditions[0],CONDS:.status.conditions[*].type",
		// Quoted and escaped names, roots, recursive descent.
		"BIND:.metadata.annotations['pv\\.kubernetes\\.io/bind-completed']",
		"BIND:.metadata.annotations.pv\\.kubernetes\\.io/bind-completed",
		"PROV:.metadata.annotations['volume.kubernetes.io/storage-provisioner']",
		"NAME:.metadata['name']", "NAME:['metadata']['name']", "NAME:$.metadata.name", "NAME:@.metadata.name",
		"NAMES:..name", "KEYS:.metadata.labels.*",
		// Header text: spaces, unicode, empty, tabs, repeats.
		"MY NAME:.metadata.name,名前:.metadata.name", ":.metadata.name,:.kind",
		"A\tB:.metadata.name,C:.kind", "N:.metadata.name,N:.metadata.name,N:.metadata.name",
		"NAME:.metadata.name:extra",
		// An empty path: the column has no results.
		"EMPTY:,NAME:.metadata.name", "EMPTY:")
	// Paths client-go parses at print time, after the header: each PrintObj fails.
	add(both, append(singles([]string{"bound", "list", "empty_list"}), watches[1]),
		"NAME:.metadata.name,BAD:.metadata[", "BAD:.metadata.name)", "BAD:.spec.accessModes[0:a]",
		"NAME:.metadata.name,BAD:.status.conditions[?(@.type==\"x\"]", "BAD:.metadata.'name'",
		"BAD:.metadata.name range", "BAD:.a end",
		"BAD:.spec.accessModes[*] range .x end", "BAD:.items range .items[*] end",
		"BAD:.metadata[\"name\"]", "BAD:.metadata.na#me",
		"BAD:.status.conditions[?(@.status > 1)]", "BAD:.spec.int[?(@ < \"x\")]",
		"BAD:.spec.mixed[?(@ > 1)]")
	// A range hands each result to an empty body; nulls among them.
	add(headersOnly, singles([]string{"nulls", "numbers", "arrays", "list", "odd_list"}),
		"X:.status.conditions[*] range", "X:.spec.mixed[*] range", "X:.spec.mixed range",
		"X:.status.conditions range .status.conditions[*]", "X:.metadata range .name")
	// Errors of the spec itself (NewCustomColumnsPrinterFromSpec).
	add(headersOnly, [][]string{{"bound"}},
		"", ",", "NAME", "NAME:.metadata.name,", "NAME:.metadata.name,SIZE",
		"NAME:{.metadata.name", "NAME:.metadata.name}", "NAME:{.metadata.name}{.kind}",
		"NAME:{}", "NAME:.metadata.name,:", "X:{.metadata['name','namespace']}",
		"X:.spec.accessModes[0,1]", "X:.metadata.name,,Y:.kind")
	// Objects the decoder would reject are not objects kubectl prints; the vectors
	// record the decoder's text for our own List handling.
	add(headersOnly, singles(badDocs), "NAME:.metadata.name")
	return cases
}

func templateCases() []printCase {
	var cases []printCase
	add := func(sequences [][]string, templates ...string) {
		for _, t := range templates {
			cases = append(cases, printCase{template: true, text: t, noHeaders: []bool{false}, sequences: sequences})
		}
	}
	all := append(singles(claims, lists), watches[1], watches[4])
	add(all,
		"NAME STATUS SIZE\n.metadata.name .status.phase .spec.resources.requests.storage\n",
		"NAME\tKIND  VERSION\n{.metadata.name}\t{kind}   apiVersion\n",
		"  NAME   MODES  \r\n  .metadata.name   .spec.accessModes[*]  \r\nignored third line\n{.broken\n",
		"NAME LABELS\n.metadata.name .metadata.labels",
		"UNION NAME\n{.metadata['name','namespace']} .metadata.name\n",
		"N\u00a0M\u3000X\u0085Y\u2028Z\n.metadata.name\u2003.kind\u00a0.apiVersion\u205f.spec\u000b.status\n",
		"N\fK\n.metadata.name\f.kind\n")
	add(singles([]string{"bound", "list"}),
		// Errors: missing lines, counts, paths.
		"", "\n", "NAME", "NAME\n", "NAME\n\n", "A B\n.a\n", "A\n.a .b\n", "\n\n", "\r\n\r\n",
		"   \n   \n", "A\n{.a\n", "A\n{.a}{.b}\n", "A\n.a[\n", "A B\n.metadata.name .metadata[\n",
		"A\r\n.metadata.name\r", "A\n.metadata.name\n\n\n")
	add([][]string{{"bound"}},
		// bufio.Scanner's 64 KiB line limit: a line and its terminator fit in 65536 bytes.
		strings.Repeat(" ", 65531)+"NAME\n.metadata.name\n",
		strings.Repeat(" ", 65532)+"NAME\n.metadata.name\n",
		"NAME\n"+strings.Repeat(" ", 65521)+".metadata.name\n",
		"NAME\n"+strings.Repeat(" ", 65522)+".metadata.name\n",
		"NAME\n"+strings.Repeat(" ", 65521)+".metadata.name",
		"NAME\n"+strings.Repeat(" ", 65522)+".metadata.name",
		"NAME\n"+strings.Repeat(" ", 65520)+".metadata.name\r\n",
		"NAME\n"+strings.Repeat(" ", 65521)+".metadata.name\r\n",
		"NAME\n.metadata.name\n"+strings.Repeat("x", 200000))
	return cases
}
