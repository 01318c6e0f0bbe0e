// Images made in a test, never taken from anywhere: sharp draws them, or the bytes are written out by hand.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** A photo-like JPEG (a gradient, so encoders have something to do) of the given size. */
export async function jpegOf(width: number, height: number, exif?: Record<string, Record<string, string>>): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = 128;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (exif ? image.withExif(exif) : image).jpeg({ quality: 80 }).toBuffer();
}

export const pngOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

/** A sidecar with every required field, and any others given. */
export const sidecarFile = (fields: Record<string, string> = {}) =>
  Object.entries({ alt: "Opis obrazu", credit: "Kronika, test", licence: "CC0-1.0", ...fields })
    .map(([key, value]) => `${key}: ${value}\n`)
    .join("");

/** Writes binary files (images) into a content folder. */
export async function writeMediaFiles(contentDir: string, files: Record<string, Buffer | string>) {
  await mkdir(path.join(contentDir, "media"), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(contentDir, "media", name), bytes);
}
