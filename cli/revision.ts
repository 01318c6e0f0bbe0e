// The revision id for a sync: the git commit that last touched the content folder, when the folder is
// committed as it is; otherwise undefined (the sync then uses a hash of the content).
import { execFileSync } from "node:child_process";
import { environment } from "../core/environment";

export function gitRevision(contentDir: string): string | undefined {
  const given = process.env[environment.revision];
  if (given) return given;
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", contentDir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (git("status", "--porcelain", "--", ".") !== "") return undefined;
    return git("log", "-1", "--format=%H", "--", ".") || undefined;
  } catch {
    return undefined;
  }
}
