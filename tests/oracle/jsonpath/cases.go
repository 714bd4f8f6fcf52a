package main

// engineCase is one template and the documents it runs on; json adds the
// EnableJSONOutput (-o jsonpath-as-json) runs, runs > 1 reuses one parsed JSONPath.
type engineCase struct {
	template string
	docs     []string
	json     bool
	runs     int
}

var (
	onList   = []string{"list"}
	onAll    = []string{"list", "empty_list", "claim", "values"}
	onValues = []string{"values"}
	onClaims = []string{"list", "empty_list", "claim"}
)

func engineCases() []engineCase {
	var cases []engineCase
	add := func(docs []string, asJSON bool, templates ...string) {
		for _, t := range templates {
			cases = append(cases, engineCase{template: t, docs: docs, json: asJSON, runs: 1})
		}
	}
	// Text and plain fields.
	add(onAll, true, ``, `plain text`, `{.kind}`, `kind is {.kind}!`, `{$.kind}`, `{@.kind}`,
		`{.metadata}`, `{.metadata.resourceVersion}`, `{.missing}`, `{.missing.deeper}`,
		`{.kind.missing}`, `{.}`, `{@}`, `{$}`, `{ .kind }`, `a}b{.kind}}`, `{.items}`,
		`{.metadata.name}`, `{.status.phase}`, `{.spec}`)
	// Items of a list.
	add(onClaims, true, `{.items[*].metadata.name}`, `{.items[0].metadata.name}`,
		`{.items[*].spec.resources.requests.storage}`, `{.items[*].status.capacity.storage}`,
		`{.items[*].status.nope}`, `{.items[0].missing}`, `{.items.metadata}`,
		`{.items[*]['metadata']['name']}`, `{.items[*].metadata['name','namespace']}`,
		`{.items[0]['metadata','spec']}`, `{.items[0].metadata['uid']}`, `{['kind']}`,
		`{['kind','apiVersion']}`, `{.items[0].metadata.annotations.kubernetes\.io/created-by}`,
		`{.items[0].metadata.annotations['kubernetes.io/created-by']}`,
		`{.items[0].metadata.annotations['kubernetes\.io/created-by']}`,
		`{.items[0].metadata.annotations.note}`, `{.items[0].metadata.annotations}`,
		`{.items[0].metadata.generation}`, `{.items[*].metadata.generation}`,
		`{.items[2].metadata.name}`, `{.items[0].spec.storageClassName}`,
		`{.items[1].spec.storageClassName}`, `{.items[*].spec.storageClassName}`,
		`{.items[0].metadata.name}{.items[1].metadata.name}`, `{.items[*].metadata.name} {.kind}`,
		`{$.items[*].metadata.name}`, `{@.items[0].metadata.name}`, `{.items[0].status.conditions}`,
		`{.items[0].spec.accessModes}`, `{.items[*].spec.accessModes[*]}`,
		`{.items[*].spec.accessModes[0]}`, `{.metadata.*}`, `{.items[0].metadata.labels.*}`,
		`{.items[0].metadata.name.*}`, `{.kind.*}`, `{.items[*].status.phase}`)
	// Indexes and slices.
	add(onClaims, true, `{.items[1].metadata.name}`, `{.items[-1].metadata.name}`, `{.items[3]}`,
		`{.items[-4]}`, `{.items[0:2].metadata.name}`, `{.items[1:].metadata.name}`,
		`{.items[:1].metadata.name}`, `{.items[-2:].metadata.name}`, `{.items[::2].metadata.name}`,
		`{.items[::0]}`, `{.items[::-1]}`, `{.items[2:1]}`, `{.items[1:1]}`, `{.items[0:5]}`,
		`{.items[]}`, `{.items[0:-1].metadata.name}`, `{.items[-1:0]}`, `{.items[0,2].metadata.name}`,
		`{.items[0, 2].metadata.name}`, `{.items[0,]}`, `{.items[2,0].metadata.uid}`,
		`{.items[*].spec.accessModes[1:]}`, `{.items[*].spec.accessModes[-1:]}`,
		`{.items[0:3:2].metadata.name}`, `{.kind[0]}`, `{.metadata[0]}`, `{.items[0].metadata.generation[0]}`)
	add(onValues, true, `{.ints[*]}`, `{.floats[*]}`, `{.mixed[*]}`, `{.mixed}`, `{.bools}`,
		`{.bools[*]}`, `{.nothing}`, `{.emptyObject}`, `{.emptyArray}`, `{.emptyArray[*]}`,
		`{.emptyArray[0]}`, `{.emptyArray[0:0]}`, `{.emptyString}`, `{.text}`, `{['space key']}`,
		`{.space key}`, `{['a.b']}`, `{.a\.b}`, `{.a.c[1]}`, `{.a.c[-1:]}`, `{.matrix[*][0]}`,
		`{.matrix[*][*]}`, `{.matrix[1][-1]}`, `{.matrix[2][1:]}`, `{.matrix[*][1:]}`,
		`{.floats[2]}`, `{.floats[3]}`, `{.floats[4]}`, `{.floats[5]}`, `{.floats[6]}`,
		`{.floats[7]}`, `{.floats[8]}`, `{.ints[4]}`, `{.ints[5]}`, `{.ints[6]}`, `{.a.*}`, `{.a.c.*}`,
		`{.emptyString.*}`, `{.text.*}`, `{.deep.l1.l2.l3.name}`, `{.nullItems[*]}`,
		`{.nullItems[*].name}`, `{.nullItems[0].name}`, `{.nothing.x}`, `{.nothing[0]}`,
		`{.nothing.*}`, `{.objects[*].name}`, `{.objects[*].extra}`, `{.objects[2]}`,
		`{.ints[99999999999999999999]}`, `{.ints[-]}`, `{.ints[a]}`, `{.ints[1:2:3:4]}`,
		`{.ints[ 1 ]}`, `{.ints[1 ,2]}`, `{.a['b','c']}`, `{.a['b',0]}`, `{.ints[0,'b']}`)
	// Filters.
	add(onValues, true, `{.objects[?(@.n>1)].name}`, `{.objects[?(@.n==1)].name}`,
		`{.objects[?(@.n<=2)].name}`, `{.objects[?(@.n>=2)].name}`, `{.objects[?(@.n!=2)].name}`,
		`{.objects[?(@.n<0)].name}`, `{.objects[?(@.f>1.5)].name}`, `{.objects[?(@.f>1)].name}`,
		`{.objects[?(@.n>1.5)].name}`, `{.objects[?(@.s<"b")].name}`, `{.objects[?(@.s=='a')].name}`,
		`{.objects[?(@.s=="")].name}`, `{.objects[?(@.on==true)].name}`, `{.objects[?(@.on)].name}`,
		`{.objects[?(@.on==false)].name}`, `{.objects[?(@.extra)].name}`, `{.objects[?(@.sub.n)].name}`,
		`{.objects[?(@.on<true)].name}`, `{.objects[?(@.name==@.s)].name}`, `{.objects[?(@.sub==1)]}`,
		`{.objects[?(@.n=1)]}`, `{.objects[?(@.n=<1)]}`, `{.objects[?(@.n==)]}`,
		`{.objects[?(@.n==1]}`, `{.objects[?(@.n==1)}`, `{.objects[?(@.name=="x)y")].n}`,
		`{.objects[?(@.name=='x')].n}`, `{.objects[?(@.extra==null)]}`, `{.objects[?()].name}`,
		`{.objects[?(@.name=~"x")]}`, `{.objects[?(@.n in 1)].name}`, `{.objects[?(@.n>1)]['name','s']}`,
		`{.ints[?(@>0)]}`, `{.floats[?(@<1)]}`, `{.floats[?(@<1.0)]}`, `{.mixed[?(@==1)]}`,
		`{.ints[?(@==9007199254740993)]}`, `{.ints[?(@>1e3)]}`, `{.kind[?(@.x)]}`, `{.a[?(@.x)]}`,
		`{.nothing[?(@.x)]}`, `{[?(@.x)]}`, `{.text[?(@.x)]}`, `{.objects[?(@.n>"1")]}`,
		`{.objects[?(@.name)].name}`, `{.objects[?(@.n==+1)].name}`, `{.objects[?(@.n==-1)].name}`,
		`{.objects[?(@.n == 2)].name}`, `{.objects[?(@.sub.n==7)].name}`, `{.objects[*][?(@.n)]}`,
		`{.objects[?(@.s<'b')].name}`, `{.objects[?(@.name=="x" )].n}`, `{.bools[?(@==true)]}`,
		`{.objects[?(@.f==1.5)].name}`, `{.objects[?(@.n==2)][?(@.x)]}`, `{.matrix[?(@[0]==3)]}`,
		`{.objects[?(@.s>=@.name)].name}`, `{.objects[?(@..n)].name}`, `{.objects[?(@.*)].name}`)
	add(onClaims, true, `{.items[?(@.status.phase=="Bound")].metadata.name}`,
		`{.items[?(@.spec.storageClassName=="fast")].metadata.name}`,
		`{.items[?(@.status.capacity)].metadata.name}`,
		`{.items[?(@.metadata.labels.app=="web")].metadata.name}`,
		`{.items[?(@.metadata.name=="ünïcode-名前")].metadata.uid}`,
		`{.items[?(@.metadata.generation>1)].metadata.name}`,
		`{.items[?(@.spec.accessModes[0]=="ReadWriteOnce")].metadata.name}`)
	// Recursive descent and wildcards.
	add(onClaims, true, `{..name}`, `{..metadata.name}`, `{...kind}`, `{....kind}`, `{..*}`,
		`{..[0]}`, `{.items..name}`, `{..storage}`, `{.items[*]..type}`, `{..phase}`, `{.*}`,
		`{.items[0].spec.*}`, `{..missing}`, `{..uid}`, `{.items[0].status.conditions[*].*}`)
	add(onValues, true, `{..name}`, `{..n}`, `{.deep..name}`, `{.ints..x}`, `{..l3}`)
	add([]string{"small"}, true, `{..}`, `{..x}`, `{.*}`, `{..[0]}`)
	// String literals.
	add(onList, true, `{"\n"}`, `{"\t"}`, `{'single'}`, `{"it's"}`, `{'it\'s'}`, `{"a\"b"}`,
		`{"\x41\u00e9\U0001F600\101"}`, `{"\q"}`, `{"unterminated}`, `{"a\\"}`, `{"x" "y"}`,
		`{""}`, `{'a'}{"b"}`, `{"\u12"}`, `{"\ud800"}`, `{'\"'}`, `{"\'"}`, `{"\a\b\f\v\\"}`,
		`{"<&>"}`, `{"{}"}`, `{"\U00110000"}`, `{"\400"}`, "{\"line\nbreak\"}", `{"x"}{.kind}`,
		`{.kind "x"}`, `{"x" .kind}`, `{"名前"}`)
	// Ranges.
	add(onClaims, true, `{range .items[*]}{.metadata.name}{"\n"}{end}`,
		`{range .items[*]}[{.metadata.name}]{end}`,
		`{range .items[*]}{.metadata.name}:{range .spec.accessModes[*]}{@},{end};{end}`,
		`{range .items[*]}[{.metadata.name}]`, `{end}`, `{range .items[*]}{end}{end}`,
		`{range .items[*]}{.status.capacity.storage}{"\n"}{end}`,
		`{range .items[*]}{range .status.conditions[*]}{.type}={.status} {end}{end}`,
		`{range .items[*]}{.metadata.name}{"\t"}{.spec.resources.requests.storage}{"\n"}{end}`,
		`{range}{.kind}{end}`, `{range .items[*]}{end}`, `{range .missing[*]}{.x}{end}`,
		`{range .kind}{@}{end}`, `{range .kind.*}{@},{end}`,
		`{range .items[*]}{.metadata.name}{end} tail {.kind}`, `{range .items[0:2]}{.metadata.name} {end}`,
		`{range .items[*]}{.metadata.name}{end}{range .items[*]}{.metadata.uid}{end}`,
		`{end}{range}`, `{range .items[*]}{.metadata.name}{end}{end}`,
		`{range .items[*]}{range .spec.accessModes[*]}{@}{end}`, `{range .items[*]}{@.kind}{end}`,
		`{range .items[*]}{.metadata.labels.app}{end}`, `{range .items[*]}{[0]}{end}`,
		`{range .items[*]}{.metadata.name}{end range}`, `{range .items[*] .metadata}{.name}{end}`,
		`{range .items[?(@.status.phase!="Bound")]}{.metadata.name} {.status.phase}{"\n"}{end}`,
		`{range .items[*]}{range .spec.accessModes[*]}{@}{end}/{end}|{range .items[*]}{.kind}{end}`)
	add(onValues, true, `{range .emptyArray[*]}x{end}after`, `{range .nullItems[*]}{@}|{end}`,
		`{range .nullItems[*]}{.name}|{end}`, `{range .nullItems[*]}{[0]}{end}`,
		`{range .nullItems[*]}{[?(@.x)]}{end}`, `{range .emptyArray[*]}{[0]}{end}`,
		`{range .emptyArray[*]}{.x}{end}`, `{range .emptyArray[*]}{[?(@.x)]}{end}`,
		`{range .objects[?(@.n>1)]}{.name}{end}`, `{range .matrix[*]}{range @[*]}{@} {end};{end}`,
		`{range .emptyArray[*]}{"x"}{end}`, `{range .nullItems[*]}{@.*}{end}`)
	// Parse errors and literals.
	add(onList, true, `{`, `{.kind`, "{.kind\n}", "{.kind\r}", `{#}`, "{\t.kind}", `{é}`,
		`{-}`, `{1.2.3}`, `{+5}`, `{42}`, `{3.25}`, `{true}`, `{false}`, `{.kind true}`, `{tru}`,
		`{range}`, `{.items[*].metadata.name,}`, `{.a,.b}`, `{*}`, `{.kind[}`, `{.kind[0}`, `{@@}`,
		`{名前}`, `{٣}`, "{\u00a0}", "{\u200b}", "{\x01}", `{🚀}`, "{\u0301}", `{.kind}{`, `}{.kind}`,
		`{{.kind}}`, `{.kind}{end`, `{.items[0].metadata.name.}`,
		`{.kind)}`, `{?}`, `{(}`, `{.kind!}`, `{.ki\nd}`, `{.ki\}nd}`, `{\.kind}`, `{.kind\}`,
		`{[?(@.x)}`, `{.items[?(@.x)`, `{.items[?@.x]}`, `{ }`, `{}`, `{1}{.kind}`, `{0x10}`,
		`{-1.5}`, `{007}`, `{1e3}`, `{.5}`, `{$kind}`, `{$.}`, `{@.}`, `{.kind.}`, `{.kind..}`)
	// Bytes that are not UTF-8: kept, or replaced by U+FFFD where Go decodes runes.
	add(onList, true, "{\"\xff\"}", "{\"\xff\\n\"}", "{\xff}", "a\xffb{.kind}", "{.k\xffey}",
		`{"\xff"}`, `{"\377"}`, "{'\xfe'}", "{.kind}\xc3")
	// One JSONPath reused, as kubectl reuses one printer for every watch event.
	for _, t := range []string{`{range .items[*]}{.metadata.name},{end}`,
		`{.kind}{range .items[*]}{.metadata.name}{end}!`,
		`{range .items[*]}{range .spec.accessModes[*]}{@}{end};{end}`, `{.kind}`,
		`{range .items[*]}{.metadata.name}{end}{.kind}`, `{range .items[*]}{.metadata.name}`,
		`{range .items[*]}[{.metadata.labels.app}]{end}`} {
		cases = append(cases, engineCase{template: t, docs: onClaims, json: true, runs: 2})
	}
	return cases
}

type printerCase struct {
	template string
	docs     []string
	formats  []string
}

func printerCases() []printerCase {
	both := []string{"jsonpath", "jsonpath-as-json"}
	var cases []printerCase
	for _, t := range []string{`{.items[*].metadata.name}`, `{.missing}`, `{.items[5]}`,
		`{.kind`, `{end}`, `{#}`, `{range .items[*]}{.metadata.labels.app}{"\n"}{end}`,
		`{.items[?(@.spec.storageClassName=="fast")].metadata.name}`, `{.metadata[?(@.x)]}`,
		`{"\q"}`, `{nope}`} {
		cases = append(cases, printerCase{template: t, docs: []string{"claim", "values"}, formats: both})
	}
	cases = append(cases, printerCase{template: `{.items[7]}`, docs: []string{"list"}, formats: both})
	return cases
}

var relaxedInputs = []string{"", ".metadata.name", "metadata.name", "{.metadata.name}",
	"{metadata.name}", "{.a}{.b}", "{}", ".", "{.}", "..a", "{..a}", "{.a", "a}", "{{.a}}",
	".items[*].metadata.name", "{.spec.resources.requests.storage}", "a\nb", " .a", "{ .a}",
	"{.a}x", "..", "{.a.b}}", "名前", "{.items[?(@.x==\"y\")]}", ".a{b"}
