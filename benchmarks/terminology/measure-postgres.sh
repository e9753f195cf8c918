#!/usr/bin/env bash
# Measures the PostgreSQL alternative for the SNOMED CT index (docs/terminology.md) on a synthetic release:
#   benchmarks/terminology/measure-postgres.sh /tmp/fkj-snomed-big
# Starts a throw-away PostgreSQL 15 cluster in /tmp, loads the release (postgres-load.sql), runs pgbench on
# subsumption, descendants and prefix search, and removes the cluster. Run as root (the cluster runs as postgres).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RELEASE="$(cd "$1" && pwd)"
INT="$(ls -d "$RELEASE"/SnomedCT_SyntheticInternationalRF2_*/Snapshot)"
NO="$(ls -d "$RELEASE"/SnomedCT_SyntheticNorwayRF2_*/Snapshot)"
BIN=/usr/lib/postgresql/15/bin
DATA=/tmp/fkj-pgmeasure
PORT=55439
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$DATA"; mkdir -p "$DATA"; chown postgres "$DATA" 2>/dev/null || true; chmod o+rx "$RELEASE"
as_pg "$BIN/initdb" -D "$DATA/pg" -U postgres >/dev/null
as_pg "$BIN/pg_ctl" -D "$DATA/pg" -o "-p $PORT -k $DATA -c shared_buffers=1GB -c maintenance_work_mem=1GB -c work_mem=256MB -c max_wal_size=4GB -c listen_addresses=''" -l "$DATA/log" start >/dev/null
trap 'as_pg "$BIN/pg_ctl" -D "$DATA/pg" stop -m fast >/dev/null; rm -rf "$DATA"' EXIT
PSQL=("$BIN/psql" -h "$DATA" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
start=$(date +%s.%N)
sed -e "s|@INT@|$INT|g" -e "s|@NO@|$NO|g" "$HERE/postgres-load.sql" > "$DATA/load.sql"
as_pg "${PSQL[@]}" -f "$DATA/load.sql"
echo "load + closure + indexes: $(echo "$(date +%s.%N) - $start" | bc) s"
bench() { # name, script
  printf '%s\n' "$2" > "$DATA/$1.sql"; chown postgres "$DATA/$1.sql" 2>/dev/null || true
  as_pg "$BIN/pgbench" -h "$DATA" -p "$PORT" -U postgres -n -c 1 -T 20 -f "$DATA/$1.sql" postgres 2>/dev/null | grep -E "latency average" | sed "s/^/$1: /"
}
bench subsumption '\set a random(1, 300000)
\set b random(1, 300000)
SELECT EXISTS (SELECT 1 FROM closure c, concept_n x, concept_n y WHERE x.n = :a AND y.n = :b AND c.sub = x.id AND c.sup = y.id);'
DESC_ID=$(as_pg "${PSQL[@]}" -At -c "SELECT sup FROM closure GROUP BY sup ORDER BY abs(count(*) - 10000) LIMIT 1")
bench descendants-10000 "SELECT sub FROM closure WHERE sup = $DESC_ID;"
for q in "ser:*" "type:* & type:*" "inflam:*" "chr:* & ulc:*" "lef:* & kid:*"; do
  bench "search '$q'" "SELECT concept_id, term FROM description WHERE active = 1 AND to_tsvector('simple', term) @@ to_tsquery('simple', '$q') ORDER BY length(term), concept_id LIMIT 10;"
done
bench "fuzzy 'inflamation'" "SELECT concept_id, term FROM description WHERE active = 1 AND lower(term) % 'inflamation' ORDER BY similarity(lower(term), 'inflamation') DESC LIMIT 10;"
