#!/usr/bin/env bash
# Regenerates the sample pages in this folder from the example cases, through the CLI.
# Needs LibreOffice and poppler-utils (apt-get install libreoffice-writer poppler-utils fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
render() { # kind case png-name [extra args]
  local kind=$1 case=$2 name=$3; shift 3
  node bin/xieshang.js letter "$kind" --input "docs/letters/$case.json" --out "$out/$name.docx" "$@" >/dev/null
  (cd "$out" && soffice --headless --convert-to pdf "$name.docx" >/dev/null 2>&1)
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$name.pdf" "docs/letters/$name"
  echo "docs/letters/$name.png ($(pdfinfo "$out/$name.pdf" | awk '/^Pages/ {print $2}') pages)"
}
render request card-family request
render hardship young-worker hardship
render call-script young-worker call-script
render complaint young-worker complaint
rm -rf "$out"
