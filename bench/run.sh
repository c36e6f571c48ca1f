#!/usr/bin/env bash
# Reproducible benchmarks of smoke-maven-plugin: one command from a fresh clone.
#
#   bash bench/run.sh
#
# 1. installs the plugin into the local Maven repository (mvn install of the parent, smoke-fixtures
#    and smoke-maven-plugin, tests skipped) and builds the harness (bench/pom.xml);
# 2. generates the test repositories under bench/target/work/ (never in the source tree);
# 3. runs the benchmarks (each: 1 warm-up + BENCH_RUNS measured runs, medians reported):
#      a. local-startup        CheckoutCopier.copy vs git clone --no-hardlinks vs git ls-files | cpio
#         local-startup-cold-jvm  the first copy in a new JVM, as one mvn run pays it
#         local-startup-tmpfs  the same comparison with the copies on tmpfs (/dev/shm)
#         ignored-not-walked   strace of one copy: ignored folders are never opened or listed
#      b. clean-clone          CloneCache.cloneInto (cached pinned SHA, remote gone) vs git clone
#      c. memory-1gib-step     real `mvn smoke:verify`: heap of a 1 GiB stdout step vs a 1-line one
#      d. readiness-overhead   fixture service: port open (connect loop) → ReadinessPoller.await ready
#      e. parallel-scenarios   SmokeEngine: 4 scenarios that sleep 5 s with threads 4 vs 1 alone
#      f. fingerprint          Fingerprint.of / again of the checkout vs git status --porcelain
#      g. local-startup-mvn    real `mvn -X smoke:verify` on the checkout minus a one-file run, vs git clone
#      h. second-run-cleanup   previous workspace deleted in front vs renamed aside + background delete
#      b2. mirror-from-empty   cloneInto with an empty cache (mirror part) vs git clone --mirror
#      i. many-scenarios       200 one-step scenarios vs a shell loop; per-step overhead above fork+exec
#      j. invoker-side-by-side six sample projects: invoker:run vs smoke:verify, 1 and 2 threads
#      k. ratchet              500 committed manifest versions: first ratchet (≤ 1 s) and cached (≤ 100 ms)
# 4. writes raw results to bench/target/results/ and prints the summary table;
# 5. writes the tables of the cases that ran into their <!-- results:NAME --> blocks of
#    src/site/markdown/benchmarks.md (the cases of issue 8 have such blocks).
#
# Exit status: 0 when every target is met, 1 when a target is missed or a benchmark could not run.
# Needs: JDK 17+, Maven, git; cpio and strace are installed with apt-get when missing (as root).
# Warm page cache throughout: dropping caches needs privileges the benchmark does not ask for.
#
# Knobs (environment): BENCH_RUNS (5), BENCH_FILES (20000), BENCH_MIB (200), BENCH_IGNORED (50000),
# BENCH_SEED (20261121), BENCH_PRINT_BYTES (1073741824), BENCH_SKIP_INSTALL=1 (reuse the installed
# plugin), BENCH_ONLY="local cold tmpfs probe clone memory readiness parallel fingerprint startup cleanup
# mirror many invoker ratchet" (a subset).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
TARGET="$BENCH_DIR/target"
RESULTS="$TARGET/results"
WORK="$TARGET/work"
REPO="$WORK/repos/checkout"

RUNS="${BENCH_RUNS:-5}"
FILES="${BENCH_FILES:-20000}"
MIB="${BENCH_MIB:-200}"
IGNORED="${BENCH_IGNORED:-50000}"
SEED="${BENCH_SEED:-20261121}"
PRINT_BYTES="${BENCH_PRINT_BYTES:-1073741824}"
ONLY="${BENCH_ONLY:-local cold tmpfs probe clone memory readiness parallel fingerprint startup cleanup mirror many invoker ratchet}"
SHM="/dev/shm/smoke-bench-$$"

# --- processes: everything this script starts is stopped when it ends -------------------------
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}
cleanup() {
  local pids
  pids="$(descendants $$ | tr '\n' ' ')"
  if [ -n "${pids// /}" ]; then
    kill $pids 2>/dev/null || true
  fi
  rm -rf "$SHM" 2>/dev/null || true
}
trap 'echo "run.sh: interrupted, stopping the benchmark processes" >&2; cleanup; exit 130' INT TERM
trap cleanup EXIT

# Long commands run in the background and are waited for, so that a signal to this script is
# handled at once (bash defers traps until a foreground command ends).
in_background() {
  "$@" &
  wait $!
}

log() { printf '\n=== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
started=$(date +%s)

# --- tools --------------------------------------------------------------------------------------
for tool in java mvn git; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done
missing=()
command -v cpio >/dev/null || missing+=(cpio)
command -v strace >/dev/null || missing+=(strace)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "run.sh: please install ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# --- build ---------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_INSTALL:-0}" != 1 ]; then
  log "installing the plugin into the local Maven repository"
  install_plugin() {
    in_background mvn -B -q -f "$ROOT/pom.xml" -N install \
      && in_background mvn -B -q -f "$ROOT/pom.xml" install -pl smoke-fixtures,smoke-maven-plugin -DskipTests
  }
  # The tree may be mid-edit on a shared machine: one retry after a pause.
  install_plugin || { echo "run.sh: install failed, retrying in 30 s" >&2; sleep 30; install_plugin; }
fi
log "building the harness"
in_background mvn -B -q -f "$BENCH_DIR/pom.xml" package
CP="$TARGET/classes:$(cat "$TARGET/classpath.txt")"
harness() { in_background java -cp "$CP" dev.smokegate.bench.Main "$@"; }

rm -rf "$RESULTS"
if [ -e "$WORK" ]; then
  # Creating files right after deleting a large tree is much slower on some file systems (online
  # discard): let it settle so the first measurements do not pay for the last run's cleanup.
  log "deleting the previous run's work folder, then 30 s for the file system to settle"
  in_background rm -rf "$WORK"
  sync
  sleep 30
fi
mkdir -p "$RESULTS/raw" "$WORK/repos"

# --- the machine -------------------------------------------------------------------------------
{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "source:  commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none), $(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) changed or untracked paths"
  echo "nproc:   $(nproc)"
  echo "memory:  $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "kernel:  $(uname -sr)"
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java:    $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "maven:   $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "git:     $(git --version)"
  echo "cpio:    $(cpio --version | head -1)"
  echo "strace:  $(strace -V | head -1)"
  echo "disk:    $(df -h "$TARGET" | awk 'NR==2 {print $1 " " $2 " size, " $4 " free, mounted on " $6}')"
  echo "fs:      $(findmnt -n -o FSTYPE,OPTIONS --target "$TARGET" 2>/dev/null || echo unknown)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"
  echo "runs:    1 warm-up + $RUNS measured, medians; page cache warm"
} > "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt"

# --- the benchmarks ----------------------------------------------------------------------------
failed=0
step() { # name, command...: runs one benchmark; a failure is recorded and the others still run
  local name="$1"; shift
  log "$name"
  if ! "$@"; then
    echo "run.sh: $name failed" >&2
    failed=1
  fi
}
wants() { [[ " $ONLY " == *" $1 "* ]]; }

if wants local || wants cold || wants tmpfs || wants probe || wants clone || wants fingerprint || wants startup \
  || wants cleanup || wants mirror; then
  log "generating the checkout: $FILES tracked files, $MIB MiB, $IGNORED ignored files (seed $SEED)"
  harness generate --repo "$REPO" --files "$FILES" --mib "$MIB" --ignored "$IGNORED" --seed "$SEED"
  # Generating writes about 400 MiB; let the write-back finish so that the first case measured
  # (often f, which is short) does not run beside it.
  log "writing the generated checkout to disk (sync), then 10 s for the file system to settle"
  sync
  sleep 10
fi

if wants local; then
  step "a1. local startup: copy vs clone vs cpio" \
    harness local --repo "$REPO" --work "$WORK/local" --results "$RESULTS" --runs "$RUNS"
fi

if wants cold; then
  step "a2. local startup: the first copy in a new JVM" \
    harness cold --repo "$REPO" --work "$WORK/cold" --results "$RESULTS" --runs "$RUNS"
fi

if wants tmpfs; then
  # The same comparison with every copy written to tmpfs (in memory): it takes the disk's cost of
  # creating 20,000 files, which varies a lot on shared virtual machines, out of the comparison.
  if [ -d /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt $((8 * 1024 * 1024)) ]; then
    step "a3. local startup, copies on tmpfs" \
      harness local --repo "$REPO" --work "$SHM" --results "$RESULTS" --runs "$RUNS" --label tmpfs
    rm -rf "$SHM"
  else
    log "skipping the tmpfs variant: /dev/shm has less than 8 GiB free"
  fi
fi

if wants probe; then
  probe() {
    local raw="$RESULTS/raw/ignored-not-walked"
    mkdir -p "$raw"
    # %file: every call that names a path; getdents64 with -y: every folder listing, with its path.
    in_background strace -f -qq -y -s 4096 --seccomp-bpf -e trace=%file,getdents64 -o "$raw/strace.txt" \
      java -cp "$CP" dev.smokegate.bench.Main probe --repo "$REPO" --dest "$WORK/probe/workspace" \
      && harness probe-check --repo "$REPO" --dest "$WORK/probe/workspace" --trace "$raw/strace.txt" --results "$RESULTS"
    local status=$?
    gzip -f "$raw/strace.txt" || true
    return $status
  }
  step "a4. ignored folders are not walked (strace)" probe
fi

if wants clone; then
  step "b. clean clone through the cache" \
    harness clone --repo "$REPO" --work "$WORK/clone" --results "$RESULTS" --runs "$RUNS"
fi

if wants memory; then
  step "c. memory of a 1 GiB step in a real mvn run" \
    harness memory --work "$WORK/memory" --results "$RESULTS" --runs "$RUNS" --bytes "$PRINT_BYTES"
fi

if wants readiness; then
  step "d. readiness overhead of the fixture service" \
    harness readiness --work "$WORK/readiness" --results "$RESULTS" --runs "$RUNS"
fi

if wants parallel; then
  step "e. parallel scenarios: 4 × sleep 5 with threads 4" \
    harness parallel --work "$WORK/parallel" --results "$RESULTS" --runs "$RUNS"
fi

if wants fingerprint; then
  step "f. fingerprint vs git status" \
    harness fingerprint --repo "$REPO" --work "$WORK/fingerprint" --results "$RESULTS" --runs "$RUNS"
fi

if wants startup; then
  step "g. local startup as the user runs it: mvn smoke:verify vs git clone" \
    harness startup --repo "$REPO" --work "$WORK/startup" --results "$RESULTS" --runs "$RUNS"
fi

if wants cleanup; then
  step "h. second run: previous workspace deleted in front vs in the background" \
    harness cleanup --repo "$REPO" --work "$WORK/cleanup" --results "$RESULTS" --runs "$RUNS"
fi

if wants mirror; then
  step "b2. mirror from empty vs git clone --mirror" \
    harness mirror --repo "$REPO" --work "$WORK/mirror" --results "$RESULTS" --runs "$RUNS"
fi

if wants many; then
  step "i. 200 small scenarios vs a shell loop; per-step overhead" \
    harness many --work "$WORK/many" --results "$RESULTS" --runs "$RUNS"
fi

if wants invoker; then
  step "j. six sample projects: invoker:run vs smoke:verify" \
    harness invoker --work "$WORK/invoker" --results "$RESULTS" --runs "$RUNS"
fi

if wants ratchet; then
  step "k. the ratchet over 500 manifest versions: first and cached" \
    harness ratchet --work "$WORK/ratchet" --results "$RESULTS" --runs "$RUNS"
fi

# The work folder holds several GiB of copies (nothing is deleted while benchmarks run): keep only
# the results.
log "deleting the work folder"
in_background rm -rf "$WORK"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
echo "total: $(( $(date +%s) - started )) s" >> "$RESULTS/machine.txt"

log "summary (raw results in ${RESULTS#$ROOT/}/)"
summary_status=0
harness summary --results "$RESULTS" || summary_status=$?
echo "total run time: $(( $(date +%s) - started )) s"
# The tables of the cases that ran replace their result blocks in the benchmarks page.
harness page --results "$RESULTS" --page "$ROOT/src/site/markdown/benchmarks.md" || true
if [ "$failed" != 0 ] || [ "$summary_status" != 0 ]; then
  exit 1
fi
