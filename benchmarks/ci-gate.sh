#!/usr/bin/env bash
# CI evaluation gate: build (or reuse) the gate corpus, score newsrepair on it and
# fail when any metric drops below its floor in benchmarks/floors.json.
#
# Called from .ci/run. Run from anywhere; extra arguments go to `benchmarks gate`.
# Skips (exit 0, with a message) when ../shared/corpus, the source texts the gate
# corpus is rendered from, is not beside the repository.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [ ! -d "$repo/../shared/corpus" ]; then
  echo "benchmarks gate: SKIPPED - ../shared/corpus (the gate's source texts) is absent;"
  echo "  nothing was scored. Lay out shared/ beside the repository to run the gate."
  exit 0
fi

python=${PYTHON:-python}
if [ -z "${VIRTUAL_ENV:-}" ] && [ "${CI:-}" != "true" ]; then
  echo "benchmarks gate: note - no virtualenv is active; installing into $("$python" -c 'import sys; print(sys.prefix)')"
fi

echo "benchmarks gate: installing system dependencies"
bash benchmarks/install-system-deps.sh

echo "benchmarks gate: installing .[benchmarks]"
"$python" -m pip install --quiet --disable-pip-version-check -e ".[benchmarks]"

echo "benchmarks gate: scoring"
exec "$python" -m benchmarks gate "$@"
