#!/usr/bin/env bash
# Regenerates the golden files of the lib/print suites from the Go libraries kubectl v1.37
# prints with (versions pinned in go.mod): encoding/json, sigs.k8s.io/yaml, liggitt/tabwriter,
# apimachinery's HumanDuration; also lib/go/unicode.cc from Go's unicode tables.
# Needs Go (GOTOOLCHAIN=local) and the Go module proxy or a warm module cache; CI uses the
# committed output.
#   tests/oracle/printers/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
data=../../data/printers
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/printers" .
"$bin/printers" documents "$data/documents"
"$bin/printers" tab_writer "$data/tab_writer"
{
  echo "# nanoseconds<TAB>apimachinery duration.HumanDuration (tests/oracle/printers/regenerate.sh)"
  "$bin/printers" human_duration < human_duration_inputs.txt
} > "$data/human_duration.tsv"
"$bin/printers" unicode_class > ../../../lib/go/unicode.cc
echo "wrote goldens under tests/data/printers and lib/go/unicode.cc"
