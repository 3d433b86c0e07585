// Leveling guides: the types, the default ladder, the YAML loader and level lookups.
export type { Criterion, Dimension, Ladder, Level } from './types.js';
export { defaultLadder, DEFAULT_DIMENSIONS } from './default-ladder.js';
export { LadderError, loadLadderFile, parseLadderYaml } from './ladder-yaml.js';
export type { LadderProblem } from './ladder-yaml.js';
export { findLevel, isAbove, levelAbove, resolveLevel } from './ladder-queries.js';
