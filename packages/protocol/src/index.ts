/**
 * `@nova/protocol`: what the app and `nova-runner` share, and nothing else: the report schema
 * (zod) and its JSON Schema, the upload signature, the rule for a report's overall status.
 * Both sides import this package; neither imports the other.
 */
export * from "./report-schema.js";
export * from "./report-json-schema.js";
export * from "./sign-report.js";
export * from "./patterns.js";
export * from "./worst-status.js";
