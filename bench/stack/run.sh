#!/usr/bin/env bash
# Measures each candidate stack: 2 uvicorn workers (uvloop, httptools), wrk 64 connections, 10 s.
# Needs a venv with fastapi, litestar, starlette, msgspec, uvicorn[standard]: VENV=/path bench/stack/run.sh
set -euo pipefail
cd "$(dirname "$0")"
venv="${VENV:?set VENV to a virtualenv with the candidate frameworks}"
for stack in fastapi litestar starlette; do
  "$venv/bin/python" -m uvicorn --factory "apps:${stack}_app" --workers 2 --port 8777 --loop uvloop \
    --http httptools --log-level error --no-access-log &
  pid=$!
  for _ in $(seq 1 50); do curl -s localhost:8777/small >/dev/null && break; sleep 0.2; done
  wrk -t2 -c64 -d3s http://127.0.0.1:8777/small >/dev/null
  get=$(wrk -t2 -c64 -d10s http://127.0.0.1:8777/small | awk '/Requests\/sec/ {print $2}')
  post=$(wrk -t2 -c64 -d10s -s post.lua http://127.0.0.1:8777/event | awk '/Requests\/sec/ {print $2}')
  echo "$stack GET=$get POST=$post"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
