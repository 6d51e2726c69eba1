#!/usr/bin/env bash
# Vector-tile throughput on loopback: the host with a synthetic layer of 100 000 building footprints
# (Platform:Maps:BenchmarkBuildings), cold tiles (each requested once) and cached tiles, measured by wrk.
# Usage: bash build/bench-tiles.sh [buildings] ; needs wrk (apt-get install wrk). Writes nothing to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
port=5099
work=$(mktemp -d /tmp/bench-tiles.XXXX)
chmod 755 "$work"
dotnet build -c Release host/Platform.Host -v q -nologo >/dev/null
dotnet host/Platform.Host/bin/Release/net10.0/Platform.Host.dll --urls "http://127.0.0.1:$port" \
  "--Platform:DataDir=$work/data" --Platform:Demo=false "--Platform:Maps:BenchmarkBuildings=$count" >"$work/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

# Tiles covering the synthetic grid (centre 104.07E 30.40N, side = sqrt(count) * 40 m).
tiles() { python3 - "$1" "$count" <<'PY'
import math, sys
z, n = int(sys.argv[1]), int(sys.argv[2])
half = math.sqrt(n) * 40 / 2
lat0, lon0 = 30.40, 104.07
dlat, dlon = half / 111320, half / (111320 * math.cos(math.radians(lat0)))
def tile(lon, lat):
    k = 2 ** z
    r = math.radians(lat)
    return int((lon + 180) / 360 * k), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * k)
x0, y0 = tile(lon0 - dlon, lat0 + dlat)
x1, y1 = tile(lon0 + dlon, lat0 - dlat)
for x in range(x0, x1 + 1):
    for y in range(y0, y1 + 1):
        print(f"/tiles/bench-buildings/{z}/{x}/{y}.mvt")
PY
}
lua() { cat <<LUA
local paths = {}
for line in io.lines("$1") do paths[#paths + 1] = line end
local i = ${2:-0}
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
}
tiles 17 >"$work/cold.txt"
tiles 16 >"$work/warm.txt"
lua "$work/cold.txt" >"$work/cold.lua"
lua "$work/warm.txt" >"$work/warm.lua"
echo "buildings: $count; z17 tiles: $(wc -l <"$work/cold.txt"); z16 tiles: $(wc -l <"$work/warm.txt")"
curl -s -o /dev/null -w "probe: %{http_code}\n" "http://127.0.0.1:$port/tiles/bench-buildings/16/0/0.mvt"
echo "== cold (every z17 tile requested once; one wrk thread so no tile repeats while the list lasts)"
wrk -t1 -c4 -d5s -s "$work/cold.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|requests in" || true
echo "== warming the z16 tiles"
while read -r p; do curl -fs -o /dev/null "http://127.0.0.1:$port$p"; done <"$work/warm.txt"
echo "== cached (z16 tiles, all in the cache)"
wrk -t2 -c32 -d10s -s "$work/warm.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|requests in" || true
