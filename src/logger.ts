/**
 * The log every part of Nova writes to: pino's calling convention (structured data first, then
 * the message), which Probot's `app.log` and `context.log` have. Domain code and `src/app` both
 * import it from here; a use-case that needs fewer levels takes `Pick<Logger, …>`, so tests can
 * pass a smaller object.
 */
export interface Logger {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}
