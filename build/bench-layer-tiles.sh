#!/usr/bin/env bash
# Cold vector tiles of the real layers (compounds, facilities, sites, communities) over the Xinglong Street demo,
# side by side: the working tree ("after") against a baseline commit ("before", default HEAD~1 of the read-path
# change), both built in Release and running at once on loopback, measured in turn by farm-bench.
# Each measured run asks every z15 and z17 tile of the four layers once, for a date no run asked before, so every
# tile is rendered (the tile cache is keyed by date) and every layer is read as of a new date.
# Usage: bash build/bench-layer-tiles.sh [baseline-ref] ; writes nothing to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-4533ba4}
work=$(mktemp -d /tmp/bench-layer-tiles.XXXX)
chmod 755 "$work"
echo "building after (working tree) and before ($base) in Release…"
dotnet build -c Release host/Platform.Host -o "$work/after" -v q -nologo >/dev/null
git worktree add -q --detach "$work/src-before" "$base"
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; git worktree remove --force "$work/src-before" 2>/dev/null || true' EXIT
dotnet build -c Release "$work/src-before/host/Platform.Host" -o "$work/before" -v q -nologo >/dev/null

start() { # name port
  dotnet "$work/$1/Platform.Host.dll" --urls "http://127.0.0.1:$2" "--Platform:DataDir=$work/data-$1" >"$work/host-$1.log" 2>&1 &
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$2/health" >/dev/null && break; sleep 0.2; done
  # The demo is seeded after start: wait for its facilities.
  for _ in $(seq 1 600); do [ "$(curl -fs "http://127.0.0.1:$2/api/facilities" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0)" -gt 10 ] && break; sleep 0.5; done
}
start after 5111
start before 5112

cat >"$work/tiles.py" <<'PY'
import concurrent.futures, datetime, http.client, math, os, sys, time
port, zooms = int(sys.argv[1]), [int(z) for z in sys.argv[2].split(",")]
counter = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"dates-{port}")
n = int(open(counter).read()) + 1 if os.path.exists(counter) else 0
open(counter, "w").write(str(n))
date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=n)).isoformat()
def tile(lon, lat, z):
    k, r = 2 ** z, math.radians(lat)
    return int((lon + 180) / 360 * k), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * k)
paths = []
for z in zooms:
    (x0, y0), (x1, y1) = tile(104.03, 30.44, z), tile(104.11, 30.36, z)
    for layer in ("registers-compounds", "registers-facilities", "registers-sites", "jurisdiction-communities"):
        paths += [f"/tiles/{layer}/{z}/{x}/{y}.mvt?date={date}" for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
def fetch(chunk):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for p in chunk:
        c.request("GET", p); r = c.getresponse(); r.read()
        if r.status != 200 or r.getheader("X-Tile-Cache") != "miss":
            raise SystemExit(f"{p}: {r.status} {r.getheader('X-Tile-Cache')}")
started = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    list(pool.map(fetch, [paths[i::4] for i in range(4)]))
print(f"{len(paths)} cold tiles in {time.perf_counter() - started:.2f} s")
PY
python3 "$work/tiles.py" 5111 15,17; python3 "$work/tiles.py" 5112 15,17
for z in 15 17; do
  echo "== z$z: A = after (working tree), B = before ($base)"
  farm-bench -n 5 --timeout 900 --vs "python3 $work/tiles.py 5112 $z" -- python3 "$work/tiles.py" 5111 "$z"
done
