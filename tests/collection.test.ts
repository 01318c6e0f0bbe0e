import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatHuman } from "../core/content/diagnostic";
import { loadContent } from "../core/content/load";
import { editDistance } from "../core/content/similar";
import { validateContent } from "../core/content/validate";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { exampleTabs } from "../functions/example-query";
import { freshTable, testClient } from "./support/dynamodb";
import { type GraphQLResult, postQuery } from "./support/graphql";

// The API's answers are asserted on a frozen copy of the 1917 collection (tests/fixtures/collection-1917), so
// that editing content/ cannot break a code test; content/ itself is held only to what any collection
// Kronika ships must meet (see "the shipped collection" at the end).
const contentDir = path.resolve("tests/fixtures/collection-1917");
const shippedDir = path.resolve("content");

describe("the 1917 collection", () => {
  let app: ReturnType<typeof createApp>;
  const query = (text: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => postQuery(app, text, { variables });

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const outcome = await syncContent({ contentDir, client, tableName });
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(client), tableName, log: false });
  });

  it("passes the content check with no problems", async () => {
    const loaded = await loadContent(contentDir);
    const { diagnostics, collection } = validateContent(loaded.documents);
    expect([...loaded.diagnostics, ...diagnostics].map((d) => formatHuman(d))).toEqual([]);
    expect(collection.events.length).toBeGreaterThanOrEqual(25);
    expect(collection.sources.length).toBeGreaterThanOrEqual(8);
  });

  it("gives every event a title, summary, body, places, people, tags and a citation", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    for (const event of collection.events) {
      expect(event.summary, event.slug).toBeTruthy();
      expect(event.body.split(/\n\s*\n/).length, event.slug).toBeGreaterThanOrEqual(2);
      expect(event.places.length, event.slug).toBeGreaterThan(0);
      expect(event.people.length, event.slug).toBeGreaterThan(0);
      expect(event.tags.length, event.slug).toBeGreaterThan(0);
      expect(event.citations.length, event.slug).toBeGreaterThan(0);
    }
  });

  it("dates Russian events before the switch in the Julian calendar", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    const switchDay = collection.events.find((e) => e.slug === "kalendarz-gregorianski")?.date.firstDay as number;
    for (const event of collection.events.filter((e) => e.date.firstDay < switchDay)) {
      expect(event.date.calendar, event.slug).toBe("julian");
    }
  });

  it("spells people and places one way: no two names within two edits of each other", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    for (const field of ["people", "places"] as const) {
      const names = [...new Set(collection.events.flatMap((e) => e[field]))];
      const close = names.flatMap((a, i) =>
        names
          .slice(i + 1)
          .filter((b) => editDistance(a, b) <= 2)
          .map((b) => `${a} ~ ${b}`),
      );
      expect(close, field).toEqual([]);
    }
    const people = new Set(collection.events.flatMap((e) => e.people));
    const places = new Set(collection.events.flatMap((e) => e.places));
    for (const name of ["Włodzimierz Lenin", "Lew Trocki", "Aleksandr Kiereński", "Feliks Dzierżyński"])
      expect(people.has(name), name).toBe(true);
    for (const name of ["Piotrogród", "Moskwa", "Pałac Zimowy", "Smolny"]) expect(places.has(name), name).toBe(true);
  });

  it("has a record for every person and place its events name, each place with coordinates", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    for (const event of collection.events) {
      for (const name of event.people) expect(collection.references.people.resolve(name), `${event.slug}: ${name}`).toBeDefined();
      for (const name of event.places) expect(collection.references.places.resolve(name), `${event.slug}: ${name}`).toBeDefined();
    }
    for (const person of collection.people) {
      expect(person.names.en, person.slug).toBeTruthy();
      expect(person.description, person.slug).toBeTruthy();
    }
    for (const place of collection.places) {
      expect(place.names.en, place.slug).toBeTruthy();
      expect(place.coordinates, place.slug).toBeDefined();
    }
    expect(collection.references.people.resolve("Lenin")).toBe("wlodzimierz-lenin");
    expect(collection.references.people.resolve("Uljanow")).toBe("wlodzimierz-lenin");
  });

  it("dates lives under the Julian calendar in both calendars: Lenin born 10 (22) April 1870", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    const lenin = collection.people.find((p) => p.slug === "wlodzimierz-lenin");
    expect(lenin?.born).toMatchObject({ julian: "1870-04-10", gregorian: "1870-04-22" });
    expect(lenin?.died?.gregorian).toBe("1924-01-21");
    const calendarSwitch = collection.events.find((e) => e.slug === "kalendarz-gregorianski")?.date.firstDay as number;
    for (const person of collection.people) {
      if (person.born?.precision === "day" && person.born.firstDay < calendarSwitch)
        expect(person.born.calendar, person.slug).toBe("julian");
    }
  });

  it("nests the Winter Palace in Piotrogród in Russia, and names Piotrogród through time", async () => {
    const { collection } = validateContent((await loadContent(contentDir)).documents);
    const places = new Map(collection.places.map((p) => [p.slug, p]));
    const ancestors = (slug: string): string[] => {
      const within = places.get(slug)?.within;
      return within ? [within, ...ancestors(within)] : [];
    };
    expect(ancestors("palac-zimowy")).toEqual(["piotrogrod", "rosja"]);
    expect(ancestors("kreml")).toEqual(["moskwa", "rosja"]);
    const piotrogrod = places.get("piotrogrod");
    expect(piotrogrod?.historicalNames.map((n) => [n.name, n.from?.gregorian, n.until?.gregorian])).toEqual([
      ["Sankt Petersburg", undefined, "1914-08-30"],
      ["Piotrogród", "1914-08-31", "1924-01-25"],
      ["Leningrad", "1924-01-26", "1991-09-05"],
      ["Sankt Petersburg", "1991-09-06", undefined],
    ]);
    expect(piotrogrod?.wikidata).toBe("Q656");
  });

  it("carries the storming of the Winter Palace in both calendars, with the study text's error noted", async () => {
    const { data } = await query(`{ event(slug: "szturm-na-palac-zimowy") { date { julian gregorian label } notes related { slug } } }`);
    expect(data.event.date).toEqual({
      julian: "1917-10-25/1917-10-26",
      gregorian: "1917-11-07/1917-11-08",
      label: "25–26 października (7–8 listopada) 1917",
    });
    expect(data.event.notes.join(" ")).toContain("6/7 XI 1918");
    expect(data.event.related).toEqual([{ slug: "ii-zjazd-rad" }]);
  });

  it("links the uprising to the storming, the storming to the Congress, and the Congress to the decrees", async () => {
    const related = async (slug: string) =>
      (await query(`{ event(slug: "${slug}") { related { slug } } }`)).data.event.related.map((r: any) => r.slug);
    expect(await related("wybuch-powstania-w-piotrogrodzie")).toContain("szturm-na-palac-zimowy");
    expect(await related("szturm-na-palac-zimowy")).toContain("ii-zjazd-rad");
    expect(await related("ii-zjazd-rad")).toEqual(expect.arrayContaining(["dekret-o-pokoju", "dekret-o-ziemi"]));
  });

  it("finds Lenin's events of November 1917 (Gregorian) in chronological order", async () => {
    const { data, errors } = await query(
      `{ events(first: 100, filter: { people: ["wlodzimierz-lenin"], from: "1917-11-01", to: "1917-11-30" }) { totalCount edges { node { slug } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.events.edges.map((e: any) => e.node.slug)).toEqual([
      "wybuch-powstania-w-piotrogrodzie",
      "odezwa-do-obywateli-rosji",
      "ii-zjazd-rad",
      "bolszewicy-opanowuja-centralna-rosje",
      "dekret-o-pokoju",
      "dekret-o-ziemi",
      "rada-komisarzy-ludowych",
      "dekret-o-prasie",
      "deklaracja-praw-narodow-rosji",
      "kontrola-robotnicza",
    ]);
    expect(data.events.totalCount).toBe(10);
  });

  it("gives every published event at least one citation whose source resolves", async () => {
    const { data } = await query(`{ events(first: 100) { totalCount edges { node { slug citations { source { slug title } } } } } }`);
    expect(data.events.edges).toHaveLength(data.events.totalCount);
    for (const { node } of data.events.edges) {
      expect(node.citations.length, node.slug).toBeGreaterThan(0);
      for (const citation of node.citations) expect(citation.source.title, node.slug).toBeTruthy();
    }
  });

  it("serves the decrees as legislation dated in both calendars", async () => {
    const { data } = await query(
      `{ source(slug: "deklaracja-praw-narodow-rosji") { type date { julian gregorian } events { edges { node { slug } } } } }`,
    );
    expect(data.source).toEqual({
      type: "legislation",
      date: { julian: "1917-11-02", gregorian: "1917-11-15" },
      events: { edges: [{ node: { slug: "deklaracja-praw-narodow-rosji" } }] },
    });
  });

  it("answers every GraphiQL example tab without errors", async () => {
    for (const tab of exampleTabs) {
      const result = await query(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(result.errors, tab.query.split("\n")[0]).toBeUndefined();
      expect(
        Object.values(result.data ?? {}).every((value) => value !== null),
        tab.query.split("\n")[0],
      ).toBe(true);
    }
    const detail = await query(exampleTabs[1].query, JSON.parse(exampleTabs[1].variables as string));
    expect(detail.data.event.citations).toContainEqual({
      locator: "rozdz. IV",
      formatted: "John Reed, Ten Days That Shook the World (New York: Boni & Liveright, 1919), rozdz. IV.",
      apa: "(Reed, 1919, Chapter IV)",
    });
  });

  describe("the study text's dating errors", () => {
    it("are rejected by the content check, each with the right counterpart", async () => {
      const loaded = await loadContent(path.resolve("tests/fixtures/study-text-dates"));
      const messages = validateContent(loaded.documents).diagnostics.map((d) => `${d.rule}: ${d.message}`);
      expect(messages).toEqual([
        "date-mismatch: julian 1917-10-25/1917-10-26 is gregorian 1917-11-07/1917-11-08, not 1918-11-06/1918-11-07",
        "date-mismatch: julian 1917-11-15 is gregorian 1917-11-28, not 1917-12-02",
        "date-mismatch: julian 1917-11-25 is gregorian 1917-12-08, not 1917-12-12",
      ]);
    });
  });
});

describe("the 1917 collection in English", () => {
  let app: ReturnType<typeof createApp>;
  const query = (text: string, headers: Record<string, string> = {}) => postQuery(app, text, { headers });

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    await syncContent({ contentDir, client, tableName });
    app = createApp({ reads: sdkTableReads(client), tableName, log: false });
  });

  it("translates at least five events", async () => {
    const { documents } = await loadContent(contentDir);
    expect(documents.filter((d) => d.kind === "translation" && d.locale === "en").length).toBeGreaterThanOrEqual(5);
  });

  it("serves a translated event in English when asked, and says so", async () => {
    const { data } = await query(
      `{ event(slug: "szturm-na-palac-zimowy", locale: EN) { locale title summary notes body(format: HTML) date { label } related { locale title } } }`,
    );
    expect(data.event).toMatchObject({
      locale: "EN",
      title: "The storming of the Winter Palace",
      date: { label: "25–26 October (7–8 November) 1917" },
    });
    expect(data.event.body).toContain("<p>The Winter Palace, seat of the Provisional Government");
    expect(data.event.notes[0]).toContain('"in the night of 6/7 XI 1918"');
    expect(data.event.related).toEqual([{ locale: "EN", title: "The Second All-Russian Congress of Soviets" }]);
  });

  it("says which language it served as a Locale, a value the locale argument takes back", async () => {
    const english = await query(`{ event(slug: "szturm-na-palac-zimowy", locale: EN) { locale } }`);
    expect(english.data.event).toEqual({ locale: "EN" });
    const again = await postQuery(
      app,
      `query ($locale: Locale!) { event(slug: "szturm-na-palac-zimowy", locale: $locale) { locale title } }`,
      {
        variables: { locale: english.data.event.locale },
      },
    );
    expect(again.errors).toBeUndefined();
    expect(again.data.event).toEqual({ locale: "EN", title: "The storming of the Winter Palace" });
  });

  it("falls back to Polish for an event without a translation, still labelling the date in English", async () => {
    const { data } = await query(`{ event(slug: "powrot-lenina", locale: EN) { locale title date { label } } }`);
    expect(data.event).toEqual({ locale: "PL", title: "Powrót Lenina do Piotrogrodu", date: { label: "3 April (16 April) 1917" } });
  });

  it("takes the language from Accept-Language when no argument names one, and Polish by default", async () => {
    const english = await query(`{ events(first: 1) { edges { node { locale title } } } }`, {
      "accept-language": "en-GB,en;q=0.9,pl;q=0.5",
    });
    expect(english.data.events.edges[0].node).toEqual({ locale: "EN", title: "The February Revolution" });
    const polish = await query(`{ events(first: 1) { edges { node { locale title } } } }`);
    expect(polish.data.events.edges[0].node).toEqual({ locale: "PL", title: "Rewolucja lutowa" });
  });
});

describe("the shipped collection (content/)", () => {
  const shipped = async () => {
    const loaded = await loadContent(shippedDir);
    return { loaded, ...validateContent(loaded.documents) };
  };

  it("passes the content check with no errors and no warnings, as --strict requires", async () => {
    const { loaded, diagnostics, collection } = await shipped();
    expect([...loaded.diagnostics, ...diagnostics].map((d) => formatHuman(d))).toEqual([]);
    expect(collection.events.length).toBeGreaterThanOrEqual(60);
  });

  it("gives every event a summary, a body of two paragraphs or more, places, people and tags", async () => {
    const { collection } = await shipped();
    for (const event of collection.events) {
      expect(event.summary, event.slug).toBeTruthy();
      expect(event.body.split(/\n\s*\n/).length, event.slug).toBeGreaterThanOrEqual(2);
      expect(event.places.length, event.slug).toBeGreaterThan(0);
      expect(event.people.length, event.slug).toBeGreaterThan(0);
      expect(event.tags.length, event.slug).toBeGreaterThan(0);
    }
  });

  it("cites for every event a checkable work (with an author, an editor or a publisher) at a locator", async () => {
    const { collection } = await shipped();
    // The anonymous study text has none of the three; a book or an edition of documents has at least one.
    const checkable = new Set(
      collection.sources
        .filter(({ csl }) => {
          // The schema types only type and title; the other CSL variables pass through as written.
          const item = csl as Record<string, unknown>;
          return ["author", "editor", "publisher"].some((key) => (Array.isArray(item[key]) ? item[key].length > 0 : Boolean(item[key])));
        })
        .map((s) => s.slug),
    );
    const uncited = collection.events
      .filter((event) => !event.citations.some((c) => checkable.has(c.source) && c.locator?.trim()))
      .map((event) => event.slug);
    expect(uncited).toEqual([]);
  });

  it("translates every event's title, summary and body into each language collection.yaml lists", async () => {
    const { loaded, collection } = await shipped();
    const settings = loaded.documents.find((d) => d.kind === "settings");
    const locales: string[] = parse(settings?.text ?? "")?.locales ?? [];
    expect(locales).toContain("en");
    for (const locale of locales) {
      for (const event of collection.events) {
        const translation = event.translations[locale];
        expect(translation?.title, `${event.slug}.${locale}`).toBeTruthy();
        expect(translation?.summary, `${event.slug}.${locale}`).toBeTruthy();
        expect(translation?.body?.trim(), `${event.slug}.${locale}`).toBeTruthy();
      }
    }
  });

  it("has a record for every person and place its events name, each with an English name, places with coordinates", async () => {
    const { collection } = await shipped();
    for (const event of collection.events) {
      for (const name of event.people) expect(collection.references.people.resolve(name), `${event.slug}: ${name}`).toBeDefined();
      for (const name of event.places) expect(collection.references.places.resolve(name), `${event.slug}: ${name}`).toBeDefined();
    }
    for (const person of collection.people) {
      expect(person.names.en, person.slug).toBeTruthy();
      expect(person.description, person.slug).toBeTruthy();
    }
    for (const place of collection.places) {
      expect(place.names.en, place.slug).toBeTruthy();
      expect(place.coordinates, place.slug).toBeDefined();
    }
  });
});
