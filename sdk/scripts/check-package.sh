#!/usr/bin/env bash
# Installs the SDK the two ways an integrator does — a packed tarball (`npm pack`) and the folder
# itself (`npm install <path>`) — into throw-away projects outside the repository, then in each runs
# the built JavaScript against a small stand-in server and type-checks a consumer against the built
# .d.ts. Needs the SDK's build tools: `npm ci` at the repository root (or `npm install` in sdk/).
set -euo pipefail
sdk=$(cd "$(dirname "$0")/.." && pwd)
resolve() { (cd "$sdk" && node -e "console.log(require('node:path').dirname(require.resolve('$1/package.json')))"); }
tsc="$(resolve typescript)/bin/tsc"
type_roots="$(dirname "$(resolve @types/node)")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check_consumer() {
  local dir=$1 what=$2
  mkdir -p "$dir" && cd "$dir"
  printf '{"name":"consumer","version":"1.0.0","type":"module","private":true}\n' > package.json
  npm install --no-audit --no-fund --loglevel=error "$what" >/dev/null
  local pkg=node_modules/fazhi-api-client
  for f in dist/index.js dist/index.d.ts dist/client.js schema.d.ts package.json; do
    [ -e "$pkg/$f" ] || { echo "missing $pkg/$f"; exit 1; }
  done
  cat > run.mjs <<'JS'
import { createServer } from 'node:http'
import { connect, isProblem } from 'fazhi-api-client'
const pages = { '': { items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c2' }, c2: { items: [{ id: 'c' }], nextCursor: null } }
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname === '/v1/grid-units') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pages[url.searchParams.get('cursor') ?? '']))
  res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'https://x/problems/not-found', title: 'Not found', status: 404, detail: 'no', instance: url.pathname, requestId: 'r' }))
}).listen(0, '127.0.0.1')
await new Promise((r) => server.once('listening', r))
const api = connect({ baseUrl: `http://127.0.0.1:${server.address().port}`, apiKey: 'k' })
const ids = []
for await (const unit of api.pages('/v1/grid-units')) ids.push(unit.id)
const missing = await api.update('/v1/disputes', '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', { title: 'x' }).catch((e) => e)
server.close()
if (ids.join() !== 'a,b,c' || !isProblem(missing, 'not-found')) throw new Error(`unexpected: ${ids} ${missing}`)
console.log('runs: pages walked a,b,c; a 404 became ProblemError not-found')
JS
  node run.mjs
  cat > consumer.ts <<'TS'
import { connect, isProblem, type components, type RecordOf } from 'fazhi-api-client'
import type { paths } from 'fazhi-api-client/schema'
const api = connect({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'k' })
export async function titles(): Promise<string[]> {
  const out: string[] = []
  for await (const d of api.pages('/v1/disputes', { status: ['reported'] })) out.push(d.title)
  return out
}
export const unit: Promise<RecordOf<'/v1/grid-units'>> = api.update('/v1/grid-units', 'id', (u) => ({ workers: [...u.workers, { name: '王', role: 'grid_worker' }] }))
export const problemSlug = (e: unknown) => (isProblem(e) ? e.slug : undefined)
export type Dispute = components['schemas']['Dispute'] | paths['/v1/disputes']['get']['responses'][200]['content']['application/json']['items'][number]
// @ts-expect-error not a path of the contract
void api.pages('/v1/no-such-list')
TS
  printf '{"compilerOptions":{"target":"ES2022","module":"NodeNext","moduleResolution":"NodeNext","strict":true,"noEmit":true,"types":["node"],"typeRoots":["%s"]},"files":["consumer.ts"]}\n' "$type_roots" > tsconfig.json
  node "$tsc" -p tsconfig.json
  echo "types: a consumer type-checks against the built .d.ts"
}

echo "== npm pack"
(cd "$sdk" && npm pack --pack-destination "$work" --loglevel=error >/dev/null)
tarball=$(ls "$work"/fazhi-api-client-*.tgz)
tar -tzf "$tarball" | sed 's/^/  /'
echo "== npm install <tarball>"
check_consumer "$work/from-tarball" "$tarball"
echo "== npm install <sdk folder>"
check_consumer "$work/from-folder" "$sdk"
echo "package check passed"
