// The image formats the content may hold, and which one a file's bytes really are (its magic bytes, not its
// name): a PNG named .jpg, or HTML named .svg, is refused by the check.

export const imageFormats = ["jpeg", "png", "webp", "avif", "svg"] as const;
export type ImageFormat = (typeof imageFormats)[number];

/** The file name extensions of each format, as written in content/media/. */
export const extensionsOf: Record<ImageFormat, readonly string[]> = {
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  webp: [".webp"],
  avif: [".avif"],
  svg: [".svg"],
};

/** The extension a rendition of the format is written with. */
export const renditionExtension: Record<ImageFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif", svg: "svg" };

/** The Content-Type each format is served with. */
export const contentTypeOf: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The format a file name's extension says, or undefined for a name that is no image's. */
export function formatOfName(name: string): { format: ImageFormat; extension: string } | undefined {
  const lower = name.toLowerCase();
  for (const format of imageFormats) {
    const extension = extensionsOf[format].find((ext) => lower.endsWith(ext));
    if (extension) return { format, extension: name.slice(-extension.length) };
  }
  return undefined;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** AVIF brands an ISO-BMFF file may name as its major or a compatible brand. */
const avifBrands = new Set(["avif", "avis"]);

function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const size = Math.min(((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0, bytes.length, 4096);
  if (avifBrands.has(ascii(bytes, 8, 12))) return true;
  for (let at = 16; at + 4 <= size; at += 4) if (avifBrands.has(ascii(bytes, at, at + 4))) return true;
  return false;
}

/**
 * An SVG file is UTF-8 text whose first element is <svg>: after an optional byte order mark, XML declaration,
 * comments and whitespace. (A DOCTYPE before it is found here, and refused by the SVG check.)
 */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "");
  const prologue = /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i.exec(head)?.[0] ?? "";
  return /^<svg[\s>/]/i.test(head.slice(prologue.length));
}

/** The format the bytes are, from their signature; undefined for anything else. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (isAvif(bytes)) return "avif";
  if (isSvg(bytes)) return "svg";
  return undefined;
}
