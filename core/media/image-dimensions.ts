// An image's width and height read from its header, without decoding a pixel: what the content check
// measures a decompression bomb by, before any decoder is given the file. JPEG's EXIF orientation is applied
// (a portrait photo stored sideways is as tall as it is shown), since renditions are made upright.
import type { ImageFormat } from "./image-format";

export interface Dimensions {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

function png(b: Uint8Array): Dimensions | undefined {
  if (b.length < 24 || ascii(b, 12, 16) !== "IHDR") return undefined;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** The EXIF orientation (1–8) in an APP1 segment's TIFF data, if it has one. */
function exifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 14 || ascii(b, start, start + 6) !== "Exif\0\0") return undefined;
  const tiff = start + 6;
  const little = ascii(b, tiff, tiff + 2) === "II";
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0 : u32be(b, at));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return undefined;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic), which carry the frame's size. */
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): Dimensions | undefined {
  let at = 2;
  let orientation: number | undefined;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    if (length < 2) return undefined;
    const start = at + 4;
    const end = Math.min(at + 2 + length, b.length);
    if (marker === 0xe1 && orientation === undefined) orientation = exifOrientation(b, start, end);
    if (startOfFrame.has(marker)) {
      if (start + 5 > b.length) return undefined;
      const height = u16be(b, start + 1);
      const width = u16be(b, start + 3);
      // Orientations 5–8 turn the picture a quarter: it is shown as wide as it is stored high.
      return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data, or the end, before any frame
    at += 2 + length;
  }
  return undefined;
}

function webp(b: Uint8Array): Dimensions | undefined {
  if (b.length < 30) return undefined;
  const chunk = ascii(b, 12, 16);
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/** ISO-BMFF boxes between two offsets: type, where its content starts, where it ends. */
function* boxes(b: Uint8Array, start: number, end: number): Generator<{ type: string; content: number; end: number }> {
  let at = start;
  while (at + 8 <= end) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return;
      // A 64-bit size: larger than any file checked, unless its high word is 0.
      if (u32be(b, at + 8) !== 0) return;
      size = u32be(b, at + 12);
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield { type: ascii(b, at + 4, at + 8), content: at + header, end: at + size };
    at += size;
  }
}

/**
 * AVIF: the largest image spatial extent (`ispe`) among the item properties (meta → iprp → ipco). The
 * primary image, a grid's canvas, is the largest; thumbnails and tiles are smaller.
 */
function avif(b: Uint8Array): Dimensions | undefined {
  let found: Dimensions | undefined;
  for (const meta of boxes(b, 0, b.length)) {
    if (meta.type !== "meta") continue;
    for (const iprp of boxes(b, meta.content + 4, meta.end)) {
      if (iprp.type !== "iprp") continue;
      for (const ipco of boxes(b, iprp.content, iprp.end)) {
        if (ipco.type !== "ipco") continue;
        for (const property of boxes(b, ipco.content, ipco.end)) {
          if (property.type !== "ispe" || property.content + 12 > property.end) continue;
          const width = u32be(b, property.content + 4);
          const height = u32be(b, property.content + 8);
          if (!found || width * height > found.width * found.height) found = { width, height };
        }
      }
    }
  }
  return found;
}

/** A length in user units: a plain number or px; anything relative (%, em) says nothing. */
const length = (value: string | undefined) => {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
};

/** SVG: the root element's width and height, else its viewBox's; rounded to whole pixels. */
function svg(b: Uint8Array): Dimensions | undefined {
  const text = new TextDecoder().decode(b);
  const root = /<svg\b([^>]*)>/i.exec(text)?.[1];
  if (root === undefined) return undefined;
  const attribute = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
      .exec(root)
      ?.slice(1)
      .find((v) => v !== undefined);
  const viewBox = attribute("viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const fromViewBox = viewBox?.length === 4 && viewBox.every(Number.isFinite) ? { width: viewBox[2], height: viewBox[3] } : undefined;
  const width = length(attribute("width")) ?? fromViewBox?.width;
  const height = length(attribute("height")) ?? fromViewBox?.height;
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

const readers: Record<ImageFormat, (bytes: Uint8Array) => Dimensions | undefined> = { png, jpeg, webp, avif, svg };

/** The displayed size of an image of a known format, or undefined if its header does not say. */
export function imageDimensions(bytes: Uint8Array, format: ImageFormat): Dimensions | undefined {
  const found = readers[format](bytes);
  return found && found.width > 0 && found.height > 0 ? found : undefined;
}
