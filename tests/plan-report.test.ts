// The pull-request plan, field by field: each edit an editor can make, planned against a table that holds the
// published collection (read back from DynamoDB, as `content:plan -- --format markdown` does).
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { planMarkdown } from "../core/sync/plan-report";
import { publishedVersions } from "../core/sync/published-versions";
import { syncContent } from "../core/sync/sync";
import { freshTable, testClient } from "./support/dynamodb";

const fixture = path.resolve("tests/fixtures/collection-1917");
const { client } = testClient();
let tableName: string;

/** An edit: in `file`, `from` becomes `to` (`from` must occur). */
type Edit = [file: string, from: string | RegExp, to: string];

/** The plan's lines below its counts table, after the edits, against the published collection. */
async function reportAfter(...edits: Edit[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "kronika-plan-"));
  await cp(fixture, dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const text = await readFile(path.join(dir, file), "utf8");
    if (typeof from === "string" ? !text.includes(from) : !from.test(text)) throw new Error(`${file} has no ${from}`);
    await writeFile(path.join(dir, file), text.replace(from, to));
  }
  const outcome = await syncContent({ contentDir: dir, client, tableName, dryRun: true });
  if (outcome.status === "invalid") throw new Error(JSON.stringify(outcome.diagnostics));
  const report = planMarkdown(outcome.plan, await publishedVersions(sdkTableReads(client), tableName, outcome.plan.changes));
  return report.split("\n").filter((line) => line.startsWith("- ") || line.startsWith("  - "));
}

beforeAll(async () => {
  tableName = await freshTable(client);
  expect((await syncContent({ contentDir: fixture, client, tableName })).status).toBe("applied");
});

describe("the plan of an edit, field by field", () => {
  it("says nothing changes when nothing does", async () => {
    expect(await reportAfter()).toEqual([]);
  });

  const salwa = "- **updated** event `salwa-aurory`: Wystrzał z krążownika „Aurora”";
  const opracowanie = "opracowanie-rewolucja-pazdziernikowa";
  const citingReed = [
    "ii-zjazd-rad",
    "odezwa-do-obywateli-rosji",
    "szturm-na-palac-zimowy",
    "walki-o-moskwe",
    "wybuch-powstania-w-piotrogrodzie",
  ];
  const reformattedFor = (titles: Map<string, string>) =>
    citingReed.flatMap((slug) => [
      `- **updated** event \`${slug}\`: ${titles.get(slug)}`,
      "  - citations formatted anew (cited source changed: reed-ten-days)",
    ]);
  const reedTitles = new Map([
    ["ii-zjazd-rad", "II Ogólnorosyjski Zjazd Rad"],
    ["odezwa-do-obywateli-rosji", "Odezwa „Do obywateli Rosji”"],
    ["szturm-na-palac-zimowy", "Szturm na Pałac Zimowy"],
    ["walki-o-moskwe", "Walki o Moskwę"],
    ["wybuch-powstania-w-piotrogrodzie", "Wybuch powstania zbrojnego w Piotrogrodzie"],
  ]);
  const bielyszew = "- **updated** person `aleksandr-bielyszew`: Aleksandr Biełyszew";
  const newa = "- **updated** place `newa`: Newa";
  const piotrogrod = "- **updated** place `piotrogrod`: Piotrogród";

  it.each<[string, Edit[], string[]]>([
    [
      "an event's title only, with citations that carry a note",
      [["events/dni-lipcowe.md", "title: Dni lipcowe", "title: Dni lipcowe 1917"]],
      ["- **updated** event `dni-lipcowe`: Dni lipcowe 1917", "  - title: Dni lipcowe → Dni lipcowe 1917"],
    ],
    [
      "an event's summary",
      [["events/salwa-aurory.md", /summary: .*/, "summary: Sygnał do szturmu."]],
      [
        salwa,
        "  - summary: Ślepy strzał z działa dziobowego krążownika „Aurora” stał się sygnałem do ataku na Pałac Zimowy. → Sygnał do szturmu.",
      ],
    ],
    [
      "an event's date",
      [["events/salwa-aurory.md", "julian: 1917-10-25", "julian: 1917-10-26"]],
      [salwa, "  - date: julian 1917-10-25 = gregorian 1917-11-07 → julian 1917-10-26 = gregorian 1917-11-08"],
    ],
    [
      "an event's date made uncertain, on the same day",
      [["events/salwa-aurory.md", "julian: 1917-10-25", "julian: 1917-10-25?"]],
      [salwa, "  - date: julian 1917-10-25 = gregorian 1917-11-07 → julian 1917-10-25? = gregorian 1917-11-07?"],
    ],
    [
      "an event's date written in the other calendar, the same day",
      [["events/salwa-aurory.md", "date:\n  julian: 1917-10-25", "date:\n  gregorian: 1917-11-07"]],
      [salwa, "  - date: julian 1917-10-25 = gregorian 1917-11-07 → gregorian 1917-11-07 = julian 1917-10-25"],
    ],
    [
      "an event's places, and so the places it is within",
      [["events/salwa-aurory.md", "places: [Piotrogród, Newa]", "places: [Piotrogród, Newa, Moskwa]"]],
      [
        salwa,
        "  - places: piotrogrod, newa → piotrogrod, newa, moskwa",
        "  - places within (from the places' hierarchy): piotrogrod, rosja, newa → piotrogrod, rosja, newa, moskwa",
      ],
    ],
    [
      "an event's people",
      [["events/salwa-aurory.md", "people: [Aleksandr Biełyszew]", "people: [Aleksandr Biełyszew, Lew Trocki]"]],
      [salwa, "  - people: aleksandr-bielyszew → aleksandr-bielyszew, lew-trocki"],
    ],
    [
      "an event's tags",
      [["events/salwa-aurory.md", "Flota Bałtycka]", "Flota Bałtycka, Aurora]"]],
      [salwa, "  - tags: przewrót październikowy, Flota Bałtycka → przewrót październikowy, Flota Bałtycka, Aurora"],
    ],
    [
      "a citation's locator",
      [["events/salwa-aurory.md", "  - source: figes-peoples-tragedy", "  - source: figes-peoples-tragedy\n    locator: s. 491"]],
      [salwa, `  - citations: ${opracowanie}, figes-peoples-tragedy → ${opracowanie}, figes-peoples-tragedy (s. 491)`],
    ],
    [
      "a citation's note",
      [["events/salwa-aurory.md", "była salwa", "był wystrzał"]],
      [
        salwa,
        `  - citation note (${opracowanie}): Według opracowania sygnałem do szturmu była salwa z dział „Aurory”. → Według opracowania sygnałem do szturmu był wystrzał z dział „Aurory”.`,
      ],
    ],
    [
      "a citation added",
      [["events/salwa-aurory.md", "  - source: figes-peoples-tragedy", "  - source: figes-peoples-tragedy\n  - source: reed-ten-days"]],
      [salwa, `  - citations: ${opracowanie}, figes-peoples-tragedy → ${opracowanie}, figes-peoples-tragedy, reed-ten-days`],
    ],
    [
      "an event's related events",
      [["events/salwa-aurory.md", "related: [szturm-na-palac-zimowy]", "related: [szturm-na-palac-zimowy, ii-zjazd-rad]"]],
      [salwa, "  - related: szturm-na-palac-zimowy → szturm-na-palac-zimowy, ii-zjazd-rad"],
    ],
    [
      "an event's editorial notes",
      [["events/salwa-aurory.md", "related:", "notes: [Godzina wystrzału jest sporna.]\nrelated:"]],
      [salwa, "  - notes: — → Godzina wystrzału jest sporna."],
    ],
    ["an event's body", [["events/salwa-aurory.md", "ślepy strzał.", "ślepy strzał z działa."]], [salwa, "  - body changed"]],
    [
      "a translation's title",
      [["events/dekret-o-pokoju.en.md", "The Decree on Peace", "Decree on Peace"]],
      ["- **updated** event `dekret-o-pokoju`: Dekret o pokoju", "  - title (en): The Decree on Peace → Decree on Peace"],
    ],
    [
      "a translation's body",
      [["events/dekret-o-pokoju.en.md", "shrewd decision", "shrewd move"]],
      ["- **updated** event `dekret-o-pokoju`: Dekret o pokoju", "  - body (en) changed"],
    ],
    [
      "a source's title, which formats the citing events' citations anew",
      [["sources/reed-ten-days.yaml", "title: Ten days that shook the world", "title: Ten days that shook the world (1919)"]],
      [
        "- **updated** source `reed-ten-days`: Ten days that shook the world (1919)",
        "  - title: Ten days that shook the world → Ten days that shook the world (1919)",
        "  - csl changed",
        ...reformattedFor(reedTitles),
      ],
    ],
    [
      "a source's type",
      [["sources/reed-ten-days.yaml", "type: book", "type: report"]],
      [
        "- **updated** source `reed-ten-days`: Ten days that shook the world",
        "  - type: book → report",
        "  - csl changed",
        ...reformattedFor(reedTitles),
      ],
    ],
    [
      "a source's date",
      [["sources/dekret-o-pokoju.yaml", "julian: 1917-10-26\n  gregorian: 1917-11-08", "julian: 1917-10-27\n  gregorian: 1917-11-09"]],
      [
        "- **updated** source `dekret-o-pokoju`: Dekret o pokoju",
        "  - date: julian 1917-10-26 = gregorian 1917-11-08 → julian 1917-10-27 = gregorian 1917-11-09",
        "  - csl changed",
        "- **updated** event `dekret-o-pokoju`: Dekret o pokoju",
        "  - citations formatted anew (cited source changed: dekret-o-pokoju)",
      ],
    ],
    [
      "a person's name",
      [
        [
          "people/aleksandr-bielyszew.yaml",
          "aliases: [Biełyszew]",
          "name: Aleksander Biełyszew\naliases: [Biełyszew, Aleksandr Biełyszew]",
        ],
        ["people/aleksandr-bielyszew.yaml", "name: Aleksandr Biełyszew\n", ""],
      ],
      [
        "- **updated** person `aleksandr-bielyszew`: Aleksander Biełyszew",
        "  - name: Aleksandr Biełyszew → Aleksander Biełyszew",
        "  - aliases: Biełyszew → Biełyszew, Aleksandr Biełyszew",
      ],
    ],
    [
      "a person's names in other languages",
      [["people/aleksandr-bielyszew.yaml", "{ en: Alexander Belyshev }", "{ en: Alexander Belyshev, de: Alexander Beljschew }"]],
      [bielyszew, "  - names: en: Alexander Belyshev → de: Alexander Beljschew, en: Alexander Belyshev"],
    ],
    [
      "a person's aliases",
      [["people/aleksandr-bielyszew.yaml", "[Biełyszew]", "[Biełyszew, Bełyszew]"]],
      [bielyszew, "  - aliases: Biełyszew → Biełyszew, Bełyszew"],
    ],
    [
      "a person's life dates",
      [["people/aleksandr-bielyszew.yaml", "description:", "born: 1891-06-03\ndied: 1974-06-14\ndescription:"]],
      [bielyszew, "  - born: — → gregorian 1891-06-03 = julian 1891-05-22", "  - died: — → gregorian 1974-06-14 = julian 1974-06-01"],
    ],
    [
      "a person's description",
      [["people/aleksandr-bielyszew.yaml", "w październiku 1917.", "w 1917."]],
      [bielyszew, "  - description: Komisarz krążownika Aurora w październiku 1917. → Komisarz krążownika Aurora w 1917."],
    ],
    [
      "a person's Wikidata id",
      [["people/lew-trocki.yaml", "Q33391", "Q33392"]],
      ["- **updated** person `lew-trocki`: Lew Trocki", "  - wikidata: Q33391 → Q33392"],
    ],
    [
      "a place's name",
      [["places/newa.yaml", "name: Newa", "name: Newa (rzeka)\naliases: [Newa]"]],
      ["- **updated** place `newa`: Newa (rzeka)", "  - name: Newa → Newa (rzeka)", "  - aliases: — → Newa"],
    ],
    [
      "a place's names in other languages",
      [["places/newa.yaml", "{ en: Neva }", "{ en: Neva River }"]],
      [newa, "  - names: en: Neva → en: Neva River"],
    ],
    [
      "a place's historical names",
      [["places/piotrogrod.yaml", "from: 1924-01-26", "from: 1924-01-27"]],
      [piotrogrod, "  - historicalNames changed"],
    ],
    [
      "a place's coordinates",
      [["places/newa.yaml", "lat: 59.9353", "lat: 59.9354"]],
      [newa, "  - coordinates: lat: 59.9353, lon: 30.2897 → lat: 59.9354, lon: 30.2897"],
    ],
    [
      "the place a place is within, and so what its old and new parents contain",
      [["places/newa.yaml", "within: rosja", "within: piotrogrod"]],
      [
        newa,
        "  - within: rosja → piotrogrod",
        "  - within, all the way up: rosja → piotrogrod, rosja",
        piotrogrod,
        "  - contains: dworzec-finski, palac-taurydzki, palac-zimowy, smolny → dworzec-finski, newa, palac-taurydzki, palac-zimowy, smolny",
        "- **updated** place `rosja`: Rosja",
        "  - contains: moskwa, newa, piotrogrod, pskow, syberia → moskwa, piotrogrod, pskow, syberia",
      ],
    ],
    [
      "a place's description",
      [["places/newa.yaml", "Rzeka płynąca przez", "Rzeka przez"]],
      [
        newa,
        expect.stringMatching(/^ {2}- description: Rzeka płynąca przez Piotrogród; .* → Rzeka przez Piotrogród; /) as unknown as string,
      ],
    ],
    ["a place's Wikidata id", [["places/piotrogrod.yaml", "wikidata: Q656", "wikidata: Q657"]], [piotrogrod, "  - wikidata: Q656 → Q657"]],
  ])("reports %s, and nothing else", async (_name, edits, expected) => {
    expect(await reportAfter(...edits)).toEqual(expected);
  });
});
