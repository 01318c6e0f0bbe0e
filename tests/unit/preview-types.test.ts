// The preview's typed documents are checked against the API's schema: the introspection gql.tada reads must
// be generated from the committed schema (npm run preview:types after npm run schema:print).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the preview's GraphQL types", () => {
  it("are generated from the committed schema", () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "kronika-tada-")), "graphql-env.d.ts");
    execFileSync(
      process.execPath,
      [path.resolve("node_modules/gql.tada/bin/cli.js"), "generate", "output", "--tsconfig", "preview/tsconfig.json", "--output", output],
      {
        stdio: "pipe",
      },
    );
    expect(readFileSync(output, "utf8")).toBe(readFileSync("preview/src/graphql-env.d.ts", "utf8"));
  }, 60_000);
});
