#!/usr/bin/env bash
# Installs Debian's chromium, which the web's browser tests drive through playwright-core (no browser
# download). Idempotent; needs root (as on CI). Screenshots show Chinese only with CJK fonts
# (fonts-noto-cjk), which the tests do not need.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: $(chromium --version 2>/dev/null | head -1)"
