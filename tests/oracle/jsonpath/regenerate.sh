#!/usr/bin/env bash
# Regenerates tests/data/jsonpath/vectors.json from the real k8s.io/client-go util/jsonpath,
# kubectl's JSONPath printer flags (cli-runtime) and RelaxedJSONPathExpression (kubectl),
# versions pinned in go.mod, over the documents in tests/data/jsonpath/documents. The cases
# (templates × documents) are in cases.go. Needs Go (GOTOOLCHAIN=local) and the Go module
# proxy or a warm module cache; CI uses the committed output.
#   tests/oracle/jsonpath/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
data=../../data/jsonpath
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/jsonpathoracle" .
"$bin/jsonpathoracle" "$data/documents" > "$data/vectors.json.tmp"
mv "$data/vectors.json.tmp" "$data/vectors.json"
echo "wrote $(grep -c '"template"' "$data/vectors.json") template vectors to tests/data/jsonpath/vectors.json"
