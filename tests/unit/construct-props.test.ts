import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseSource, parseSourceText, sourceFiles } from "../support/source-files";

interface PropFinding {
  prop: string;
  problem: string;
}

/** What is missing from each property of the exported `…Props` interfaces in a file. */
function propFindings(source: ts.SourceFile): PropFinding[] {
  const findings: PropFinding[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !statement.name.text.endsWith("Props")) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member)) continue;
      const prop = `${statement.name.text}.${member.name.getText(source)}`;
      if (!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword)) findings.push({ prop, problem: "not readonly" });
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      if (docs.length === 0) findings.push({ prop, problem: "undocumented" });
      const hasDefault = ts.getJSDocTags(member).some((tag) => tag.tagName.text === "default");
      if (member.questionToken && !hasDefault) findings.push({ prop, problem: "optional without @default" });
      if (!member.questionToken && hasDefault) findings.push({ prop, problem: "required with a @default" });
    }
  }
  return findings;
}

describe("the CDK constructs' props, as AWS Solutions Constructs write them", () => {
  it("are readonly and documented, and every optional one says its @default", () => {
    const infra = sourceFiles().filter((file) => file.startsWith("infra/"));
    const interfaces = infra.flatMap((file) =>
      parseSource(file).statements.filter((s) => ts.isInterfaceDeclaration(s) && s.name.text.endsWith("Props")),
    );
    expect(interfaces.length).toBeGreaterThanOrEqual(7);
    const findings = infra.flatMap((file) => propFindings(parseSource(file)).map((f) => `${file}: ${f.prop} ${f.problem}`));
    expect(findings).toEqual([]);
  });

  it("finds a mutable, an undocumented and a default-less optional prop", () => {
    const source = parseSourceText(
      "props.ts",
      `export interface ThingProps {
        /** The table. */
        table: string;
        readonly name?: string;
        /**
         * Memory in MB.
         * @default 1024
         */
        readonly memory?: number;
        /** Concurrency. Default: 50. */
        readonly concurrency?: number;
      }`,
    );
    expect(propFindings(source)).toEqual([
      { prop: "ThingProps.table", problem: "not readonly" },
      { prop: "ThingProps.name", problem: "undocumented" },
      { prop: "ThingProps.name", problem: "optional without @default" },
      { prop: "ThingProps.concurrency", problem: "optional without @default" },
    ]);
  });
});
