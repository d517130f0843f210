// Open opportunities at every stage (some stale), and a year of interactions incl. fresh incoming emails.
import { isoDate } from "../../shared/dates";
import type { ImportInput, Profile } from "./profile";
import { yuan } from "./profile";
import type { Random } from "./random";

const STAGES = ["first_contact", "needs_understood", "proposal", "negotiation", "won", "paid", "lost"] as const;

/** An instant on `day` at a Shanghai office hour, as UTC. */
const officeTime = (random: Random, day: number) =>
  `${isoDate(day)}T${String(random.int(9, 17) - 8).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}:00.000Z`;

export function makeOpportunities(random: Random, profiles: readonly Profile[], anchorDay: number) {
  const out: ImportInput<"opportunities">[] = [];
  const open = profiles.filter((p) => p.segment === "active" || p.segment === "new" || p.segment === "prospect");
  open.forEach((p, i) => {
    if (!random.chance(p.segment === "prospect" ? 0.6 : 0.3)) return;
    // Every stage appears: the first seven opportunities take one each, the rest are drawn by weight.
    const stage =
      out.length < STAGES.length
        ? STAGES[out.length]!
        : p.segment === "prospect"
          ? random.weighted([
              ["first_contact", 40],
              ["needs_understood", 30],
              ["proposal", 20],
              ["lost", 10],
            ] as const)
          : random.weighted([
              ["needs_understood", 15],
              ["proposal", 30],
              ["negotiation", 25],
              ["won", 15],
              ["paid", 5],
              ["lost", 10],
            ] as const);
    const product = p.products[0] ?? "综合采购";
    const stale = random.chance(0.3);
    const base = p.segment === "prospect" ? 5_000_000 * random.jitter(1) : p.annual * (0.1 + random.next() * 0.4);
    out.push({
      externalId: `OPP-${String(out.length + 1).padStart(4, "0")}`,
      customerExternalId: p.row.externalId,
      name: random.chance(0.5) ? `${product}年度采购框架` : `${product}采购项目（第${(i % 4) + 1}期）`,
      stage,
      amount: yuan(Math.max(1_000_000, Math.round(base / 10_000) * 10_000)),
      expectedClose: isoDate(anchorDay + random.int(-15, 150)),
      probability: random.chance(0.15) ? random.int(1, 19) * 5 : null,
      stageChangedAt: `${isoDate(anchorDay - (stale ? random.int(15, 75) : random.int(0, 13)))}T02:00:00.000Z`,
    });
  });
  return out;
}

const KINDS = [
  ["email", 40],
  ["call", 25],
  ["wechat", 15],
  ["visit", 8],
  ["meeting", 7],
  ["note", 5],
] as const;

const SUMMARIES: Record<(typeof KINDS)[number][0], readonly string[]> = {
  email: ["发送{p}报价单", "确认{p}交货时间", "回复技术参数问题", "Sent the {p} quotation", "对账单已发送"],
  call: ["电话沟通下季度{p}采购计划", "电话催款", "跟进样品测试结果", "Call about delivery schedule"],
  wechat: ["微信确认发货", "微信发送{p}产品资料", "微信沟通付款进度"],
  visit: ["拜访客户，参观生产线", "上门演示{p}", "Site visit with the purchasing team"],
  meeting: ["年度框架协议谈判", "季度业务回顾会议", "Kick-off meeting for the {p} project"],
  note: ["客户预算下半年审批", "关键决策人变动，需要重新建立联系", "竞争对手报价更低，需要关注"],
};
const INCOMING = [
  "来邮件询问{p}报价",
  "客户来信：{p}交期能否提前",
  "Inquiry: {p} pricing for next quarter",
  "客户投诉：上批{p}有破损",
];

export function makeInteractions(random: Random, profiles: readonly Profile[], anchorDay: number) {
  const out: ImportInput<"interactions">[] = [];
  const add = (
    p: Profile,
    day: number,
    kind: (typeof KINDS)[number][0],
    summary: string,
    direction: "in" | "out" | null,
  ) =>
    out.push({
      id: random.uuid(),
      customerExternalId: p.row.externalId,
      kind,
      occurredAt: officeTime(random, day),
      summary: summary.replaceAll("{p}", p.products[0] ?? "产品"),
      direction,
    });
  for (const p of profiles) {
    const busy = Math.min(24, Math.round(2 + Math.log10(p.annual / 1_000_000 + 1) * 5 * random.jitter(0.4)));
    const count = p.segment === "lost" ? random.int(0, 2) : p.segment === "prospect" ? random.int(1, 6) : busy;
    const horizon = p.segment === "churned" ? [120, 365] : p.segment === "lost" ? [300, 700] : [1, 365];
    for (let i = 0; i < count; i++) {
      const kind = random.weighted(KINDS);
      const direction = kind === "email" ? (random.chance(0.4) ? "in" : "out") : kind === "note" ? null : "out";
      add(p, anchorDay - random.int(horizon[0]!, horizon[1]!), kind, random.pick(SUMMARIES[kind]), direction);
    }
    // A few customers wrote in the last two days and wait for a reply.
    if (p.segment !== "lost" && p.segment !== "churned" && random.chance(0.07)) {
      add(p, anchorDay - random.int(1, 2), "email", random.pick(INCOMING), "in");
    }
  }
  return out;
}
