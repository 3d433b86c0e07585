// The app and its baseline as real processes, started the way production starts them
// (`node dist/bundle/main.js`), so start time, memory and CPU are a process's own, not a share of
// the bench's. The fan-out's measured runs load dist/, one file per module (bench/fan-out-worker.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { bundleApp } from '../scripts/bundle.mjs';

export type Role = 'app' | 'bare';

/** Where `--profile` writes V8 CPU profiles (git ignores data/); open them in Chrome DevTools. */
const PROFILES = path.join('data', 'bench-profiles');

/** Node flags that make a process write its CPU profile to PROFILES on exit, or none. */
export function profileArgs(profile: boolean): string[] {
  if (!profile) return [];
  mkdirSync(PROFILES, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', PROFILES];
}

/** Where each role's entry point is built to. dist/ keeps the app's layout (migrations are found from it). */
const ENTRY: Record<Role, string> = { app: 'dist/bundle/main.js', bare: 'scratch/bench/bare-bolt.js' };
/** The fan-out's measured process, run by plain node like the app (tsx's loader would count in its memory and start). */
export const FAN_OUT_WORKER = 'scratch/bench/fan-out-worker.js';

/** Resolves the worker's imports of the app (`../src/x.js`) to the build in dist/, as external modules. */
function appFromDist(outfile: string): Plugin {
  return {
    name: 'app-from-dist',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/src\// }, (args) => ({
        path: `./${path.relative(path.dirname(outfile), path.join('dist', args.path.slice('../src/'.length)))}`,
        external: true,
      }));
    },
  };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/**
 * Builds what `npm run build` builds, in seconds rather than tsc's minute so `--quick` stays
 * quick: the bundle `npm start` runs (dist/bundle/, by the same script), and dist/ one file
 * per module (types stripped), which the fan-out worker loads. The baseline and the worker
 * go into scratch/.
 */
export async function buildForBench(): Promise<void> {
  const common = { format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: sources('src'), outdir: 'dist', outbase: 'src' });
  await bundleApp();
  await build({ ...common, entryPoints: ['bench/baselines/bare-bolt.ts'], outfile: ENTRY.bare });
  await build({ ...common, entryPoints: ['bench/fan-out-worker.ts'], outfile: FAN_OUT_WORKER, bundle: true, packages: 'external', plugins: [appFromDist(FAN_OUT_WORKER)] });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Started {
  role: Role;
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Spawn to the first 200 from /healthz. */
  coldStartMs: number;
  /** Resident set size now, from /proc (Linux). */
  rssMb(): number;
  /** CPU time (user + system) the process has used so far, from /proc (10 ms ticks). */
  cpuMs(): number;
  stop(): Promise<void>;
}

function procStatus(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN);
}

function procCpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces, hence the last ')'): utime is 14th, stime 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

export async function startProcess(role: Role, env: Record<string, string>, extraArgs: string[] = []): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...extraArgs, ENTRY[role]], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    // Logs go where production sends them, somewhere that costs a write: here, /dev/null.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${role} exited with ${child.exitCode} before /healthz answered`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${role} did not answer /healthz within 60 s`);
    }
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const coldStartMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    role,
    child,
    port,
    baseUrl,
    coldStartMs,
    rssMb: () => procStatus(pid, 'VmRSS') / 1024,
    cpuMs: () => procCpuMs(pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
