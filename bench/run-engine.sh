#!/usr/bin/env bash
# End-to-end runner: generate a corpus (cached in bench/out), run `synthesize` in Release, score it.
# Usage: bench/run-engine.sh [N] [SEED] [extra gencorpus args...]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}; SEED=${2:-1}; shift $(( $# > 2 ? 2 : $# )) || true
BENCH=../shared/bench
TAG="n${N}-s${SEED}${*:+-$(echo "$*" | md5sum | cut -c1-8)}"
CORPUS=bench/out/corpus-$TAG
OUT=bench/out/run-$TAG
if [ ! -f "$CORPUS/comments.csv" ]; then
  python3 $BENCH/gencorpus.py --n "$N" --seed "$SEED" --out "$CORPUS" "$@" >/dev/null
fi
dotnet build -c Release src/DanY.Cli -v q -nologo >/dev/null
DLL=src/DanY.Cli/bin/Release/net10.0/dany.dll
mkdir -p "$OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$DLL" synthesize --comments "$CORPUS/comments.csv" --draft "$CORPUS/draft.md" --out "$OUT" 2>"$OUT/stderr.txt" || { tail -5 "$OUT/stderr.txt"; exit 1; }
# The last progress frame and the timing line; ANSI codes stripped.
sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$OUT/stderr.txt" | tr '\r' '\n' | awk '/ý kiến, [0-9]+ nhóm/{buf=""; f=1} f{buf=buf $0 " "} END{print buf}' | tr -s ' '
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 $BENCH/score.py "$CORPUS/truth.csv" "$OUT/predictions.csv" > "$OUT/score.json"
python3 bench/digest.py "$OUT/score.json"
