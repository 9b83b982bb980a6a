#!/usr/bin/env bash
# Installs Groonga (Debian's groonga-bin), the benchmark's peer. Idempotent; needs root (as on CI).
set -euo pipefail
if command -v groonga >/dev/null 2>&1; then
  echo "groonga: $(groonga --version | head -1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq groonga-bin >/dev/null
echo "groonga: $(groonga --version | head -1)"
