#!/usr/bin/env bash
# Posts a comment on a pull request, or edits the one this workflow posted before under the same marker:
# one comment per purpose (the content plan, the preview's URL), kept up to date, never another's edited.
# Usage: pull-request-comment.sh MARKER BODY_FILE, with PR, GH_TOKEN and GITHUB_REPOSITORY in the environment.
set -euo pipefail
marker="<!-- $1 -->"
body="$(cat "$2")

$marker"
existing=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PR/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | contains(\"$marker\"))) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -f body="$body" > /dev/null
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -f body="$body" > /dev/null
fi
