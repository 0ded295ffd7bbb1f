/**
 * The fake GitHub for integration tests: import from here.
 * See README.md in this folder.
 */
export { createManualClock, type Clock, type ManualClock } from "./clock.js";
export { createTestOctokit, createTestProbot, getTestPrivateKey } from "./create-test-probot.js";
export type { TestProbot, TestProbotOptions } from "./create-test-probot.js";
export {
  SECONDARY_RATE_LIMIT_MESSAGE,
  secondaryRateLimit,
  type FailRule,
} from "./fail-injection.js";
export { DEFAULT_APP, FakeGitHub, type FakeGitHubOptions, type Outage } from "./fake-github.js";
export type { RecordedRequest, Violation, ViolationKind } from "./recorded-request.js";
export { DEFAULT_HUMAN, FakeRepo, type PushOptions, type SeedRepoOptions } from "./fake-repo.js";
export type { RepositoryRole } from "./records.js";
export {
  adjustWebhookPayload,
  createWebhookPayload,
  deliverWebhook,
  loadWebhookExample,
  signWebhookBody,
  type WebhookAdjustments,
  type WebhookName,
  type WebhookPayload,
} from "./webhooks.js";
export { findFreePort } from "./find-free-port.js";
