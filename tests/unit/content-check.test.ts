import { describe, expect, it } from "vitest";
import { formatHuman } from "../../core/content/diagnostic";
import type { ContentDocument } from "../../core/content/document";
import { maxCitationsPerEvent, maxRelatedPerEvent } from "../../core/content/list-limits";
import { validateContent } from "../../core/content/validate";
import { supportedLocales } from "../../core/locale/locales";

const source = (slug: string, text = "type: book\ntitle: Rewolucja\nlanguage: pl\n"): ContentDocument => ({
  file: `content/sources/${slug}.yaml`,
  kind: "source",
  slug,
  text,
});
const event = (slug: string, frontMatter: string, body = "Treść.\n"): ContentDocument => ({
  file: `content/events/${slug}.md`,
  kind: "event",
  slug,
  text: `---\n${frontMatter}---\n${body}`,
});
const validEvent = (slug = "szturm") =>
  event(slug, "title: Szturm\ndate:\n  julian: 1917-10-25/1917-10-26\nsources:\n  - source: opracowanie\n");

/** The errors only: the editorial warnings have tests of their own below. */
function check(...documents: ContentDocument[]) {
  const result = validateContent([source("opracowanie"), ...documents]);
  const diagnostics = result.diagnostics.filter((d) => d.severity === "error");
  return { ...result, diagnostics, lines: diagnostics.map((d) => formatHuman(d)) };
}

describe("content check", () => {
  it("bounds an event's related events and citations, which the API's query cost counts at their bound", () => {
    const related = Array.from({ length: maxRelatedPerEvent + 1 }, (_, i) => `e${i}`);
    const others = related.map((slug) => validEvent(slug));
    const { lines } = check(
      ...others,
      event("szturm", `title: Szturm\ndate: 1917-11-07\nsources:\n  - source: opracowanie\nrelated: [${related.join(", ")}]\n`),
    );
    expect(lines).toEqual([expect.stringMatching(/szturm\.md:\d+:\d+: error: .*related.*(10|too|most).* \[invalid-value\]/)]);
    const citations = Array.from({ length: maxCitationsPerEvent + 1 }, () => "  - source: opracowanie\n").join("");
    expect(check(event("zjazd", `title: Zjazd\ndate: 1917-11-07\nsources:\n${citations}`)).lines).toEqual([
      expect.stringMatching(/zjazd\.md:\d+:\d+: error: .*sources.* \[invalid-value\]/),
    ]);
  });

  it("accepts a valid event and resolves its date in both calendars", () => {
    const { diagnostics, collection } = check(validEvent());
    expect(diagnostics).toEqual([]);
    expect(collection.events[0]).toMatchObject({
      slug: "szturm",
      title: "Szturm",
      body: "Treść.",
      date: { julian: "1917-10-25/1917-10-26", gregorian: "1917-11-07/1917-11-08" },
      citations: [{ source: "opracowanie" }],
      places: [],
      draft: false,
    });
  });

  it("rejects a Julian/Gregorian pair that disagrees, naming the right counterpart at its line and column", () => {
    const { lines } = check(event("moskwa", "title: Moskwa\ndate:\n  julian: 1917-11-15\n  gregorian: 1917-12-02\n"));
    expect(lines).toEqual([
      "content/events/moskwa.md:5:14: error: julian 1917-11-15 is gregorian 1917-11-28, not 1917-12-02 [date-mismatch]",
    ]);
  });

  it("reads unquoted dates as written, never through a JS Date", () => {
    const { diagnostics, collection } = check(
      event("luty", "title: Luty\ndate:\n  julian: 1700-02-29\n"),
      event("rok", "title: Rok\ndate: 1917\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(collection.events.map((e) => e.date.gregorian)).toEqual(["1700-03-11", "1917"]);
  });

  it("reports impossible days and reversed intervals where they are written", () => {
    const { lines } = check(
      event("zly-dzien", "title: X\ndate: 1917-02-30\n"),
      event("odwrocony", "title: X\ndate:\n  julian: 1917-10-26/1917-10-25\n"),
    );
    expect(lines).toEqual([
      "content/events/zly-dzien.md:3:7: error: 1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days) [date-invalid]",
      "content/events/odwrocony.md:4:11: error: interval 1917-10-26/1917-10-25 ends before it starts [date-interval-order]",
    ]);
  });

  it("reports missing, unknown and mistyped fields, all of them, each at its place", () => {
    const { lines } = check(event("braki", "summary: 12\npalces: [Moskwa]\ndate: 1917\ntags: Moskwa\n"));
    expect(lines).toEqual([
      'content/events/braki.md:2:1: error: missing required field "title" [missing-field]',
      "content/events/braki.md:2:10: error: summary: expected string [wrong-type]",
      "content/events/braki.md:5:7: error: tags: expected array [wrong-type]",
      'content/events/braki.md:3:1: error: unknown field "palces" (did you mean "places"?) [unknown-field]',
    ]);
  });

  it("reports malformed YAML with its position and a missing front matter", () => {
    const { lines } = check(event("zepsuty", "title: [Szturm\ndate: 1917\n"), {
      file: "content/events/bez.md",
      kind: "event",
      slug: "bez",
      text: "title: x\n",
    });
    expect(lines[0]).toMatch(/^content\/events\/zepsuty\.md:\d+:\d+: error: .+ \[yaml-syntax\]$/);
    expect(lines[1]).toBe(
      "content/events/bez.md:1:1: error: an event file starts with YAML front matter between two lines of --- [front-matter]",
    );
  });

  it("points an unclosed list, map or quote at where it opens, and says what is wrong in plain words", () => {
    const { lines } = check(
      event("lista", "title: Pokój brzeski\ndate: 1918-03-03\nplaces: [Brześć Litewski\npeople: [Lenin]\n"),
      event("mapa", "title: Mapa\ndate: 1918\nsources:\n  - { source: opracowanie\nrelated: []\n"),
      event("cudzyslow", 'title: "Pokój\ndate: 1918\n'),
    );
    expect(lines).toEqual([
      "content/events/lista.md:4:9: error: this list opened with [ is not closed: end it with ] (a list on several lines must be indented under its key) [yaml-syntax]",
      "content/events/mapa.md:5:5: error: this map opened with { is not closed: end it with } (a map on several lines must be indented under its key) [yaml-syntax]",
      'content/events/cudzyslow.md:2:8: error: this quoted text opened with " is not closed: end it with " [yaml-syntax]',
    ]);
  });

  it("points an unclosed map at where it opens when a key after it has no value", () => {
    const { lines } = check(event("mapa", "title: Mapa\ndate: {julian\nsources:\n"));
    expect(lines).toEqual([
      "content/events/mapa.md:3:7: error: this map opened with { is not closed: end it with } (a map on several lines must be indented under its key) [yaml-syntax]",
    ]);
  });

  it("reports every problem at once: a file's bad date and misspelt key do not hide its or other files' broken links", () => {
    const { lines } = check(
      event("zly", "title: Zły\ndate: 1917-02-30\npalces: [Moskwa]\nsources:\n  - source: opracowanei\nrelated: [szturmm]\n"),
      event("inny", "title: Inny\ndate: 1917\nsources:\n  - source: nieznane\nrelated: [zly, brak]\n"),
      validEvent(),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/events\/zly\.md:3:7: error: 1917-02-30 does not exist .* \[date-invalid\]$/),
        expect.stringMatching(/^content\/events\/zly\.md:4:1: error: unknown field "palces" .* \[unknown-field\]$/),
        expect.stringMatching(/^content\/events\/zly\.md:6:13: error: no source "opracowanei" in sources\/ .* \[unknown-source\]$/),
        expect.stringMatching(/^content\/events\/zly\.md:7:11: error: no event "szturmm" in events\/ .* \[unknown-event\]$/),
        expect.stringMatching(/^content\/events\/inny\.md:5:13: error: no source "nieznane" in sources\/.* \[unknown-source\]$/),
        expect.stringMatching(/^content\/events\/inny\.md:6:\d+: error: no event "brak" in events\/.* \[unknown-event\]$/),
      ]),
    );
    // "zly" has errors of its own, but it exists: a link to it is not reported as pointing nowhere.
    expect(lines.filter((line) => line.includes('"zly"'))).toEqual([]);
    expect(lines).toHaveLength(6);
  });

  it("reports citations and related links that point nowhere, with a hint", () => {
    const { lines } = check(event("x", "title: X\ndate: 1917\nsources:\n  - source: opracowanei\nrelated: [szturmm]\n"), validEvent());
    expect(lines).toEqual([
      'content/events/x.md:5:13: error: no source "opracowanei" in sources/ (did you mean "opracowanie"?) [unknown-source]',
      'content/events/x.md:6:11: error: no event "szturmm" in events/ (did you mean "szturm"?) [unknown-event]',
    ]);
  });

  it("rejects a bad file name and a source of unknown CSL type", () => {
    const { lines } = check(validEvent("Szturm_Palacu"), source("ksiazka", "type: bok\ntitle: X\n"));
    expect(lines).toEqual([
      'content/events/Szturm_Palacu.md:2:1: error: file name "Szturm_Palacu" is not a slug: use lowercase a–z, digits and single hyphens, e.g. szturm-palacu-zimowego [slug]',
      'content/sources/ksiazka.yaml:1:7: error: unknown CSL type "bok" (did you mean "book"?) [csl-type]',
    ]);
  });

  it("validates drafts but does not publish them, and refuses a published link to a draft", () => {
    const { lines, collection } = check(
      event("szkic", "title: Szkic\ndate: 1917\ndraft: true\n"),
      event("x", "title: X\ndate: 1917\nrelated: [szkic]\n"),
    );
    expect(collection.events.map((e) => e.slug)).toEqual(["x"]);
    expect(lines).toEqual(['content/events/x.md:4:11: error: event "szkic" is a draft and is not published [related-draft]']);
  });

  it("accepts a CSL-JSON source with names, an issued date and a date in both calendars", () => {
    const { diagnostics, collection } = check(
      source(
        "dekret-o-pokoju",
        "type: legislation\ntitle: Dekret o pokoju\ndate:\n  julian: 1917-10-26\n  gregorian: 1917-11-08\nlanguage: pl\n",
      ),
      source(
        "pipes",
        "type: book\ntitle: The Russian Revolution\nauthor:\n  - family: Pipes\n    given: Richard\nissued:\n  date-parts: [[1990]]\n",
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(collection.sources.find((s) => s.slug === "dekret-o-pokoju")?.date?.gregorian).toBe("1917-11-08");
    expect(collection.sources.find((s) => s.slug === "pipes")?.csl).toMatchObject({ id: "pipes", author: [{ family: "Pipes" }] });
  });
});

describe("editorial warnings", () => {
  const settings = (text: string): ContentDocument => ({ file: "content/collection.yaml", kind: "settings", slug: "collection", text });
  const warnings = (...documents: ContentDocument[]) =>
    validateContent([source("opracowanie"), ...documents]).diagnostics.map(
      (d) => `${d.severity} ${formatHuman(d).replace(/ error:| warning:/, "")}`,
    );

  it("warns of an event without citations and a summary over 300 characters, at their lines", () => {
    expect(warnings(event("bez", `title: Bez źródeł\nsummary: ${"a".repeat(301)}\ndate: 1917\n`))).toEqual([
      "warning content/events/bez.md:2:8: the event cites no source; add one under sources: [no-citation]",
      "warning content/events/bez.md:3:10: the summary has 301 characters; keep it under 300 (one or two sentences) [long-summary]",
    ]);
  });

  it("warns of a source without a language, whose title Chicago would title-case as English", () => {
    expect(warnings(source("historia", "type: book\ntitle: Historia Rosji\n"))).toEqual([
      "warning content/sources/historia.yaml:2:8: the source has no `language`: citation styles take its title for English, and Chicago title-cases it; add e.g. language: pl [source-language]",
    ]);
  });

  it("warns of a locator the citation styles cannot label, at the locator", () => {
    const citing = (locator: string) => `sources:\n  - source: opracowanie\n    locator: ${locator}\n`;
    expect(
      warnings(
        event("a", `title: A\ndate: 1917\n${citing("przedmowa")}`),
        event("b", `title: B\ndate: 1917\n${citing("s. 12–15")}`),
        event("c", `title: C\ndate: 1917\n${citing("rozdz. IV")}`),
      ),
    ).toEqual([
      'warning content/events/a.md:6:14: locator "przedmowa" starts with no word the citation styles know (e.g. "s. 12", "rozdz. IV", "t. 2", "§ 3", "p. 12", "chap. 4"); it is printed as written after the reference [locator-label]',
    ]);
  });

  it("warns of a person spelled like another, pointing at the rarer spelling", () => {
    const cited = "sources:\n  - source: opracowanie\n";
    expect(
      warnings(
        event("a", `title: A\ndate: 1917\npeople: [Aleksandr Kiereński]\n${cited}`),
        event("b", `title: B\ndate: 1917\npeople: [Aleksandr Kiereński]\n${cited}`),
        event("c", `title: C\ndate: 1917\npeople: [Lew Trocki, Aleksandr Kierenski]\n${cited}`),
      ),
    ).toEqual([
      'warning content/events/c.md:4:22: "Aleksandr Kierenski" looks like "Aleksandr Kiereński" (in 2 events); spell one name one way so filters find every event [similar-name]',
    ]);
  });

  it("warns of a Julian date after the calendar switch, at either bound, and a Gregorian-only date before it", () => {
    const cited = "sources:\n  - source: opracowanie\n";
    expect(
      warnings(
        settings("julianCalendarUntil: 1918-02-13\n"),
        event("po", `title: Po\ndate:\n  julian: 1918-03-01\n${cited}`),
        event("przed", `title: Przed\ndate: 1917-11-07\n${cited}`),
        event("dobrze", `title: Dobrze\ndate:\n  julian: 1917-10-25\n${cited}`),
        event("koniec", `title: Koniec\ndate:\n  julian: 1917-11-07/1918-03-18\n${cited}`),
        event("obie", `title: Obie\ndate:\n  julian: 1917-10-25/1918-03-05\n  gregorian: 1917-11-07/1918-03-18\n${cited}`),
      ),
    ).toEqual([
      "warning content/events/po.md:4:11: dated in the Julian calendar, but the collection switched to the Gregorian on 1918-02-14; write the date as gregorian [calendar-switch]",
      "warning content/events/przed.md:3:7: dated only in the Gregorian calendar, but before 1918-02-14 the collection's sources use the Julian; add julian: 1917-10-25 [calendar-switch]",
      "warning content/events/koniec.md:4:11: ends in the Julian calendar after the collection switched to the Gregorian on 1918-02-14; give the Gregorian too, as sources after the switch date it: gregorian: 1917-11-20/1918-03-31 [calendar-switch]",
    ]);
  });

  it("checks an event against its places' calendar switch, inherited from the place containing them, before the collection's", () => {
    const cited = "sources:\n  - source: opracowanie\n";
    const place = (slug: string, text: string): ContentDocument => ({ file: `content/places/${slug}.yaml`, kind: "place", slug, text });
    expect(
      warnings(
        // Poland's switch, for the collection; Russia keeps its own.
        settings("julianCalendarUntil: 1582-10-14\n"),
        place("rosja", "name: Rosja\njulianCalendarUntil: { julian: 1918-01-31, gregorian: 1918-02-13 }\n"),
        place("piotrogrod", "name: Piotrogród\nwithin: rosja\n"),
        place("warszawa", "name: Warszawa\n"),
        event("szturm", `title: Szturm\ndate:\n  julian: 1917-10-25\nplaces: [piotrogrod]\n${cited}`),
        event("po", `title: Po\ndate:\n  julian: 1918-03-01\nplaces: [piotrogrod]\n${cited}`),
        event("przed", `title: Przed\ndate: 1917-11-07\nplaces: [rosja]\n${cited}`),
        event("regencja", `title: Regencja\ndate: 1917-11-07\nplaces: [warszawa]\n${cited}`),
        event("oba", `title: Oba\ndate:\n  julian: 1917-10-25\nplaces: [piotrogrod, warszawa]\n${cited}`),
      ),
    ).toEqual([
      "warning content/events/po.md:4:11: dated in the Julian calendar, but its places switched to the Gregorian on 1918-02-14; write the date as gregorian [calendar-switch]",
      "warning content/events/przed.md:3:7: dated only in the Gregorian calendar, but before 1918-02-14 its places used the Julian; add julian: 1917-10-25 [calendar-switch]",
    ]);
  });

  it("reports a bad settings file like any other", () => {
    expect(warnings(settings("julianCalendarUntil: 1918-02-30\nlanguage: pl\n"))).toEqual([
      "error content/collection.yaml:1:22: 1918-02-30 does not exist in the gregorian calendar (February 1918 has 28 days) [date-invalid]",
      'error content/collection.yaml:2:1: unknown field "language" [unknown-field]',
    ]);
  });
});

describe("translations", () => {
  const translation = (slug: string, locale: string, frontMatter: string, body = "Text.\n"): ContentDocument => ({
    file: `content/events/${slug}.${locale}.md`,
    kind: "translation",
    slug,
    locale,
    text: `---\n${frontMatter}---\n${body}`,
  });
  const settings = (text: string): ContentDocument => ({ file: "content/collection.yaml", kind: "settings", slug: "collection", text });

  it("attach to their event: title, summary, notes and body", () => {
    const { diagnostics, collection } = check(
      validEvent(),
      translation("szturm", "en", "title: The storming\nnotes: [A note]\n", "The body.\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(collection.events[0].translations).toEqual({ en: { title: "The storming", notes: ["A note"], body: "The body." } });
  });

  it("report a translation of no event, a field that is not translatable, and one in the collection's own language", () => {
    const { lines } = check(
      validEvent(),
      translation("szturmm", "en", "title: X\n"),
      translation("szturm", "de", "title: X\ndate: 1917\n"),
      translation("szturm", "pl", "title: X\n"),
    );
    expect(lines).toEqual([
      'content/events/szturm.de.md:3:1: error: "date" is not translatable: a translation gives only title, summary, notes and the body [untranslatable-field]',
      'content/events/szturmm.en.md:2:1: error: no event "szturmm" in events/ for this translation (did you mean "szturm"?) [unknown-translation]',
      'content/events/szturm.pl.md:2:1: error: the collection is written in "pl": edit events/szturm.md instead [default-locale-translation]',
    ]);
  });

  it("are served only in a language the API serves: the collection's own language must be one", () => {
    const result = validateContent([source("opracowanie"), settings("locale: xx\n"), validEvent("szturm")]);
    expect(result.diagnostics.map((d) => formatHuman(d))).toEqual([
      `content/collection.yaml:1:9: error: locale: must be a language the API serves: ${supportedLocales.join(", ")} [invalid-value]`,
    ]);
    expect(validateContent([source("opracowanie"), settings("locale: en\n"), validEvent("szturm")]).collection.locale).toBe("en");
  });

  it("warn of events missing a translation for a language the settings ask for", () => {
    const result = validateContent([
      source("opracowanie"),
      settings("locales: [en]\n"),
      validEvent("szturm"),
      validEvent("zjazd"),
      translation("szturm", "en", "title: The storming\n"),
    ]);
    expect(result.diagnostics.map((d) => formatHuman(d))).toEqual([
      'content/events/zjazd.md:2:8: warning: no "en" translation (events/zjazd.en.md) [missing-translation]',
    ]);
  });
});
