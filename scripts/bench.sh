#!/usr/bin/env bash
# `make bench`: builds the release binary and prints startup, memory and idle-CPU
# figures measured under a virtual display. Prints a table; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin high-hamstring-rehab --examples
# The floor to compare with: the smallest Tauri window app, same toolchain, same target dir.
cargo build --release --locked --manifest-path bench/floor/Cargo.toml --target-dir target
exec xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
  /usr/bin/python3 scripts/bench.py target/release/high-hamstring-rehab
