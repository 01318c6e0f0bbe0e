// Whether an SVG is safe to serve: a picture, not a program or a fetcher. An SVG is XML that a browser runs
// when it is opened on its own: scripts, event handlers and javascript: links run, and external references
// (links, <use>, <image>, url(...), @import, a stylesheet) fetch from elsewhere or track the reader. Each is
// refused, with where it is; what passes is served as written, under a Content-Security-Policy as well.

export interface SvgProblem {
  /** 1-based line in the SVG file. */
  line: number;
  message: string;
}

const predefined: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character references (&#106; &#x6a;) and XML's five named entities, as the browser reads them. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] !== "#") return Object.hasOwn(predefined, name) ? predefined[name] : whole;
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    // A line break written as a reference reads as a space here, so the decoded text keeps the file's lines.
    if (code === 10 || code === 13) return " ";
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Elements that run script, or embed another document (HTML in foreignObject runs its own scripts). */
const forbiddenElements = new Map([
  ["script", "a <script> element"],
  ["handler", "a <handler> element (SVG Tiny's script)"],
  ["foreignobject", "a <foreignObject> element (it embeds HTML, which can run scripts and load anything)"],
  ["iframe", "an <iframe> element"],
  ["embed", "an <embed> element"],
  ["object", "an <object> element"],
]);

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
};

/** Every problem that makes the SVG unsafe; empty when it is only a picture. */
export function svgProblems(bytes: Uint8Array): SvgProblem[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return [{ line: 1, message: "the SVG is not UTF-8 text" }];
  }
  const problems: SvgProblem[] = [];
  const report = (offset: number, message: string, within = text) => problems.push({ line: lineAt(within, offset), message });

  for (const match of text.matchAll(/<!(DOCTYPE|ENTITY)/gi)) {
    report(match.index, `a ${match[1].toUpperCase()} declaration: entities can expand to gigabytes or read other files`);
  }
  for (const match of text.matchAll(/<\?xml-stylesheet/gi)) report(match.index, "an xml-stylesheet instruction: an external stylesheet");

  for (const tag of text.matchAll(/<\s*([A-Za-z_][\w.:-]*)([^>]*)>/g)) {
    const local = tag[1].replace(/^.*:/, "").toLowerCase();
    const forbidden = forbiddenElements.get(local);
    if (forbidden) report(tag.index, forbidden);
    for (const attribute of tag[2].matchAll(/([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = attribute[1].toLowerCase();
      const localName = name.replace(/^.*:/, "");
      const value = decodeXmlEntities(attribute[2] ?? attribute[3] ?? "");
      const at = tag.index + 1 + tag[1].length + (attribute.index ?? 0);
      if (localName.startsWith("on")) report(at, `an event handler attribute ${attribute[1]}: it runs script`);
      if ((localName === "href" || localName === "src") && !value.trim().startsWith("#")) {
        report(at, `${attribute[1]}="${value.slice(0, 60)}" refers outside the file: only same-document references (#id) are allowed`);
      }
      // Browsers ignore whitespace and control characters inside a URL's scheme: java\tscript: runs too.
      if (/javascript:|vbscript:/.test(value.replace(/[\s\p{Cc}]/gu, "").toLowerCase())) {
        report(at, `${attribute[1]} holds a javascript: URL`);
      }
      // An animation may set another attribute: an event handler, or a link that the href check never sees.
      if (localName === "attributename" && /^(on|(.*:)?href$)/i.test(value.trim())) {
        report(at, `an animation of ${value.trim().slice(0, 40)}: it could set a handler or a link`);
      }
      if (localName === "style" && value.includes("\\")) {
        report(at, "a style attribute with a CSS escape (\\), which could spell url( or @import unseen");
      }
    }
  }

  // CSS anywhere (style elements and attributes, presentation attributes such as fill="url(…)"):
  // only url(#id) stays in the file.
  const decoded = decodeXmlEntities(text);
  for (const match of decoded.matchAll(/url\s*\(\s*(['"]?)\s*([^)'"]*)/gi)) {
    if (!match[2].startsWith("#")) report(match.index, `url(${match[2].slice(0, 60)}) refers outside the file`, decoded);
  }
  for (const match of decoded.matchAll(/@import/gi)) report(match.index, "an @import rule: an external stylesheet", decoded);
  for (const style of text.matchAll(/<\s*(?:[\w.-]+:)?style\b[^>]*>([\s\S]*?)<\s*\/\s*(?:[\w.-]+:)?style\s*>/gi)) {
    if (style[1].includes("\\")) report(style.index, "a <style> element with a CSS escape (\\), which could spell url( or @import unseen");
  }
  return problems.sort((a, b) => a.line - b.line);
}
