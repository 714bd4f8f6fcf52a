package main

import (
	"fmt"
	"strings"
)

// claim is one PersistentVolumeClaim of a case; spec, status, labels and annotations are
// raw JSON object members ("" leaves the object out).
type claim struct {
	name, created, spec, status, labels, annotations string
}

type sortCase struct {
	set     string
	field   string
	objects []string
}

// document writes c as the server would, with metadata.uid "u<ix>" naming its position.
func document(ix int, c claim) string {
	var meta []string
	meta = append(meta, fmt.Sprintf(`"name":%q`, c.name), `"namespace":"default"`, fmt.Sprintf(`"uid":"u%d"`, ix))
	if c.created != "" {
		meta = append(meta, fmt.Sprintf(`"creationTimestamp":%q`, c.created))
	}
	if c.labels != "" {
		meta = append(meta, `"labels":{`+c.labels+`}`)
	}
	if c.annotations != "" {
		meta = append(meta, `"annotations":{`+c.annotations+`}`)
	}
	doc := `{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{` + strings.Join(meta, ",") + `}`
	if c.spec != "" {
		doc += `,"spec":{` + c.spec + `}`
	}
	if c.status != "" {
		doc += `,"status":{` + c.status + `}`
	}
	return doc + "}"
}

func storage(size string) string {
	return fmt.Sprintf(`"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":%q}}`, size)
}

func capacity(size string) string {
	return fmt.Sprintf(`"phase":"Bound","capacity":{"storage":%q}`, size)
}

func x(value string) string { return `"x":` + value }

// The claim sets: each shows one of isLess's rules, or the sort algorithm's order.
func sets() map[string][]claim {
	s := map[string][]claim{}
	s["sizes"] = []claim{
		{name: "a", spec: storage("1Gi"), status: capacity("1Gi")},
		{name: "b", spec: storage("900Mi"), status: capacity("900Mi")},
		{name: "c", spec: storage("1G"), status: capacity("1G")},
		{name: "d", spec: storage("500M")},
		{name: "e", spec: storage("2Ti"), status: capacity("2Ti")},
		{name: "f", spec: storage("1.5Gi"), status: capacity("1536Mi")},
		{name: "g", spec: storage("1000Mi"), status: capacity("1000Mi")},
		{name: "h", spec: storage("1Gi"), status: capacity("1024Mi")},
		{name: "i", spec: storage("100"), status: capacity("100")},
		{name: "j", spec: storage("1e3"), status: capacity("1k")},
	}
	s["names"] = []claim{
		{name: "pvc-2"}, {name: "pvc-10"}, {name: "pvc-1"}, {name: "pvc-01"}, {name: "data-a"},
		{name: "Data-B"}, {name: "pvc-10a"}, {name: "pvc-9"}, {name: "pvc_1"}, {name: "pvc-é"},
		{name: "PVC-Z"},
	}
	s["missing"] = []claim{
		{name: "m0", spec: storage("5Gi") + `,"storageClassName":"fast"`, status: capacity("5Gi")},
		{name: "m1"},
		{name: "m2", spec: storage("1Gi")},
		{name: "m3", spec: `"storageClassName":"slow"`, status: `"phase":"Pending"`},
		{name: "m4", spec: storage("3Gi") + `,"storageClassName":"fast"`, status: capacity("3Gi")},
		{name: "m5"},
	}
	var stable []claim
	classes := []string{"fast", "slow", "standard"}
	for i := 0; i < 15; i++ {
		stable = append(stable, claim{
			name:    fmt.Sprintf("s%02d", i),
			created: "2024-05-01T10:00:00Z",
			spec:    storage("1Gi") + fmt.Sprintf(`,"storageClassName":%q`, classes[i%3]),
			status:  capacity("1Gi"),
		})
	}
	s["stable15"] = stable
	var big []claim
	sizes := []string{"1Gi", "500Mi", "2G", "10Gi", "1Gi", "750M", "3Ti", "100Mi", "1Gi"}
	for i := 0; i < 60; i++ {
		c := claim{
			name:    fmt.Sprintf("pvc-%d", (i*37)%61),
			created: fmt.Sprintf("2024-0%d-%02dT%02d:00:00Z", 1+i%9, 1+(i*7)%28, (i*5)%24),
			spec:    storage(sizes[i%len(sizes)]) + fmt.Sprintf(`,"storageClassName":%q`, classes[(i/4)%3]),
			status:  capacity(sizes[(i+3)%len(sizes)]),
		}
		if i%7 == 3 {
			c.spec, c.status = `"storageClassName":"fast"`, ""
		}
		big = append(big, c)
	}
	s["big60"] = big
	var sorted []claim
	for i := 0; i < 55; i++ {
		sorted = append(sorted, claim{name: fmt.Sprintf("z%03d", i), spec: x(fmt.Sprint(i / 3))})
	}
	s["ascending55"] = sorted
	var descending []claim
	for i := 0; i < 55; i++ {
		descending = append(descending, claim{name: fmt.Sprintf("y%03d", 100-i), spec: x(fmt.Sprint(60 - i))})
	}
	s["descending55"] = descending
	var duplicates []claim
	for i := 0; i < 30; i++ {
		duplicates = append(duplicates, claim{name: fmt.Sprintf("d%02d", i), spec: x(fmt.Sprint(i % 2))})
	}
	s["duplicates30"] = duplicates
	s["timestamps"] = []claim{
		{name: "t0", created: "2024-03-01T12:00:00Z"},
		{name: "t1", created: "2023-12-31T23:59:59Z"},
		{name: "t2", created: "2024-03-01T12:00:00Z"},
		{name: "t3"},
		{name: "t4", created: "2024-01-15T08:30:00Z"},
		{name: "t5", created: "2024-03-01T11:00:00-02:00"},
	}
	s["ints"] = []claim{
		{name: "i0", spec: x("3")}, {name: "i1", spec: x("-7")}, {name: "i2", spec: x("3")},
		{name: "i3", spec: x("9223372036854775807")}, {name: "i4", spec: x("0")},
		{name: "i5", spec: x("-9223372036854775808")},
	}
	s["floats"] = []claim{
		{name: "f0", spec: x("2.5")}, {name: "f1", spec: x("-0.5")}, {name: "f2", spec: x("1e3")},
		{name: "f3", spec: x("2.25")}, {name: "f4", spec: x("1.5e-3")},
	}
	s["integral_floats"] = []claim{
		{name: "g0", spec: x("2.5")}, {name: "g1", spec: x("1.0")}, {name: "g2", spec: x("3.5")},
	}
	s["ints_and_floats"] = []claim{
		{name: "n0", spec: x("2")}, {name: "n1", spec: x("1.5")}, {name: "n2", spec: x("3")},
	}
	s["big_numbers"] = []claim{
		{name: "b0", spec: x("9223372036854775808")}, {name: "b1", spec: x("1e300")},
		{name: "b2", spec: x("-1e21")}, {name: "b3", spec: x("123456789012345678901234")},
	}
	s["bools"] = []claim{
		{name: "o0", spec: x("true")}, {name: "o1", spec: x("false")}, {name: "o2", spec: x("true")},
	}
	s["nulls"] = []claim{
		{name: "l0", spec: x(`"b"`)}, {name: "l1", spec: x("null")}, {name: "l2"},
		{name: "l3", spec: x(`"a"`)}, {name: "l4", spec: x("null")},
	}
	s["only_nulls"] = []claim{
		{name: "k0", spec: x("null")}, {name: "k1", spec: x("null")}, {name: "k2"},
	}
	s["null_and_bool"] = []claim{
		{name: "q0", spec: x("null")}, {name: "q1", spec: x("true")},
	}
	s["mixed_types"] = []claim{
		{name: "x0", spec: x(`"10"`)}, {name: "x1", spec: x("10")}, {name: "x2", spec: x(`"9"`)},
	}
	s["string_then_map"] = []claim{
		{name: "r0", spec: x(`{"a":1}`)}, {name: "r1", spec: x(`"s"`)},
	}
	s["maps"] = []claim{
		{name: "p0", spec: x(`{"a":1}`)}, {name: "p1", spec: x(`{"a":0}`)},
	}
	s["arrays"] = []claim{
		{name: "a0", spec: x(`[3,1]`) + `,"accessModes":["ReadWriteOnce","ReadOnlyMany"]`},
		{name: "a1", spec: x(`[2]`) + `,"accessModes":["ReadWriteMany"]`},
		{name: "a2", spec: x(`[]`) + `,"accessModes":[]`},
		{name: "a3", spec: x(`[1,1]`) + `,"accessModes":["ReadOnlyMany","ReadWriteOnce"]`},
	}
	s["quantity_strings"] = []claim{
		{name: "v0", spec: x(`"1Gi"`)}, {name: "v1", spec: x(`"900Mi"`)}, {name: "v2", spec: x(`"abc"`)},
		{name: "v3", spec: x(`"10"`)}, {name: "v4", spec: x(`"9"`)}, {name: "v5", spec: x(`"1e3"`)},
		{name: "v6", spec: x(`"500m"`)}, {name: "v7", spec: x(`""`)}, {name: "v8", spec: x(`" 1"`)},
	}
	s["conditions"] = []claim{
		{name: "c0", status: `"conditions":[{"type":"Resizing","status":"True"}]`},
		{name: "c1", status: `"conditions":[]`},
		{name: "c2", status: `"conditions":[{"type":"FileSystemResizePending","status":"False"}]`},
		{name: "c3"},
	}
	s["labels"] = []claim{
		{name: "w0", labels: `"app":"web"`, annotations: `"a.b/c":"2"`},
		{name: "w1", labels: `"app":"db"`, annotations: `"a.b/c":"10"`},
		{name: "w2"},
		{name: "w3", labels: `"app":"cache"`, annotations: `"a.b/c":"1Ki"`},
	}
	s["single"] = []claim{{name: "only", spec: storage("1Gi")}}
	s["empty"] = nil
	s["two"] = []claim{{name: "two-b", spec: storage("2Gi")}, {name: "two-a", spec: storage("1Gi")}}
	return s
}

// Every field runs on every small set; the large sets take the ones that sort them.
var fields = []string{
	".metadata.name", "metadata.name", "{.metadata.name}", "{metadata.name}",
	".spec.resources.requests.storage", ".status.capacity.storage", ".status.capacity",
	".metadata.creationTimestamp", ".spec.nope", ".spec.storageClassName", ".spec.x",
	".spec.resources", ".spec.accessModes", ".spec.accessModes[0]", ".spec.accessModes[1]",
	".spec.accessModes[*]", ".spec.x[0]", ".spec.x[*]", ".metadata.name[*]",
	".status.conditions[0].type", `.status.conditions[?(@.type=="Resizing")].status`,
	".metadata.labels.app", ".metadata.annotations['a.b/c']", ".spec.resources.requests.*",
	"{.spec.x}{.metadata.name}", "{.spec.x} ", ".spec[", "{.spec.x", "{range .spec.accessModes[*]}{@}{end}",
	"", ".", "@", "..", "{}", ".metadata", "{@}", `{"a"}`, "{.metadata.name}}",
}

var bigFields = []string{
	".metadata.name", ".spec.resources.requests.storage", ".status.capacity.storage",
	".metadata.creationTimestamp", ".spec.storageClassName", ".spec.x", ".spec.nope",
	".spec.accessModes[0]",
}

func cases() []sortCase {
	all := sets()
	names := []string{"sizes", "names", "missing", "stable15", "big60", "ascending55",
		"descending55", "duplicates30", "timestamps", "ints", "floats", "integral_floats",
		"ints_and_floats", "big_numbers", "bools", "nulls", "only_nulls", "null_and_bool",
		"mixed_types", "string_then_map", "maps", "arrays", "quantity_strings", "conditions",
		"labels", "single", "empty", "two"}
	if len(names) != len(all) {
		fail("a set is not listed in cases()")
	}
	var out []sortCase
	for _, name := range names {
		var docs []string
		for ix, c := range all[name] {
			docs = append(docs, document(ix, c))
		}
		list := fields
		if len(docs) > 12 {
			list = bigFields
		}
		for _, field := range list {
			out = append(out, sortCase{set: name, field: field, objects: docs})
		}
	}
	return out
}
