// The workflows' comment script (.github/scripts/pull-request-comment.sh), run against a stand-in for the
// GitHub CLI that answers with a fixed list of comments (through the real jq) and records every call.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execute = promisify(execFile);
const script = path.resolve(".github/scripts/pull-request-comment.sh");

const fakeGh = `#!/usr/bin/env bash
{ printf '%s\\x1f' "$@"; printf '\\x1e'; } >> "$GH_LOG"
if [ "$2" = "--paginate" ]; then jq -r "$5" "$GH_COMMENTS"; fi
`;

interface Comment {
  id: number;
  user: { login: string };
  body: string;
}

async function comment(existing: Comment[], marker: string, text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "kronika-comment-"));
  await writeFile(path.join(dir, "gh"), fakeGh);
  await chmod(path.join(dir, "gh"), 0o755);
  await writeFile(path.join(dir, "comments.json"), JSON.stringify(existing));
  await writeFile(path.join(dir, "body.md"), text);
  await writeFile(path.join(dir, "calls"), "");
  await execute("bash", [script, marker, path.join(dir, "body.md")], {
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH}`,
      GH_LOG: path.join(dir, "calls"),
      GH_COMMENTS: path.join(dir, "comments.json"),
      GH_TOKEN: "test",
      GITHUB_REPOSITORY: "owner/kronika",
      PR: "7",
    },
  });
  const calls = (await readFile(path.join(dir, "calls"), "utf8")).split("\x1e").filter(Boolean);
  return calls.map((call) => call.split("\x1f").slice(0, -1));
}

const bot = { login: "github-actions[bot]" };
const writes = (calls: string[][]) => calls.filter((args) => args.includes("--method"));

describe("the pull request comment script", () => {
  it("posts a new comment, marked, when there is none of its kind", async () => {
    const calls = await comment(
      [{ id: 3, user: bot, body: "plan\n\n<!-- kronika-plan -->" }],
      "kronika-preview",
      "Preview: https://d1.example/",
    );
    expect(writes(calls)).toEqual([
      [
        "api",
        "--method",
        "POST",
        "repos/owner/kronika/issues/7/comments",
        "-f",
        "body=Preview: https://d1.example/\n\n<!-- kronika-preview -->",
      ],
    ]);
  });

  it("edits its own earlier comment of the same kind, never another workflow's or a person's", async () => {
    const existing = [
      { id: 5, user: { login: "someone" }, body: "quoting <!-- kronika-preview -->" },
      { id: 9, user: bot, body: "plan\n\n<!-- kronika-plan -->" },
      { id: 11, user: bot, body: "old\n\n<!-- kronika-preview -->" },
    ];
    const calls = await comment(existing, "kronika-preview", "Destroyed");
    expect(writes(calls)).toEqual([
      ["api", "--method", "PATCH", "repos/owner/kronika/issues/comments/11", "-f", "body=Destroyed\n\n<!-- kronika-preview -->"],
    ]);
    const person = await comment([existing[0]], "kronika-preview", "New");
    expect(writes(person).map((args) => args[2])).toEqual(["POST"]);
  });
});
