import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import CSL from "citeproc";
import { beforeAll, describe, expect, it } from "vitest";
import { citedDate, createCitationFormatter } from "../core/citations/citation-formatter";
import { citationStyles, localeData, pinnedLocales, styleData } from "../core/citations/csl-data";
import { parseLocator } from "../core/citations/locator";
import type { ContentDocument } from "../core/content/document";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { supportedLocales } from "../core/locale/locales";
import { type TableItem, wireKey } from "../core/store/item-type";
import { eventItem, type StoredEvent, sourceItem } from "../core/store/items";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { marshallItem } from "../core/sync/apply";
import { changedFields } from "../core/sync/plan-report";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

const contentDir = path.resolve("tests/fixtures/collection-1917");
const pipes =
  "type: book\ntitle: The Russian Revolution\nauthor:\n  - family: Pipes\n    given: Richard\nissued:\n  date-parts: [[1990]]\npublisher: Alfred A. Knopf\npublisher-place: New York\nlanguage: en\n";
const sourceDocument = (slug: string, text: string): ContentDocument => ({
  file: `content/sources/${slug}.yaml`,
  kind: "source",
  slug,
  text,
});
const formatterFor = (sources: Record<string, string>) => {
  const { collection, diagnostics } = validateContent(Object.entries(sources).map(([slug, text]) => sourceDocument(slug, text)));
  expect(diagnostics).toEqual([]);
  return createCitationFormatter(collection.sources);
};

describe("locators", () => {
  it("reads Polish and English locator words into CSL labels, longest word first", () => {
    expect(parseLocator("rozdz. IV")).toEqual({ label: "chapter", value: "IV" });
    expect(parseLocator("s. 12–15")).toEqual({ label: "page", value: "12–15" });
    expect(parseLocator("str. 7")).toEqual({ label: "page", value: "7" });
    expect(parseLocator("pp. 3-5")).toEqual({ label: "page", value: "3-5" });
    expect(parseLocator("t. 2")).toEqual({ label: "volume", value: "2" });
    expect(parseLocator("Tom 3")).toEqual({ label: "volume", value: "3" });
    expect(parseLocator("chap. 4")).toEqual({ label: "chapter", value: "4" });
    expect(parseLocator("§ 3")).toEqual({ label: "section", value: "3" });
    expect(parseLocator("s.v. Lenin")).toEqual({ label: "sub-verbo", value: "Lenin" });
    expect(parseLocator("k. 12v")).toEqual({ label: "folio", value: "12v" });
  });

  it("takes a bare number as a page and leaves other text unlabelled", () => {
    expect(parseLocator("492")).toEqual({ label: "page", value: "492" });
    expect(parseLocator("przedmowa")).toEqual({ value: "przedmowa" });
    // A word must end where the locator word does: "tomy" is not "tom" followed by "y".
    expect(parseLocator("tomyśl")).toEqual({ value: "tomyśl" });
  });
});

describe("formatted citations", () => {
  it("formats a book as a bibliography entry and a reference-list entry, in Polish and English", () => {
    const reference = formatterFor({ pipes }).reference("pipes");
    expect(reference.chicago.pl).toEqual({
      text: "Pipes, Richard. The Russian Revolution. New York: Alfred A. Knopf, 1990.",
      html: "Pipes, Richard. <i>The Russian Revolution</i>. New York: Alfred A. Knopf, 1990.",
    });
    expect(reference.apa.en.text).toBe("Pipes, R. (1990). The Russian Revolution. Alfred A. Knopf.");
  });

  it("keeps Polish titles in sentence case, and title-cases English ones only where the style does", () => {
    const formatter = formatterFor({
      polski: "type: book\ntitle: Rewolucja październikowa\nlanguage: pl\n",
      // The same title said to be English: Chicago title-cases it, which is what must not happen to Polish.
      angielski: "type: book\ntitle: Rewolucja październikowa\nlanguage: en\n",
      reed: "type: book\ntitle: Ten days that shook the world\nauthor:\n  - family: Reed\n    given: John\nlanguage: en\n",
    });
    expect(formatter.reference("polski").chicago.pl.text).toBe("Rewolucja październikowa, b.d.");
    expect(formatter.reference("polski").chicago.en.text).toBe("Rewolucja październikowa, n.d.");
    expect(formatter.reference("angielski").chicago.en.text).toBe("Rewolucja Październikowa, n.d.");
    expect(formatter.reference("reed").chicago.en.text).toBe("Reed, John. Ten Days That Shook the World, n.d.");
    expect(formatter.reference("reed").apa.en.text).toBe("Reed, J. (n.d.). Ten days that shook the world.");
  });

  it("prints the locator with the style's label in the language asked for", () => {
    const formatter = formatterFor({ pipes });
    const chapter = formatter.citation({ source: "pipes", locator: "rozdz. IV" });
    expect(chapter.chicago.pl.text).toBe("Richard Pipes, The Russian Revolution (New York: Alfred A. Knopf, 1990), rozdz. IV.");
    expect(chapter.chicago.en.text).toBe("Richard Pipes, The Russian Revolution (New York: Alfred A. Knopf, 1990), chap. IV.");
    expect(chapter.apa.en.text).toBe("(Pipes, 1990, Chapter IV)");
    const pages = formatter.citation({ source: "pipes", locator: "s. 321-328" });
    expect(pages.apa.pl.text).toBe("(Pipes, 1990, s. 321–328)");
    expect(pages.apa.en.text).toBe("(Pipes, 1990, pp. 321–328)");
    // Chicago prints pages bare, with its own abbreviated range.
    expect(pages.chicago.en.text).toBe("Richard Pipes, The Russian Revolution (New York: Alfred A. Knopf, 1990), 321–28.");
    expect(formatter.citation({ source: "pipes", locator: "przedmowa" }).apa.pl.text).toBe("(Pipes, 1990, przedmowa)");
    expect(formatter.citation({ source: "pipes" }).apa.en.text).toBe("(Pipes, 1990)");
  });

  it("cites a dated document with its date in both calendars", () => {
    const formatter = formatterFor({
      dekret: "type: legislation\ntitle: Dekret o pokoju\ndate:\n  julian: 1917-10-26\nlanguage: pl\n",
    });
    expect(formatter.reference("dekret").chicago.pl.text).toBe("Dekret o pokoju (26 października [8 listopada] 1917).");
    expect(formatter.reference("dekret").apa.en.text).toBe("Dekret o pokoju (26 October [8 November] 1917).");
    expect(formatter.citation({ source: "dekret", locator: "§ 2" }).chicago.pl.text).toBe(
      "„Dekret o pokoju” (26 października [8 listopada] 1917), sekc. 2.",
    );
  });

  it("formats each source on its own: no year letters or repeated-author dashes from other sources", () => {
    const formatter = formatterFor({
      pipes,
      "pipes-2": pipes.replace("The Russian Revolution", "Russia under the old regime"),
    });
    expect(formatter.reference("pipes").apa.en.text).toBe("Pipes, R. (1990). The Russian Revolution. Alfred A. Knopf.");
    expect(formatter.reference("pipes-2").chicago.en.text).toBe(
      "Pipes, Richard. Russia under the Old Regime. New York: Alfred A. Knopf, 1990.",
    );
    expect(formatter.citation({ source: "pipes" }).apa.en.text).toBe("(Pipes, 1990)");
    expect(formatter.citation({ source: "pipes-2" }).apa.en.text).toBe("(Pipes, 1990)");
  });

  it("formats a citation at any page, volume, section or folio number exactly as citeproc-js formats it alone", () => {
    const sources = {
      pipes,
      dekret: "type: legislation\ntitle: Dekret o pokoju\ndate:\n  julian: 1917-10-26\nlanguage: pl\n",
      artykul:
        "type: article-journal\ntitle: Rewolucja w 1990 roku\ncontainer-title: Kwartalnik 12\nvolume: 41\npage: 1-41\nissued:\n  date-parts: [[1990]]\nlanguage: pl\n",
    };
    const formatter = formatterFor(sources);
    const { collection } = validateContent(Object.entries(sources).map(([slug, text]) => sourceDocument(slug, text)));
    const numbers = ["1", "2", "3", "11", "12", "21", "41", "99", "100", "101", "1990", "582012", "731941"];
    let compared = 0;
    for (const style of citationStyles) {
      for (const locale of supportedLocales) {
        const engine = new CSL.Engine(
          {
            retrieveLocale: (id: string) => localeData[id],
            retrieveItem: (id: string) => {
              const source = collection.sources.find((s) => s.slug === id);
              const item: Record<string, unknown> = structuredClone(source?.csl ?? {});
              if (source?.date) item.issued = { literal: citedDate(source.date, locale) };
              return item;
            },
          },
          styleData[style],
          pinnedLocales[locale],
          true,
        );
        engine.setOutputFormat("html");
        for (const source of Object.keys(sources)) {
          for (const word of ["s. ", "str. ", "t. ", "§ ", "k. ", ""]) {
            for (const number of numbers) {
              const { label, value } = parseLocator(`${word}${number}`);
              const alone = engine.makeCitationCluster([{ id: source, locator: value, label }]).trim();
              expect(formatter.citation({ source, locator: `${word}${number}` })[style][locale].html, `${source} ${word}${number}`).toBe(
                alone,
              );
              compared += 1;
            }
          }
        }
      }
    }
    expect(compared).toBe(4 * 3 * 6 * numbers.length);
  });

  it("formats many pages of one source at about the cost of formatting one", () => {
    const timeFormatting = (pages: number) => {
      const formatter = formatterFor({ pipes });
      formatter.reference("pipes"); // sets up citeproc-js's engines, which is not what is measured
      const started = performance.now();
      for (let page = 1; page <= pages; page += 1) formatter.citation({ source: "pipes", locator: `s. ${page}` });
      return performance.now() - started;
    };
    const one = Math.min(...Array.from({ length: 5 }, () => timeFormatting(1)));
    const many = timeFormatting(400);
    // Formatting each page on its own takes about 400 times as long; a citation filled in with the page, about 2.
    expect(many / one).toBeLessThan(40);
  });

  it("escapes text in HTML, and its plain text is exactly citeproc-js's own text output, for the whole collection", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    const formatter = createCitationFormatter(collection.sources);
    expect(formatter.reference("reed-ten-days").chicago.pl.html).toContain("Boni &#38; Liveright");
    // citeproc-js in text mode, over the same items the formatter gives it.
    const items = new Map(collection.sources.map((s) => [s.slug, s.csl]));
    let compared = 0;
    for (const style of citationStyles) {
      for (const locale of supportedLocales) {
        const reference = new CSL.Engine(
          {
            retrieveLocale: (id: string) => localeData[id],
            retrieveItem: (id: string) => {
              const source = collection.sources.find((s) => s.slug === id);
              const item: Record<string, unknown> = structuredClone(items.get(id) ?? {});
              if (source?.date) item.issued = { literal: citedDate(source.date, locale) };
              return item;
            },
          },
          styleData[style],
          pinnedLocales[locale],
          true,
        );
        reference.setOutputFormat("text");
        for (const source of collection.sources) {
          reference.updateItems([source.slug]);
          const bibliography = reference.makeBibliography();
          expect(formatter.reference(source.slug)[style][locale].text, `${source.slug} ${style} ${locale}`).toBe(
            bibliography ? bibliography[1][0].trim() : "",
          );
          compared += 1;
        }
        for (const citation of collection.events.flatMap((e) => e.citations)) {
          const parsed = citation.locator ? parseLocator(citation.locator) : undefined;
          const item = parsed?.label ? { id: citation.source, locator: parsed.value, label: parsed.label } : { id: citation.source };
          expect(formatter.citation(citation)[style][locale].text).toBe(reference.makeCitationCluster([item]));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe("formatted citations in a sync plan", () => {
  it("says an event is rewritten because a cited source changed, naming it, not that its citations did", () => {
    const formatted = (publisher: string) =>
      formatterFor({ pipes: pipes.replace("Alfred A. Knopf", publisher) }).citation({ source: "pipes" });
    const event = (publisher: string, locator?: string) => ({
      title: "Szturm",
      citations: [{ source: "pipes", ...(locator ? { locator } : {}), formatted: formatted(publisher) }],
    });
    expect(changedFields("event", event("Knopf"), event("Vintage"), new Set(["pipes"]))).toEqual([
      "citations formatted anew (cited source changed: pipes)",
    ]);
    // With no cited source in the plan, the formatting itself changed (e.g. a new citeproc-js).
    expect(changedFields("event", event("Knopf"), event("Vintage"))).toEqual([
      "citations formatted anew (how citations are formatted changed)",
    ]);
    expect(changedFields("event", event("Knopf"), event("Vintage", "s. 5"))).toEqual(["citations: pipes → pipes (s. 5)"]);
    expect(changedFields("event", event("Knopf"), event("Knopf"))).toEqual([]);
  });
});

/** A copy of the fixture collection, synced into a fresh table of its own. */
async function syncedCopy(prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(contentDir, dir, { recursive: true });
  const env = testClient();
  const tableName = await freshTable(env.client);
  expect((await syncContent({ contentDir: dir, client: env.client, tableName })).status).toBe("applied");
  return { dir, env, tableName };
}

describe("formatted citations through the API", () => {
  let app: ReturnType<typeof createApp>;
  let dir: string;
  let env: ReturnType<typeof testClient>;
  let tableName: string;

  beforeAll(async () => {
    ({ dir, env, tableName } = await syncedCopy("kronika-citations-"));
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false });
  });

  it("serves a source's citation in each style, language and format", async () => {
    const result = await postQuery(
      app,
      `{ source(slug: "pipes-russian-revolution") {
          chicago: citation
          apa: citation(style: APA, locale: EN)
          html: citation(style: CHICAGO, format: HTML)
          csl } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.source).toMatchObject({
      chicago: "Pipes, Richard. The Russian Revolution. New York: Alfred A. Knopf, 1990.",
      apa: "Pipes, R. (1990). The Russian Revolution. Alfred A. Knopf.",
      html: "Pipes, Richard. <i>The Russian Revolution</i>. New York: Alfred A. Knopf, 1990.",
      csl: { id: "pipes-russian-revolution", type: "book", issued: { "date-parts": [[1990]] } },
    });
  });

  it("gives a dated document's CSL item its Gregorian date as issued", async () => {
    const result = await postQuery(app, `{ source(slug: "dekret-o-pokoju") { csl citation(locale: PL) } }`);
    expect(result.data.source.csl.issued).toEqual({ "date-parts": [[1917, 11, 8]] });
    expect(result.data.source.citation).toBe("Dekret o pokoju (26 października [8 listopada] 1917).");
  });

  it("serves an event's citations with their locators in the event's language, its sources too", async () => {
    const query = (locale: string) =>
      `{ event(slug: "szturm-na-palac-zimowy"${locale}) { locale citations { locator formatted apa: formatted(style: APA) source { slug citation } } } }`;
    const polish = await postQuery(app, query(""));
    const reed = polish.data.event.citations.find((c: { locator: string | null }) => c.locator === "rozdz. IV");
    expect(reed).toEqual({
      locator: "rozdz. IV",
      formatted: "John Reed, Ten Days That Shook the World (New York: Boni & Liveright, 1919), rozdz. IV.",
      apa: "(Reed, 1919, Rozdział IV)",
      source: { slug: "reed-ten-days", citation: "Reed, John. Ten Days That Shook the World. New York: Boni & Liveright, 1919." },
    });
    const english = await postQuery(app, query(", locale: EN"));
    const study = english.data.event.citations.find(
      (c: { source: { slug: string } }) => c.source.slug === "opracowanie-rewolucja-pazdziernikowa",
    );
    expect(study.source.citation).toBe("“Rewolucja październikowa,” n.d.");
    expect(english.data.event.citations.find((c: { locator: string | null }) => c.locator === "rozdz. IV").formatted).toMatch(
      /, chap\. IV\.$/,
    );
    // Accept-Language does the same as the argument.
    const accepted = await postQuery(app, query(""), { headers: { "accept-language": "en-GB,en;q=0.8" } });
    expect(accepted.data.event.citations).toEqual(english.data.event.citations);
  });

  it("rewrites the events citing a source when the source changes, and only those", async () => {
    const file = path.join(dir, "sources/reed-ten-days.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("Boni & Liveright", "Modern Library"));
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    if (outcome.status !== "applied") throw new Error(outcome.status);
    const updated = outcome.plan.changes.filter((c) => c.action === "update").map((c) => `${c.kind}/${c.slug}`);
    const { collection } = validateContent((await loadContent(dir)).documents);
    const citing = collection.events.filter((e) => e.citations.some((c) => c.source === "reed-ten-days")).map((e) => `event/${e.slug}`);
    expect(citing.length).toBeGreaterThan(1);
    expect(updated.sort()).toEqual(["source/reed-ten-days", ...citing].sort());
    const result = await postQuery(app, `{ event(slug: "walki-o-moskwe") { citations { locator formatted } } }`);
    expect(result.data.event.citations.find((c: { locator: string | null }) => c.locator === "rozdz. X").formatted).toBe(
      "John Reed, Ten Days That Shook the World (New York: Modern Library, 1919), rozdz. X.",
    );
  });

  it("shows a renamed source's new title in the citations of the events citing it", async () => {
    const file = path.join(dir, "sources/reed-ten-days.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("title: Ten days that shook the world", "title: Ten days that shook the world (1919)"),
    );
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    if (outcome.status !== "applied") throw new Error(outcome.status);
    const result = await postQuery(app, `{ event(slug: "walki-o-moskwe") { citations { source { slug title type } } } }`);
    expect(result.data.event.citations).toContainEqual({
      source: { slug: "reed-ten-days", title: "Ten days that shook the world (1919)", type: "book" },
    });
  });
});

describe("citations kept from the table", () => {
  let dir: string;
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  const slug = "walki-o-moskwe";
  const storedEvent = async () =>
    eventItem.read((await env.client.send(new GetItemCommand({ TableName: tableName, Key: wireKey(eventItem.key({ slug })) }))).Item ?? {});
  /** Marks the stored event's citations of Reed, as if an earlier sync had formatted them so. */
  const markStoredCitations = async () => {
    const event = await storedEvent();
    for (const citation of event.citations) {
      if (citation.source === "reed-ten-days") citation.formatted.chicago.pl.text = `KEPT ${citation.locator}`;
    }
    await env.client.send(
      new PutItemCommand({ TableName: tableName, Item: marshallItem(eventItem.item(event as StoredEvent & TableItem)) }),
    );
  };
  const edit = async (file: string, from: string, to: string) =>
    writeFile(path.join(dir, file), (await readFile(path.join(dir, file), "utf8")).replace(from, to));
  const reedCitations = async () =>
    (await storedEvent()).citations.filter((c) => c.source === "reed-ten-days").map((c) => c.formatted.chicago.pl.text);

  beforeAll(async () => {
    ({ dir, env, tableName } = await syncedCopy("kronika-kept-citations-"));
  });

  it("keeps the stored formatting of an edited event's citations of unchanged sources", async () => {
    await markStoredCitations();
    await edit(`events/${slug}.md`, "\ntitle: ", "\ntitle: Nowy tytuł, ");
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    if (outcome.status !== "applied") throw new Error(outcome.status);
    expect(outcome.plan.changes).toContainEqual(expect.objectContaining({ kind: "event", slug, action: "update" }));
    const kept = await reedCitations();
    expect(kept.length).toBeGreaterThan(0);
    for (const text of kept) expect(text).toMatch(/^KEPT /);
    expect((await storedEvent()).title).toMatch(/^Nowy tytuł, /);
  });

  it("formats anew the citations of a source that changed", async () => {
    await markStoredCitations();
    await edit(`events/${slug}.md`, "\ntitle: Nowy tytuł, ", "\ntitle: Inny tytuł, ");
    await edit("sources/reed-ten-days.yaml", "Boni & Liveright", "Modern Library");
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    if (outcome.status !== "applied") throw new Error(outcome.status);
    const formatted = await reedCitations();
    expect(formatted.length).toBeGreaterThan(0);
    for (const text of formatted) expect(text).toMatch(/^John Reed, .*Modern Library/);
  });

  it("formats anew when a source's main item and state disagree, as a sync stopped between them leaves them", async () => {
    await markStoredCitations();
    // A sync wrote the source's main item from other content, and stopped before writing its state.
    await env.client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: wireKey(sourceItem.key({ slug: "reed-ten-days" })),
        UpdateExpression: "SET #hash = :hash",
        ExpressionAttributeNames: { "#hash": "hash" },
        ExpressionAttributeValues: { ":hash": { S: "written-by-a-stopped-sync" } },
      }),
    );
    await edit(`events/${slug}.md`, "\ntitle: Inny tytuł, ", "\ntitle: Trzeci tytuł, ");
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    if (outcome.status !== "applied") throw new Error(outcome.status);
    const formatted = await reedCitations();
    expect(formatted.length).toBeGreaterThan(0);
    for (const text of formatted) expect(text).toMatch(/^John Reed, .*Modern Library/);
  });
});
