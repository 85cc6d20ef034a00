#!/usr/bin/env bash
# Installs what `make run` (deps.sh build), `make test` / `make bench` (deps.sh test,
# bench) or `make package` (deps.sh package) needs and is missing, on Debian/Ubuntu: system packages with apt-get, tauri-driver
# with cargo. Installs nothing that is already there, so a second run is instant.
set -euo pipefail

what=${1:-build}
build_pkgs=(libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev pkg-config build-essential)
test_pkgs=(xvfb xauth dbus dbus-x11 libglib2.0-bin webkit2gtk-driver python3-dbusmock xdotool procps)
bench_pkgs=(imagemagick)

case "$what" in
  build) wanted=("${build_pkgs[@]}") ;;
  test) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  bench) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  package) wanted=("${build_pkgs[@]}" file) ;;
  *) echo "usage: $0 build|test|bench|package" >&2; exit 2 ;;
esac

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is not installed: install Rust from rustup first (https://rustup.rs)." >&2
  exit 1
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "$what" != build && "$what" != package ]] && ! command -v tauri-driver >/dev/null 2>&1 \
    && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]]; then
  echo "Installing tauri-driver (cargo install, about 30 s)"
  cargo install tauri-driver --locked --version '^2'
fi

if [[ "$what" == package ]] && ! cargo tauri --version >/dev/null 2>&1; then
  echo "Installing tauri-cli (cargo install, several minutes the first time)"
  cargo install tauri-cli --locked --version '^2'
fi
