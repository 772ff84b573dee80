#!/usr/bin/env bash
# Installs nrl-edge as a systemd service: deploy/install.sh JAR PROFILE [STATE_DIR]
#   JAR       target/nrl-edge.jar
#   PROFILE   the board's device profile (copied to /opt/nrl-edge/profile.yaml)
#   STATE_DIR where logs and run folders go (default /var/lib/nrl-edge; e.g. a USB stick's mount point)
# Creates the unprivileged system user nrl-edge in the hardware groups that exist on this board,
# copies the jar and profile, installs and enables the unit. Run as root. Start it yourself:
#   systemctl start nrl-edge
set -euo pipefail
if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 JAR PROFILE [STATE_DIR]" >&2
  exit 2
fi
jar=$1 profile=$2 state=${3:-/var/lib/nrl-edge}
[ -f "$jar" ] || { echo "install: $jar: no such jar (build it: mvn -B package -DskipTests)" >&2; exit 2; }
[ -f "$profile" ] || { echo "install: $profile: no such profile" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "install: run as root (sudo $0 ...)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)

java -jar "$jar" --version >/dev/null || { echo "install: 'java -jar $jar' does not start; install a JDK 21+" >&2; exit 1; }

id nrl-edge >/dev/null 2>&1 || useradd --system --no-create-home --home-dir "$state" --shell /usr/sbin/nologin nrl-edge
for group in gpio i2c spi dialout; do
  if getent group "$group" >/dev/null; then
    usermod -aG "$group" nrl-edge
  else
    echo "install: no group '$group' on this system; skipped" >&2
  fi
done

install -d -m 755 /opt/nrl-edge
install -m 644 "$jar" /opt/nrl-edge/nrl-edge.jar
install -m 644 "$profile" /opt/nrl-edge/profile.yaml
install -d -o nrl-edge -g nrl-edge -m 750 "$state"

unit=/etc/systemd/system/nrl-edge.service
sed -e "s|/var/lib/nrl-edge|$state|g" "$here/nrl-edge.service" > "$unit"
if [ "$state" != /var/lib/nrl-edge ]; then
  sed -i '/^StateDirectory=/d' "$unit" # StateDirectory= only manages folders under /var/lib
fi
systemd-analyze verify "$unit"
systemctl daemon-reload
systemctl enable nrl-edge.service
echo "installed: systemctl start nrl-edge; journalctl -u nrl-edge -f; logs and runs in $state"
