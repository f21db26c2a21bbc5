#!/usr/bin/env bash
# The test command (`npm test`). Makes a fresh Debian 12 machine ready (idempotently), then runs
# format/lint, typecheck, the OpenAPI/client drift check, unit + integration tests, and e2e tests.
# Fails fast: the first failing step stops the run with a non-zero exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

T0=$(date +%s)
STEP_T0=$T0
STEP_NAME=''
step() {
  local now
  now=$(date +%s)
  [ -n "$STEP_NAME" ] && printf '    done in %ss\n' "$((now - STEP_T0))"
  printf '\n\033[1m==> %s\033[0m\n' "$*"
  STEP_T0=$now
  STEP_NAME="$*"
}
note() { printf '    %s\n' "$*"; }
REPORTED=''
E2E_DIR=''
fail() {
  printf '\n\033[31mFAILED: %s\033[0m  (after %ss)\n' "$*" "$(($(date +%s) - T0))" >&2
  REPORTED=1
  exit 1
}
on_exit() {
  local rc=$?
  [ -n "$E2E_DIR" ] && rm -rf "$E2E_DIR"
  if [ "$rc" -ne 0 ] && [ -z "$REPORTED" ]; then
    printf '\n\033[31mFAILED in step "%s" (exit code %s, after %ss)\033[0m\n' "$STEP_NAME" "$rc" "$(($(date +%s) - T0))" >&2
  fi
  return "$rc"
}
trap on_exit EXIT

SUDO=''
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO='sudo -n'; fi

# ---------------------------------------------------------------------------------------------
step 'Environment: PostgreSQL on 127.0.0.1:5432'
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  note 'already running'
else
  command -v pg_ctlcluster >/dev/null 2>&1 || fail 'PostgreSQL is not installed (pg_ctlcluster not found)'
  PG_VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)
  note "starting cluster ${PG_VERSION}/main"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p 5432 || fail 'PostgreSQL did not become ready on 127.0.0.1:5432'
  note 'ready'
fi

step 'Environment: Chromium, CJK fonts and PDF tools'
# (no `grep -q` on a pipe: with pipefail, fc-list's SIGPIPE would make the test fail)
# pdftotext (poppler-utils) lets the label tests read the text of the PDFs they generate.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftotext ] &&
  fc-list : family 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; then
  note 'already installed'
else
  note 'installing chromium fonts-noto-cjk poppler-utils from Debian packages (once)…'
  $SUDO apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null
  [ -x /usr/bin/chromium ] || fail 'chromium was not installed'
  note "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
fi

step 'Environment: node_modules'
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note 'npm ci…'
  npm ci --no-audit --no-fund --loglevel=error
else
  note 'up to date'
fi

# ---------------------------------------------------------------------------------------------
step 'Format + lint (biome ci)'
BIOME_FLAGS=(--error-on-warnings --max-diagnostics=50)
[ -t 1 ] || BIOME_FLAGS+=(--colors=off)
npx biome ci "${BIOME_FLAGS[@]}" . || fail 'biome: format/lint errors (fix with: npx biome check --write .)'

step 'Typecheck: server (tsc -p tsconfig.json)'
npx tsc --noEmit -p tsconfig.json || fail 'typecheck (server)'

step 'Typecheck: web (tsc -p web/tsconfig.json)'
if [ -f web/tsconfig.json ]; then
  npx tsc --noEmit -p web/tsconfig.json || fail 'typecheck (web)'
else
  note 'skipped: web/tsconfig.json does not exist yet'
fi

step 'OpenAPI document + API client are up to date'
if [ -f scripts/generate-api-client.ts ]; then
  npx tsx scripts/generate-api-client.ts --check ||
    fail 'OpenAPI/client drift (regenerate with: npm run api:generate)'
else
  note 'skipped: scripts/generate-api-client.ts does not exist yet'
fi

step 'Unit + integration tests (vitest)'
npx vitest run || fail 'vitest'

step 'Build web console (vite)'
if [ -f web/vite.config.ts ]; then
  npx vite build --config web/vite.config.ts --logLevel warn || fail 'web build'
else
  note 'skipped: web/vite.config.ts does not exist yet'
fi

step 'End-to-end tests (playwright, Chromium)'
if [ -d tests/e2e ] && [ -n "$(find tests/e2e -name '*.spec.ts' -print -quit)" ]; then
  E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sc-e2e-XXXXXX")
  export SC_E2E_DATA_DIR="$E2E_DIR/data"
  npx playwright test || fail 'playwright (screenshots and traces: test-results/)'
else
  note 'skipped: no tests/e2e/*.spec.ts yet'
fi

printf '    done in %ss\n' "$(($(date +%s) - STEP_T0))"
printf '\n\033[32mAll checks passed in %ss\033[0m\n' "$(($(date +%s) - T0))"
