#!/usr/bin/env bash
# Measures how knead handles hostile files: for each input, the median
# wall time and maximum memory of five runs (/usr/bin/time) and the
# message. Prints the table of docs/reliability.md. Needs python3 and
# /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/knead" .
K="$work/knead"
cd "$work"
mkdir -m 700 cfg data
export KNEAD_CONFIG_DIR="$work/cfg" KNEAD_DATA_DIR="$work/data"
python3 - <<'PY'
open('brackets.yaml','w').write('['*100000+']'*100000)
open('brackets60.yaml','w').write('['*30000+']'*30000)
open('cue60.yaml','w').write("id: cue\ntitle: Long cue\nfor: self\narea: lumbar\nposition: Lie on your side.\nsteps:\n  - {title: Strokes, technique: stroking, zone: lumbar, duration: 1m, intensity: gentle, cue: \"" + 'a-'*31000 + "\"}\naftercare: {rest: 5m, advice: Rest.}\n")
open('dashes.yaml','w').write('- '*30000+'x\n')
open('big.yaml','w').write('title: '+'x'*(50<<20)+'\n')
bomb="a: &a [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(ord('b'),ord('k')+1):
    bomb+=f"{chr(i)}: &{chr(i)} [" + ", ".join(["*"+chr(i-1)]*10) + "]\n"
open('bomb.yaml','w').write(bomb)
open('flatkeys.yaml','w').write(''.join(f"k{i}: v\n" for i in range(100000)))
open('nested-answers.yaml','w').write('['*50000)
open('nested60.yaml','w').write('['*60000)
open('keys6000.yaml','w').write(''.join(f"k{i}: v\n" for i in range(6000)))
PY
mkfifo fifo.yaml

measure() { # NAME COMMAND...
  local name=$1; shift
  local walls=() rss=()
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o t -f '%e %M' "$@" >/dev/null 2>last.err || true
    walls+=("$(tail -1 t | cut -d' ' -f1)"); rss+=("$(tail -1 t | cut -d' ' -f2)")
  done
  local w r msg
  w=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
  r=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 3p)
  msg=$({ grep -v "has problems" last.err || true; } | head -1 | sed "s#$work/##g")
  printf '| %s | %s s | %d MB | %s |\n' "$name" "$w" $((r / 1024)) "$msg"
}

measure "routine: nested brackets, 60 KB" "$K" routines validate brackets60.yaml
measure "routine: \`- \` 30 000 times, 60 KB" "$K" routines validate dashes.yaml
measure "routine: a 62 KB cue of words" "$K" routines validate cue60.yaml
measure "routine: 50 MB" "$K" routines validate big.yaml
measure "routine: a FIFO" "$K" routines validate fifo.yaml
measure "answers: alias bomb, 507 bytes" "$K" screen --answers bomb.yaml
measure "answers: nested brackets, 50 KB" "$K" screen --answers nested-answers.yaml
measure "answers: 100 000 keys, 1 MB" "$K" screen --answers flatkeys.yaml
measure "answers: /dev/zero" "$K" screen --answers /dev/zero
measure "answers: a FIFO" "$K" screen --answers fifo.yaml
cp brackets.yaml cfg/config.yaml; measure "config.yaml: nested brackets, 200 KB" "$K" config show
cp nested60.yaml cfg/config.yaml; measure "config.yaml: nested brackets, 60 KB" "$K" config show
cp flatkeys.yaml cfg/config.yaml; measure "config.yaml: 100 000 keys, 1 MB" "$K" config show
cp keys6000.yaml cfg/config.yaml; measure "config.yaml: 6 000 keys, 60 KB" "$K" config show
cp bomb.yaml cfg/config.yaml; measure "config.yaml: alias bomb" "$K" config show
rm cfg/config.yaml; mkfifo cfg/config.yaml; measure "config.yaml: a FIFO" "$K" config show; rm cfg/config.yaml
mkdir cfg/routines; cp brackets.yaml cfg/routines/deep.yaml
measure "a nested routine in the routines folder: \`routines list\`" "$K" routines list
rm -r cfg/routines
rm -f data/knead.db*; mkfifo data/knead.db; measure "knead.db: a FIFO (\`history\`)" "$K" history; rm -f data/knead.db
measure "no hostile input: \`routines list\`" "$K" routines list
