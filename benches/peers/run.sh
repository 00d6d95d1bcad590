#!/usr/bin/env bash
# Side-by-side speed of `stance score` against the scikit-learn pipeline a Python user would
# write (pipeline.py) and against `wc -w` (the floor: one pass over the bytes, no work).
# Usage, from the repo root: bash benches/peers/run.sh   (PEERS_ARTICLES=N for a bigger corpus)
# Needs only python3 (venv + pip), cargo and GNU /usr/bin/time.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/../.."

HERE=benches/peers
OUT=target/peers
CORPUS=$OUT/corpus
STANCE=target/release/stance
N=${PEERS_ARTICLES:-2000}
mkdir -p "$OUT"

[ -x "$STANCE" ] || cargo build --release

# 1. Corpus: rebuilt every run (well under a second, deterministic) so N changes take effect.
rm -rf "$CORPUS"
python3 "$HERE/make_corpus.py" "$CORPUS" "$N" training-data/articles/*.txt examples/*.txt
find "$CORPUS" -name '*.txt' -print0 | sort -z > "$OUT/files.list"
BYTES=$(xargs -0 -a "$OUT/files.list" cat | wc -c)
echo "corpus: $N articles, $BYTES bytes in $CORPUS"

# 2. Virtualenv with scikit-learn, installed once and kept in target/.
[ -x "$OUT/venv/bin/python" ] || python3 -m venv "$OUT/venv"
"$OUT/venv/bin/python" -c 'import sklearn' 2>/dev/null ||
  "$OUT/venv/bin/pip" install --quiet --disable-pip-version-check scikit-learn

# 3. measure NAME CMD...: run CMD twice with stdout to /dev/null, keep the faster run, and
#    append "NAME<TAB>wall s<TAB>peak RSS kB" to results.tsv. Wall comes from bash's
#    microsecond clock ($EPOCHREALTIME), since /usr/bin/time prints only hundredths and the
#    fast tools take a fraction of a second; /usr/bin/time -v gives the peak RSS.
#    pipeline.py also reports its scoring time; it is recorded as an extra row, "python".
RESULTS=$OUT/results.tsv
: > "$RESULTS"
measure() {
  local name=$1 best='' best_rss='' best_score='' t0 t1 wall rss score
  shift
  for _ in 1 2; do
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$OUT/time.txt" "$@" > /dev/null 2> "$OUT/stderr.txt"
    t1=$EPOCHREALTIME
    wall=$(awk "BEGIN { print $t1 - $t0 }")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time.txt")
    score=$(sed -n 's/^pipeline: .*score \([0-9.]*\) s.*/\1/p' "$OUT/stderr.txt")
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
      best=$wall best_rss=$rss best_score=$score
    fi
  done
  tail -n 1 "$OUT/stderr.txt" >&2  # the tool's closing line: articles and quotes it handled
  [ -z "$best_score" ] || printf 'python\t%s\t%s\n' "$best_score" "$best_rss" >> "$RESULTS"
  printf '%s\t%s\t%s\n' "$name" "$best" "$best_rss" >> "$RESULTS"
}

# 4. The same files for every tool: stance and pipeline.py read the folder, wc the list of it.
measure "stance"          "$STANCE" score "$CORPUS"
measure "stance --jobs 1" "$STANCE" score --jobs 1 "$CORPUS"
measure "python (process)" "$OUT/venv/bin/python" "$HERE/pipeline.py" training-data/quotes.csv "$CORPUS"
measure "wc -w"           xargs -0 -a "$OUT/files.list" wc -w

# 5. Table. "python" is the scoring part only (read + extract + predict + write); "python
#    (process)" adds interpreter start-up, imports and training. MB = 10^6 bytes of article text.
echo
awk -F'\t' -v bytes="$BYTES" '
  { name[NR] = $1; wall[$1] = $2; rss[$1] = $3 }
  END {
    printf "%-18s %9s %9s %13s\n", "tool", "wall s", "MB/s", "peak RSS MB"
    for (i = 1; i <= NR; i++) { n = name[i]
      printf "%-18s %9.3f %9.1f %13.1f\n", n, wall[n], bytes / 1e6 / wall[n], rss[n] / 1024 }
    print ""
    # Time ratios: below 1 means stance is the faster one.
    for (i = 1; i <= 2; i++) { s = name[i]
      printf "%-16s time ratio vs python scoring %5.2f, vs wc -w %6.2f\n",
        s ":", wall[s] / wall["python"], wall[s] / wall["wc -w"] }
  }' "$RESULTS"
