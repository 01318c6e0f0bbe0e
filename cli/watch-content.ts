// Calls back when anything under the content folder changes, for `npm start`'s re-sync.
// Each folder is watched on its own: Node 20's recursive watch on Linux stops reporting a file once an
// editor has replaced it by a rename (`sed -i`, atomic saves), while a folder's watch sees every later write.
import { type Dirent, type FSWatcher, readdirSync, watch } from "node:fs";
import path from "node:path";

export interface ContentWatcher {
  close(): void;
}

/** The folder and every folder below it. */
function foldersUnder(root: string): string[] {
  const folders = [root];
  for (let i = 0; i < folders.length; i++) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folders[i], { withFileTypes: true });
    } catch {
      continue; // removed while we looked: the next change looks again
    }
    for (const entry of entries) if (entry.isDirectory()) folders.push(path.join(folders[i], entry.name));
  }
  return folders;
}

export function watchContent(root: string, onChange: () => void): ContentWatcher {
  const watchers = new Map<string, FSWatcher>();
  // Folders come and go (the first `content:new -- person` creates people/): look again on each change.
  const update = () => {
    const present = new Set(foldersUnder(root));
    for (const [folder, watcher] of watchers) {
      if (!present.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of present) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, () => {
          update();
          onChange();
        });
        // A removed folder's watch ends with an error; the next update drops it.
        watcher.on("error", () => {
          watcher.close();
          if (watchers.get(folder) === watcher) watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // removed between listing and watching
      }
    }
  };
  update();
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
