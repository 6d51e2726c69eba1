#!/usr/bin/env bash
# The platform side by side with PostGIS on the same generated city, in one run (issue 23).
#
# Usage: bash build/bench.sh [city options]   (default: --compounds 2000 --buildings 20000 --communities 20 --facilities 100)
#        bash build/bench.sh --scale street    (5 000 compounds, 50 000 buildings; --scale district is issue 23's full size)
# Environment: BENCH_PASSES (3), BENCH_POINTS (1000000), BENCH_KEEP=1 keeps the work folder (data, logs).
#
# 1. installs postgresql-15-postgis-3, gdal-bin and python3-psycopg2 with apt-get when missing (as root, or sudo -n);
# 2. builds the host and the benchmarks in Release;
# 3. generates the city with the host's `city` verb (seed 23) as GeoPackage files and loads it through the platform's
#    write path (compound and facility grains), timed; loads the same files into a throwaway PostGIS cluster on
#    loopback with ogr2ogr, and times raw binary COPY of the same rows into bare tables;
# 4. starts the platform (Release) on loopback over the loaded data folder and prints, each figure measured side by
#    side in turn, medians of BENCH_PASSES passes, both raw results, the ratio platform/PostGIS and the load average:
#    cold vector tiles at z15 and z17 (with a feature-count check on a sample of tiles), OGC API items pages of 1000,
#    point assignment (SpatialIndex vs ST_Contains with GiST), bulk import (platform vs COPY).
# Everything listens on 127.0.0.1 only; every process and cluster started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
city_args=("$@")
[ ${#city_args[@]} -gt 0 ] || city_args=(--compounds 2000 --buildings 20000 --communities 20 --facilities 100)
passes=${BENCH_PASSES:-3}
points=${BENCH_POINTS:-1000000}

need=()
for p in postgresql-15-postgis-3 gdal-bin python3-psycopg2; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt=(); elif sudo -n true 2>/dev/null; then apt=(sudo -n); else
    echo "needs ${need[*]}: run as root or with passwordless sudo, or install them first" >&2; exit 1; fi
  echo "installing ${need[*]} …"
  "${apt[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
pgbin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }
py=/usr/bin/python3  # Debian's, which has python3-psycopg2 (a python3 first on PATH may be another)

work=$(mktemp -d /tmp/bench-city.XXXX)
chmod 755 "$work"
host_pid=
cleanup() {
  set +e
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; fi
  [ -f "$work/pg/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null
  # The platform stops its embedded PostgreSQL itself; if it died first, stop what it left.
  find "$work/data" -name postmaster.pid 2>/dev/null | while read -r f; do as_pg "$pgbin/pg_ctl" -D "$(dirname "$f")" -m fast -w stop >/dev/null; done
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building host and benchmarks (Release) …"
dotnet build -c Release host/Platform.Host -v q -nologo >/dev/null
dotnet build -c Release tests/Platform.Benchmarks -v q -nologo >/dev/null
dll=host/Platform.Host/bin/Release/net10.0/Platform.Host.dll
settings=("--Platform:DataDir=$work/data" --Platform:Demo=false)

echo "== generating the city and loading it through the platform (${city_args[*]}) …"
dotnet "$dll" city "${city_args[@]}" --seed 23 --out "$work/city" --load "${settings[@]}" 2>&1 \
  | awk '/^(warn|info): /{skip=1; next} skip && /^      [^ 0-9]/{next} {skip=0; print; fflush()}' | tee "$work/city.log"
summary=$(grep '^load-summary' "$work/city.log")
import_load=$(loadavg)

echo "== PostGIS: a throwaway cluster on loopback, the same GeoPackage files loaded with ogr2ogr …"
mkdir -p "$work/pg" && { [ "$(id -u)" != 0 ] || chown postgres "$work/pg"; }
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
pgport=$(free_port)
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" -w start >/dev/null
dsn="host=127.0.0.1 port=$pgport user=postgres dbname=bench"
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE DATABASE bench" >/dev/null
psql -q "$dsn" -c "CREATE EXTENSION postgis" >/dev/null
started=$(now)
for layer in communities compounds buildings facilities; do
  ogr2ogr -f PostgreSQL "PG:$dsn" "$work/city/$layer.gpkg" -nln "$layer" -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST
done
psql -q "$dsn" -c "ANALYZE" >/dev/null
echo "ogr2ogr (COPY mode, GiST built) of the four files: $(python3 -c "print(f'{$(now) - $started:.1f}')") s"

echo "== starting the platform on loopback (Release) …"
port=$(free_port)
started=$(now)
dotnet "$dll" --urls "http://127.0.0.1:$port" "${settings[@]}" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
echo "start to healthy with the city's data folder: $(python3 -c "print(f'{$(now) - $started:.1f}')") s (load $(loadavg))"

results=()
for z in 15 17; do
  "$py" build/bench.py tiles "$port" "$dsn" "$z" "$passes" 2 24 | tee "$work/tiles-$z.log"
  results+=("$(grep '^RESULT' "$work/tiles-$z.log")")
done
"$py" build/bench.py items "$port" "$dsn" 20 "$passes" | tee "$work/items.log"
results+=("$(grep '^RESULT' "$work/items.log")")
rss=$(ps -o rss= -p "$host_pid" | tr -d ' ')
echo "platform resident memory after the tile and items runs: $((rss / 1024)) MB (the process; its embedded PostgreSQL apart)"

echo "== point assignment: $points points over the communities, the platform's SpatialIndex (one thread) vs ST_Contains + GiST …"
dotnet tests/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll spatial-assign --gpkg "$work/city/communities.gpkg" \
  --points "$points" --runs "$passes" --write-points "$work/points.csv" | tee "$work/assign.log"
"$py" build/bench.py assign "$dsn" "$work/points.csv" "$passes" "$(grep '^assign-summary' "$work/assign.log")" | tee "$work/assign-pg.log"
results+=("$(grep '^RESULT' "$work/assign-pg.log")")

echo "== bulk import: the platform's load above vs raw binary COPY of the same rows into bare tables …"
"$py" build/bench.py copy "$dsn" "$work" "$passes" "$summary" "$import_load" | tee "$work/copy.log"
results+=("$(grep '^RESULT' "$work/copy.log")")

echo
echo "== summary (city: ${city_args[*]}, seed 23; $(nproc) cores; ratio = platform / PostGIS, > 1 the platform is faster)"
printf '%s\n' "${results[@]}"
