#!/usr/bin/env bash
# chaff stream through its Python adapters on real engines: a local Spark job (pyspark, local[2])
# and a datatrove pipeline on its local executor, each over a few thousand JSON Lines documents,
# must give exactly the findings of `chaff check` on the same texts as files
# (Scripts/integration/stream_check.py). First, the package's own tests (python/tests).
#
#   Scripts/integration/stream-test.sh [CHECKOUT]
#
# Needs java for Spark: installs Debian's default-jre-headless when java is missing. The Python
# packages go into a temporary virtual environment, pinned.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && pwd)
PYSPARK_SPEC=${PYSPARK_SPEC:-pyspark==3.5.3}
DATATROVE_SPEC=${DATATROVE_SPEC:-datatrove==0.10.1}
# datatrove's JsonlReader and JsonlWriter import orjson, which datatrove does not declare.
ORJSON_SPEC=${ORJSON_SPEC:-orjson==3.13.0}

if ! command -v java >/dev/null; then
    echo "== installing default-jre-headless (Spark runs on the JVM)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq default-jre-headless >/dev/null
fi

if [ -z "${CHAFF:-}" ]; then
    swift build --package-path "$checkout" --product chaff
    CHAFF="$(swift build --package-path "$checkout" --show-bin-path)/chaff"
fi

export CHAFF
echo "== python/chaff_stream against chaff stream (standard library only)"
python3 -B "$checkout/python/tests/test_chaff_stream.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python3" -m pip install --quiet --disable-pip-version-check "$PYSPARK_SPEC" "$DATATROVE_SPEC" "$ORJSON_SPEC"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "python: $("$work/venv/bin/python3" --version); $PYSPARK_SPEC, $DATATROVE_SPEC, $ORJSON_SPEC (pip, temporary venv)"
# Spark's progress bars and datatrove's per-task logs are noise here; the checker's lines are kept.
"$work/venv/bin/python3" "$script_dir/stream_check.py" --chaff "$CHAFF" --work "$work/run" > "$work/log" 2>&1 || {
    cat "$work/log"
    exit 1
}
grep -E '^(chaff check|spark|datatrove):|passed, ' "$work/log"
