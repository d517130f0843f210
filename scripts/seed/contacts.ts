// The demo's contacts: Chinese and English names with decision roles, at corporate domains or free mail.
import { chinesePerson, englishPerson, mixedPerson, type PersonName } from "./names";
import type { ImportInput, Profile } from "./profile";
import type { Random } from "./random";

const ROLES = ["decider", "buyer", "user", "influencer", "gatekeeper", "initiator"] as const;

export function makeContacts(random: Random, profiles: readonly Profile[]): ImportInput<"contacts">[] {
  const taken = new Set<string>();
  const out: ImportInput<"contacts">[] = [];
  for (const p of profiles) {
    const individual = p.row.kind === "individual";
    const count = individual
      ? 1
      : random.weighted([
          [1, 25],
          [2, 35],
          [3, 25],
          [4, 15],
        ] as const);
    for (let i = 0; i < count; i++) {
      const person: PersonName = p.english
        ? englishPerson(random)
        : random.chance(0.15)
          ? mixedPerson(random)
          : chinesePerson(random);
      const freeMail = individual || p.domains.length === 0 || random.chance(0.18);
      const email = unique(taken, freeMail ? freeMailAddress(random, person, p.english) : corporate(random, person, p));
      const role =
        i === 0
          ? random.weighted([
              ["decider", 60],
              ["buyer", 40],
            ] as const)
          : random.pick(ROLES);
      out.push({
        customerExternalId: p.row.externalId,
        name: individual ? (p.row.name.replace(/（.*）$/, "") as string) : person.name,
        email,
        phone: phone(random, p.english),
        role,
      });
    }
  }
  return out;
}

function corporate(random: Random, person: PersonName, p: Profile): string {
  const domain = random.pick(p.domains);
  const local = random.weighted([
    [`${person.given}.${person.family}`, 45],
    [`${person.family}${person.given}`, 30],
    [`${person.given[0]}${person.family}`, 25],
  ] as const);
  return `${local}@${domain}`;
}

function freeMailAddress(random: Random, person: PersonName, english: boolean): string {
  const provider = english
    ? "gmail.com"
    : random.weighted([
        ["qq.com", 45],
        ["163.com", 35],
        ["gmail.com", 20],
      ] as const);
  if (provider === "qq.com") return `${random.int(10_000_000, 2_999_999_999)}@qq.com`;
  if (provider === "163.com") return `${person.family}${person.given}${random.int(1975, 2001)}@163.com`;
  return `${person.given}.${person.family}${random.int(1, 99)}@gmail.com`;
}

function unique(taken: Set<string>, email: string): string {
  let candidate = email;
  for (let n = 2; taken.has(candidate); n++) candidate = email.replace("@", `${n}@`);
  taken.add(candidate);
  return candidate;
}

function phone(random: Random, overseas: boolean): string {
  if (overseas)
    return `+${random.pick(["49", "65", "44", "1"])} ${random.int(200, 999)} ${random.int(1_000_000, 9_999_999)}`;
  return `+86 1${random.pick(["3", "5", "8", "9"])}${random.int(0, 9)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
}
