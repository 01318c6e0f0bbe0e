// One cold start: import the bundle, serve one Function URL event, exit. Plain JavaScript, so nothing but
// Node itself and the bundle is loaded. A response that is not a 200 without errors fails the run. The
// process's CPU time is printed last (`cpu <ms>`).
const [bundle, event] = process.argv.slice(2);
const { handler } = await import(bundle);
const result = await handler(JSON.parse(event), { awsRequestId: "bench" });
if (result.statusCode !== 200 || "errors" in JSON.parse(result.body)) throw new Error(`status ${result.statusCode}: ${result.body}`);
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`cpu ${(user + system) / 1000}\n`);
});
