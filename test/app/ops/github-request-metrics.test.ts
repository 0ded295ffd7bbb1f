import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { Probot } from "probot";
import {
  routeTemplate,
  withGitHubRequestMetrics,
} from "../../../src/app/ops/github-request-metrics.js";
import { createNovaMetrics } from "../../../src/app/ops/metrics.js";
import { createTestOctokit, FakeGitHub, getTestPrivateKey } from "../../fake-github/index.js";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(() => fake.close());

it.each([
  ["/repos/{owner}/{repo}/issues", "/repos/{owner}/{repo}/issues"],
  ["https://api.github.com/repositories/123/issues?page=2", "/repositories/{repository_id}/issues"],
  [
    "https://ghe.example.com/api/v3/repos/acme/dgx/issues/7/comments",
    "/repos/{owner}/{repo}/issues/{id}/comments",
  ],
  [
    "/repos/acme/dgx/commits/0123456789abcdef0123456789abcdef01234567/check-runs",
    "/repos/{owner}/{repo}/commits/{sha}/check-runs",
  ],
  ["/graphql", "/graphql"],
  [undefined, "unknown"],
])("labels %s as %s", (url, route) => {
  expect(routeTemplate(url)).toBe(route);
});

it("counts every client Probot makes, errors included, by route template and status", async () => {
  fake.reset();
  fake.seedRepo({ owner: "acme", name: "dgx", installationId: 42, files: { "a.md": "a\n" } });
  const metrics = createNovaMetrics();
  const probot = new Probot({
    appId: fake.state.app.id,
    privateKey: getTestPrivateKey(),
    baseUrl: fake.url,
    Octokit: withGitHubRequestMetrics(createTestOctokit(), metrics),
    logLevel: "fatal",
  });
  const app = await probot.auth();
  await app.request("GET /app");
  const installation = await probot.auth(42);
  await installation.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "dgx" });
  await expect(
    installation.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "acme",
      repo: "dgx",
      issue_number: 999,
    }),
  ).rejects.toMatchObject({ status: 404 });

  const counted = (await metrics.githubRequests.get()).values.map(
    (value) =>
      `${value.labels.method} ${value.labels.route} ${value.labels.status} ×${value.value}`,
  );
  expect(counted.sort()).toEqual([
    "GET /app 200 ×1",
    "GET /repos/{owner}/{repo} 200 ×1",
    "GET /repos/{owner}/{repo}/issues/{issue_number} 404 ×1",
    "POST /app/installations/{installation_id}/access_tokens 201 ×1",
  ]);
  const remaining = (await metrics.rateLimitRemaining.get()).values.map((value) => value.labels);
  expect(remaining).toContainEqual({ resource: "core", installation: "42" });
});
