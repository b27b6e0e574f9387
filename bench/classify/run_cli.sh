#!/usr/bin/env bash
# End-to-end check of the command-line contract on the shared corpora: train on train, predict dev,
# score with score_pred.py. Scratch files go to ${OUT:-/tmp/dany-classify} (never into the repository).
#   bench/classify/run_cli.sh            (from the repository root)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
OUT=${OUT:-/tmp/dany-classify}
PRESET=${PRESET:-default}
mkdir -p "$OUT"
dotnet build -c Release "$ROOT/src/DanY.Cli" -v q -nologo >/dev/null
DANY="dotnet $ROOT/src/DanY.Cli/bin/Release/net10.0/dany.dll"
python3 "$ROOT/bench/classify/vsfc_to_csv.py" "$DATA/uit-vsfc" "$OUT" 2>/dev/null

run() { # name train dev text label
  local name=$1 train=$2 dev=$3 text=$4 label=$5
  local start=$(date +%s.%N)
  $DANY classify train --data "$train" --text "$text" --label "$label" --model "$OUT/$name.model" --preset "$PRESET" 2>"$OUT/$name.train.log"
  local mid=$(date +%s.%N)
  $DANY classify predict --model "$OUT/$name.model" --data "$dev" --text "$text" --out "$OUT/$name.pred.csv" 2>/dev/null
  local end=$(date +%s.%N)
  printf '%-22s %s  (train %.1f s, predict %.1f s, wall clock incl. start-up)\n' "$name" \
    "$(python3 "$ROOT/bench/classify/score_pred.py" "$dev" "$label" "$OUT/$name.pred.csv")" \
    "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)"
}

run vsfc-sentiment "$OUT/vsfc_train.csv" "$OUT/vsfc_dev.csv" text sentiment
run vsfc-topic "$OUT/vsfc_train.csv" "$OUT/vsfc_dev.csv" text topic
run victsd-constructive "$DATA/uit-victsd/ViCTSD_train.csv" "$DATA/uit-victsd/ViCTSD_valid.csv" Comment Constructiveness
run victsd-toxic "$DATA/uit-victsd/ViCTSD_train.csv" "$DATA/uit-victsd/ViCTSD_valid.csv" Comment Toxicity
run vihsd "$DATA/vihsd/train.csv" "$DATA/vihsd/dev.csv" free_text label_id
