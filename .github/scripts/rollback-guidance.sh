#!/usr/bin/env bash
# Prints, as Markdown for the run's summary, what a failed deploy left where and how to roll back: which job
# failed, whether production changed, and how to redeploy the last commit that deployed (re-running its run,
# reverting, or by hand). Reads NEEDS (the workflow's `toJSON(needs)`), BEFORE (the commit main was at before
# this push), GITHUB_SHA, GITHUB_REPOSITORY and GITHUB_SERVER_URL; asks the GitHub CLI for the last good run.
set -euo pipefail

order=(test diff deploy-staging smoke-staging deploy-prod smoke-prod)
failed=""
for job in "${order[@]}"; do
  result=$(jq -r --arg job "$job" '.[$job].result // "skipped"' <<<"$NEEDS")
  if [ "$result" = failure ] || [ "$result" = cancelled ]; then
    failed=$job
    break
  fi
done

# The last commit that went through every job: its run can be re-run, which deploys it again through the same gates.
last_good=$(gh run list --repo "$GITHUB_REPOSITORY" --workflow deploy.yml --branch main --status success --limit 1 \
  --json databaseId,headSha --jq '.[0] | "\(.databaseId) \(.headSha)"' 2>/dev/null || true)
last_good_run=${last_good%% *}
last_good_sha=${last_good#* }
if [ -z "$last_good" ] || [ "$last_good" = "null null" ]; then
  last_good_run=""
  last_good_sha=${BEFORE:-}
fi
# A push that created the branch has no commit before it.
case "$last_good_sha" in "" | 0000000000000000000000000000000000000000) last_good_sha="" ;; esac

echo "## Deploy failed${failed:+ at \`$failed\`}: how to roll back"
echo
case "$failed" in
  test | diff)
    echo "Nothing was deployed: staging and production still run the last deploy. Fix the commit, or revert it;"
    echo "the next push to main goes through the same gates."
    ;;
  deploy-staging | smoke-staging)
    echo "Production was not touched. Staging may now run this commit (\`${GITHUB_SHA:0:12}\`), broken:"
    echo "fix forward, or revert the commit, and staging follows with the next push."
    ;;
  deploy-prod)
    echo "Production's deploy failed. CloudFormation rolls a failed stack update back by itself, but with \`--all\`"
    echo "the \`Kronika-prod-edge\` stack (us-east-1) may already run this commit while \`Kronika-prod\` does not."
    echo "Check both stacks' status, then redeploy the last good commit as below to bring them back in step."
    ;;
  smoke-prod)
    echo "**Production runs this commit (\`${GITHUB_SHA:0:12}\`) and fails its smoke test.** Roll back now: redeploy"
    echo "the last good commit as below."
    ;;
  *)
    echo "A job failed before it could say which. Look at the run's jobs."
    ;;
esac
echo
echo "### Redeploying the last good commit"
echo
if [ -n "$last_good_run" ]; then
  echo "1. Re-run the last successful deploy (commit \`${last_good_sha:0:12}\`), which tests, deploys staging and then"
  echo "   production again, with the content of that commit:"
  echo "   [run $last_good_run]($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$last_good_run) → *Re-run all jobs*, or"
  echo '   ```sh'
  echo "   gh run rerun $last_good_run --repo $GITHUB_REPOSITORY"
  echo '   ```'
else
  echo "1. No earlier successful deploy run was found: redeploy by hand (step 3)."
fi
echo "2. Revert on main, so that the next push does not deploy this commit again:"
echo '   ```sh'
if [ -n "$last_good_sha" ]; then
  echo "   git revert --no-edit ${last_good_sha}..${GITHUB_SHA} && git push"
else
  echo "   git revert --no-edit ${GITHUB_SHA} && git push"
fi
echo '   ```'
echo "3. By hand, with the deploy role's credentials (the fastest, with no gate):"
echo '   ```sh'
echo "   git checkout ${last_good_sha:-<last good commit>} && npm ci && npx cdk deploy --all -c stage=prod --require-approval never"
echo '   ```'
echo
echo "Redeploying a commit also syncs its content: the table then holds exactly what that commit published."
echo "To restore the table's data itself, see [Roll back]($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/docs/deploy.md#roll-back)."
