// GraphiQL as a static site, written at build time from @graphql-yoga/render-graphiql's own assets: a small
// HTML page plus script, style and worker files, so no page needs a CDN and no response is large.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from "@graphql-yoga/render-graphiql/graphiql";
import { exampleQuery, exampleTabs } from "../functions/example-query";

export interface GraphiqlSiteOptions {
  /** The GraphQL endpoint, as the page should call it (same origin). */
  readonly endpoint: string;
  /**
   * The page's title.
   * @default "Kronika"
   */
  readonly title?: string;
}

const escapeJsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function graphiqlSiteFiles({ endpoint, title = "Kronika" }: GraphiqlSiteOptions): Record<string, string> {
  const options = { endpoint, title, defaultQuery: exampleQuery, defaultTabs: exampleTabs };
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="favicon.ico" />
    <link rel="stylesheet" href="graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to use GraphiQL.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (moduleId, label) => ({ editorWorkerService: "editor.worker.js", json: "json.worker.js", graphql: "graphql.worker.js" })[label],
      };
    </script>
    <script src="graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${escapeJsonForScript(options)});
    </script>
  </body>
</html>
`;
  return {
    "index.html": page,
    "graphiql.js": js,
    "graphiql.css": css,
    "editor.worker.js": editorWorkerService,
    "json.worker.js": jsonWorker,
    "graphql.worker.js": graphqlWorker,
  };
}

export function writeGraphiqlSite(dir: string, options: GraphiqlSiteOptions): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(graphiqlSiteFiles(options))) writeFileSync(path.join(dir, name), content);
  // The package ships the icon as a data URL; the site serves it as a file.
  writeFileSync(path.join(dir, "favicon.ico"), Buffer.from(favicon.slice(favicon.indexOf(",") + 1), "base64"));
  return dir;
}
