// A content file as text, parsed into YAML data that remembers where each value stands in the file.
import {
  type DocumentOptions,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type ParseOptions,
  parseDocument,
  type Scalar,
  type ToJSOptions,
  visit,
  type Document as YamlDocument,
} from "yaml";
import type { ImageFacts } from "../media/image-facts";
import { type PlainNode, plainData, plainWrittenText, readPlainYaml } from "./plain-yaml";

export type DocumentKind = "event" | "translation" | "source" | "person" | "place" | "settings" | "media" | "image";

/** One file of the content folder: what load reads and validate checks. */
export interface ContentDocument {
  /** Path as shown to the user, e.g. content/events/szturm.md. */
  file: string;
  kind: DocumentKind;
  /** The slug from the file name (for a translation, of the event it translates). */
  slug: string;
  /** For a translation: its language, from the file name. */
  locale?: string;
  text: string;
  /** For an image (content/media/<slug>.<ext>): what its bytes are; its `text` is empty. */
  image?: ImageFacts;
}

export interface Position {
  line: number;
  col: number;
}

export type PathKey = string | number;

/** A parsed file: its YAML data, the Markdown body for events, and a way to locate any value. */
export interface ParsedDocument {
  data: unknown;
  body: string;
  /** Position of the value at `path` (or of its key, for `key: true`), falling back to the nearest parent. */
  locate(path: readonly PathKey[], options?: { key?: boolean }): Position;
  /** Whether a value stands at `path`. */
  has(path: readonly PathKey[]): boolean;
  /**
   * The text of a scalar exactly as written (e.g. 1917 stays "1917"), or of an unquoted EDTF set that YAML read
   * as a flow list or a flow map of keys alone ("[1917-10-24, 1917-10-25]"); undefined for other maps and lists.
   */
  writtenText(path: readonly PathKey[]): string | undefined;
  /**
   * Lets go of the YAML tree once the file is checked: thousands of kept trees cost more in garbage
   * collection than parsing one again when a later check asks where something stands.
   */
  release(): void;
}

export interface SyntaxProblem {
  rule: "yaml-syntax" | "front-matter";
  message: string;
  position: Position;
}

/** Every YAML parse of content uses these: events' front matter, sources and collection.yaml alike. */
const yamlOptions: ParseOptions & DocumentOptions = { prettyErrors: false, uniqueKeys: true };
/**
 * At most this many values may come from aliases (*anchor) when the YAML becomes data: nine anchors of
 * nine aliases each ("billion laughs") would expand to 9^9 values from a few hundred bytes.
 */
export const maxYamlAliases = 100;
const toJSOptions: ToJSOptions = { maxAliasCount: maxYamlAliases };

const frontMatterPattern = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

export interface ContentParseOptions {
  /** Read plain files with the fast reader (plain-yaml.ts), as always but in the test that holds it to the full parser. */
  plainReader?: boolean;
}

export function parseContentDocument(
  doc: ContentDocument,
  options: ContentParseOptions = {},
): { parsed?: ParsedDocument; problems: SyntaxProblem[] } {
  let yamlText = doc.text;
  let body = "";
  let lineOffset = 0;
  if (doc.kind === "event" || doc.kind === "translation") {
    const match = doc.text.startsWith("---") ? frontMatterPattern.exec(doc.text) : null;
    if (match?.index !== 0) {
      return {
        problems: [
          {
            rule: "front-matter",
            message: "an event file starts with YAML front matter between two lines of ---",
            position: { line: 1, col: 1 },
          },
        ],
      };
    }
    yamlText = match[1];
    body = doc.text.slice(match[0].length);
    lineOffset = 1;
  }
  const plain = options.plainReader === false ? undefined : readPlainYaml(yamlText);
  if (plain) return { parsed: new PlainlyParsed(yamlText, body, lineOffset, plain), problems: [] };
  const lineCounter = new LineCounter();
  const toPosition = positionsFrom(lineCounter, lineOffset);
  let yaml: YamlDocument;
  try {
    yaml = parseDocument(yamlText, { ...yamlOptions, lineCounter });
  } catch (error) {
    // The parser reports what it can as errors; anything it throws is still a problem of this file.
    return { problems: [{ rule: "yaml-syntax", message: `cannot read the YAML: ${(error as Error).message}`, position: toPosition(0) }] };
  }
  if (yaml.errors.length > 0) {
    return {
      problems: yaml.errors.map((error) => {
        const unclosed = unclosedOpening(yaml, yamlText, error.message, error.pos[0]);
        return {
          rule: "yaml-syntax",
          message: unclosed?.message ?? needsQuotes(yamlText, error.message, error.pos[0]) ?? error.message.split("\n")[0],
          position: toPosition(unclosed?.offset ?? error.pos[0]),
        };
      }),
    };
  }
  const root = yaml.contents;
  if (!isMap(root)) {
    return {
      problems: [
        {
          rule: "yaml-syntax",
          message:
            doc.kind === "event" || doc.kind === "translation"
              ? "front matter must be a map of fields"
              : `a ${doc.kind} file must be a map of fields`,
          position: toPosition(root?.range?.[0] ?? 0),
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = yaml.toJS(toJSOptions);
  } catch (error) {
    // yaml throws a ReferenceError for too many aliases; anything else it throws is reported the same way.
    const aliases = error instanceof ReferenceError;
    return {
      problems: [
        {
          rule: "yaml-syntax",
          message: aliases
            ? `aliases (*name) expand to more than ${maxYamlAliases} values: write the values out, or use fewer aliases`
            : `cannot read the YAML: ${(error as Error).message}`,
          position: toPosition((aliases && firstAlias(yaml)) || 0),
        },
      ],
    };
  }
  return { parsed: new FullyParsed(data, body, yamlText, yaml, lineCounter, lineOffset), problems: [] };
}

/** Where the YAML offset stands in the file: the parser's lines, shifted by the front matter's opening line. */
function positionIn(lineCounter: LineCounter, lineOffset: number, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, col };
}

const positionsFrom = (lineCounter: LineCounter, lineOffset: number) => (offset: number) => positionIn(lineCounter, lineOffset, offset);

// Where values stand and how they were written, from the full parser's tree. The parsed files below are classes,
// not objects of closures: a check makes one per file, thousands at a time.

function nodeAt(tree: YamlDocument, path: readonly PathKey[]): Node | undefined {
  return path.length === 0 ? (tree.contents as Node) : (tree.getIn(path, true) as Node | undefined);
}

function locateIn(
  tree: YamlDocument,
  lines: LineCounter,
  lineOffset: number,
  path: readonly PathKey[],
  options: { key?: boolean },
): Position {
  if (options.key && path.length > 0) {
    const parent = nodeAt(tree, path.slice(0, -1));
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return positionIn(lines, lineOffset, range[0]);
    }
  }
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const range = nodeAt(tree, path.slice(0, depth))?.range;
    if (range) return positionIn(lines, lineOffset, range[0]);
  }
  return { line: 1 + lineOffset, col: 1 };
}

function writtenTextIn(tree: YamlDocument, path: readonly PathKey[]): string | undefined {
  const node = nodeAt(tree, path);
  return isScalar(node) ? scalarText(node) : flowSetText(node);
}

/** A file the full parser read (one the fast reader declined). */
class FullyParsed implements ParsedDocument {
  constructor(
    readonly data: unknown,
    readonly body: string,
    private readonly yamlText: string,
    private tree: YamlDocument | undefined,
    private readonly lines: LineCounter,
    private readonly lineOffset: number,
  ) {}

  /** Parsed again only if asked for after release(): positions still come from the first parse's lines. */
  private fullTree(): YamlDocument {
    this.tree ??= parseDocument(this.yamlText, yamlOptions);
    return this.tree;
  }

  locate(path: readonly PathKey[], options: { key?: boolean } = {}): Position {
    return locateIn(this.fullTree(), this.lines, this.lineOffset, path, options);
  }

  has(path: readonly PathKey[]): boolean {
    return nodeAt(this.fullTree(), path) !== undefined;
  }

  writtenText(path: readonly PathKey[]): string | undefined {
    return writtenTextIn(this.fullTree(), path);
  }

  release(): void {
    this.tree = undefined;
  }
}

/**
 * A file the fast reader read: its data and written values come from the reader's tree (read again, cheaply,
 * if asked for after release()); where a value stands, only a problem asks, and the full parser answers.
 */
class PlainlyParsed implements ParsedDocument {
  readonly data: unknown;
  private full: { tree: YamlDocument; lines: LineCounter } | undefined;

  constructor(
    private readonly yamlText: string,
    readonly body: string,
    private readonly lineOffset: number,
    private tree: PlainNode | undefined,
  ) {
    this.data = plainData(tree as PlainNode);
  }

  private fullTree(): { tree: YamlDocument; lines: LineCounter } {
    if (!this.full) {
      const lines = new LineCounter();
      this.full = { tree: parseDocument(this.yamlText, { ...yamlOptions, lineCounter: lines }), lines };
    }
    return this.full;
  }

  locate(path: readonly PathKey[], options: { key?: boolean } = {}): Position {
    const { tree, lines } = this.fullTree();
    return locateIn(tree, lines, this.lineOffset, path, options);
  }

  has(path: readonly PathKey[]): boolean {
    return nodeAt(this.fullTree().tree, path) !== undefined;
  }

  writtenText(path: readonly PathKey[]): string | undefined {
    this.tree ??= readPlainYaml(this.yamlText) as PlainNode;
    return plainWrittenText(this.tree, path);
  }

  release(): void {
    this.tree = undefined;
    this.full = undefined;
  }
}

/** A scalar as written: a YAML number such as 1917 or -0044 keeps its digits (dates are read as text). */
function scalarText(node: Scalar): string | undefined {
  if (node.type === "PLAIN" && typeof node.source === "string") return node.source;
  return node.value === null || node.value === undefined ? undefined : String(node.value);
}

/**
 * An EDTF set written without quotes, as its EDTF text: YAML reads `[1917-10-24, 1917-10-25]` as a flow list
 * and `{1917-10-24, 1917-10-26}` as a flow map of keys without values. Anything else (a map with values, such
 * as { julian, gregorian }, a block list, a list of lists) is not a set: undefined.
 */
function flowSetText(node: Node | undefined): string | undefined {
  const texts = (items: unknown[]) => {
    const written = items.map((item) => (isScalar(item) ? (scalarText(item) ?? "") : undefined));
    return written.every((text) => text !== undefined) ? written.join(", ") : undefined;
  };
  if (isSeq(node) && node.flow) {
    const members = texts(node.items);
    return members === undefined ? undefined : `[${members}]`;
  }
  if (isMap(node) && node.flow && node.items.length > 0 && node.items.every((pair) => pair.value === null)) {
    const members = texts(node.items.map((pair) => pair.key));
    return members === undefined ? undefined : `{${members}}`;
  }
  return undefined;
}

/**
 * A plain value YAML cannot start with a character (% for a directive, @ and ` reserved), e.g. the EDTF date
 * %1917 (uncertain and approximate): what to write instead.
 */
function needsQuotes(text: string, parserMessage: string, offset: number): string | undefined {
  const reserved = /^Plain value cannot start with .*character (\S)/.exec(parserMessage);
  if (!reserved) return undefined;
  const written = /^[^\s,\]}#]+/.exec(text.slice(offset))?.[0] ?? reserved[1];
  return `YAML reads no unquoted value starting with ${reserved[1]}: put it in quotes, "${written}"`;
}

/** Where the first alias stands, for pointing at an alias bomb. */
function firstAlias(yaml: YamlDocument): number | undefined {
  let offset: number | undefined;
  visit(yaml, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * For a list, map or quoted text left open, where it opens and what is wrong, in plain words. The parser notices
 * only where the text can no longer belong to it (the next line), which is not where the editor must look.
 */
function unclosedOpening(
  yaml: YamlDocument,
  text: string,
  parserMessage: string,
  errorOffset: number,
): { offset: number; message: string } | undefined {
  const flow = /^Flow (sequence|map) in block collection .*end with an? ([\]}])/.exec(parserMessage);
  const quote = /^Missing closing (["'])quote/.exec(parserMessage);
  if (!flow && !quote) return undefined;
  // The innermost node of that kind that starts before the error and is not closed.
  let found: { offset: number; message: string } | undefined;
  visit(yaml, (_key, node) => {
    // A pair's missing value is visited as null.
    const range = (node as Node | null)?.range;
    if (!range || range[0] >= errorOffset) return;
    if (flow && (flow[1] === "sequence" ? isSeq(node) : isMap(node)) && (node as { flow?: boolean }).flow) {
      if (text.slice(range[0], range[1]).trimEnd().endsWith(flow[2])) return;
      const [noun, open] = flow[1] === "sequence" ? ["list", "["] : ["map", "{"];
      found = {
        offset: range[0],
        message: `this ${noun} opened with ${open} is not closed: end it with ${flow[2]} (a ${noun} on several lines must be indented under its key)`,
      };
    } else if (quote && isScalar(node) && node.type === (quote[1] === '"' ? "QUOTE_DOUBLE" : "QUOTE_SINGLE")) {
      const written = text.slice(range[0], range[1]).trimEnd();
      if (written.length > 1 && written.endsWith(quote[1])) return;
      found = { offset: range[0], message: `this quoted text opened with ${quote[1]} is not closed: end it with ${quote[1]}` };
    }
  });
  return found;
}
