// promlint: what `promtool check metrics` does, for tests/e2e/test_metrics.py. It reads an
// exposition in the text format on stdin, parses it with Prometheus' own parser and lints
// it with the rules promtool applies (client_golang's testutil/promlint: naming, units,
// _total counters, help strings). Prints each problem as "metric: text"; exit 3 when there
// are problems, 1 when the text does not parse, as promtool.
package main

import (
	"fmt"
	"os"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"
)

func main() {
	problems, err := promlint.New(os.Stdin).Lint()
	if err != nil {
		fmt.Fprintln(os.Stderr, "error while linting:", err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Printf("%s: %s\n", p.Metric, p.Text)
	}
	if len(problems) > 0 {
		os.Exit(3)
	}
}
