#!/usr/bin/env bash
# Regenerates tests/data/custom_columns/vectors.json from kubectl's real custom-columns
# printer (k8s.io/kubectl/pkg/cmd/get customcolumn.go and customcolumn_flags.go, with
# cli-runtime's tab writer; versions pinned in go.mod). The documents are in documents.go,
# the specs, templates and watch sequences in cases.go. Needs Go (GOTOOLCHAIN=local) and
# the Go module proxy or a warm module cache; CI uses the committed output.
#   tests/oracle/custom_columns/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
data=../../data/custom_columns
mkdir -p "$data"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/customcolumnsoracle" .
"$bin/customcolumnsoracle" > "$data/vectors.json.tmp"
mv "$data/vectors.json.tmp" "$data/vectors.json"
echo "wrote $(grep -c '"flush"' "$data/vectors.json") printer vectors to tests/data/custom_columns/vectors.json"
