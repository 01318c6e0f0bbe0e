// A fast reader for the plain YAML nearly every content file is written in: block maps and lists, one-line
// quoted and plain scalars, one-line flow lists and maps. Anything else (block scalars, multi-line values,
// anchors, tags, tabs, comments in odd places, anything it is not sure of) it declines, and the full parser
// reads the file. What it accepts, it reads exactly as the full parser does (a test holds it to that).
// It keeps no positions: a problem found in a file it read is located by parsing the file again in full.

/** A value as written: what `writtenText` answers, beside the data. */
export type PlainNode =
  | { kind: "scalar"; value: unknown; written: string | undefined }
  | { kind: "seq"; flow: boolean; items: PlainNode[] }
  | { kind: "map"; flow: boolean; pairs: Map<string, PlainNode> };

interface Line {
  indent: number;
  text: string;
}

/** Thrown inside the reader when the text is not of the kind it reads; never leaves this module. */
class Declined extends Error {}
const decline = (): never => {
  throw new Declined();
};

const keyPattern = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const nonStringKey = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// The YAML 1.2 core schema's plain scalars (as the `yaml` package resolves them): null, booleans, integers;
// its other numbers (octal, hex, floats, infinities) are declined.
const nullPattern = /^(?:~|[Nn]ull|NULL)$/;
const boolPattern = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const intPattern = /^[-+]?[0-9]+$/;
const otherNumber =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** A plain scalar starts with none of YAML's indicators (a "-" only before a digit, as in -0044). */
const plainStart = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-[0-9])/;

function plainScalar(text: string, flow: boolean): PlainNode {
  if (!plainStart.test(text) || /:(?:\s|$)|\s#/.test(text) || (flow && /[:[\]{},]/.test(text))) decline();
  let value: unknown = text;
  if (nullPattern.test(text)) value = null;
  else if (boolPattern.test(text)) value = text[0] === "t" || text[0] === "T";
  else if (intPattern.test(text)) value = text.length <= 15 ? Number.parseInt(text, 10) : decline();
  else if (otherNumber.test(text)) decline();
  return { kind: "scalar", value, written: text };
}

const escapes = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["/", "/"],
  ["n", "\n"],
  ["t", "\t"],
]);

/** A quoted scalar at `start` of `text`, on one line: its value and where it ends. */
function quoted(text: string, start: number): { node: PlainNode; end: number } {
  const quote = text[start];
  let value = "";
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i];
    if (quote === "'" && c === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 1;
      } else return { node: { kind: "scalar", value, written: value }, end: i + 1 };
    } else if (quote === '"' && c === "\\") {
      value += escapes.get(text[i + 1]) ?? decline();
      i += 1;
    } else if (quote === '"' && c === '"') {
      return { node: { kind: "scalar", value, written: value }, end: i + 1 };
    } else value += c;
  }
  return decline();
}

/** A flow list or map at `start` of `text`, on one line: its items and where it ends. */
function flowCollection(text: string, start: number): { node: PlainNode; end: number } {
  const close = text[start] === "[" ? "]" : "}";
  const items: PlainNode[] = [];
  const pairs = new Map<string, PlainNode>();
  let i = start + 1;
  // Spaces are skipped by plain loops, not a closure: this runs for every flow collection of every file.
  while (text[i] === " ") i += 1;
  if (text[i] === close) i += 1;
  else {
    for (;;) {
      while (text[i] === " ") i += 1;
      let key: string | undefined;
      if (close === "}") {
        const match = /^([A-Za-z_][A-Za-z0-9_-]*): +/.exec(text.slice(i));
        if (!match || nonStringKey.test(match[1]) || pairs.has(match[1]) || match[1] in {}) decline();
        key = (match as RegExpExecArray)[1];
        i += (match as RegExpExecArray)[0].length;
      }
      let node: PlainNode;
      if (text[i] === '"' || text[i] === "'") ({ node, end: i } = quoted(text, i));
      else if (text[i] === "[" && close === "]") ({ node, end: i } = flowCollection(text, i));
      else {
        const end = text.slice(i).search(/[,\]}]/);
        if (end <= 0) decline();
        node = plainScalar(text.slice(i, i + end).replace(/ +$/, ""), true);
        i += end;
      }
      if (key === undefined) items.push(node);
      else pairs.set(key, node);
      while (text[i] === " ") i += 1;
      if (text[i] === ",") i += 1;
      else if (text[i] === close) {
        i += 1;
        break;
      } else decline();
    }
  }
  return { node: close === "]" ? { kind: "seq", flow: true, items } : { kind: "map", flow: true, pairs }, end: i };
}

/** A value written on the line after its key or its list dash. */
function inlineValue(text: string): PlainNode {
  let node: PlainNode;
  let end: number;
  if (text[0] === '"' || text[0] === "'") ({ node, end } = quoted(text, 0));
  else if (text[0] === "[" || text[0] === "{") ({ node, end } = flowCollection(text, 0));
  else return plainScalar(text, false);
  const rest = text.slice(end);
  if (rest !== "" && !/^ +#/.test(rest)) decline();
  return node;
}

const emptyScalar: PlainNode = { kind: "scalar", value: null, written: "" };

class BlockReader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  get done() {
    return this.at >= this.lines.length;
  }

  private get line(): Line | undefined {
    return this.lines[this.at];
  }

  /** The block whose first line is the current one. */
  block(): PlainNode {
    const line = this.line as Line;
    return line.text === "-" || line.text.startsWith("- ") ? this.seq(line.indent) : this.map(line.indent);
  }

  /** After a value on its own line, the next line goes back to the block's indentation or further out. */
  private endOfValue(indent: number) {
    const next = this.line;
    if (next && next.indent > indent) decline();
  }

  private map(indent: number): PlainNode {
    const pairs = new Map<string, PlainNode>();
    for (let line = this.line; line && line.indent === indent; line = this.line) {
      const match = keyPattern.exec(line.text);
      if (!match || nonStringKey.test(match[1]) || pairs.has(match[1]) || match[1] in {}) decline();
      const [, key, rest] = match as RegExpExecArray;
      this.at += 1;
      let value: PlainNode;
      if (rest === undefined || rest === "" || rest.startsWith("#")) {
        const next = this.line;
        // A list may stand at its key's own indentation.
        const listHere = next && next.indent === indent && (next.text === "-" || next.text.startsWith("- "));
        value = next && (next.indent > indent || listHere) ? this.block() : emptyScalar;
      } else {
        value = inlineValue(rest);
        this.endOfValue(indent);
      }
      pairs.set(key, value);
    }
    const after = this.line;
    if (after && after.indent > indent) decline();
    return { kind: "map", flow: false, pairs };
  }

  private seq(indent: number): PlainNode {
    const items: PlainNode[] = [];
    for (let line = this.line; line && line.indent === indent && line.text.startsWith("- "); line = this.line) {
      const text = line.text.slice(2).replace(/^ +/, "");
      if (text === "" || /^-(?: |$)/.test(text) || text.startsWith("#")) decline();
      if (keyPattern.test(text)) {
        // "- key: value" opens a map indented where its first key stands.
        this.lines[this.at] = { indent: indent + line.text.length - text.length, text };
        items.push(this.block());
      } else {
        this.at += 1;
        items.push(inlineValue(text));
        this.endOfValue(indent);
      }
    }
    const after = this.line;
    if (after && (after.indent > indent || (after.indent === indent && after.text === "-"))) decline();
    return { kind: "seq", flow: false, items };
  }
}

/** The YAML text as a tree of maps, lists and scalars, or undefined if it is not plain enough to read here. */
export function readPlainYaml(text: string): PlainNode | undefined {
  // Tabs, carriage returns, a byte order mark, control characters: the full parser's business.
  if (/[^\P{Cc}\n]|[\uFEFF\uFFFE\uFFFF]/u.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split("\n")) {
    const indent = /^ */.exec(raw)?.[0].length ?? 0;
    const trimmed = raw.slice(indent).replace(/ +$/, "");
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    // Only spaces count as YAML's white space: a line starting or ending in another space is declined.
    if (/^\s|\s$/.test(trimmed) || /^(?:---|\.\.\.|%)/.test(raw)) return undefined;
    lines.push({ indent, text: trimmed });
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  try {
    const reader = new BlockReader(lines);
    const root = reader.block();
    return reader.done && root.kind === "map" ? root : undefined;
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
}

/** The data, as the full parser's toJS gives it: plain objects, arrays and scalars. */
export function plainData(node: PlainNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(plainData);
  const data: Record<string, unknown> = {};
  for (const [key, value] of node.pairs) data[key] = plainData(value);
  return data;
}

/** The node at a path of keys and list indexes, as the full parser's getIn finds it. */
export function plainNodeAt(root: PlainNode, path: readonly (string | number)[]): PlainNode | undefined {
  let node: PlainNode | undefined = root;
  for (const key of path) {
    if (node?.kind === "map") node = typeof key === "string" ? node.pairs.get(key) : undefined;
    else if (node?.kind === "seq") node = node.items[typeof key === "number" ? key : Number(key)];
    else return undefined;
  }
  return node;
}

/**
 * The text of the value at `path` as written, as `ParsedDocument.writtenText` gives it: a scalar's text, a
 * flow list of scalars as "[a, b]"; undefined for other lists and maps.
 */
export function plainWrittenText(root: PlainNode, path: readonly (string | number)[]): string | undefined {
  const node = plainNodeAt(root, path);
  if (node?.kind === "scalar") return node.written;
  if (node?.kind !== "seq" || !node.flow) return undefined;
  const members = node.items.map((item) => (item.kind === "scalar" ? (item.written ?? "") : undefined));
  return members.every((text) => text !== undefined) ? `[${members.join(", ")}]` : undefined;
}
