// Renditions in a local folder (under .kronika/ for `npm start`), each written to a temporary name and
// renamed into place, so the local server never serves half a file.
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkedKey, type MediaStorage } from "./media-storage";

export function folderStorage(root: string): MediaStorage {
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split("/"));
  return {
    description: root,
    async has(key) {
      return stat(fileOf(key)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // A name of its own: two syncs in one process (npm start's table and preview table) may put the same
      // content-addressed rendition at once.
      const temporary = `${file}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
