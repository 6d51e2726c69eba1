#!/usr/bin/env python3
"""Side-by-side client of build/bench.sh: the platform over HTTP on loopback against PostGIS on loopback, same data.

  bench.py tiles PORT DSN ZOOM PASSES CONNS SAMPLE   cold MVT tiles of the buildings layer vs ST_AsMVT(ST_AsMVTGeom)
  bench.py items PORT DSN PAGES PASSES              OGC API items pages (limit 1000) vs an ST_AsGeoJSON paging query
  bench.py assign DSN POINTS_CSV PASSES SUMMARY      the platform's spatial-assign summary line vs ST_Contains with GiST
  bench.py copy DSN WORK PASSES SUMMARY LOAD         the platform's load-summary line vs raw binary COPY of the same rows

Each prints one result line per pass and a summary line: medians, the ratio platform/PostGIS (> 1: the platform is
faster) and the load average. Needs python3-psycopg2. Sends requests only to 127.0.0.1.
"""
import concurrent.futures
import datetime
import http.client
import math
import os
import statistics
import sys
import time

import psycopg2

LAYER = "registers-buildings"
EXTENT, BUFFER = 4096, 256  # the platform's MvtEncoder: extent 4096, buffer 1/16 of the tile = 256 units

TILE_SQL = f"""
SELECT ST_AsMVT(t, '{LAYER}', {EXTENT}, 'geom') FROM (
  SELECT ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(%(z)s, %(x)s, %(y)s), {EXTENT}, {BUFFER}, true) AS geom,
         fid, name, compound, floors, households
  FROM buildings
  WHERE geom && ST_Transform(ST_TileEnvelope(%(z)s, %(x)s, %(y)s, margin => {BUFFER / EXTENT}), 4490)
) t"""

ITEMS_SQL = """
SELECT json_build_object('type', 'FeatureCollection', 'numberReturned', count(*), 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', fid, 'geometry', ST_AsGeoJSON(geom)::json,
  'properties', json_build_object('name', name, 'compound', compound, 'floors', floors, 'households', households))), '[]'::json))::text
FROM (SELECT * FROM buildings ORDER BY fid LIMIT 1000 OFFSET %s) t"""


def load():
    return open("/proc/loadavg").read().split()[0]


def tile_of(lon, lat, z):
    k, r = 2 ** z, math.radians(lat)
    return int((lon + 180) / 360 * k), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * k)


def varint(b, i):
    v = s = 0
    while True:
        c = b[i]; i += 1
        v |= (c & 0x7F) << s; s += 7
        if c < 0x80:
            return v, i


def fields(b):
    """(field number, wire type, value) of one protobuf message; value is bytes for length-delimited fields."""
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        n, w = key >> 3, key & 7
        if w == 0:
            v, i = varint(b, i)
        elif w == 2:
            ln, i = varint(b, i); v = b[i:i + ln]; i += ln
        elif w == 1:
            v = b[i:i + 8]; i += 8
        elif w == 5:
            v = b[i:i + 4]; i += 4
        else:
            raise ValueError(f"wire type {w}")
        yield n, w, v


def features_in(tile, name=LAYER):
    """Features of the MVT layer called name (Tile.layers = 3; Layer.name = 1, Layer.features = 2)."""
    for n, _, layer in fields(tile):
        if n != 3:
            continue
        parts = list(fields(layer))
        if any(f == 1 and bytes(v).decode() == name for f, _, v in parts):
            return sum(1 for f, _, _ in parts if f == 2)
    return 0


def serial(conn):
    """One connection per core already uses the cores: PostgreSQL's parallel workers on a small per-tile query cost
    more than they give (a z15 tile of the street-scale city: 14 ms with a parallel seq scan, 2.3 ms without), so
    PostGIS is measured at its faster setting."""
    with conn.cursor() as cur:
        cur.execute("SET max_parallel_workers_per_gather = 0")
    return conn


def extent(dsn):
    with psycopg2.connect(dsn) as c, c.cursor() as cur:
        cur.execute("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM buildings) q")
        return cur.fetchone()


def tiles(port, dsn, zoom, passes, conns, sample):
    minx, miny, maxx, maxy = extent(dsn)
    (x0, y0), (x1, y1) = tile_of(minx, maxy, zoom), tile_of(maxx, miny, zoom)
    all_tiles = [(zoom, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    prime = (16, *tile_of((minx + maxx) / 2, (miny + maxy) / 2, 16))  # a tile of no measured zoom, inside the data
    chunks = [all_tiles[i::conns] for i in range(conns)]
    # A date no request asked before, each pass: the platform's tile cache is keyed by date, so every tile is rendered.
    counter = f"/tmp/bench-dates-{port}"
    day = [int(open(counter).read()) if os.path.exists(counter) else 0]

    def next_date():
        day[0] += 1
        open(counter, "w").write(str(day[0]))
        return (datetime.date(2026, 1, 1) + datetime.timedelta(days=day[0])).isoformat()

    def http_get(conn, path):
        conn.request("GET", path); r = conn.getresponse(); body = r.read()
        if r.status not in (200, 204):
            raise SystemExit(f"{path}: HTTP {r.status}")
        return r, body

    def platform_pass():
        date = next_date()
        # The layer's features as of the date are loaded and indexed once per date: done before the clock starts, timed apart.
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        started = time.perf_counter()
        http_get(c, f"/tiles/{LAYER}/{prime[0]}/{prime[1]}/{prime[2]}.mvt?date={date}")
        layer_load = time.perf_counter() - started

        def fetch(chunk):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            for z, x, y in chunk:
                r, _ = http_get(conn, f"/tiles/{LAYER}/{z}/{x}/{y}.mvt?date={date}")
                if r.getheader("X-Tile-Cache") not in (None, "miss"):
                    raise SystemExit(f"tile {z}/{x}/{y} was not cold: {r.getheader('X-Tile-Cache')}")
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(conns) as pool:
            list(pool.map(fetch, chunks))
        return time.perf_counter() - started, layer_load, date

    def postgis_pass():
        def fetch(chunk):
            with serial(psycopg2.connect(dsn)) as c, c.cursor() as cur:
                for z, x, y in chunk:
                    cur.execute(TILE_SQL, {"z": z, "x": x, "y": y}); cur.fetchone()
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(conns) as pool:
            list(pool.map(fetch, chunks))
        return time.perf_counter() - started

    print(f"z{zoom}: {len(all_tiles)} tiles over the buildings' extent, {conns} connections each, {passes} passes (after one warm-up pass each)")
    platform_pass(); postgis_pass()
    ours, theirs, loads = [], [], []
    for p in range(passes):
        seconds, layer_load, date = platform_pass()
        pg = postgis_pass()
        ours.append(len(all_tiles) / seconds); theirs.append(len(all_tiles) / pg); loads.append(load())
        print(f"  pass {p + 1}: platform {ours[-1]:8.0f} tiles/s ({seconds:.2f} s; layer as of {date} loaded in {layer_load:.2f} s, not counted)"
              f"   PostGIS {theirs[-1]:8.0f} tiles/s ({pg:.2f} s)   ratio {ours[-1] / theirs[-1]:.2f}   load {loads[-1]}")

    # Equal work: the same number of features in the buildings layer of a sample of tiles (the ones holding most first).
    date = next_date()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    step = max(1, len(all_tiles) // sample)
    checked, unequal, total = 0, [], 0
    with serial(psycopg2.connect(dsn)) as c, c.cursor() as cur:
        for z, x, y in all_tiles[::step][:sample]:
            _, body = http_get(conn, f"/tiles/{LAYER}/{z}/{x}/{y}.mvt?date={date}")
            cur.execute(TILE_SQL, {"z": z, "x": x, "y": y})
            ours_n, theirs_n = features_in(body), features_in(bytes(cur.fetchone()[0]))
            checked += 1; total += ours_n
            if ours_n != theirs_n:
                unequal.append(f"{z}/{x}/{y}: {ours_n} vs {theirs_n}")
    print(f"  content check: {checked} tiles, {total} building features in the platform's; feature counts "
          + ("equal in every tile" if not unequal else f"differ in {len(unequal)}: " + "; ".join(unequal[:8])))
    m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
    print(f"RESULT cold tiles z{zoom} ({len(all_tiles)} tiles) | platform {m_ours:.0f} tiles/s | PostGIS {m_theirs:.0f} tiles/s | "
          f"ratio {statistics.median(o / t for o, t in zip(ours, theirs)):.2f} | load {'/'.join(loads)} | content {'equal' if not unequal else f'{len(unequal)}/{checked} differ'}")


def items(port, dsn, pages, passes):
    with psycopg2.connect(dsn) as c, c.cursor() as cur:
        cur.execute("SELECT count(*) FROM buildings"); count = cur.fetchone()[0]
    pages = min(pages, math.ceil(count / 1000))

    def platform_pass():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        started, size = time.perf_counter(), 0
        for k in range(pages):
            conn.request("GET", f"/ogc/collections/{LAYER}/items?limit=1000&offset={k * 1000}", headers={"Accept": "application/geo+json"})
            r = conn.getresponse(); body = r.read(); size += len(body)
            if r.status != 200:
                raise SystemExit(f"items page {k}: HTTP {r.status}")
        return time.perf_counter() - started, size

    def postgis_pass():
        with serial(psycopg2.connect(dsn)) as c, c.cursor() as cur:
            started, size = time.perf_counter(), 0
            for k in range(pages):
                cur.execute(ITEMS_SQL, (k * 1000,)); size += len(cur.fetchone()[0])
            return time.perf_counter() - started, size

    print(f"items: the first {pages} pages of 1000 of {count} buildings, one connection, in order, {passes} passes (after one warm-up pass each)")
    platform_pass(); postgis_pass()
    ours, theirs, loads = [], [], []
    for p in range(passes):
        (s1, b1), (s2, b2) = platform_pass(), postgis_pass()
        ours.append(pages / s1); theirs.append(pages / s2); loads.append(load())
        print(f"  pass {p + 1}: platform {ours[-1]:7.1f} pages/s ({b1 / pages / 1e3:.0f} kB a page)   PostGIS {theirs[-1]:7.1f} pages/s ({b2 / pages / 1e3:.0f} kB a page)"
              f"   ratio {ours[-1] / theirs[-1]:.2f}   load {loads[-1]}")
    print(f"RESULT OGC items pages (limit 1000, {pages} pages) | platform {statistics.median(ours):.1f} pages/s | PostGIS {statistics.median(theirs):.1f} pages/s | "
          f"ratio {statistics.median(o / t for o, t in zip(ours, theirs)):.2f} | load {'/'.join(loads)}")


def summary_of(line):
    return {k: float(v) for k, v in (part.split("=") for part in line.split()[1:])}


def assign(dsn, csv, passes, platform):
    ours = summary_of(platform)
    with psycopg2.connect(dsn) as c, c.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS pts; CREATE TABLE pts (lon float8, lat float8)")
        with open(csv) as f:
            cur.copy_expert("COPY pts FROM STDIN (FORMAT csv)", f)
        cur.execute("ALTER TABLE pts ADD COLUMN geom geometry(Point, 4490); UPDATE pts SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4490);"
                    "CREATE INDEX ON pts USING gist (geom); ANALYZE pts; ANALYZE communities")
        c.commit()
        query = "SELECT count(*) FROM pts p JOIN communities c ON ST_Contains(c.geom, p.geom)"
        cur.execute("EXPLAIN " + query)
        plan = " / ".join(r[0].strip() for r in cur.fetchall() if "Scan" in r[0] or "Join" in r[0] or "Loop" in r[0])
        cur.execute(query); assigned = cur.fetchone()[0]
        # Its best plan: with and without parallel workers, the faster median counts.
        best = None
        for workers in ("2", "0"):
            cur.execute(f"SET max_parallel_workers_per_gather = {workers}"); cur.execute(query); cur.fetchone()
            rates, loads = [], []
            for p in range(passes):
                started = time.perf_counter(); cur.execute(query); cur.fetchone()
                rates.append(ours["points"] / (time.perf_counter() - started)); loads.append(load())
                print(f"  PostGIS pass {p + 1} (max_parallel_workers_per_gather {workers}): {rates[-1]:,.0f} points/s   load {loads[-1]}")
            if best is None or statistics.median(rates) > statistics.median(best[0]):
                best = (rates, loads)
        rates, loads = best
    print(f"  PostGIS plan (both GiST indexes present, the planner's choice): {plan}")
    print(f"  assigned: platform {ours['assigned']:.0f}, PostGIS {assigned} of {ours['points']:.0f} points")
    print(f"RESULT point assignment ({ours['points']:.0f} points) | platform {ours['median_points_per_s']:,.0f} points/s (one thread; "
          f"{ours['median_points_per_cpu_s']:,.0f} per CPU-second) | PostGIS {statistics.median(rates):,.0f} points/s | "
          f"ratio {ours['median_points_per_s'] / statistics.median(rates):.1f} | load {'/'.join(loads)}")


def copy(dsn, work, passes, platform, load_at_import):
    ours = summary_of(platform)
    records = ours["compounds"] + ours["buildings"] + ours["facilities"]
    tables = ("compounds", "buildings", "facilities")
    with psycopg2.connect(dsn) as c, c.cursor() as cur:
        rows = 0
        for t in tables:
            with open(f"{work}/{t}.copy", "wb") as f:
                cur.copy_expert(f"COPY (SELECT * FROM {t}) TO STDOUT (FORMAT binary)", f)
            cur.execute(f"SELECT count(*) FROM {t}"); rows += cur.fetchone()[0]
        rates, loads = [], []
        for p in range(passes + 1):
            for t in tables:
                cur.execute(f"DROP TABLE IF EXISTS {t}_copy; CREATE TABLE {t}_copy (LIKE {t})")
            c.commit()
            started = time.perf_counter()
            for t in tables:
                with open(f"{work}/{t}.copy", "rb") as f:
                    cur.copy_expert(f"COPY {t}_copy FROM STDIN (FORMAT binary)", f)
            c.commit()
            if p > 0:
                rates.append(rows / (time.perf_counter() - started)); loads.append(load())
                print(f"  COPY pass {p}: {rates[-1]:,.0f} rows/s   load {loads[-1]}")
    ours_rate = records / ours["seconds"]
    print(f"RESULT bulk import ({records:.0f} records: compounds with their buildings, facilities) | platform {ours_rate:,.0f} records/s "
          f"({ours['seconds']:.1f} s, one pass, load {load_at_import} after it) | raw binary COPY {statistics.median(rates):,.0f} rows/s | "
          f"ratio {ours_rate / statistics.median(rates):.3f} | load {'/'.join(loads)}")


if __name__ == "__main__":
    what, a = sys.argv[1], sys.argv[2:]
    if what == "tiles":
        tiles(int(a[0]), a[1], int(a[2]), int(a[3]), int(a[4]), int(a[5]))
    elif what == "items":
        items(int(a[0]), a[1], int(a[2]), int(a[3]))
    elif what == "assign":
        assign(a[0], a[1], int(a[2]), a[3])
    elif what == "copy":
        copy(a[0], a[1], int(a[2]), a[3], a[4])
    else:
        raise SystemExit(__doc__)
