// A problem in the content, as data. Checks produce these; formatters turn them into text.
import { type RuleId, rules } from "./rules";

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path of the file as the user passed it (e.g. content/events/szturm.md). */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  /** Which rule of the catalogue (core/content/rules.ts) the problem breaks. */
  rule: RuleId;
  severity: Severity;
  message: string;
}

/** A problem at a place, with the severity its rule declares. */
export const diagnostic = (rule: RuleId, { file, line, col }: Pick<Diagnostic, "file" | "line" | "col">, message: string): Diagnostic => ({
  file,
  line,
  col,
  rule,
  severity: rules[rule].severity,
  message,
});

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides, written out as \xHH or \uHHHH: a file
 * name or a YAML string can hold a terminal escape sequence, a bell or a line break, and printed raw it would
 * recolour, clear or forge the output around it.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Compiler style: `file:line:col: error: message [rule]`; `color` marks the severity for a terminal. */
export function formatHuman(diagnostic: Diagnostic, color = false): string {
  const { line, col, severity } = diagnostic;
  const [file, message, rule] = [diagnostic.file, diagnostic.message, diagnostic.rule].map(escapeControlCharacters);
  const label = color ? `\x1b[${severity === "error" ? "31" : "33"}m${severity}\x1b[0m` : severity;
  return `${file}:${line}:${col}: ${label}: ${message} [${rule}]`;
}

/**
 * A GitHub Actions workflow command, so the problem shows inline on the pull request's changed line. GitHub's
 * escapes (% CR LF in data; also : and , in properties) keep it one command; other control characters are
 * written out, since the job log is a terminal too.
 */
export function formatGithub({ file, line, col, severity, message, rule }: Diagnostic): string {
  const printable = (text: string) => text.replace(/[^\r\n]+/g, escapeControlCharacters);
  const escapeData = (text: string) => printable(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::${severity} file=${escapeProperty(file)},line=${line},col=${col},title=${escapeProperty(rule)}::${escapeData(message)}`;
}

/** Warnings become errors (for --strict). */
export const strict = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.map((d) => ({ ...d, severity: "error" }));

export function summarize(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
