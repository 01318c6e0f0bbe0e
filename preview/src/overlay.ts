// Content errors over the page, like a bundler's error overlay: each problem with file:line:col and its rule,
// the last good content underneath. Shown while `npm start` reports errors, gone at the next good save.
import { h } from "./dom";
import type { Words } from "./i18n";

export interface ContentProblem {
  file: string;
  line: number;
  col: number;
  rule: string;
  message: string;
  severity: "error" | "warning";
}

export function showProblems(problems: ContentProblem[], words: Words) {
  document.getElementById("content-errors")?.remove();
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return;
  const overlay = h(
    "section",
    { id: "content-errors", role: "alert", "aria-labelledby": "content-errors-title" },
    h("h2", { id: "content-errors-title" }, words.errorsTitle(errors.length)),
    h(
      "ol",
      {},
      errors.map((p) =>
        h(
          "li",
          {},
          h("code", { class: "where" }, `${p.file}:${p.line}:${p.col}`),
          " ",
          h("code", { class: "rule" }, p.rule),
          h("p", {}, p.message),
        ),
      ),
    ),
  );
  document.body.append(overlay);
}
