// The smoke test of a running Kronika (a deployed stage over CloudFront, or `npm start`): a real query by POST
// and by GET, and the GraphiQL page a browser opens at the endpoint. Each check is a value; cli/smoke.ts prints them.

/** A real query: the published revision and the first event, read from the table. */
export const smokeQuery = "query Smoke { revision { id eventCount } events(first: 1) { totalCount edges { node { slug title } } } }";

export interface SmokeCheck {
  readonly name: "POST query" | "GET query" | "GraphiQL page";
  readonly passed: boolean;
  /** What was seen: the answer's gist when it passed, what was wrong when it did not. */
  readonly detail: string;
}

export interface SmokeOptions {
  /** Each request's deadline. @default 20000 */
  readonly timeoutMs?: number;
}

interface SmokeAnswer {
  revision: { id: string; eventCount: number };
  events: { totalCount: number; edges: { node: { slug: string; title: string } }[] };
}

/** Why a check failed, as its detail says. */
class CheckFailed extends Error {}

/** Runs every check against the GraphQL endpoint (e.g. https://d123.cloudfront.net/graphql). */
export async function runSmokeChecks(endpoint: URL, { timeoutMs = 20_000 }: SmokeOptions = {}): Promise<SmokeCheck[]> {
  const request = (url: URL, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const accept = "application/graphql-response+json, application/json";

  let posted: SmokeAnswer | undefined;
  const post = await check("POST query", async () => {
    const response = await request(endpoint, {
      method: "POST",
      headers: { accept, "content-type": "application/json" },
      body: JSON.stringify({ query: smokeQuery }),
    });
    posted = judgeAnswer(response.status, response.headers.get("content-type"), await response.text());
    const first = posted.events.edges[0].node;
    return `${posted.events.totalCount} events at revision ${posted.revision.id}, the first "${first.title}" (${first.slug})`;
  });

  const get = await check("GET query", async () => {
    const url = new URL(endpoint);
    url.searchParams.set("query", smokeQuery);
    const response = await request(url, { headers: { accept } });
    const answer = judgeAnswer(response.status, response.headers.get("content-type"), await response.text());
    const cacheControl = response.headers.get("cache-control") ?? "";
    // A GET is what CloudFront caches: it must say it may be shared.
    if (!/^public\b/.test(cacheControl)) throw new CheckFailed(`answered with Cache-Control "${cacheControl}", not a public one`);
    if (posted && JSON.stringify(answer) !== JSON.stringify(posted)) {
      throw new CheckFailed(`answered differently from the POST: ${JSON.stringify(answer)}`);
    }
    return `${answer.events.totalCount} events at revision ${answer.revision.id}, Cache-Control "${cacheControl}"`;
  });

  const graphiql = await check("GraphiQL page", async () => {
    // As a browser opens the endpoint: the deployed API redirects to its static GraphiQL site, npm start renders it.
    const response = await request(endpoint, { headers: { accept: "text/html" } });
    const type = response.headers.get("content-type") ?? "";
    const body = await response.text();
    if (response.status !== 200) throw new CheckFailed(`${response.url} answered ${response.status}`);
    if (!type.startsWith("text/html")) throw new CheckFailed(`${response.url} answered ${type || "no content type"}, not HTML`);
    if (!/<html[\s>]/i.test(body) || !/graphiql/i.test(body))
      throw new CheckFailed(`${response.url} answered an HTML page that is not GraphiQL`);
    return `${response.url} answered 200 with GraphiQL's page (${body.length} bytes)`;
  });

  return [post, get, graphiql];
}

/** The answer to the smoke query, when the response is one: 200, JSON, no errors, a revision and an event. */
function judgeAnswer(status: number, contentType: string | null, body: string): SmokeAnswer {
  const excerpt = body.length > 300 ? `${body.slice(0, 300)}…` : body;
  if (status !== 200) throw new CheckFailed(`answered ${status}: ${excerpt}`);
  if (!/^application\/(graphql-response\+)?json\b/.test(contentType ?? "")) {
    throw new CheckFailed(`answered ${contentType ?? "no content type"}, not JSON: ${excerpt}`);
  }
  let result: { data?: SmokeAnswer | null; errors?: { message: string }[] };
  try {
    result = JSON.parse(body);
  } catch {
    throw new CheckFailed(`answered JSON that does not parse: ${excerpt}`);
  }
  if (result.errors?.length) throw new CheckFailed(`answered errors: ${result.errors.map((e) => e.message).join("; ")}`);
  const data = result.data;
  if (!data?.revision?.id) throw new CheckFailed("answered no published revision: has the content been synced?");
  if (!data.events?.edges?.length || data.events.totalCount < 1) throw new CheckFailed("answered no events: has the content been synced?");
  return data;
}

async function check(name: SmokeCheck["name"], run: () => Promise<string>): Promise<SmokeCheck> {
  try {
    return { name, passed: true, detail: await run() };
  } catch (error) {
    if (error instanceof CheckFailed) return { name, passed: false, detail: error.message };
    // The network's failures (refused, reset, timed out) are what a smoke test is for: report them, do not throw.
    const cause = (error as Error & { cause?: Error }).cause;
    return { name, passed: false, detail: `no answer: ${(error as Error).message}${cause ? ` (${cause.message})` : ""}` };
  }
}
