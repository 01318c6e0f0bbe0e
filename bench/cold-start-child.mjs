// One cold start: import the bundle, serve one Function URL event, exit. Plain JavaScript, so nothing but
// Node itself and the bundle is loaded.
const [bundle, event] = process.argv.slice(2);
const { handler } = await import(bundle);
const result = await handler(JSON.parse(event), { awsRequestId: "bench" });
if (result.statusCode !== 200) throw new Error(`status ${result.statusCode}: ${result.body}`);
