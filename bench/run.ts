// `npm run bench [-- --users N --only sqlite|postgres]`: the project's benchmarks.
import { parseBenchArgs, runWeeklyNudgesBench } from './weekly-nudges.js';

const ok = await runWeeklyNudgesBench(parseBenchArgs(process.argv.slice(2)));
process.exitCode = ok ? 0 : 1;
