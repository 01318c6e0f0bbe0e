// Where renditions are kept: a folder for `npm start` and the CLI, an S3 bucket in the stack. Keys are
// checked here, at the edge, against the one pattern a rendition key has, so no key names anything else.
import { renditionKeyPattern } from "../media/rendition-plan";

export interface MediaStorage {
  /** Where it writes, for messages. */
  readonly description: string;
  has(key: string): Promise<boolean>;
  /** Writes the whole object or nothing: a reader never sees half of it. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A key as the storage takes it; anything else is a bug, never a file or an object to touch. */
export function checkedKey(key: string): string {
  if (!renditionKeyPattern.test(key)) throw new Error(`not a rendition key: ${JSON.stringify(key)}`);
  return key;
}
