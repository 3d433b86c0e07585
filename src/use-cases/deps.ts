import type { Repositories } from '../db/index.js';
import type { Ladder } from '../ladder/index.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';

/** What every use case may need, passed in so tests control each piece (the clock too). */
export interface Deps {
  repos: Repositories;
  ladder: Ladder;
  logger: Logger;
  slack: SlackGateway;
  clock: () => Date;
}
