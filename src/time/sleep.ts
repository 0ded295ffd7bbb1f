/**
 * Waits `ms` milliseconds. The one wait Nova uses wherever a wait is real (tests inject their
 * own `sleep` so they never wait).
 *
 * `ref: false` is for background waits (a follow-up run, a retry's back-off, a secondary rate
 * limit in a worker): such a timer must not keep the process alive on its own, so a stopping
 * server or a finished test run can exit. A command-line tool waiting for GitHub keeps the
 * default, or it would exit in the middle of its wait.
 */
export function sleep(ms: number, options: { ref?: boolean } = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (options.ref === false) timer.unref();
  });
}

/** `sleep` for background work: the timer does not keep the process alive. */
export function sleepInBackground(ms: number): Promise<void> {
  return sleep(ms, { ref: false });
}
