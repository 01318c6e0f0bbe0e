// Command-line options shared by every command: --content DIR, and the table from the environment.
import path from "node:path";
import { parseArgs } from "node:util";
import { environment } from "../core/environment";
import { defaultTableName } from "../core/store/table-definition";

// Kronika runs on Node 22 (package.json's engines); on an older Node the SDK's notice would only repeat npm's engine warning.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export interface CommandOptions {
  contentDir: string;
  tableName: string;
  endpoint?: string;
  flags: Record<string, string | boolean | undefined>;
}

export function readOptions(extra: Record<string, { type: "string" | "boolean"; default?: string | boolean }> = {}): CommandOptions {
  const { values } = parseArgs({
    options: { content: { type: "string", default: "content" }, ...extra },
    allowPositionals: false,
  });
  const contentDir = path.relative(process.cwd(), path.resolve(values.content as string)) || ".";
  return {
    contentDir,
    tableName: process.env[environment.tableName] || defaultTableName,
    endpoint: process.env[environment.endpoint] || undefined,
    flags: values as CommandOptions["flags"],
  };
}

/** A failure the user caused and can fix (a missing setting): printed as its message alone, not a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Runs a command, printing a clean message (not a stack) for expected failures such as a bad flag. */
export async function runCommand(main: () => Promise<number>) {
  try {
    process.exitCode = await main();
  } catch (error) {
    const e = error as Error & { code?: string };
    console.error(e instanceof UsageError || e.code?.startsWith("ERR_PARSE_ARGS") ? e.message : (e.stack ?? String(e)));
    process.exitCode = e instanceof UsageError ? e.exitCode : 2;
  }
}
