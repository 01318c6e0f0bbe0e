// The project's own source files, parsed by the TypeScript compiler, for tests about the code itself:
// what names it spells and which environment variables it reads.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Folders that are not source: dependencies, build output, content, tests and their configuration, docs. */
const notSource = new Set(["node_modules", ".git", "cdk.out", "dist", "tmp", "test-results", ".kronika", "content", "tests", "docs"]);
const testConfiguration = new Set(["vitest.config.ts"]);
const sourceExtensions = /\.(ts|mts|cts|tsx|js|mjs|cjs)$/;

/** Every source file under the project root, as a path relative to it. */
export function sourceFiles(root = "."): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!notSource.has(entry.name)) walk(file);
      } else if (sourceExtensions.test(entry.name) && !entry.name.endsWith(".d.ts") && !testConfiguration.has(file)) {
        found.push(path.relative(root, file));
      }
    }
  };
  walk(root);
  return found.sort();
}

export function parseSource(file: string): ts.SourceFile {
  return parseSourceText(file, readFileSync(file, "utf8"));
}

export function parseSourceText(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** Where a name is spelled in code (not in comments): identifiers, property names and the text of string literals. */
export interface Spelling {
  file: string;
  line: number;
  text: string;
}

export function spellings(source: ts.SourceFile): Spelling[] {
  const found: Spelling[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      found.push({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The keys of `declaration` (an imported object of variable names) that a module reads from an environment:
 * `process.env[environment.tableName]`, `env[environment.endpoint]`. Setting one (`{ [environment.x]: … }`)
 * is not reading it.
 */
export function environmentReads(source: ts.SourceFile, declaration: string): Set<string> {
  const reads = new Set<string>();
  const visit = (node: ts.Node) => {
    if (
      ts.isElementAccessExpression(node) &&
      ts.isPropertyAccessExpression(node.argumentExpression) &&
      ts.isIdentifier(node.argumentExpression.expression) &&
      node.argumentExpression.expression.text === declaration
    ) {
      reads.add(node.argumentExpression.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

/** The project's modules an entry point loads, itself included: relative imports followed, packages not. */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const target = path.join(path.dirname(file), imported.fileName);
      const candidates = [target, `${target}.ts`, target.replace(/\.js$/, ".ts"), path.join(target, "index.ts")];
      const resolved = candidates.find((candidate) => sourceExtensions.test(candidate) && readable(candidate));
      if (resolved) visit(resolved);
    }
  };
  visit(path.normalize(entry));
  return [...seen];
}

const readable = (file: string) => {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
};
