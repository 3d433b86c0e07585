import type { Dimension, Ladder, Level } from './types.js';

/**
 * The ladder the app runs on, replaceable while it runs: an admin who uploads a new
 * leveling guide expects the next win to be tagged against it, not after a restart.
 * Every reader holds this one object, so replacing what it points at reaches them all.
 */
export class LiveLadder implements Ladder {
  declare readonly name: string;
  declare readonly dimensions: Dimension[];
  declare readonly levels: Level[];
  #current: Ladder;
  #key: string;

  constructor(initial: Ladder, key = 'initial') {
    this.#current = initial;
    this.#key = key;
    // Own enumerable getters, so a spread or JSON.stringify sees the current ladder's fields.
    for (const field of ['name', 'dimensions', 'levels'] as const) {
      Object.defineProperty(this, field, { enumerable: true, get: () => this.#current[field] });
    }
  }

  /** What the current ladder was built from, so an unchanged source is not parsed again. */
  get key(): string {
    return this.#key;
  }

  get current(): Ladder {
    return this.#current;
  }

  replace(next: Ladder, key: string): void {
    this.#current = next;
    this.#key = key;
  }
}
