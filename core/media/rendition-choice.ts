// Which rendition answers a request for an image at a width and format: the narrowest at least that wide,
// else the widest; in the format asked for if the image has it, else in its own. Only ever a rendition that
// exists: a URL is never made up.
import type { ImageFormat } from "./image-format";

interface Choosable {
  key: string;
  format: ImageFormat;
  width: number;
}

/** The renditions in `format` if there are any, else in the image's own format, narrowest first. */
export function renditionsIn<R extends Choosable>(renditions: R[], format: ImageFormat | undefined, own: ImageFormat): R[] {
  const inFormat = renditions.filter((r) => r.format === format);
  return (inFormat.length > 0 ? inFormat : renditions.filter((r) => r.format === own)).sort((a, b) => a.width - b.width);
}

export function chooseRendition<R extends Choosable>(
  renditions: R[],
  options: { width?: number; format?: ImageFormat; own: ImageFormat },
): R | undefined {
  const candidates = renditionsIn(renditions, options.format, options.own);
  const width = options.width;
  return (width === undefined ? undefined : candidates.find((r) => r.width >= width)) ?? candidates[candidates.length - 1];
}
