/** Writes the app's bundle into `outdir` (dist/bundle/ by default); resolves to its entry, `main.js`. */
export function bundleApp(outdir?: string): Promise<string>;
