// Runs an editor's command as its npm script does: `node cli/launch.mjs <command>`, from the bundle kept for it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export type EditorCommand = "check" | "sync" | "new";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const run = promisify(execFile);

export const runCommand = (command: EditorCommand, args: string[], env: Record<string, string | undefined> = {}): Promise<CommandResult> =>
  run(process.execPath, ["cli/launch.mjs", command, ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: CommandResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
