#!/usr/bin/env bash
# Regenerates quantity_vectors.tsv from the real k8s.io/apimachinery resource.Quantity (the
# version pinned in go.mod). Needs Go and the Go module proxy; CI uses the committed output.
#   tests/oracle/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN=local
upstream_dir=$(go list -m -f '{{.Dir}}' k8s.io/apimachinery)
go run . -upstream-tests "$upstream_dir/pkg/api/resource/quantity_test.go" > quantity_vectors.tsv.tmp
mv quantity_vectors.tsv.tmp quantity_vectors.tsv
echo "wrote $(grep -vc '^#' quantity_vectors.tsv) vectors to tests/oracle/quantity_vectors.tsv"
