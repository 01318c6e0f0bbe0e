// What the content check needs to know of an image file, read from its bytes once: its real format, its size
// from the header, the hash that names its renditions and, for an SVG, what makes it unsafe. Pure.
import { type Dimensions, imageDimensions } from "./image-dimensions";
import { type ImageFormat, sniffImageFormat } from "./image-format";
import { maxImageBytes } from "./media-limits";
import { sourceHash } from "./rendition-plan";
import { type SvgProblem, svgProblems } from "./svg-safety";

export interface ImageFacts {
  /** The format the file name's extension says. */
  named: ImageFormat;
  /** The file's size in bytes. */
  bytes: number;
  /** The format its bytes are, if any this check knows; undefined when the file was too large to read. */
  sniffed?: ImageFormat;
  /** The size its header declares, upright. */
  dimensions?: Dimensions;
  /** SHA-256 of the bytes, hex. */
  hash?: string;
  /** For an SVG: what makes it unsafe. */
  svgProblems?: SvgProblem[];
}

/** The facts of a file too large to read: its size is all that is known. */
export const unreadImageFacts = (named: ImageFormat, bytes: number): ImageFacts => ({ named, bytes });

export function imageFacts(named: ImageFormat, bytes: Uint8Array): ImageFacts {
  if (bytes.length > maxImageBytes) return unreadImageFacts(named, bytes.length);
  const sniffed = sniffImageFormat(bytes);
  const dimensions = sniffed ? imageDimensions(bytes, sniffed) : undefined;
  return {
    named,
    bytes: bytes.length,
    ...(sniffed ? { sniffed } : {}),
    ...(dimensions ? { dimensions } : {}),
    hash: sourceHash(bytes),
    ...(sniffed === "svg" ? { svgProblems: svgProblems(bytes) } : {}),
  };
}
