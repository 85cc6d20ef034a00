#!/usr/bin/env bash
# Runs the end-to-end suite (tests/e2e) against the real app. It needs a display and a
# private session bus, so run it as:
#
#   xvfb-run -a dbus-run-session -- bash scripts/e2e.sh [test name filter]
#
# It starts a mock notification daemon (python3-dbusmock, its default capabilities: no
# `actions`, so text-only notifications) on that bus, logging to a temp file the tests
# read (HHR_NOTIFICATION_LOG); a test may swap it for one with `actions` or for none and
# puts a default one back afterwards (tests/e2e/servers.rs). It runs the tests one at a time:
# the app is single-instance per session bus. Fails with cargo's status; then, on a
# full run (no arguments), unless every test listed in tests/e2e/expected.txt passed
# and no unlisted test did. With arguments (a name filter, --ignored) it only requires
# that at least one test passed, and says the full guard was skipped.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
  echo "e2e: $*" >&2
  exit 1
}

how="run it as: xvfb-run -a dbus-run-session -- bash scripts/e2e.sh"
[[ -n "${DISPLAY:-}" ]] || fail "DISPLAY is not set, so the app has no display; $how"
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || fail "DBUS_SESSION_BUS_ADDRESS is not set, so there is no private session bus; $how"

export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || fail "tauri-driver not found: cargo install tauri-driver --locked"
command -v WebKitWebDriver >/dev/null || fail "WebKitWebDriver not found: apt-get install webkit2gtk-driver"
command -v xdotool >/dev/null || fail "xdotool not found: apt-get install xdotool"
command -v dbus-send >/dev/null || fail "dbus-send not found: apt-get install dbus"
command -v dbus-monitor >/dev/null || fail "dbus-monitor not found: apt-get install dbus"
# Debian's interpreter: python3 on PATH may be another one without the package.
/usr/bin/python3 -c 'import dbusmock' 2>/dev/null || fail "python3-dbusmock is missing: apt-get install python3-dbusmock"

workdir="$(mktemp -d -t hhr-e2e.XXXXXX)"
LOG="$workdir/notifications.log"
: >"$LOG"
mock_pid=""

cleanup() {
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill -TERM "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

/usr/bin/python3 -m dbusmock --session -t notification_daemon -l "$LOG" >"$workdir/dbusmock.out" 2>&1 &
mock_pid=$!

has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
    grep -q 'boolean true'
}

# Up to 10 s for the mock to own the name.
owned=no
for _ in $(seq 100); do
  if has_owner; then
    owned=yes
    break
  fi
  if ! kill -0 "$mock_pid" 2>/dev/null; then
    cat "$workdir/dbusmock.out" >&2
    fail "the notification mock exited before taking org.freedesktop.Notifications"
  fi
  sleep 0.1
done
if [[ "$owned" != yes ]]; then
  cat "$workdir/dbusmock.out" >&2
  fail "org.freedesktop.Notifications has no owner after 10 s (dbusmock did not start)"
fi

# The tests a full run must see pass, one name a line.
EXPECTED=tests/e2e/expected.txt
[[ -f "$EXPECTED" ]] || fail "$EXPECTED is missing"

export HHR_NOTIFICATION_LOG="$LOG"
status=0
cargo test --locked --features e2e --test e2e -- --test-threads=1 --show-output "$@" 2>&1 | tee "$workdir/cargo.out" || status=$?
[[ "$status" == 0 ]] || exit "$status"
# Which tests passed, as cargo names them ("test NAME ... ok").
export LC_ALL=C
passed="$workdir/passed.txt"
sed -n 's/^test \(.*\) \.\.\. ok$/\1/p' "$workdir/cargo.out" | sort -u >"$passed"
ran=$(wc -l <"$passed")
if (($#)); then
  # A developer running some tests: the list cannot be checked against a filter.
  ((ran > 0)) || fail "no end-to-end test ran (arguments: $*)"
  echo "e2e: $ran end-to-end tests passed; the full guard (every test in $EXPECTED) was skipped because of the arguments: $*"
  exit 0
fi

# A full run passes only if every listed test ran and passed, and nothing unlisted did
# (a test that is ignored, renamed or no longer compiled in must not go unnoticed).
expected="$workdir/expected.txt"
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$EXPECTED" | sed 's/[[:space:]]*$//' | sort -u >"$expected"
missing=$(comm -23 "$expected" "$passed")
unlisted=$(comm -13 "$expected" "$passed")
if [[ -n "$missing" ]]; then
  echo "e2e: these tests of $EXPECTED did not pass:" >&2
  while IFS= read -r name; do
    if grep -qF "test $name ... ignored" "$workdir/cargo.out"; then
      why="ignored"
    else
      why="did not run (renamed, removed or not compiled in?)"
    fi
    echo "  $name: $why" >&2
  done <<<"$missing"
fi
if [[ -n "$unlisted" ]]; then
  echo "e2e: these tests passed but are not listed in $EXPECTED (add them):" >&2
  sed 's/^/  /' <<<"$unlisted" >&2
fi
[[ -z "$missing" && -z "$unlisted" ]] || fail "the end-to-end suite is incomplete (see above)"
echo "e2e: all $ran listed end-to-end tests passed ($EXPECTED)"
