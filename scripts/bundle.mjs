// Bundles the app (src/main.ts) for `npm start`: `npm run build` writes dist/bundle/.
//
// Why: loading the app as ~400 separate modules (ours and its packages') spent most of a
// cold start resolving, reading and compiling files one by one; one bundle starts in about
// three quarters of the time (`npm run bench` shows the cold start). Code only some starts
// need (the PostgreSQL or SQLite client, the openai SDK) stays in chunks of its own, loaded
// on first use. The CLI (bin/promo-coach.js) runs from dist/ unbundled: it is short-lived.
//
// Left outside: better-sqlite3 (a native addon, loaded from its own folder) and pg-native
// (an optional package pg asks for by name). Packages the app loads by name at run time
// (src/lazy-require.ts) resolve through `require` from node_modules as before.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bolt loads every receiver it has when it loads, and two of them bring a megabyte of code
 * each that an HTTP start never runs: the Socket Mode client (a websocket stack) and
 * Express. Socket Mode's client is loaded from node_modules when a Socket Mode receiver is
 * made; Express's receiver, which Promo Coach never makes, is left out of the bundle.
 */
const boltReceiversOnDemand = {
  name: 'bolt-receivers-on-demand',
  setup(build) {
    build.onResolve({ filter: /^@slack\/socket-mode$/ }, (args) =>
      args.namespace === 'on-demand' ? { path: args.path, external: true } : { path: 'socket-mode', namespace: 'on-demand' },
    );
    build.onResolve({ filter: /^\.\/receivers\/ExpressReceiver$/ }, (args) =>
      args.importer.includes(`${path.sep}@slack${path.sep}bolt${path.sep}`) ? { path: 'express-receiver', namespace: 'on-demand' } : undefined,
    );
    build.onLoad({ filter: /^socket-mode$/, namespace: 'on-demand' }, () => ({
      loader: 'js',
      contents: "module.exports = { get SocketModeClient() { return require('@slack/socket-mode').SocketModeClient; } };",
    }));
    build.onLoad({ filter: /^express-receiver$/, namespace: 'on-demand' }, () => ({
      loader: 'js',
      contents:
        "module.exports = { __esModule: true, default: class ExpressReceiver { constructor() { throw new Error('ExpressReceiver is not in the Promo Coach bundle'); } } };",
    }));
  },
};

/**
 * Each generated Prisma client carries its query compiler (WebAssembly) as a 2.5 MB
 * base64 string in a JavaScript module: parsed at start, decoded, and kept in memory with
 * its source for the life of the process. In the bundle the compiler ships as a .wasm
 * file next to the chunks instead, and the client reads it from there.
 */
function queryCompilerAsFile(outdir) {
  return {
    name: 'query-compiler-as-file',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]db[\\/]generated[\\/][a-z]+[\\/]internal[\\/]class\.ts$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const loader = /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/(query_compiler_bg\.[a-z]+)\.wasm-base64\.mjs)"\)\n\s*return await decodeBase64AsWasm\(wasm\)/;
        const found = loader.exec(source);
        // A Prisma upgrade that changes how the client loads its compiler stops the build here.
        if (!found) throw new Error(`${args.path}: the query compiler loader Prisma generates was not found; update scripts/bundle.mjs`);
        const [, base64Module, name] = found;
        const { wasm } = await import(base64Module);
        mkdirSync(outdir, { recursive: true });
        writeFileSync(path.join(outdir, `${name}.wasm`), Buffer.from(wasm, 'base64'));
        const fromFile = `const { readFile } = await import('node:fs/promises')\n    return new WebAssembly.Module(await readFile(new URL('./${name}.wasm', import.meta.url)))`;
        return { contents: source.replace(loader, fromFile), loader: 'ts', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** Writes the bundle into `outdir` (replacing what was there); `main.js` is the entry. */
export async function bundleApp(outdir = path.join(root, 'dist', 'bundle')) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.build.json',
    external: ['better-sqlite3', 'pg-native'],
    plugins: [boltReceiversOnDemand, queryCompilerAsFile(outdir)],
    // The CommonJS packages inside call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return path.join(outdir, 'main.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleApp();
}
