// Service levels per tier (DOMAIN.md §4): follow-up cadence, reply-time target, named account manager.
import type { ScoringConfig } from "../config";
import { dayNumber, isoDate, timestampMs } from "../dates";
import type { CustomerGrade, Tier } from "../grade/types";
import { addWorkingHours } from "./working-time";

export { addWorkingHours, zoneOffsetMs } from "./working-time";

/**
 * The reply target of a tier in working hours (a working day counts 24).
 * @example
 * replyHours("B", defaultConfig()) // 24
 */
export function replyHours(tier: Tier, config: ScoringConfig): number {
  const target = config.service.reply[tier];
  return target.unit === "hours" ? target.value : target.value * 24;
}

/**
 * When an incoming email must be answered: received + the tier's reply target, counting only
 * Monday–Friday in `timeZone` (default: the workspace's). Returns an ISO timestamp in UTC.
 * @example
 * replyBy("2026-11-27T07:00:00Z", "A", defaultConfig()) // Friday 15:00 Shanghai + 4 h → "2026-11-27T11:00:00.000Z"
 * replyBy("2026-11-27T07:00:00Z", "B", defaultConfig()) // Friday + 1 working day → Monday "2026-11-30T07:00:00.000Z"
 */
export function replyBy(receivedIso: string, tier: Tier, config: ScoringConfig, timeZone = config.timeZone): string {
  return new Date(addWorkingHours(timestampMs(receivedIso), replyHours(tier, config), timeZone)).toISOString();
}

/**
 * Next follow-up date: the day of the last contact + the tier's cadence; asOf when never contacted.
 * @example
 * nextFollowUp("2026-03-01T09:00:00Z", "A", "2026-03-02", defaultConfig()) // "2026-03-08"
 */
export function nextFollowUp(lastContact: string | null, tier: Tier, asOf: string, config: ScoringConfig): string {
  if (lastContact === null) return asOf;
  return isoDate(dayNumber(lastContact) + config.service.cadenceDays[tier]);
}

/**
 * Service levels of one grading run by tier and follow-up day (the asOf text when never contacted): the same pair is
 * one shared frozen object, found by the day number without formatting or hashing a date string.
 */
export type ServiceLevelCache = Map<Tier, Map<number | string, CustomerGrade["serviceLevel"]>>;

/**
 * The service level a tier earns. Pass one `shared` map (`new Map()`) for a whole run to share equal levels.
 * @example
 * serviceLevelFor("A", null, "2026-03-02", defaultConfig()) // { cadenceDays: 7, replyHours: 4, nextFollowUp: "2026-03-02", accountManager: true }
 */
export function serviceLevelFor(
  tier: Tier,
  lastContact: string | null,
  asOf: string,
  config: ScoringConfig,
  shared: ServiceLevelCache | null = null,
): CustomerGrade["serviceLevel"] {
  // Same rule as nextFollowUp, kept as a day number until a level has to be built.
  const key = lastContact === null ? asOf : dayNumber(lastContact) + config.service.cadenceDays[tier];
  let byDay = shared?.get(tier);
  const hit = byDay?.get(key);
  if (hit) return hit;
  const t = tierLevels(config)[tier];
  const level: CustomerGrade["serviceLevel"] = {
    cadenceDays: t.cadenceDays,
    replyHours: t.replyHours,
    nextFollowUp: typeof key === "string" ? key : isoDate(key),
    accountManager: t.accountManager,
  };
  if (t.replyWorkingDays !== undefined) level.replyWorkingDays = t.replyWorkingDays;
  if (shared) {
    if (!byDay) {
      byDay = new Map();
      shared.set(tier, byDay);
    }
    byDay.set(key, Object.freeze(level));
  }
  return level;
}

type TierLevel = Omit<CustomerGrade["serviceLevel"], "nextFollowUp">;

/** The per-tier part of the service level, worked out once per configuration. */
const levelTables = new WeakMap<ScoringConfig, Record<Tier, TierLevel>>();

function tierLevels(config: ScoringConfig): Record<Tier, TierLevel> {
  let table = levelTables.get(config);
  if (!table) {
    const level = (tier: Tier): TierLevel => {
      const target = config.service.reply[tier];
      return {
        cadenceDays: config.service.cadenceDays[tier],
        replyHours: replyHours(tier, config),
        accountManager: config.service.accountManagerTiers.includes(tier),
        ...(target.unit === "workingDays" ? { replyWorkingDays: target.value } : {}),
      };
    };
    table = { A: level("A"), B: level("B"), C: level("C") };
    levelTables.set(config, table);
  }
  return table;
}
