import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { environment, limitVariables } from "../../core/environment";
import { defaultLimits, limitsFromEnvironment } from "../../functions/limits";
import { environmentReads, parseSource, parseSourceText, sourceFiles, spellings } from "../support/source-files";

const declarationFile = path.join("core", "environment.ts");
const declared: string[] = [...Object.values(environment), ...Object.values(limitVariables)];
/** A name that is, or looks like, one of Kronika's variables. */
const isVariableName = (text: string) => declared.includes(text) || text.includes("KRONIKA_");

describe("the environment contract", () => {
  let sources: SourceFile[];
  beforeAll(() => {
    sources = sourceFiles().map(parseSource);
  });

  it("is the only source file that spells a variable's name: the stack, the functions and the CLI import it", () => {
    const files = sources.map((source) => source.fileName);
    expect(files).toContain(declarationFile);
    expect(files).toEqual(expect.arrayContaining(["infra/graphql-api.ts", "functions/graphql.ts", "cli/options.ts", "bench/run.ts"]));
    const elsewhere = sources
      .filter((source) => source.fileName !== declarationFile)
      .flatMap((source) => spellings(source))
      .filter((spelling) => isVariableName(spelling.text))
      .map(({ file, line, text }) => `${file}:${line} ${text}`);
    expect(elsewhere).toEqual([]);
  });

  it("finds a name spelled in code, as a string, a property or a template, but not in a comment", () => {
    const spelled = (text: string) =>
      spellings(parseSourceText("spelled.ts", text))
        .filter((s) => isVariableName(s.text))
        .map((s) => s.text);
    expect(spelled("const a = process.env.KRONIKA_LOG;")).toEqual(["KRONIKA_LOG"]);
    expect(spelled(`const a = process.env["KRONIKA_TABLE"];`)).toEqual(["KRONIKA_TABLE"]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under scan holds a template literal.
    expect(spelled("const env = { DYNAMODB_ENDPOINT: 'x', b: `KRONIKA_LIMIT_${name}` };")).toEqual(["DYNAMODB_ENDPOINT", "KRONIKA_LIMIT_"]);
    expect(spelled("// KRONIKA_LOG=off silences it\nconst a = 1; /* DYNAMODB_ENDPOINT */")).toEqual([]);
  });

  it("tells reading a variable from setting it", () => {
    const reads = (text: string) => [...environmentReads(parseSourceText("reads.ts", text), "environment")];
    expect(reads("const a = process.env[environment.log] ?? env[environment.endpoint];")).toEqual(["log", "endpoint"]);
    expect(reads("const variables = { [environment.tableName]: name }; const n = environment.revision;")).toEqual([]);
  });

  it("names each variable once", () => {
    expect(new Set(declared).size).toBe(declared.length);
  });

  it("lists only variables some code reads", () => {
    const reads = new Set(sources.flatMap((source) => [...environmentReads(source, "environment")]));
    expect(Object.keys(environment).filter((key) => !reads.has(key))).toEqual([]);
  });

  it("declares one variable for each request limit, and each one sets that limit", () => {
    expect(Object.keys(limitVariables).sort()).toEqual(Object.keys(defaultLimits).sort());
    for (const [key, name] of Object.entries(limitVariables) as [keyof typeof defaultLimits, string][]) {
      const limits = limitsFromEnvironment({ [name]: "7" });
      expect(limits[key], name).toBe(7);
      expect({ ...limits, [key]: defaultLimits[key] }, name).toEqual(defaultLimits);
    }
  });

  it("is what the README, the docs and the workflows name: no variable they mention is missing from it", () => {
    const documents = ["README.md", ...markdownUnder("docs"), ...readdirSync(".github/workflows").map((f) => `.github/workflows/${f}`)];
    const mentioned = new Set(documents.flatMap((file) => readFileSync(file, "utf8").match(/\bKRONIKA_[A-Z0-9_]*/g) ?? []));
    expect(mentioned.size).toBeGreaterThan(5);
    // `KRONIKA_LIMIT_*` in prose stands for the family: some declared name must start with it.
    const unknown = [...mentioned].filter((name) => !declared.some((d) => (name.endsWith("_") ? d.startsWith(name) : d === name)));
    expect(unknown).toEqual([]);
  });
});

function markdownUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}
