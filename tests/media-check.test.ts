// content:check on media: each rule on a folder of images made here, the loader reading them as it does.
import { describe, expect, it } from "vitest";
import { formatHuman, sortDiagnostics } from "../core/content/diagnostic";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { jpegOf, pngOf, sidecarFile, writeMediaFiles } from "./support/media-files";

async function check(media: Record<string, Buffer | string>, events: Record<string, string> = {}) {
  const contentDir = await writeContentFolder({
    "sources/opracowanie.yaml": sourceFile("Opracowanie"),
    ...events,
  });
  await writeMediaFiles(contentDir, media);
  const loaded = await loadContent(contentDir);
  const checked = validateContent(loaded.documents);
  const errors = [...loaded.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
  const lines = sortDiagnostics(errors).map((d) => formatHuman(d).replace(`${contentDir}/`, ""));
  return { ...checked, errors, lines };
}

describe("content check of media", () => {
  it("accepts an image with its sidecar and an event showing it, with the size from its header and the hash of its bytes", async () => {
    const { lines, collection } = await check(
      { "palac.jpg": await jpegOf(800, 600), "palac.yaml": sidecarFile({ caption: "Pałac", source: "https://example.org/palac" }) },
      {
        "events/szturm.md": eventFile({ title: "Szturm", date: "1917-11-07", sources: ["opracowanie"] }).replace(
          "---\n",
          "---\nmedia:\n  - media: palac\n    caption: Pałac po szturmie\n",
        ),
      },
    );
    expect(lines).toEqual([]);
    expect(collection.media).toEqual([
      expect.objectContaining({
        slug: "palac",
        format: "jpeg",
        size: { width: 800, height: 600 },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        alt: "Opis obrazu",
        caption: "Pałac",
      }),
    ]);
    expect(collection.events[0].media).toEqual([{ media: "palac", caption: "Pałac po szturmie" }]);
  });

  it("requires a sidecar, and in it alt, credit and licence (an SPDX id or public-domain)", async () => {
    const { lines } = await check({
      "bez-opisu.png": await pngOf(10, 10),
      "puste.png": await pngOf(10, 10),
      "puste.yaml": "caption: Coś\n",
      "zla-licencja.png": await pngOf(10, 10),
      "zla-licencja.yaml": sidecarFile({ licence: '"CC BY SA"' }),
      "domena.png": await pngOf(10, 10),
      "domena.yaml": sidecarFile({ licence: "public-domain" }),
    });
    expect(lines).toEqual([
      expect.stringMatching(/^media\/bez-opisu\.png:1:1: error: no sidecar media\/bez-opisu\.yaml .*\[missing-sidecar\]$/),
      expect.stringMatching(/^media\/puste\.yaml:1:1: error: missing required field "alt" \[missing-field\]$/),
      expect.stringMatching(/^media\/puste\.yaml:1:1: error: missing required field "credit" \[missing-field\]$/),
      expect.stringMatching(/^media\/puste\.yaml:1:1: error: missing required field "licence" \[missing-field\]$/),
      expect.stringMatching(/^media\/zla-licencja\.yaml:3:\d+: error: licence: must be an SPDX licence id.*\[invalid-value\]$/),
    ]);
  });

  it("reports a sidecar without its image, and an event naming an image that is not there, with a did-you-mean", async () => {
    const { lines } = await check(
      { "palac.jpg": await jpegOf(40, 30), "palac.yaml": sidecarFile(), "sierota.yaml": sidecarFile() },
      {
        "events/szturm.md": eventFile({ title: "Szturm", date: "1917-11-07", sources: ["opracowanie"] }).replace(
          "---\n",
          "---\nmedia:\n  - media: palc\n",
        ),
      },
    );
    expect(lines).toEqual([
      expect.stringMatching(/^events\/szturm\.md:3:12: error: no image "palc" in media\/ \(did you mean "palac"\?\) \[unknown-media\]$/),
      expect.stringMatching(/^media\/sierota\.yaml:1:1: error: no image media\/sierota\..* \[missing-image\]$/),
    ]);
  });

  it("refuses a file whose bytes are not the format its name says", async () => {
    const { lines } = await check({
      "przebrany.jpg": await pngOf(10, 10),
      "przebrany.yaml": sidecarFile(),
      "strona.svg": "<!doctype html><html><script>alert(1)</script></html>",
      "strona.yaml": sidecarFile(),
    });
    expect(lines).toEqual([
      "media/przebrany.jpg:1:1: error: the file is named as JPEG but its bytes are a PNG file [image-type]",
      "media/strona.svg:1:1: error: the file is named as SVG but its bytes are no image format Kronika reads (JPEG, PNG, WebP, AVIF, SVG) [image-type]",
    ]);
  });

  it("refuses a decompression bomb by its header (48 megapixels in a small PNG) and a file over 20 MB without reading it", async () => {
    const bomb = await pngOf(8000, 6000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { lines } = await check({
      "bomba.png": bomb,
      "bomba.yaml": sidecarFile(),
      "ogromny.png": Buffer.alloc(20 * 1024 * 1024 + 1),
      "ogromny.yaml": sidecarFile(),
    });
    expect(lines).toEqual([
      "media/bomba.png:1:1: error: the image declares 8,000 × 6,000 pixels (48 megapixels); an image may have at most 40 megapixels: it was not decoded [image-size]",
      "media/ogromny.png:1:1: error: the image has 20,971,521 bytes; an image may have at most 20 MB (it was not read) [image-size]",
    ]);
  });

  it("refuses a hostile SVG, naming each script, handler, animated handler or link, javascript: URL, external reference, foreignObject and entity at its line", async () => {
    const hostile = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE svg [ <!ENTITY lol "lol"> ]>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" onload="alert(1)">',
      "  <script>alert(document.cookie)</script>",
      '  <a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>',
      '  <image href="https://tracker.example/pixel.png" width="1" height="1"/>',
      '  <rect style="fill: url(https://tracker.example/p.svg#g)" width="10" height="10"/>',
      "  <foreignObject><div>html</div></foreignObject>",
      '  <use href="#ok"/><rect fill="url(#grad)" width="1" height="1"/>',
      '  <set attributeName="onmouseover" to="alert(1)"/><animate attributeName="xlink:href" to="#a"/>',
      '  <animate attributeName="opacity" from="0" to="1" dur="1s"/>',
      "</svg>",
    ].join("\n");
    const { lines } = await check({ "wrogi.svg": hostile, "wrogi.yaml": sidecarFile() });
    const at = (line: number) => lines.filter((l) => l.startsWith(`media/wrogi.svg:${line}:`));
    expect(lines.every((l) => l.endsWith("[svg-unsafe]"))).toBe(true);
    expect(at(2).join("\n")).toMatch(/DOCTYPE[\s\S]*ENTITY/);
    expect(at(3)).toEqual([expect.stringContaining("event handler attribute onload")]);
    expect(at(4)).toEqual([expect.stringContaining("<script>")]);
    expect(at(5).join("\n")).toMatch(/xlink:href="javascript:alert\(1\)" refers outside[\s\S]*javascript: URL/);
    expect(at(6)).toEqual([expect.stringContaining('href="https://tracker.example/pixel.png" refers outside the file')]);
    expect(at(7)).toEqual([expect.stringContaining("url(https://tracker.example/p.svg#g) refers outside the file")]);
    expect(at(8)).toEqual([expect.stringContaining("<foreignObject>")]);
    expect(at(9)).toEqual([]);
    expect(at(10)).toEqual([expect.stringContaining("animation of onmouseover"), expect.stringContaining("animation of xlink:href")]);
    expect(at(11)).toEqual([]);
  });

  it("accepts a plain SVG drawing, sized by its viewBox", async () => {
    const drawing =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="640" height="360"/></svg>';
    const { lines, collection } = await check({ "rysunek.svg": drawing, "rysunek.yaml": sidecarFile() });
    expect(lines).toEqual([]);
    expect(collection.media[0]).toMatchObject({ format: "svg", size: { width: 640, height: 360 } });
  });
});
