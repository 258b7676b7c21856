#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever kwe-verify needs and the machine lacks.
# Idempotent: a package already present is left alone; apt is touched only when something is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libmpfr-dev libgmp-dev libboost-dev
  catch2 libbenchmark-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev
  gnuplot-nox
  pandoc chromium fonts-noto-color-emoji python3
  clang libclang-rt-14-dev
  libflint-arb-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
