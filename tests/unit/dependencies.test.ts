import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const sourceFolders = ["cli", "core", "functions", "infra", "schema", "bench"];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|mjs|js)$/.test(name) ? [file] : [];
  });
}

describe("dependencies", () => {
  it("lists no runtime dependency that no source file imports", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    const sources = sourceFolders.flatMap(sourceFiles).map((file) => readFileSync(file, "utf8"));
    const imported = (name: string) => {
      const pattern = new RegExp(`(from|import\\(|require\\()\\s*["']${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(/[^"']*)?["']`);
      return sources.some((source) => pattern.test(source));
    };
    expect(Object.keys(manifest.dependencies).filter((name) => !imported(name))).toEqual([]);
  });
});
