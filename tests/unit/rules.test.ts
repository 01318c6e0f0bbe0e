import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleTable, ruleTableFile, withRuleTable } from "../../core/content/rule-table";
import { ruleCatalogue } from "../../core/content/rules";

const catalogueIds = ruleCatalogue.map((rule) => rule.id);

/** The rule ids named in the first column of the table under "What `content:check` reports", in order. */
function documentedRuleIds(markdown: string): string[] {
  const section = markdown.split(/^## What `content:check` reports$/m)[1]?.split(/^#{1,2} /m)[0] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2) // header and separator
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") ? [file] : [];
  });
}

describe("the rule catalogue", () => {
  it("is what the documented rule table lists: every rule, once, and no other", () => {
    const documented = documentedRuleIds(readFileSync(ruleTableFile, "utf8"));
    expect(documented.filter((id, index) => documented.indexOf(id) !== index)).toEqual([]);
    expect({
      undocumented: catalogueIds.filter((id) => !documented.includes(id)),
      notInCatalogue: documented.filter((id) => !(catalogueIds as string[]).includes(id)),
    }).toEqual({ undocumented: [], notInCatalogue: [] });
  });

  it("prints the documented rule table as committed (npm run schema:print rewrites it)", () => {
    const readme = readFileSync(ruleTableFile, "utf8");
    expect(readme).toContain(ruleTable());
    expect(withRuleTable(readme)).toBe(readme);
  });

  it("prints one row per rule, with its severity, and marks the rules only a sync finds", () => {
    const rows = ruleTable().split("\n").slice(2);
    expect(rows).toHaveLength(catalogueIds.length);
    expect(rows.find((row) => row.startsWith("| `source-language` "))).toMatch(
      /^\| `source-language` \| warning \| a source without `language`/,
    );
    expect(rows.find((row) => row.startsWith("| `item-size` "))).toMatch(/^\| `item-size` \(`content:plan`, `content:sync`\) \| error \| /);
    expect(rows.find((row) => row.startsWith("| `file-size` "))).toContain("128 KiB (131,072 bytes)");
  });

  it("names every rule that core/ and cli/ write, and each of its rules is reported somewhere", () => {
    const catalogueFiles = ["core/content/rules.ts", "core/content/rule-table.ts"].map((file) => path.resolve(file));
    const sources = [...sourceFiles(path.resolve("core")), ...sourceFiles(path.resolve("cli"))]
      .filter((file) => !catalogueFiles.includes(file))
      .map((file) => readFileSync(file, "utf8"));
    // `rule: "a"` in an object and `rule: "a" | "b"` in a type: a rule written as a free string.
    const written = sources.flatMap((text) =>
      [...text.matchAll(/\brule:\s*((?:"[^"\n]*"\s*\|?\s*)+)/g)].flatMap((match) => [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1])),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((id) => !(catalogueIds as string[]).includes(id))).toEqual([]);
    expect(catalogueIds.filter((id) => !sources.some((text) => text.includes(`"${id}"`)))).toEqual([]);
  });
});
