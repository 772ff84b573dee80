# Sourced by docs/reproduce.sh and docs/tune.sh: `step NAME ARGS…` runs one `experiment` into
# $out/NAME, keeps its table in $out/NAME.txt and prints it with the step's wall time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=target/nrl-edge.jar
[ -f "$jar" ] || { echo "$(basename "$0"): build first: mvn -B package -DskipTests" >&2; exit 2; }
mkdir -p "$out"

step() {
  local name=$1
  shift
  local start=$SECONDS
  java -jar "$jar" experiment "$@" --out "$out/$name" --force > "$out/$name.txt"
  echo "$name: $((SECONDS - start)) s"
  cat "$out/$name.txt"
}
