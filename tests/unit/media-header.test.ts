// Reading an image's format and size from its first bytes, without decoding it, for every format the
// content may hold; and the rendition plan that follows from them.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageDimensions } from "../../core/media/image-dimensions";
import { sniffImageFormat } from "../../core/media/image-format";
import { plannedWidths, planRenditions } from "../../core/media/rendition-plan";

const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#347" } });

describe("an image's header", () => {
  it("gives the format and size of JPEG, PNG, WebP (lossy and lossless) and AVIF as sharp decodes them", async () => {
    const made = {
      jpeg: await canvas(641, 359).jpeg().toBuffer(),
      png: await canvas(642, 358).png().toBuffer(),
      webp: await canvas(643, 357).webp().toBuffer(),
      webpLossless: await canvas(644, 356).webp({ lossless: true }).toBuffer(),
      avif: await canvas(646, 354).avif().toBuffer(),
    };
    for (const [name, bytes] of Object.entries(made)) {
      const format = sniffImageFormat(bytes);
      const { width, height } = await sharp(bytes).metadata();
      expect(format, name).toBe(name.startsWith("webp") ? "webp" : name);
      expect(format && imageDimensions(bytes, format), name).toEqual({ width, height });
    }
  });

  it("turns a JPEG whose EXIF orientation is a quarter turn: stored 600 × 400, shown 400 × 600", async () => {
    const bytes = await canvas(600, 400).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(imageDimensions(bytes, "jpeg")).toEqual({ width: 400, height: 600 });
    const upright = await sharp(bytes).rotate().toBuffer({ resolveWithObject: true });
    expect([upright.info.width, upright.info.height]).toEqual([400, 600]);
  });

  it("knows nothing of text, HTML or a truncated header", () => {
    for (const text of ["hello", "<!doctype html><html></html>", "\x89PNG\r\n\x1a\n"]) {
      const bytes = Buffer.from(text, "latin1");
      const format = sniffImageFormat(bytes);
      expect(format === undefined || imageDimensions(bytes, format) === undefined, text).toBe(true);
    }
  });
});

describe("the rendition plan", () => {
  it("makes the standard widths below the original and the original's own, up to 2048", () => {
    expect(plannedWidths(200)).toEqual([200]);
    expect(plannedWidths(320)).toEqual([320]);
    expect(plannedWidths(1000)).toEqual([320, 640, 1000]);
    expect(plannedWidths(1280)).toEqual([320, 640, 1280]);
    expect(plannedWidths(6000)).toEqual([320, 640, 1280, 2048]);
  });

  it("names each rendition by the bytes' hash and the settings version, in AVIF, WebP and the original's format; an SVG once", () => {
    const hash = "ab".repeat(32);
    const png = planRenditions("palac", hash, "png", { width: 700, height: 350 });
    expect(png.map((r) => `${r.key} ${r.height}`)).toEqual([
      `palac/${hash.slice(0, 20)}-r1-320w.avif 160`,
      `palac/${hash.slice(0, 20)}-r1-640w.avif 320`,
      `palac/${hash.slice(0, 20)}-r1-700w.avif 350`,
      `palac/${hash.slice(0, 20)}-r1-320w.webp 160`,
      `palac/${hash.slice(0, 20)}-r1-640w.webp 320`,
      `palac/${hash.slice(0, 20)}-r1-700w.webp 350`,
      `palac/${hash.slice(0, 20)}-r1-320w.png 160`,
      `palac/${hash.slice(0, 20)}-r1-640w.png 320`,
      `palac/${hash.slice(0, 20)}-r1-700w.png 350`,
    ]);
    expect(planRenditions("schemat", hash, "svg", { width: 960, height: 360 }).map((r) => r.key)).toEqual([
      `schemat/${hash.slice(0, 20)}-r1-960w.svg`,
    ]);
  });
});
