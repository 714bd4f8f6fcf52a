// Command printers writes the golden files that lib/print is compared against, using the
// same libraries kubectl v1.37 prints with:
//   - JSON: sigs.k8s.io/json (the decoder behind unstructured objects: int64 for integers,
//     float64 otherwise) then encoding/json MarshalIndent(v, "", "    ") + "\n" and Marshal + "\n";
//   - YAML: sigs.k8s.io/yaml Marshal (encoding/json, then go.yaml.in/yaml/v2);
//   - tables: github.com/liggitt/tabwriter configured as cli-runtime does;
//   - AGE: k8s.io/apimachinery duration.HumanDuration.
//
// Usage (see regenerate.sh):
//
//	printers documents DIR      for each DIR/NAME.json write NAME.indent.golden,
//	                            NAME.compact.golden and NAME.yaml.golden (or NAME.*.error)
//	printers tab_writer DIR     for each DIR/NAME.input write NAME.golden
//	printers human_duration     read nanosecond counts on stdin, print "ns<TAB>HumanDuration"
//	printers unicode_class      print lib/go/unicode.cc (Go's IsLetter/IsDigit/IsPrint ranges)
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/liggitt/tabwriter"
	"k8s.io/apimachinery/pkg/util/duration"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// flushMarker on a line of its own in a tab_writer input means: call Flush here.
const flushMarker = "<<flush>>\n"

func main() {
	if len(os.Args) < 2 {
		fail("usage: printers documents DIR | tab_writer DIR | human_duration")
	}
	var err error
	switch os.Args[1] {
	case "documents":
		err = documents(os.Args[2])
	case "tab_writer":
		err = tabWriter(os.Args[2])
	case "human_duration":
		err = humanDuration()
	case "unicode_class":
		unicodeClass()
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "printers:", msg)
	os.Exit(1)
}

// writeResult writes NAME.KIND.golden, or NAME.KIND.error holding the error text.
func writeResult(base, kind string, data []byte, err error) error {
	golden, errFile := base+"."+kind+".golden", base+"."+kind+".error"
	os.Remove(golden)
	os.Remove(errFile)
	if err != nil {
		return os.WriteFile(errFile, []byte(err.Error()+"\n"), 0o644)
	}
	return os.WriteFile(golden, data, 0o644)
}

func documents(dir string) error {
	inputs, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	for _, input := range inputs {
		raw, err := os.ReadFile(input)
		if err != nil {
			return err
		}
		var doc interface{}
		if err := kjson.UnmarshalCaseSensitivePreserveInts(raw, &doc); err != nil {
			return fmt.Errorf("%s: %v", input, err)
		}
		base := strings.TrimSuffix(input, ".json")

		indented, err := json.MarshalIndent(doc, "", "    ")
		if err == nil {
			indented = append(indented, '\n')
		}
		if err := writeResult(base, "indent", indented, err); err != nil {
			return err
		}
		compact, err := json.Marshal(doc)
		if err == nil {
			compact = append(compact, '\n')
		}
		if err := writeResult(base, "compact", compact, err); err != nil {
			return err
		}
		out, err := yaml.Marshal(doc)
		if err := writeResult(base, "yaml", out, err); err != nil {
			return err
		}
	}
	fmt.Printf("documents: %d inputs\n", len(inputs))
	return nil
}

func tabWriter(dir string) error {
	inputs, err := filepath.Glob(filepath.Join(dir, "*.input"))
	if err != nil {
		return err
	}
	for _, input := range inputs {
		raw, err := os.ReadFile(input)
		if err != nil {
			return err
		}
		var out strings.Builder
		// cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths.
		w := tabwriter.NewWriter(&out, 6, 4, 3, ' ', tabwriter.RememberWidths)
		for _, chunk := range strings.Split(string(raw), flushMarker) {
			if _, err := w.Write([]byte(chunk)); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
		}
		golden := strings.TrimSuffix(input, ".input") + ".golden"
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("tab_writer: %d inputs\n", len(inputs))
	return nil
}

func humanDuration() error {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ns, err := strconv.ParseInt(line, 10, 64)
		if err != nil {
			return err
		}
		fmt.Printf("%d\t%s\n", ns, duration.HumanDuration(time.Duration(ns)))
	}
	return scanner.Err()
}

// ranges lists the maximal runs of non-ASCII code points for which f holds.
func ranges(f func(rune) bool) [][2]rune {
	var out [][2]rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !f(r) {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == r-1 {
			out[n-1][1] = r
		} else {
			out = append(out, [2]rune{r, r})
		}
	}
	return out
}

func printTable(name string, table [][2]rune) {
	fmt.Printf("// %d ranges.\nconstexpr Range %s[] = {\n", len(table), name)
	for i, r := range table {
		if i%4 == 0 {
			fmt.Print("   ")
		}
		fmt.Printf(" {0x%X, 0x%X},", r[0], r[1])
		if i%4 == 3 || i == len(table)-1 {
			fmt.Println()
		}
	}
	fmt.Println("};")
}

// unicodeClass prints the classification goyaml v2's key sorter uses (unicode.IsLetter,
// unicode.IsDigit) as sorted code point ranges above ASCII, in Go's Unicode version.
func unicodeClass() {
	fmt.Printf(`// Generated by tests/oracle/printers/regenerate.sh from Go %s's unicode package
// (Unicode %s). Do not edit.
#include "go/unicode.h"

#include <algorithm>
#include <iterator>

namespace pvcwatch::go {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

`, runtime.Version(), unicode.Version)
	printTable("kLetters", ranges(unicode.IsLetter))
	fmt.Println()
	printTable("kDigits", ranges(unicode.IsDigit))
	fmt.Println()
	printTable("kPrintable", ranges(unicode.IsPrint))
	fmt.Print(`
template <std::size_t N>
bool InRanges(const Range (&table)[N], char32_t c) {
  const Range* it = std::upper_bound(std::begin(table), std::end(table), c,
                                     [](char32_t value, const Range& r) { return value < r.first; });
  return it != std::begin(table) && c <= std::prev(it)->last;
}

}  // namespace

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return InRanges(kLetters, c);
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return InRanges(kDigits, c);
}

bool IsPrint(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7F;
  return InRanges(kPrintable, c);
}

}  // namespace pvcwatch::go
`)
}
