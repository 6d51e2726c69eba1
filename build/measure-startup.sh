#!/usr/bin/env bash
# Measures the time from starting the host to /health answering 200, with an existing data folder
# (the embedded PostgreSQL already initialised). Usage: build/measure-startup.sh [runs]
# Prints each run and the median. Builds the host first (Debug, as `dotnet run` does).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
dotnet build host/Platform.Host -v q -nologo >/dev/null
data=$(mktemp -d /tmp/platform-startup-XXXX)
chmod 755 "$data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
host=host/Platform.Host/bin/Debug/net10.0/Platform.Host
start_once() {
  local t0 t1
  t0=$(date +%s%N)
  "$host" --urls "http://127.0.0.1:$port" --Platform:DataDir="$data" >"$data/host.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do sleep 0.05; done
  t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (t1 - t0) / 1000000 ))
}
echo "first start (initdb + schema): $(start_once) ms"
times=()
for i in $(seq 1 "$runs"); do
  ms=$(start_once); times+=("$ms"); echo "run $i: $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median start-to-healthy with existing data: $median ms over $runs runs"
rm -rf "$data"
