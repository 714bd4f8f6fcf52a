#!/usr/bin/env bash
# Regenerates tests/data/sort_by/vectors.json from the real kubectl --sort-by code
# (k8s.io/kubectl pkg/cmd/get: SortingPrinter, RuntimeSorter, TableSorter, TablePrinter;
# versions pinned in go.mod) over the claim sets and fields in cases.go. Needs Go
# (GOTOOLCHAIN=local) and the Go module proxy or a warm module cache; CI uses the committed
# output.
#   tests/oracle/sort_by/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
data=../../data/sort_by
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/sortbyoracle" .
# klog also copies the fatal lines of the cases that end kubectl to stderr: keep them out of
# the way unless the oracle itself fails.
if ! "$bin/sortbyoracle" > "$data/vectors.json.tmp" 2> "$bin/stderr"; then
  cat "$bin/stderr" >&2
  exit 1
fi
mv "$data/vectors.json.tmp" "$data/vectors.json"
echo "wrote $(grep -c '"field"' "$data/vectors.json") vectors to tests/data/sort_by/vectors.json"
