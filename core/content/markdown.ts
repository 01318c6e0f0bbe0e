// Renders an event body once, at sync time: safe HTML and plain text from the editor's Markdown.
import MarkdownIt from "markdown-it";

// Raw HTML in the source is escaped (html: false) and markdown-it refuses javascript:, vbscript:, file:
// and data: links, so the output carries no script, event handler or script URL.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export interface RenderedBody {
  markdown: string;
  html: string;
  text: string;
}

/**
 * The plain text of bodies rendered lately, by their Markdown: a sync renders every body to measure it (the
 * check) and then needs the text of every body again (the search index). Bounded: cleared when full.
 */
const recentTexts = new Map<string, string>();
const maxRecentTexts = 30_000;

/** A body's plain text, as renderBody gives it; from the last rendering of the same Markdown, if recent. */
export function bodyText(source: string): string {
  return recentTexts.get(source) ?? renderBody(source).text;
}

export function renderBody(source: string): RenderedBody {
  const rendered = render(source);
  if (recentTexts.size >= maxRecentTexts) recentTexts.clear();
  recentTexts.set(source, rendered.text);
  return rendered;
}

function render(source: string): RenderedBody {
  const tokens = markdown.parse(source, {});
  const blocks: string[] = [];
  let current = "";
  for (const token of tokens) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") current += child.content;
        else if (child.type === "softbreak" || child.type === "hardbreak") current += child.type === "softbreak" ? " " : "\n";
      }
    } else if (token.type === "code_block" || token.type === "fence") {
      current += token.content.trimEnd();
    }
    if (token.nesting === -1 && token.block && current) {
      blocks.push(current);
      current = "";
    }
  }
  if (current) blocks.push(current);
  return { markdown: source, html: markdown.renderer.render(tokens, markdown.options, {}), text: blocks.join("\n\n") };
}
