// The preview site's files: the page, its script (bundled by esbuild from preview/src) and its styles. Built
// in memory for `npm start`, and into a folder for the stack's S3 bucket; no CDN, no framework.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

export interface PreviewSiteOptions {
  /** The GraphQL endpoint, as the page calls it (same origin). */
  readonly endpoint: string;
  /** The server-sent events of content changes, in `npm start` only. */
  readonly live?: string;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function previewSiteFiles({ endpoint, live }: PreviewSiteOptions): Record<string, string> {
  const bundle = buildSync({
    entryPoints: [path.join(here, "src", "main.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    legalComments: "none",
  });
  const page = `<!doctype html>
<html lang="pl" data-endpoint="${escapeAttribute(endpoint)}"${live ? ` data-live="${escapeAttribute(live)}"` : ""}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kronika</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="styles.css" />
    <script type="module" src="app.js"></script>
  </head>
  <body>
    <a class="skip" href="#main">Przejdź do treści / Skip to content</a>
    <div id="app" aria-live="polite"><p>…</p></div>
    <noscript>Kronika needs JavaScript to read the API.</noscript>
  </body>
</html>
`;
  return {
    "index.html": page,
    "app.js": bundle.outputFiles[0].text,
    "styles.css": readFileSync(path.join(here, "styles.css"), "utf8"),
  };
}

export function writePreviewSite(dir: string, options: PreviewSiteOptions): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(previewSiteFiles(options))) writeFileSync(path.join(dir, name), content);
  return dir;
}
