#!/usr/bin/env bash
# Checks the .deb from `make package` on a clean Debian 12: debootstraps a minimal
# bookworm into a folder, installs the package there with `apt-get install ./file.deb`
# (which must pull every dependency), then starts the installed binary under Xvfb and
# waits for its first interactive screen. Needs root (debootstrap, chroot) and network
# to Debian's archive; takes a few minutes. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/release/bundle/deb/*.deb | head -1)
root=${1:-/tmp/hhr-deb12}
[[ -n "$deb" ]] || { echo "no .deb: run make package first" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
trap 'umount "$root/dev" "$root/proc" 2>/dev/null || true' EXIT
cp "$deb" "$root/root/app.deb"
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /root/app.deb
chroot "$root" dpkg -s high-hamstring-rehab | grep -E '^(Status|Version|Depends)'
# Test tools only (not the app's dependencies): a virtual display and a session bus.
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth dbus dbus-x11
cat > "$root/root/start.sh" <<'INNER'
#!/bin/sh
export HOME=/tmp/hhr-home XDG_DATA_HOME=/tmp/hhr-home/data
rm -rf "$HOME"; mkdir -p "$HOME"
high-hamstring-rehab > /tmp/app.out 2> /tmp/app.err &
pid=$!
for i in $(seq 1 60); do
  if grep -q "interactive after" /tmp/app.err; then
    grep "interactive after" /tmp/app.err
    kill $pid; wait $pid || true
    echo "OK: the installed app started and showed its first screen"
    exit 0
  fi
  sleep 1
done
echo "FAILED: no first screen within 60 s"; tail -20 /tmp/app.err; kill $pid; exit 1
INNER
chmod +x "$root/root/start.sh"
chroot "$root" xvfb-run -a dbus-run-session -- /root/start.sh 2>&1 | grep -E "interactive after|OK:|FAILED"
