// When the outbox retries: the flush alarm's period and the capped exponential backoff after a failed flush.
// Production keeps the documented schedule; `wxt build --mode e2e` gets short delays so end-to-end files stay fast.

export interface FlushSchedule {
  /** Period of the `outbox-flush` chrome.alarms alarm (Chrome clamps packed extensions to ≥ 0.5 min). */
  alarmPeriodMinutes: number;
  /** Delay after the first failed flush; doubled after each further failure … */
  backoffBaseMs: number;
  /** … up to this cap. */
  backoffCapMs: number;
  /** ± this fraction of random jitter, so many browsers do not retry in step. */
  jitter: number;
}

/** The documented schedule (README): a 1-minute alarm, backoff 30 s, 1 min, 2 min … capped at 30 min, ±20 %. */
export const PRODUCTION_SCHEDULE: Readonly<FlushSchedule> = Object.freeze({
  alarmPeriodMinutes: 1,
  backoffBaseMs: 30_000,
  backoffCapMs: 30 * 60_000,
  jitter: 0.2,
});

/**
 * The e2e build only: the same shape, seconds instead of minutes. The e2e browser loads the extension unpacked, and
 * Chrome does not clamp alarms of unpacked extensions to 30 s, so a 6-second alarm really fires every 6 s.
 */
export const E2E_SCHEDULE: Readonly<FlushSchedule> = Object.freeze({
  alarmPeriodMinutes: 0.1,
  backoffBaseMs: 1_000,
  backoffCapMs: 3_000,
  jitter: 0.2,
});

/** The schedule of a build mode (`import.meta.env.MODE`): "e2e" → E2E_SCHEDULE, anything else → production. */
export function scheduleFor(mode: string | undefined): Readonly<FlushSchedule> {
  return mode === "e2e" ? E2E_SCHEDULE : PRODUCTION_SCHEDULE;
}

/** Wait before retry number `attempt` (1 = after the first failure): base · 2^(attempt−1), capped, ± jitter. */
export function backoffMs(
  attempt: number,
  random: () => number = Math.random,
  schedule: Readonly<FlushSchedule> = PRODUCTION_SCHEDULE,
): number {
  const base = Math.min(schedule.backoffBaseMs * 2 ** Math.max(0, attempt - 1), schedule.backoffCapMs);
  return Math.round(base * (1 - schedule.jitter + 2 * schedule.jitter * random()));
}
