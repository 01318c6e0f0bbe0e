// Reading one file's fields: through its zod schema, with every date read as written and resolved in both
// calendars, and each problem reported at the key it is in. Shared by events, sources, people and places.
import type { z } from "zod";
import { type DateProblem, type ResolvedDate, resolveDate, type WrittenDate } from "../dates/historical-date";
import { cslTypes } from "./csl";
import { type Diagnostic, diagnostic } from "./diagnostic";
import type { ContentDocument, ParsedDocument, PathKey } from "./document";
import type { RuleId } from "./rules";
import { didYouMean } from "./similar";

/** Reports a problem at `path` (at its key, for `key: true`), with the severity its rule declares. */
export type Report = (path: readonly PathKey[], rule: RuleId, message: string, options?: { key?: boolean }) => void;

export function reporterFor(doc: ContentDocument, parsed: ParsedDocument | undefined, diagnostics: Diagnostic[]): Report {
  return (path, rule, message, options = {}) => {
    const position = parsed ? parsed.locate(path, options) : { line: 1, col: 1 };
    diagnostics.push(diagnostic(rule, { file: doc.file, ...position }, message));
  };
}

export const describePath = (path: readonly PathKey[]) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key), "");

export function reportSchemaIssues(issues: z.core.$ZodIssue[], parsed: ParsedDocument, report: Report, knownKeys: string[]) {
  for (const issue of issues) {
    const path = issue.path as PathKey[];
    const field = describePath(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const candidates = path.length === 0 ? knownKeys : [];
        report([...path, key], "unknown-field", `unknown field "${describePath([...path, key])}"${didYouMean(key, candidates)}`, {
          key: true,
        });
      }
    } else if (issue.code === "invalid_key") {
      const message = issue.issues[0]?.message ?? issue.message;
      report(path, "invalid-value", `${describePath(path.slice(0, -1))}: "${String(path[path.length - 1])}": ${message}`, { key: true });
    } else if (issue.code === "invalid_type" && !parsed.has(path)) {
      report(path.slice(0, -1), "missing-field", `missing required field "${field}"`);
    } else if (issue.code === "invalid_type") {
      report(path, "wrong-type", `${field}: expected ${issue.expected}`);
    } else if (issue.code === "invalid_value" && field === "type") {
      const written = String(parsed.writtenText(path));
      report(path, "csl-type", `unknown CSL type "${written}"${didYouMean(written, cslTypes)}`);
    } else {
      report(path, "invalid-value", field ? `${field}: ${issue.message}` : issue.message);
    }
  }
}

/** Reads the date at `path` as written and resolves it; reports each problem at the key it is in. */
export function checkDate(parsed: ParsedDocument, path: readonly PathKey[], report: Report): ResolvedDate | undefined {
  // Text (or a set YAML read as a list or a map of keys alone), else a pair: even {} is a pair missing both.
  const written: WrittenDate | undefined =
    parsed.writtenText(path) ??
    (isMap(valueAt(parsed.data, path))
      ? { julian: parsed.writtenText([...path, "julian"]), gregorian: parsed.writtenText([...path, "gregorian"]) }
      : undefined);
  if (written === undefined) return undefined;
  const result = resolveDate(written);
  if (result.ok) return result.date;
  for (const problem of result.problems as DateProblem[]) {
    report(problem.key ? [...path, problem.key] : path, problem.rule, problem.message);
  }
  return undefined;
}

const isMap = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (!value || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** `data` with the value at `path` replaced, copying only the maps and lists along the path. */
function withValueAt(data: unknown, path: readonly PathKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = Array.isArray(data) ? [...data] : { ...(data as Record<string, unknown>) };
  (copy as Record<PathKey, unknown>)[key] = withValueAt((data as Record<PathKey, unknown>)[key], rest, value);
  return copy;
}

/** Puts the date at `path` as written (the YAML text, not a number) into the data before the schema sees it. */
function withWrittenDate(data: unknown, path: readonly PathKey[], parsed: ParsedDocument): unknown {
  const date = valueAt(data, path);
  if (date === undefined || date === null) return data;
  // Text, or a set YAML read as a list or a map of keys alone; otherwise a { julian, gregorian } pair.
  const text = parsed.writtenText(path);
  if (text !== undefined) return withValueAt(data, path, text);
  if (isMap(date)) {
    const pair = { ...date };
    for (const key of ["julian", "gregorian"]) {
      if (Object.hasOwn(pair, key)) pair[key] = parsed.writtenText([...path, key]) ?? pair[key];
    }
    return withValueAt(data, path, pair);
  }
  return data;
}

/** The dates a document's fields hold, by their path (`date`, `born`, `historicalNames[0].from`). */
export type ResolvedDates = Map<string, ResolvedDate>;

/**
 * Reads a document's fields through its schema, with the dates at `datePaths` (those written) resolved;
 * undefined if anything is wrong.
 */
export function checkFields<S extends z.ZodObject>(
  schema: S,
  parsed: ParsedDocument,
  report: Report,
  datePaths: readonly (readonly PathKey[])[] = [["date"]],
): { fields: z.infer<S>; dates: ResolvedDates } | undefined {
  const written = datePaths.filter((path) => valueAt(parsed.data, path) !== undefined);
  const data = written.reduce((fields, path) => withWrittenDate(fields, path, parsed), parsed.data);
  const result = schema.safeParse(data);
  const dates: ResolvedDates = new Map();
  let datesOk = true;
  for (const path of written) {
    const date = checkDate(parsed, path, report);
    if (date) dates.set(describePath(path), date);
    else datesOk = false;
  }
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, report, Object.keys(schema.shape));
    return undefined;
  }
  return datesOk ? { fields: result.data, dates } : undefined;
}
