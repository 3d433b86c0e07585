// Runs the real CLI in-process and captures what it prints, with no .env file read.
import { runCli } from '../../src/cli.js';

export async function runCliCaptured(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { DOTENV_CONFIG_PATH: '/nonexistent', ...env } });
  return { code, stdout, stderr };
}
