#!/usr/bin/env bash
# Dev helper while the first release is not out: regenerates the initial schema migration (0001) from schema.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f server/db/migrations/0001_foundation.sql server/db/migrations/meta/0001_snapshot.json
node -e '
const fs=require("fs");const p="server/db/migrations/meta/_journal.json";
const d=JSON.parse(fs.readFileSync(p));d.entries=d.entries.filter(e=>e.tag!=="0001_foundation");fs.writeFileSync(p,JSON.stringify(d,null,2));'
npx drizzle-kit generate --name foundation
