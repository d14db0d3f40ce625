#!/usr/bin/env bash
# Runs a billing benchmark on two revisions alternately, N pairs, so that a change is compared
# with the code before it under the same machine conditions (this machine's speed drifts by
# up to 2x within minutes; see docs/benchmarks.md). Each revision is checked out into its own
# git worktree under /tmp/bench-pairs/, never the working tree being edited, and benchmarks
# are serialized with flock /tmp/bench.lock.
# Usage: deploy/bench/pairs.sh CHANGED_REV PREVIOUS_REV N billing-bench.sh-arguments...
#   deploy/bench/pairs.sh HEAD HEAD~3 3 ingest 30 4
#   deploy/bench/pairs.sh HEAD 78271ec 3 record 200 2000
# Both run the changed revision's billing-bench.sh (copied into the previous worktree), so a
# mode the previous script lacks still runs if its benchmark class exists in both revisions
# (read and record exist from d3351f6 on).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 4 ] || { sed -n 2,12p "$0"; exit 2; }
changed=$(git rev-parse --short "$1"); previous=$(git rev-parse --short "$2"); n=$3; shift 3
root=/tmp/bench-pairs
mkdir -p "$root"
for rev in "$changed" "$previous"; do
  if [ ! -d "$root/$rev" ]; then
    git worktree add -f --detach "$root/$rev" "$rev" >/dev/null
  fi
done
cp "$root/$changed/deploy/bench/billing-bench.sh" "$root/$previous/deploy/bench/billing-bench.sh"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for i in $(seq 1 "$n"); do
  for rev in "$changed" "$previous"; do
    echo "=== pair $i, $rev ($([ "$rev" = "$changed" ] && echo changed || echo previous)), $(date -u +%H:%M:%S) UTC: $*"
    (cd "$root/$rev" && flock /tmp/bench.lock bash deploy/bench/billing-bench.sh "$@" 2>&1 |
      grep -E '^(ingest|record|round|median|API|consumer|  )' || true)
  done
done
echo "worktrees kept in $root (git worktree remove <dir> when done)"
