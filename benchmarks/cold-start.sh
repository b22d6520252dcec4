#!/usr/bin/env bash
# The cold-start harness: fresh JVMs, interleaved round-robin, timed from launch to exit (or, under
# the runtime interface client, to the first response posted). Run with --help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/bootstrap/target/portcullis.jar"
PROBES="$ROOT/benchmarks/target/portcullis-benchmarks-probes.jar"
# What Lambda's Java runtime has on its class path, and the Lambda layout with the shipped
# AppCDS archive and its exec wrapper: both made by the bootstrap module's package phase.
RUNTIME_DIR="$ROOT/bootstrap/target/lambda-runtime"
LAMBDA_DIR="$ROOT/bootstrap/target/lambda"
EXAMPLES="$ROOT/docs/examples"
PKG="dev.portcullis.benchmarks.coldstart"
RIC_MAIN="com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
ALL_VARIANTS="hello,memory,dynamodb,ric,ric-trivial,ric-pojo"
EXPERIMENT_NAMES="noop lambda record record-after-lambda streams concat-indy concat-inline sha256 securerandom regex jackson databind handler-phases ddb-phases"

RUNS=10
WARMUP=1
VARIANTS="hello,memory,dynamodb,ric,ric-trivial"
BASE_OPTS=""
SET_NAMES=("default")
SET_FLAGS=("")
SET_JARS=("")
SET_JAVAS=("")
SET_KINDS=("plain")
APPCDS=0
CLASSES=1
EXPERIMENTS=0
OUT="$ROOT/benchmarks/target/cold-start"

usage() {
  cat <<EOF
Usage: benchmarks/cold-start.sh [OPTIONS]

Measures Portcullis's cold start against the JVM's own floor, in one run, with fresh JVMs
interleaved round-robin (every variant and option set once, then again, RUNS times) so that
machine noise spreads over all of them. Variants:

  hello        (a) the JVM floor: a class that prints "hello"
  memory       (b) new LambdaHandler() + one TOKEN event, memory backend, example rules/sessions
  dynamodb     (c) the same on the DynamoDB backend against a local dynalite (client built, one
               GetItem); the script starts dynalite on a free loopback port, creates the table
               and issues the session first
  ric          (d) portcullis.jar under AWS's runtime interface client: launch to the first
               response posted to a Runtime API stub
  ric-trivial  (d) a trivial RequestStreamHandler under the same client: the anchor of (d)
  ric-pojo     a trivial POJO RequestHandler under the same client (its JSON set-up)

It prints median, min and max wall time per variant, the ratios b/a, c/a and d/d_trivial, peak
RSS (/usr/bin/time, else /proc VmHWM), and classes loaded (one extra -Xlog:class+load run per
variant), grouped by origin for (b), (c) and (d).

Options:
  --runs N            measured runs per variant and option set (default $RUNS)
  --warmup N          unrecorded rounds first, to fill the page cache (default $WARMUP)
  --variants LIST     comma-separated, from: $ALL_VARIANTS, or "none"
                      (default $VARIANTS)
  --jvm-opts FLAGS    JVM flags for every measured JVM, e.g. "-XX:TieredStopAtLevel=1"
  --compare NAME=FLAGS
                      also run every variant with these extra JVM flags, as option set NAME,
                      interleaved with the default set; repeatable. E.g.
                        --compare c1="-XX:TieredStopAtLevel=1" --compare serial=-XX:+UseSerialGC
                        --compare noshare=-Xshare:off
  --compare-jar NAME=PATH
                      also run every variant with another portcullis.jar (a product change built
                      elsewhere), as option set NAME, interleaved with the default set; repeatable
  --compare-java NAME=JAVA_HOME
                      also run every variant on another JVM, as option set NAME; repeatable
  --aot NAME=JAVA_HOME
                      also run every variant on that JVM (JDK 25 or later) with an AOT cache, as
                      option set NAME: (d) ric starts through the shipped exec wrapper with the
                      shipped cache (bootstrap/target/lambda/portcullis.aot, made by that JVM
                      during package); every other variant gets its own cache trained here first
                      (-XX:AOTCacheOutput; ric-trivial and ric-pojo through the same wrapper)
  --appcds            also run option set "appcds": (d) ric starts through the shipped exec
                      wrapper with the shipped archive (bootstrap/target/lambda, trained during
                      package); every other variant gets a dynamic AppCDS archive trained here
                      first (-XX:ArchiveClassesAtExit; the memory probe over every example event)
  --experiments       also run the cold-path experiments (first lambda, record methods, string
                      concatenation, SHA-256, SecureRandom, regex, Jackson, the handler's start
                      phases, the DynamoDB client's start phases), RUNS fresh JVMs each
  --no-classes        skip the class-loading runs
  --out DIR           where results, logs and archives go (default benchmarks/target/cold-start)
  --jar PATH          the portcullis.jar to measure (default bootstrap/target/portcullis.jar); it
                      is copied into DIR first, so that a rebuild during the run changes nothing
  -h, --help          this help

Needs: java 17 (JAVA_HOME or PATH), node and npm for dynalite (only for dynamodb and
--experiments), and the jars:
  mvn -B package -DskipTests                 # from the repository root, once benchmarks is a module
  (cd benchmarks && mvn -B package -DskipTests)   # or the benchmarks module alone

Example:
  benchmarks/cold-start.sh --runs 10 --compare c1="-XX:TieredStopAtLevel=1" --appcds
EOF
}

die() {
  echo "cold-start: $*" >&2
  exit 2
}

while (($#)); do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
    --variants) VARIANTS="${2:?--variants needs a list}"; shift 2 ;;
    --jvm-opts) BASE_OPTS="${2?--jvm-opts needs flags}"; shift 2 ;;
    --compare)
      [[ "${2:-}" == *=* ]] || die "--compare needs NAME=FLAGS"
      SET_NAMES+=("${2%%=*}")
      SET_FLAGS+=("${2#*=}")
      SET_JARS+=("")
      SET_JAVAS+=("")
      SET_KINDS+=("plain")
      shift 2
      ;;
    --compare-jar)
      [[ "${2:-}" == *=* && -f "${2#*=}" ]] || die "--compare-jar needs NAME=PATH to an existing jar"
      SET_NAMES+=("${2%%=*}")
      SET_FLAGS+=("")
      SET_JARS+=("${2#*=}")
      SET_JAVAS+=("")
      SET_KINDS+=("plain")
      shift 2
      ;;
    --compare-java | --aot)
      [[ "${2:-}" == *=* && -x "${2#*=}/bin/java" ]] || die "$1 needs NAME=JAVA_HOME of a JDK"
      SET_NAMES+=("${2%%=*}")
      SET_FLAGS+=("")
      SET_JARS+=("")
      SET_JAVAS+=("${2#*=}/bin/java")
      if [[ "$1" == --aot ]]; then SET_KINDS+=("aot"); else SET_KINDS+=("plain"); fi
      shift 2
      ;;
    --appcds) APPCDS=1; shift ;;
    --experiments) EXPERIMENTS=1; shift ;;
    --no-classes) CLASSES=0; shift ;;
    --out) OUT="${2:?--out needs a folder}"; shift 2 ;;
    --jar) JAR="${2:?--jar needs a path}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a number"
if [[ "$VARIANTS" == none ]]; then
  VARIANT_LIST=()
else
  IFS=, read -r -a VARIANT_LIST <<<"$VARIANTS"
fi
for v in "${VARIANT_LIST[@]}"; do
  [[ ",$ALL_VARIANTS," == *",$v,"* ]] || die "unknown variant '$v': use $ALL_VARIANTS"
done
((${#VARIANT_LIST[@]} > 0 || EXPERIMENTS)) || die "nothing to run"
if ((APPCDS)); then
  SET_NAMES+=("appcds")
  SET_FLAGS+=("")
  SET_JARS+=("")
  SET_JAVAS+=("")
  SET_KINDS+=("appcds")
fi
for i in "${!SET_JAVAS[@]}"; do
  [[ -n "${SET_JAVAS[$i]}" ]] || SET_JAVAS[$i]="$JAVA"
done

for f in "$JAR" "$PROBES"; do
  [[ -f "$f" ]] || die "$f is missing: build first with 'mvn -B package -DskipTests' (or, in
  benchmarks/, 'mvn -B package -DskipTests' after installing the product modules)"
done
RUNTIME_CP="$(find "$RUNTIME_DIR" -name '*.jar' 2>/dev/null | sort | paste -sd: -)"
[[ -n "$RUNTIME_CP" ]] || die "$RUNTIME_DIR is empty: build with 'mvn -B package -DskipTests'"
if ((APPCDS)); then
  [[ -f "$LAMBDA_DIR/portcullis.jsa" && -f "$LAMBDA_DIR/portcullis-cds" ]] ||
    die "$LAMBDA_DIR has no archive: build with 'mvn -B package -DskipTests' (not -Dmaven.test.skip)"
fi
if [[ " ${SET_KINDS[*]} " == *" aot "* ]]; then
  [[ -f "$LAMBDA_DIR/portcullis.aot" && -f "$LAMBDA_DIR/portcullis-cds" ]] ||
    die "$LAMBDA_DIR has no AOT cache: build with a JDK 25 found (JAVA25_HOME), 'mvn -B package -DskipTests'"
fi
command -v "$JAVA" >/dev/null || die "java is not on the PATH and JAVA_HOME is not set"

TIME_BIN=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  TIME_BIN=/usr/bin/time
fi

rm -rf "$OUT"
mkdir -p "$OUT/logs" "$OUT/classes" "$OUT/cds" "$OUT/aot"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
cp "$JAR" "$OUT/portcullis.jar"
JAR_SOURCE="$JAR"
JAR="$OUT/portcullis.jar"
# Each option set's jar: the measured one, or a copy of the one --compare-jar named.
for i in "${!SET_JARS[@]}"; do
  if [[ -z "${SET_JARS[$i]}" ]]; then
    SET_JARS[$i]="$JAR"
  else
    cp "${SET_JARS[$i]}" "$OUT/${SET_NAMES[$i]}-portcullis.jar"
    SET_JARS[$i]="$OUT/${SET_NAMES[$i]}-portcullis.jar"
  fi
done
CUR_JAR="$JAR"
CUR_JAVA="$JAVA"
# Lambda's layout for the runtime-client variants: the runtime's jars alone on the class path and
# the function's jar in lib/ of the task root (the working directory), read by the client's own
# class loader. One task root per jar measured.
task_root() {
  local jar="$1" dir="$OUT/task-$(basename "$1" .jar)"
  if [[ ! -d "$dir" ]]; then
    mkdir -p "$dir/lib"
    cp "$jar" "$dir/lib/"
  fi
  echo "$dir"
}

needs_dynalite=0
for v in "${VARIANT_LIST[@]}"; do [[ "$v" == dynamodb ]] && needs_dynalite=1; done
((EXPERIMENTS)) && needs_dynalite=1

BASE_ENV=(
  "PATH=$PATH" "HOME=$HOME" "LANG=C.UTF-8"
  "AWS_LAMBDA_FUNCTION_NAME=portcullis-bench" "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512"
)
MEMORY_ENV=(
  "PORTCULLIS_BACKENDS=memory"
  "PORTCULLIS_RULES=file:$EXAMPLES/rules.json"
  "PORTCULLIS_SESSIONS_FILE=$EXAMPLES/sessions.json"
  "PORTCULLIS_TOKEN_SOURCES=header:Authorization,cookie:session,query:access_token"
)
DYNAMODB_ENV=()

DYNALITE_PID=""
DYNALITE_RESTARTS=0
cleanup() {
  if [[ -n "$DYNALITE_PID" ]]; then
    kill "$DYNALITE_PID" 2>/dev/null || true
    wait "$DYNALITE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

start_dynalite() {
  command -v node >/dev/null || die "node is not on the PATH: the dynamodb variant needs dynalite"
  local dir="$ROOT/benchmarks/target/dynalite"
  if [[ ! -f "$dir/node_modules/dynalite/cli.js" ]]; then
    echo "Installing dynalite (npm ci, pinned by adapters-dynamodb/src/test/dynalite) ..."
    mkdir -p "$dir"
    cp "$ROOT/adapters-dynamodb/src/test/dynalite/package.json" \
      "$ROOT/adapters-dynamodb/src/test/dynalite/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund >"$OUT/logs/npm.log" 2>&1) ||
      die "npm ci failed: see $OUT/logs/npm.log"
  fi
  DYNALITE_CLI="$dir/node_modules/dynalite/cli.js"
  DYNALITE_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  run_dynalite
  # Generous timeouts: a retry after a timed-out first call would be measured as start-up, and
  # dynalite dies when a client aborts a request (see docs/performance.md).
  DYNAMODB_ENV=(
    "PORTCULLIS_BACKENDS=dynamodb"
    "PORTCULLIS_RULES=file:$EXAMPLES/rules.json"
    "PORTCULLIS_TABLE=portcullis-bench"
    "PORTCULLIS_DYNAMODB_TIMEOUT_MS=20000"
    "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS=10000"
    "AWS_REGION=us-east-1"
    "AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:$DYNALITE_PORT"
    "AWS_ACCESS_KEY_ID=bench-not-a-key"
    "AWS_SECRET_ACCESS_KEY=bench-not-a-secret"
  )
  env -i "${BASE_ENV[@]}" "${DYNAMODB_ENV[@]}" "$JAVA" -jar "$JAR" table create \
    >"$OUT/logs/table-create.log" 2>&1 || die "table create failed: see $OUT/logs/table-create.log"
  DYNAMODB_TOKEN="$(env -i "${BASE_ENV[@]}" "${DYNAMODB_ENV[@]}" "$JAVA" -jar "$JAR" sessions issue \
    --principal alice --roles admin --ttl 8h 2>>"$OUT/logs/table-create.log" | head -n 1)"
  [[ -n "$DYNAMODB_TOKEN" ]] || die "sessions issue printed no token: see $OUT/logs/table-create.log"
  sed "s|pcs_demo_admin_0000000000000000000000000000000000|$DYNAMODB_TOKEN|" \
    "$EXAMPLES/events/rest-token.json" >"$OUT/dynamodb-token.json"
  echo "dynalite on 127.0.0.1:$DYNALITE_PORT, table portcullis-bench, one session issued"
}

# Starts dynalite on $DYNALITE_PORT with its data in $OUT/dynalite-data, and waits until it answers.
run_dynalite() {
  mkdir -p "$OUT/dynalite-data"
  node "$DYNALITE_CLI" --host 127.0.0.1 --port "$DYNALITE_PORT" --path "$OUT/dynalite-data" \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >>"$OUT/logs/dynalite.log" 2>&1 &
  DYNALITE_PID=$!
  local i
  for ((i = 0; i < 300; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$DYNALITE_PORT") 2>/dev/null; then return 0; fi
    kill -0 "$DYNALITE_PID" 2>/dev/null || die "dynalite exited: see $OUT/logs/dynalite.log"
    sleep 0.1
  done
  die "dynalite did not answer on 127.0.0.1:$DYNALITE_PORT within 30 s"
}

# dynalite exits when a client aborts a request; restart it (same port, same data) before a run.
ensure_dynalite() {
  [[ -n "$DYNALITE_PID" ]] || return 0
  if ! kill -0 "$DYNALITE_PID" 2>/dev/null; then
    echo "cold-start: dynalite had exited (see $OUT/logs/dynalite.log); restarting it" >&2
    DYNALITE_RESTARTS=$((DYNALITE_RESTARTS + 1))
    run_dynalite
  fi
}

# The archive or cache of one variant in one option set: the shipped one for ric, else its own.
archive_for() {
  local variant="$1" set="$2"
  case "${SET_KINDS[$set]}:$variant" in
    appcds:ric) echo "$LAMBDA_DIR/portcullis.jsa" ;;
    appcds:*) echo "$OUT/cds/$variant.jsa" ;;
    aot:ric) echo "$LAMBDA_DIR/portcullis.aot" ;;
    aot:*) echo "$OUT/aot/${SET_NAMES[$set]}-$variant.aot" ;;
  esac
}

# The JVM flags of one variant in one option set (word-split on purpose: flags hold no spaces).
# Under the runtime client an archive is applied by the shipped exec wrapper (WRAPPER=ARCHIVE).
flags_for() {
  local variant="$1" set="$2"
  local flags="$BASE_OPTS ${SET_FLAGS[$set]}" archive
  archive="$(archive_for "$variant" "$set")"
  if [[ -z "$archive" ]]; then
    :
  elif [[ "$variant" == ric || ("${SET_KINDS[$set]}" == aot && "$variant" == ric-*) ]]; then
    flags="$flags WRAPPER=$archive"
  elif [[ "${SET_KINDS[$set]}" == aot ]]; then
    flags="$flags -XX:AOTCache=$archive"
  else
    flags="$flags -XX:SharedArchiveFile=$archive"
  fi
  echo "$flags"
}

# Sets CMD and ENVS for one variant with the given JVM flags; extra events go to the memory probe.
command_for() {
  local variant="$1" flags="$2"
  shift 2
  local -a jvm
  read -r -a jvm <<<"$flags"
  ENVS=("${BASE_ENV[@]}")
  case "$variant" in
    hello)
      CMD=("$CUR_JAVA" "${jvm[@]}" -cp "$PROBES" "$PKG.Hello")
      ;;
    memory)
      ENVS+=("${MEMORY_ENV[@]}")
      CMD=("$CUR_JAVA" "${jvm[@]}" -cp "$CUR_JAR:$PROBES" "$PKG.HandlerProbe"
        "$EXAMPLES/events/rest-token.json" "$@")
      ;;
    dynamodb)
      ENVS+=("${DYNAMODB_ENV[@]}")
      CMD=("$CUR_JAVA" "${jvm[@]}" -cp "$CUR_JAR:$PROBES" "$PKG.HandlerProbe" "$OUT/dynamodb-token.json")
      ;;
    ric | ric-trivial | ric-pojo)
      local task handler
      local -a wrapper=()
      case "$variant" in
        ric) task="$(task_root "$CUR_JAR")"; handler="dev.portcullis.bootstrap.LambdaHandler::handleRequest" ;;
        ric-trivial) task="$(task_root "$PROBES")"; handler="$PKG.TrivialStreamHandler::handleRequest" ;;
        ric-pojo) task="$(task_root "$PROBES")"; handler="$PKG.PojoHandler::handleRequest" ;;
      esac
      ENVS+=("${MEMORY_ENV[@]}")
      local -a kept=()
      local f
      for f in "${jvm[@]}"; do
        case "$f" in
          WRAPPER=*)
            wrapper=(sh "$LAMBDA_DIR/portcullis-cds")
            ENVS+=("PORTCULLIS_CDS_ARCHIVE=${f#WRAPPER=}")
            ;;
          TRAIN=*)
            wrapper=(sh "$LAMBDA_DIR/portcullis-cds")
            ENVS+=("PORTCULLIS_CDS_TRAIN=${f#TRAIN=}")
            ;;
          *) kept+=("$f") ;;
        esac
      done
      jvm=("${kept[@]}")
      # The shipped archives name the jar where package trained them: run it from there.
      if [[ "$variant" == ric && ${#wrapper[@]} -gt 0 ]]; then task="$LAMBDA_DIR"; fi
      CMD=("$JAVA" -cp "$PROBES" "$PKG.RuntimeApiTimer" --event "$EXAMPLES/events/rest-token.json"
        --cwd "$task" --log "$OUT/logs/$variant.log" --
        "${wrapper[@]}" "$CUR_JAVA" "${jvm[@]}" -cp "$RUNTIME_CP" "$RIC_MAIN" "$handler")
      ;;
  esac
}

record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"; }

micros() { local t="${1//[.,]/}"; echo $((10#$t)); }

# One fresh JVM of one variant in one option set; records its figures unless $3 is "warmup".
measure() {
  local variant="$1" set="$2" mode="${3:-}" name="${SET_NAMES[$2]}"
  [[ "$variant" == dynamodb ]] && ensure_dynalite
  CUR_JAR="${SET_JARS[$set]}"
  CUR_JAVA="${SET_JAVAS[$set]}"
  command_for "$variant" "$(flags_for "$variant" "$set")"
  local err="$OUT/logs/last.err" ms rss=""
  if [[ "$variant" == ric* ]]; then
    local line
    line="$(env -i "${ENVS[@]}" "${CMD[@]}" 2>"$err")" ||
      die "$variant ($name) failed: $(tail -n 5 "$err"); see $OUT/logs/$variant.log"
    ms="${line%% *}"
    rss="${line##* }"
  else
    local t0 t1 rc=0
    if [[ -n "$TIME_BIN" ]]; then
      t0="$EPOCHREALTIME"
      env -i "${ENVS[@]}" "$TIME_BIN" -f %M -o "$OUT/logs/rss" "${CMD[@]}" >/dev/null 2>"$err" || rc=$?
      t1="$EPOCHREALTIME"
      ((rc == 0)) && rss="$(tail -n 1 "$OUT/logs/rss")"
    else
      t0="$EPOCHREALTIME"
      env -i "${ENVS[@]}" "${CMD[@]}" >/dev/null 2>"$err" || rc=$?
      t1="$EPOCHREALTIME"
    fi
    ((rc == 0)) || die "$variant ($name) exited with $rc: $(tail -n 5 "$err")"
    local d=$(($(micros "$t1") - $(micros "$t0")))
    ms="$((d / 1000)).$(((d % 1000) / 100))"
  fi
  [[ "$mode" == warmup ]] && return 0
  record wall_ms "$variant" "$name" "$ms"
  [[ -n "$rss" && "$rss" != -1 ]] && record rss_kb "$variant" "$name" "$rss"
  local probe
  probe="$(grep -o 'init_us=[0-9]* first_us=[0-9]*' "$err" || true)"
  if [[ -n "$probe" ]]; then
    local init="${probe#init_us=}"
    record init_us "$variant" "$name" "${init%% *}"
    record first_us "$variant" "$name" "${probe##*first_us=}"
  fi
  return 0
}

# Without /usr/bin/time: one run per handler variant that reads its own VmHWM before exiting.
measure_rss_fallback() {
  local variant="$1" set="$2" name="${SET_NAMES[$2]}"
  CUR_JAR="${SET_JARS[$set]}"
  CUR_JAVA="${SET_JAVAS[$set]}"
  command_for "$variant" "$(flags_for "$variant" "$set") -Dportcullis.probe.vmhwm=true"
  local kb
  kb="$(env -i "${ENVS[@]}" "${CMD[@]}" 2>&1 >/dev/null | grep -o 'vmhwm_kb=[0-9]*' | cut -d= -f2 || true)"
  [[ -n "$kb" ]] && record rss_kb "$variant" "$name" "$kb"
  return 0
}

classes_run() {
  local variant="$1" set="$2" name="${SET_NAMES[$2]}"
  local log="$OUT/classes/$variant-$name.log"
  [[ "$variant" == dynamodb ]] && ensure_dynalite
  CUR_JAR="${SET_JARS[$set]}"
  CUR_JAVA="${SET_JAVAS[$set]}"
  command_for "$variant" "$(flags_for "$variant" "$set") -Xlog:class+load:file=$log"
  env -i "${ENVS[@]}" "${CMD[@]}" >/dev/null 2>"$OUT/logs/last.err" ||
    die "$variant ($name) failed in its class-loading run: $(tail -n 5 "$OUT/logs/last.err")"
  local total jar
  total="$(grep -c ' source: ' "$log" || true)"
  jar="$(grep ' source: ' "$log" | grep -vc 'source: shared objects file' || true)"
  record classes "$variant" "$name" "$total"
  record classes_from_jar "$variant" "$name" "$jar"
  "$JAVA" -cp "$PROBES" "$PKG.ClassLoadReport" "$log" >"$OUT/classes/$variant-$name.txt"
}

train_appcds() {
  local variant="$1"
  local archive="$OUT/cds/$variant.jsa"
  local -a extra=()
  [[ "$variant" == ric ]] && return 0 # the shipped archive, trained during package
  if [[ "$variant" == memory ]]; then
    extra=("$EXAMPLES"/events/*.json)
  fi
  CUR_JAR="$JAR"
  CUR_JAVA="$JAVA"
  command_for "$variant" "$BASE_OPTS -XX:ArchiveClassesAtExit=$archive" "${extra[@]}"
  env -i "${ENVS[@]}" "${CMD[@]}" >"$OUT/logs/cds-$variant.log" 2>&1 ||
    die "AppCDS training of $variant failed: see $OUT/logs/cds-$variant.log"
  [[ -f "$archive" ]] || die "AppCDS training of $variant wrote no archive: see $OUT/logs/cds-$variant.log"
}

# Trains the AOT cache of one variant for option set $2 (its JVM); ric uses the shipped one.
train_aot() {
  local variant="$1" set="$2" archive flags
  local -a extra=()
  [[ "$variant" == ric ]] && return 0
  [[ "$variant" == dynamodb ]] && ensure_dynalite
  archive="$(archive_for "$variant" "$set")"
  [[ "$variant" == memory ]] && extra=("$EXAMPLES"/events/*.json)
  if [[ "$variant" == ric-* ]]; then
    flags="$BASE_OPTS TRAIN=$archive"
  else
    flags="$BASE_OPTS -XX:AOTCacheOutput=$archive"
  fi
  CUR_JAR="$JAR"
  CUR_JAVA="${SET_JAVAS[$set]}"
  command_for "$variant" "$flags" "${extra[@]}"
  local log="$OUT/logs/aot-${SET_NAMES[$set]}-$variant.log"
  env -i "${ENVS[@]}" "${CMD[@]}" >"$log" 2>&1 || die "AOT training of $variant failed: see $log"
  [[ -f "$archive" ]] || die "AOT training of $variant wrote no cache: see $log"
}

experiment_run() {
  local experiment="$1" set="$2" name="${SET_NAMES[$2]}"
  local -a jvm envs args=()
  ensure_dynalite
  read -r -a jvm <<<"$BASE_OPTS ${SET_FLAGS[$set]}"
  envs=("${BASE_ENV[@]}")
  case "$experiment" in
    ddb-*) envs+=("${DYNAMODB_ENV[@]}"); args=("$DYNAMODB_TOKEN") ;;
    handler-phases) envs+=("${MEMORY_ENV[@]}"); args=("$EXAMPLES/events/rest-token.json") ;;
  esac
  local out
  out="$(env -i "${envs[@]}" "$JAVA" "${jvm[@]}" -cp "$JAR:$PROBES" "$PKG.ColdPathExperiment" \
    "$experiment" "${args[@]}" 2>"$OUT/logs/last.err" | grep -v '"message":"decision"')" ||
    die "experiment $experiment failed: $(tail -n 5 "$OUT/logs/last.err")"
  local step ms
  while IFS=$'\t' read -r step ms; do
    [[ -n "$step" ]] && record "exp:$experiment" "$step" "$name" "$ms"
  done <<<"$out"
  return 0
}

machine() {
  echo "Portcullis cold-start harness, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "java:     $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "jar:      $JAR_SOURCE, $(($(stat -c %s "$JAR") / 1024)) KiB, sha256 $(sha256sum "$JAR" | cut -c1-12)"
  echo "commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' (work tree has changes)')"
  echo "runs:     $RUNS per variant and option set, after $WARMUP warm-up round(s), interleaved"
  echo "variants: ${VARIANT_LIST[*]:-none}$( ((EXPERIMENTS)) && echo ' + experiments')"
  local i
  for i in "${!SET_NAMES[@]}"; do
    echo "options:  ${SET_NAMES[$i]} = '${BASE_OPTS}${BASE_OPTS:+ }${SET_FLAGS[$i]}'$([[ ${SET_KINDS[$i]} == appcds ]] && echo ' + -XX:SharedArchiveFile=<variant>.jsa; ric: the shipped archive through the shipped wrapper')$([[ ${SET_KINDS[$i]} == aot ]] && echo ' + -XX:AOTCache=<variant>.aot; ric: the shipped cache through the shipped wrapper')$([[ ${SET_JARS[$i]} != "$JAR" ]] && echo ", jar $(sha256sum "${SET_JARS[$i]}" | cut -c1-12)")$([[ ${SET_JAVAS[$i]} != "$JAVA" ]] && echo ", java $("${SET_JAVAS[$i]}" -version 2>&1 | sed -n 2p)")"
  done
  echo "rss:      ${TIME_BIN:-/proc VmHWM (no /usr/bin/time)}"
}

{
  machine
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/summary.txt"

((needs_dynalite)) && start_dynalite

if ((APPCDS)); then
  echo "Training AppCDS archives ..."
  for v in "${VARIANT_LIST[@]}"; do train_appcds "$v"; done
fi
for s in "${!SET_KINDS[@]}"; do
  if [[ "${SET_KINDS[$s]}" == aot ]]; then
    echo "Training AOT caches for ${SET_NAMES[$s]} ..."
    for v in "${VARIANT_LIST[@]}"; do train_aot "$v" "$s"; done
  fi
done

total=$(((WARMUP + RUNS) * ${#VARIANT_LIST[@]} * ${#SET_NAMES[@]}))
done_runs=0
for ((round = 0; round < WARMUP + RUNS; round++)); do
  mode=""
  ((round < WARMUP)) && mode=warmup
  for v in "${VARIANT_LIST[@]}"; do
    for s in "${!SET_NAMES[@]}"; do
      measure "$v" "$s" "$mode"
      done_runs=$((done_runs + 1))
    done
  done
  ((${#VARIANT_LIST[@]})) && printf '\r%d/%d JVMs' "$done_runs" "$total" >&2
done
((${#VARIANT_LIST[@]})) && echo >&2

if [[ -z "$TIME_BIN" ]]; then
  for v in "${VARIANT_LIST[@]}"; do
    [[ "$v" == ric* ]] || for s in "${!SET_NAMES[@]}"; do measure_rss_fallback "$v" "$s"; done
  done
fi

if ((CLASSES)); then
  for v in "${VARIANT_LIST[@]}"; do
    for s in "${!SET_NAMES[@]}"; do classes_run "$v" "$s"; done
  done
fi

if ((EXPERIMENTS)); then
  for ((round = 0; round < RUNS; round++)); do
    for e in $EXPERIMENT_NAMES; do
      for s in "${!SET_NAMES[@]}"; do
        [[ "${SET_KINDS[$s]}" == plain ]] || continue
        experiment_run "$e" "$s"
      done
    done
    printf '\rexperiments: round %d/%d' "$((round + 1))" "$RUNS" >&2
  done
  echo >&2
fi

{
  echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  ((DYNALITE_RESTARTS == 0)) || echo "dynalite was restarted $DYNALITE_RESTARTS time(s) during the run"
  echo
  aot_sets=""
  for s in "${!SET_KINDS[@]}"; do
    [[ "${SET_KINDS[$s]}" == aot ]] && aot_sets="${aot_sets:+$aot_sets,}${SET_NAMES[$s]}"
  done
  "$JAVA" -cp "$PROBES" "$PKG.Summary" "$RESULTS" ${aot_sets:+--aot-sets "$aot_sets"}
  if ((CLASSES)); then
    for v in memory dynamodb ric; do
      f="$OUT/classes/$v-${SET_NAMES[0]}.txt"
      if [[ -f "$f" ]]; then
        echo
        echo "Classes loaded by $v (${SET_NAMES[0]}), by group:"
        cat "$f"
      fi
    done
  fi
  echo
  echo "Raw results: $RESULTS; class-load logs and reports: $OUT/classes/"
} | tee -a "$OUT/summary.txt"
