// npm run smoke -- URL [--retry-for SECONDS] — checks a running Kronika at its GraphQL endpoint (a deployed stage's
// GraphqlUrl output, or http://localhost:4000/graphql under `npm start`): a real query by POST and by GET, and the
// GraphiQL page. Exit 1 when any check fails. `--retry-for` runs the checks again until they pass or time is up.
import { parseArgs } from "node:util";
import { runCommand, UsageError } from "./options";
import { runSmokeChecks, type SmokeCheck } from "./smoke-checks";

const pauseMs = 10_000;

await runCommand(async () => {
  const { values, positionals } = parseArgs({ options: { "retry-for": { type: "string", default: "0" } }, allowPositionals: true });
  const usage = "usage: npm run smoke -- URL [--retry-for SECONDS], the URL being the GraphQL endpoint, e.g. http://localhost:4000/graphql";
  if (positionals.length !== 1) throw new UsageError(usage);
  const endpoint = URL.canParse(positionals[0]) ? new URL(positionals[0]) : undefined;
  if (!endpoint || !/^https?:$/.test(endpoint.protocol)) throw new UsageError(`not an http(s) URL: ${positionals[0]}\n${usage}`);
  const retryForSeconds = Number(values["retry-for"]);
  if (!Number.isFinite(retryForSeconds) || retryForSeconds < 0)
    throw new UsageError(`--retry-for takes a number of seconds, not "${values["retry-for"]}"`);

  console.log(`smoke test of ${endpoint.href}`);
  const deadline = Date.now() + retryForSeconds * 1000;
  for (;;) {
    const checks = await runSmokeChecks(endpoint);
    for (const line of checks.map(formatCheck)) console.log(line);
    const failed = checks.filter((c) => !c.passed).length;
    if (failed === 0) return 0;
    if (Date.now() + pauseMs > deadline) {
      console.log(`${failed} of ${checks.length} checks failed`);
      return 1;
    }
    console.log(`${failed} of ${checks.length} checks failed; again in ${pauseMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
});

function formatCheck({ name, passed, detail }: SmokeCheck): string {
  return `  ${passed ? "ok  " : "FAIL"}  ${name}: ${detail}`;
}
