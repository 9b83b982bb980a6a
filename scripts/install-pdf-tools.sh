#!/usr/bin/env bash
# Installs what the export tests need to lay a .docx out as PDF: LibreOffice Writer (headless soffice),
# poppler (pdftotext, pdfinfo) and Noto CJK, so the PDF holds real Chinese glyphs. Needs root (as on CI).
# Fails loudly: under CI the tests fail without these rather than skip.
set -euo pipefail
started=$(date +%s)
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "pdf tools: already installed ($(soffice --version | head -1))"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# One apt-get update per CI run: skip it when another install script refreshed the lists in the last hour.
if ! find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 2>/dev/null | grep -q .; then
  apt-get update -qq
fi
apt-get install -y -qq --no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk >/dev/null
soffice --version | head -1
pdftotext -v 2>&1 | head -1
echo "pdf tools: installed in $(($(date +%s) - started)) s"
