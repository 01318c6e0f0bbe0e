// Media, checked: each image's bytes (its real format, its size, an SVG's safety), each sidecar's fields,
// the pairing of the two, and events' references to them. Pure: the image's facts were read by the loader.
import { maxImagePixels } from "../media/media-limits";
import type { MediaEntry } from "./collection";
import { type Diagnostic, diagnostic } from "./diagnostic";
import type { ContentDocument, ParsedDocument } from "./document";
import { checkFields, type Report, reporterFor } from "./fields";
import { mediaSchema } from "./schema";
import { didYouMean } from "./similar";

/** A sidecar's fields, checked, before it is paired with its image. */
export type Sidecar = Omit<MediaEntry, "file" | "format" | "size" | "hash">;

export function checkMediaSidecar(slug: string, parsed: ParsedDocument, report: Report): Sidecar | undefined {
  const checked = checkFields(mediaSchema, parsed, report);
  if (!checked) return undefined;
  const { date: _written, translations, ...fields } = checked.fields;
  const date = checked.dates.get("date");
  return { ...fields, slug, ...(date ? { date } : {}), translations: Object.assign(Object.create(null), translations ?? {}) };
}

const megapixels = (pixels: number) => `${(pixels / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} megapixels`;

/** An image's own problems, reported at the image file; its facts when it has none. */
function checkImage(doc: ContentDocument, diagnostics: Diagnostic[]): Omit<MediaEntry, keyof Sidecar> | undefined {
  const facts = doc.image;
  if (!facts) return undefined;
  const at = (line = 1) => ({ file: doc.file, line, col: 1 });
  const count = (n: number) => n.toLocaleString("en");
  if (!facts.hash) {
    diagnostics.push(
      diagnostic("image-size", at(), `the image has ${count(facts.bytes)} bytes; an image may have at most 20 MB (it was not read)`),
    );
    return undefined;
  }
  if (facts.sniffed !== facts.named) {
    const is = facts.sniffed ? `a ${facts.sniffed.toUpperCase()} file` : "no image format Kronika reads (JPEG, PNG, WebP, AVIF, SVG)";
    diagnostics.push(diagnostic("image-type", at(), `the file is named as ${facts.named.toUpperCase()} but its bytes are ${is}`));
    return undefined;
  }
  let ok = true;
  for (const problem of facts.svgProblems ?? []) {
    diagnostics.push(diagnostic("svg-unsafe", at(problem.line), problem.message));
    ok = false;
  }
  const size = facts.dimensions;
  if (!size) {
    diagnostics.push(
      diagnostic("image-size", at(), "the image's header gives no width and height (for an SVG: width and height, or a viewBox)"),
    );
    return undefined;
  }
  const pixels = size.width * size.height;
  if (facts.named !== "svg" && pixels > maxImagePixels) {
    diagnostics.push(
      diagnostic(
        "image-size",
        at(),
        `the image declares ${count(size.width)} × ${count(size.height)} pixels (${megapixels(pixels)}); an image may have at most ${megapixels(maxImagePixels)}: it was not decoded`,
      ),
    );
    ok = false;
  }
  return ok ? { file: doc.file, format: facts.named, size, hash: facts.hash } : undefined;
}

/**
 * Pairs each image with its sidecar, reporting either without the other and images that share a name; the
 * entries of pairs with no problems, by slug.
 */
export function pairMedia(
  images: ContentDocument[],
  sidecars: { doc: ContentDocument; parsed?: ParsedDocument; entry?: Sidecar }[],
  diagnostics: Diagnostic[],
): Map<string, MediaEntry> {
  const bySlug = new Map<string, ContentDocument[]>();
  for (const image of images) bySlug.set(image.slug, [...(bySlug.get(image.slug) ?? []), image]);
  const withSidecar = new Set(sidecars.map((s) => s.doc.slug));
  for (const image of images) {
    if (!withSidecar.has(image.slug)) {
      diagnostics.push(
        diagnostic(
          "missing-sidecar",
          { file: image.file, line: 1, col: 1 },
          `no sidecar media/${image.slug}.yaml for this image: give its alt, credit and licence there`,
        ),
      );
    }
  }
  const facts = new Map(images.map((image) => [image.file, checkImage(image, diagnostics)]));
  const media = new Map<string, MediaEntry>();
  for (const { doc, parsed, entry } of sidecars) {
    const report = reporterFor(doc, parsed, diagnostics);
    const found = bySlug.get(doc.slug) ?? [];
    if (found.length === 0) {
      report([], "missing-image", `no image media/${doc.slug}.<jpg|png|webp|avif|svg> for this sidecar`);
    } else if (found.length > 1) {
      report([], "missing-image", `two images are named ${doc.slug}: ${found.map((d) => d.file).join(", ")}; keep one`);
    } else {
      const image = facts.get(found[0].file);
      if (entry && image) media.set(doc.slug, { ...entry, ...image });
    }
  }
  return media;
}

/** Every event's `media` entry names an image that exists (one with problems of its own exists too). */
export function checkMediaReferences(
  events: { doc: ContentDocument; parsed: ParsedDocument; data: unknown }[],
  known: ReadonlySet<string>,
  diagnostics: Diagnostic[],
) {
  for (const { doc, parsed, data } of events) {
    const written = (data as { media?: unknown } | null)?.media;
    if (!Array.isArray(written)) continue;
    const report = reporterFor(doc, parsed, diagnostics);
    written.forEach((item, index) => {
      const slug = (item as { media?: unknown } | null)?.media;
      if (typeof slug === "string" && !known.has(slug)) {
        report(["media", index, "media"], "unknown-media", `no image "${slug}" in media/${didYouMean(slug, known)}`);
      }
    });
  }
}
