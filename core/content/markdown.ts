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

export function renderBody(source: string): RenderedBody {
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
