// Media through the API, locally (the yoga app) and through the Lambda handler: an event's image and its
// media with captions, renditions chosen by width and format (never a URL that does not exist), bounds on
// every argument, and lists of images.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { environment } from "../core/environment";
import { folderStorage } from "../core/renditions/folder-storage";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";
import { postQuery } from "./support/graphql";
import { jpegOf, sidecarFile, writeMediaFiles } from "./support/media-files";

const event = (slug: string, media: string) =>
  eventFile({ title: slug, date: "1917-11-07", sources: ["opracowanie"] }).replace("---\n", `---\nmedia:\n${media}`);

describe("media in the API", () => {
  let app: ReturnType<typeof createApp>;
  let tableName: string;
  const query = (text: string, headers?: Record<string, string>) => postQuery(app, text, { headers });

  beforeAll(async () => {
    const contentDir = await writeContentFolder({
      "collection.yaml": "locale: pl\n",
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/szturm.md": event("szturm", "  - media: palac\n    caption: Pałac rano po szturmie\n  - media: schemat\n"),
      "events/bez-obrazu.md": eventFile({ title: "Bez obrazu", date: "1917-11-08", sources: ["opracowanie"] }),
    });
    await writeMediaFiles(contentDir, {
      "palac.jpg": await jpegOf(1500, 1000),
      "palac.yaml": sidecarFile({
        alt: "Fasada Pałacu Zimowego",
        caption: "Pałac Zimowy",
        licence: "CC-BY-SA-4.0",
        source: "https://example.org/palac",
        date: "{ julian: 1917-10-26 }",
        translations: "{ en: { alt: Facade of the Winter Palace, caption: The Winter Palace } }",
      }),
      "schemat.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400"><rect width="800" height="400"/></svg>',
      "schemat.yaml": sidecarFile({ alt: "Schemat" }),
    });
    const { client } = testClient();
    tableName = await freshTable(client);
    const root = await mkdtemp(path.join(tmpdir(), "kronika-media-api-"));
    const outcome = await syncContent({ contentDir, client, tableName, mediaStorage: folderStorage(root) });
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(client), tableName, log: false, responseCache: false });
  });

  it("serves an event's image and media, with the event's caption or the image's own, in the language asked for", async () => {
    const { data, errors } = await query(`{
      event(slug: "szturm") {
        image { slug alt credit licence source width height format date { julian } }
        media { caption media { slug caption } }
        en: media { caption(locale: EN) media { alt(locale: EN) } }
      }
      other: event(slug: "bez-obrazu") { image { slug } media { caption } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.event.image).toEqual({
      slug: "palac",
      alt: "Fasada Pałacu Zimowego",
      credit: "Kronika, test",
      licence: "CC-BY-SA-4.0",
      source: "https://example.org/palac",
      width: 1500,
      height: 1000,
      format: "JPEG",
      date: { julian: "1917-10-26" },
    });
    expect(data.event.media).toEqual([
      { caption: "Pałac rano po szturmie", media: { slug: "palac", caption: "Pałac Zimowy" } },
      { caption: null, media: { slug: "schemat", caption: null } },
    ]);
    expect(data.event.en[1]).toEqual({ caption: null, media: { alt: "Schemat" } });
    expect(data.event.en[0].media.alt).toBe("Facade of the Winter Palace");
    expect(data.other).toEqual({ image: null, media: [] });
  });

  it("chooses the narrowest rendition at least as wide as asked, else the widest, in the format asked for if there is one", async () => {
    const { data, errors } = await query(`{
      media(slug: "palac") {
        small: url(width: 300, format: WEBP)
        mid: url(width: 700, format: AVIF)
        huge: url(width: 5000)
        own: url
        srcset(format: WEBP)
        placeholder
      }
      svg: media(slug: "schemat") { avif: url(width: 100, format: AVIF) srcset placeholder }
    }`);
    expect(errors).toBeUndefined();
    const { small, mid, huge, own, srcset, placeholder } = data.media;
    expect(small).toMatch(/^\/media\/palac\/[0-9a-f]{20}-r1-320w\.webp$/);
    expect(mid).toMatch(/-r1-1280w\.avif$/);
    expect(huge).toMatch(/-r1-1500w\.jpg$/);
    expect(own).toBe(huge);
    expect(srcset.split(", ").map((entry: string) => entry.replace(/^\/media\/palac\/[0-9a-f]{20}-r1-/, ""))).toEqual([
      "320w.webp 320w",
      "640w.webp 640w",
      "1280w.webp 1280w",
      "1500w.webp 1500w",
    ]);
    expect(placeholder).toMatch(/^data:image\/webp;base64,/);
    // An SVG has no AVIF: its one rendition is the answer, not a made-up URL.
    expect(data.svg).toEqual({
      avif: expect.stringMatching(/-r1-800w\.svg$/),
      srcset: expect.stringMatching(/-r1-800w\.svg 800w$/),
      placeholder: null,
    });
  });

  it("refuses a width out of bounds as the client's error, and answers an unknown or overlong slug with null", async () => {
    for (const width of [0, -1, 10_001]) {
      const { data, errors } = await query(`{ media(slug: "palac") { url(width: ${width}) } }`);
      expect(data).toEqual({ media: null });
      expect(errors?.[0]).toMatchObject({ message: "width is 1–10000", extensions: { code: "BAD_USER_INPUT" } });
    }
    const { data } = await query(`{ a: media(slug: "nie-ma") { slug } b: media(slug: "${"x".repeat(5000)}") { slug } }`);
    expect(data).toEqual({ a: null, b: null });
  });

  it("lists the images by slug, pages them, counts them, and refetches one by its global id", async () => {
    const first = await query("{ mediaList(first: 1) { totalCount edges { node { id slug } } pageInfo { hasNextPage endCursor } } }");
    expect(first.data.mediaList).toMatchObject({ totalCount: 2, edges: [{ node: { slug: "palac" } }], pageInfo: { hasNextPage: true } });
    const after = first.data.mediaList.pageInfo.endCursor;
    const second = await query(`{ mediaList(first: 5, after: "${after}") { edges { node { slug } } pageInfo { hasNextPage } } }`);
    expect(second.data.mediaList).toEqual({ edges: [{ node: { slug: "schemat" } }], pageInfo: { hasNextPage: false } });
    const id = first.data.mediaList.edges[0].node.id;
    const node = await query(`{ node(id: "${id}") { ... on Media { slug alt } } }`);
    expect(node.data.node).toEqual({ slug: "palac", alt: "Fasada Pałacu Zimowego" });
    const tooMany = await query("{ mediaList(first: 101) { edges { node { slug } } } }");
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("fills each TimelineJS slide's media from the event's first image: url, thumbnail, caption, credit and alt, HTML-escaped", async () => {
    const { data, errors } = await query("{ timeline }");
    expect(errors).toBeUndefined();
    const [slide, other] = data.timeline.events;
    expect(slide.unique_id).toBe("szturm");
    expect(slide.media).toEqual({
      url: expect.stringMatching(/^\/media\/palac\/[0-9a-f]{20}-r1-1280w\.jpg$/),
      thumbnail: expect.stringMatching(/-r1-320w\.jpg$/),
      caption: "Pałac rano po szturmie",
      credit: "Kronika, test (CC-BY-SA-4.0)",
      alt: "Fasada Pałacu Zimowego",
    });
    expect(other.media).toBeUndefined();
  });

  it("answers the same through the Lambda handler", async () => {
    vi.resetModules();
    process.env[environment.endpoint] = inject("dynamodbEndpoint");
    process.env[environment.tableName] = tableName;
    const { handler } = await import("../functions/graphql");
    delete process.env[environment.endpoint];
    delete process.env[environment.tableName];
    const text = `{ event(slug: "szturm") { image { alt url(width: 600, format: WEBP) } } }`;
    const result = (await handler(
      functionUrlEvent({ query: new URLSearchParams({ query: text }).toString() }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body as string)).toEqual({
      data: {
        event: { image: { alt: "Fasada Pałacu Zimowego", url: expect.stringMatching(/^\/media\/palac\/[0-9a-f]{20}-r1-640w\.webp$/) } },
      },
    });
  });
});
