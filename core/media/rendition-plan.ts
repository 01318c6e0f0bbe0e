// Which renditions an image gets, and their names. Pure: from the image's format and size alone, so the
// plan is known (and its names checked against storage) before a decoder sees the file. Names are content
// addressed: a hash of the source's bytes and the version of these settings, so a changed image (or changed
// settings) gets new URLs, and a URL once served never changes meaning.
import { createHash } from "node:crypto";
import type { Dimensions } from "./image-dimensions";
import { type ImageFormat, renditionExtension } from "./image-format";

/**
 * Bump when what a rendition holds changes (widths, formats, encoder settings, sharp's major version): every
 * image then gets new names, and is made again at the next sync.
 */
export const renditionVersion = 1;

/** The widths made of a raster image, each only if the original is wider; and the original's own, up to the largest. */
export const renditionWidths = [320, 640, 1280, 2048] as const;

/** The formats a raster image is made in: AVIF and WebP for browsers that take them, and its own for the rest. */
const rasterFormats = (original: ImageFormat): ImageFormat[] => [...new Set<ImageFormat>(["avif", "webp", original])];

export interface Rendition {
  /** The storage key, relative to the media root (served at /media/<key>). */
  key: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** The hash of an image's bytes: what its renditions are named by. */
export const sourceHash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Widths to make of an image this wide: the standard ones below it, and its own (at most the largest standard). */
export function plannedWidths(width: number): number[] {
  const largest = renditionWidths[renditionWidths.length - 1];
  const top = Math.min(width, largest);
  return [...renditionWidths.filter((w) => w < top), top];
}

/** A rendition's key: the slug for a reader of the URL, then the bytes' hash and the settings version. */
export const renditionKey = (slug: string, hash: string, width: number, format: ImageFormat) =>
  `${slug}/${hash.slice(0, 20)}-r${renditionVersion}-${width}w.${renditionExtension[format]}`;

/**
 * Every rendition of an image: for a raster image each planned width in each format, for an SVG the checked
 * SVG itself (a vector is sharp at any width).
 */
export function planRenditions(slug: string, hash: string, format: ImageFormat, size: Dimensions): Rendition[] {
  if (format === "svg") return [{ key: renditionKey(slug, hash, size.width, "svg"), format, width: size.width, height: size.height }];
  return rasterFormats(format).flatMap((to) =>
    plannedWidths(size.width).map((width) => ({
      key: renditionKey(slug, hash, width, to),
      format: to,
      width,
      height: Math.max(1, Math.round((size.height * width) / size.width)),
    })),
  );
}

/** What a storage key must look like: anything else (`..`, `/`, `%2e`) is never a rendition. */
export const renditionKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[0-9a-f]{20}-r[0-9]+-[0-9]+w\.(?:avif|webp|jpg|png|svg)$/;
