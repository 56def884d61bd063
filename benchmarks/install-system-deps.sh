#!/usr/bin/env bash
# Install the system packages the benchmark corpus generator needs:
#   - poppler-utils: pdftotext / pdftoppm (extraction and rasterising for OCR)
#   - tesseract-ocr(+eng): real OCR of the rendered pages
#   - libpango / libharfbuzz / fonts: WeasyPrint's text layout and the fonts it embeds
# Idempotent: packages already present are skipped, and apt is only called when
# something is missing. Quiet unless something fails.
set -euo pipefail

PACKAGES=(
  poppler-utils
  tesseract-ocr
  tesseract-ocr-eng
  libpango-1.0-0
  libpangoft2-1.0-0
  libharfbuzz0b
  libharfbuzz-subset0
  libfontconfig1
  fonts-dejavu-core
  fonts-liberation
  shared-mime-info
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# apt's chatter (and debconf's notes on stderr) only matters when it fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-system-deps: failed to install: ${missing[*]}" >&2
  exit 1
fi
