// The layering the code promises: the store (what the API reads) knows nothing of the sync, and the table's
// key strings are spelled in one module.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith(".ts") ? [file] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => path.join(path.dirname(file), m[1]));

describe("module boundaries", () => {
  it("no module of core/store imports from core/sync", () => {
    const crossing = sourceFiles("core/store").flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`core${path.sep}sync`))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it("spells the table's key strings in core/store/items.ts only", () => {
    const keyStrings = /["'`](EVENT|SOURCE|STATE|REVISION|FACETS|SEARCH|TIMELINE|SOURCES|CURRENT)["'`#]|IN#|TAG#|PERSON#|PLACE#|CITES#/;
    const spelled = ["core", "functions", "schema", "cli"]
      .flatMap(sourceFiles)
      .filter((file) => file !== path.join("core", "store", "items.ts"))
      .filter((file) => keyStrings.test(readFileSync(file, "utf8")));
    expect(spelled).toEqual([]);
  });
});
