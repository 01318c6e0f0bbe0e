// The image codec: sharp (libvips), loaded only when an image must be made, so the rest of the sync (and the
// API, which never imports this) does not pay for it. Each image is decoded once, turned upright by its EXIF
// orientation, and every rendition is encoded from those pixels: raw pixels carry no metadata, so no EXIF
// (GPS, camera, dates), XMP or IPTC of the original reaches a rendition.
import { maxImagePixels } from "../media/media-limits";
import type { Rendition } from "../media/rendition-plan";

/** The placeholder's width: a data URI of a few hundred bytes, which the browser blurs as it scales it up. */
const placeholderWidth = 16;

const encoderOptions = {
  avif: { quality: 55, effort: 4 },
  webp: { quality: 78, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true },
  png: { compressionLevel: 9, adaptiveFiltering: true },
} as const;

export interface EncodedImage {
  /** Each planned rendition's bytes, by key. */
  files: Map<string, Buffer>;
  /** A tiny blurred WebP as a data: URI. */
  placeholder: string;
}

/**
 * Makes the planned renditions of a raster image (those `wanted`, of `planned`) and its placeholder. sharp
 * refuses a canvas over the pixel limit too: the check's header reading is the first guard, this the second.
 */
export async function encodeRenditions(bytes: Uint8Array, planned: Rendition[], wanted: (r: Rendition) => boolean): Promise<EncodedImage> {
  const { default: sharp } = await import("sharp");
  const { data, info } = await sharp(bytes, { limitInputPixels: maxImagePixels, failOn: "error" })
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const files = new Map<string, Buffer>();
  for (const rendition of planned.filter(wanted)) {
    const resized = pixels().resize({ width: rendition.width, withoutEnlargement: true });
    const encoded =
      rendition.format === "avif"
        ? resized.avif(encoderOptions.avif)
        : rendition.format === "webp"
          ? resized.webp(encoderOptions.webp)
          : rendition.format === "png"
            ? resized.png(encoderOptions.png)
            : resized.flatten({ background: "#ffffff" }).jpeg(encoderOptions.jpeg);
    files.set(rendition.key, await encoded.toBuffer());
  }
  const tiny = await pixels().resize({ width: placeholderWidth }).blur(1).webp({ quality: 40 }).toBuffer();
  return { files, placeholder: `data:image/webp;base64,${tiny.toString("base64")}` };
}
