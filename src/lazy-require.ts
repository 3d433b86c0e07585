// Start time and idle memory are paid for every module a process loads, whether it uses
// it or not. Packages only some paths need (a calendar file, a YAML ladder, pretty logs)
// are required on first use instead; they are CommonJS, so the call stays synchronous.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A CommonJS package, loaded the first time the returned function is called. */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
