#!/usr/bin/env bash
# Regenerates both client SDKs from the server's OpenAPI document:
#   clients/openapi.json        the document, as GET /openapi.json serves it
#   clients/python/             openapi-python-client (pinned in clients/codegen-requirements.txt)
#   clients/typescript/src/schema.ts   openapi-typescript (pinned in clients/typescript/package-lock.json)
# Run it after changing an endpoint and commit the result; CI runs it with --check and fails when the
# committed clients differ from what the document generates.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
check=false
[ "${1:-}" = "--check" ] && check=true

scripts/bootstrap-venv.sh
if [ ! -x .venv-codegen/bin/openapi-python-client ] \
   || ! cmp -s clients/codegen-requirements.txt .venv-codegen/.requirements; then
  echo "Installing the Python client generator into .venv-codegen …" >&2
  python3 -m venv .venv-codegen
  .venv-codegen/bin/python -m pip install -q --disable-pip-version-check -r clients/codegen-requirements.txt
  cp clients/codegen-requirements.txt .venv-codegen/.requirements
fi
if [ ! -x clients/typescript/node_modules/.bin/openapi-typescript ]; then
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
.venv/bin/python -c 'import json, sys; from loyalty.api.app import openapi_document; json.dump(openapi_document(), sys.stdout, indent=2, ensure_ascii=False); print()' \
  > "$out/openapi.json"
version="$(.venv/bin/python -c 'import loyalty; print(loyalty.__version__)')"

# Python: generated into a scratch folder, then our README put back over the generated one.
PATH="$root/.venv-codegen/bin:$PATH" .venv-codegen/bin/openapi-python-client generate \
  --path "$out/openapi.json" --config clients/python-codegen.yaml --output-path "$out/python" --overwrite >/dev/null
rm -rf "$out/python/.ruff_cache"
cp clients/python/README.md "$out/python/README.md"

# TypeScript: the types of every path and schema; openapi-fetch is the runtime.
mkdir -p "$out/typescript"
clients/typescript/node_modules/.bin/openapi-typescript "$out/openapi.json" -o "$out/typescript/schema.ts" --default-non-nullable false --silent >/dev/null
(cd clients/typescript && npm pkg get version | tr -d '"') > "$out/ts-version"

if $check; then
  status=0
  diff -q "$out/openapi.json" clients/openapi.json >/dev/null || { echo "clients/openapi.json is stale" >&2; status=1; }
  diff -r -x __pycache__ "$out/python" clients/python >/dev/null \
    || { echo "clients/python is stale" >&2; diff -r -x __pycache__ "$out/python" clients/python | head -20 >&2; status=1; }
  diff -q "$out/typescript/schema.ts" clients/typescript/src/schema.ts >/dev/null \
    || { echo "clients/typescript/src/schema.ts is stale" >&2; status=1; }
  [ "$(cat "$out/ts-version")" = "$version" ] || { echo "clients/typescript/package.json version is not $version" >&2; status=1; }
  if [ $status -ne 0 ]; then echo "Run scripts/generate-clients.sh and commit the result." >&2; fi
  exit $status
fi
cp "$out/openapi.json" clients/openapi.json
rm -rf clients/python && cp -r "$out/python" clients/python
cp "$out/typescript/schema.ts" clients/typescript/src/schema.ts
(cd clients/typescript && npm pkg set version="$version")
echo "Generated clients/python and clients/typescript (version $version) from the OpenAPI document."
