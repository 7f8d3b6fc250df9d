// Bundles the server (and the workspace packages it imports) into dist/, leaving npm dependencies
// external, and copies the SQL migrations beside the bundle.
import fs from 'node:fs';
import { build } from 'esbuild';

// The npm dependencies of the server and of the workspace packages it bundles stay external (installed).
const manifests = [
  './package.json',
  '../../packages/core/package.json',
  '../../packages/contracts/package.json',
];
const external = [
  ...new Set(
    manifests.flatMap((file) =>
      Object.keys(JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8')).dependencies ?? {}),
    ),
  ),
].filter((name) => !name.startsWith('@khien/'));

fs.rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // dist/cli.js is the `khien` command (npx khien …).
  banner: { js: '#!/usr/bin/env node' },
  external,
  logLevel: 'warning',
});
fs.cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
fs.chmodSync('dist/cli.js', 0o755);
console.log('server built into apps/server/dist');
