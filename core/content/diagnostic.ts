// A problem in the content, as data. Checks produce these; formatters turn them into text.

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path of the file as the user passed it (e.g. content/events/szturm.md). */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  rule: string;
  severity: Severity;
  message: string;
}

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === "error");

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** Compiler style: `file:line:col: error: message [rule]`. */
export function formatHuman(diagnostic: Diagnostic): string {
  const { file, line, col, severity, message, rule } = diagnostic;
  return `${file}:${line}:${col}: ${severity}: ${message} [${rule}]`;
}

export function summarize(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
