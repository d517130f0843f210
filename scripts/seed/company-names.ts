// Company names for the demo: Chinese (city + brand + trade + form) and English ones, and their domains.
import {
  ascii,
  BRANDS,
  CITIES,
  chinesePerson,
  ENGLISH_FIRST,
  ENGLISH_INDUSTRY,
  ENGLISH_SUFFIX,
  INDUSTRY_WORDS,
  type Industry,
  type Region,
} from "./names";
import type { Random } from "./random";

interface Traits {
  industry: Industry;
  region: Region;
  kind: string;
  nature: string;
  english: boolean;
}

export function companyName(random: Random, t: Traits, taken: Set<string>): { name: string; domainStems: string[] } {
  for (;;) {
    const [city, cityPy] = t.region === "海外" ? ["", ""] : random.pick(CITIES[t.region]);
    let name: string;
    let stems: string[];
    if (t.english) {
      const first = random.pick(ENGLISH_FIRST);
      const word = random.pick(ENGLISH_INDUSTRY[t.industry]);
      name = `${first} ${word} ${random.pick(ENGLISH_SUFFIX)}`;
      stems = [ascii(first), `${ascii(first)}-${ascii(word)}`];
    } else if (t.kind === "individual") {
      name = `${chinesePerson(random).name}（个体经营）`;
      stems = [];
    } else if (t.kind === "nonprofit") {
      const [word, py] = random.pick([
        ["行业协会", "xh"],
        ["职业技术学院", "edu"],
        ["第一人民医院", "hospital"],
      ] as const);
      const field = t.industry === "IT" ? "信息" : t.industry;
      name = word === "行业协会" ? `${city}市${field}${word}` : `${city}${word}`;
      stems = [`${cityPy}${py}`];
    } else {
      const [brand, brandPy] = random.pick(BRANDS);
      const [word, wordPy] = random.pick(INDUSTRY_WORDS[t.industry]);
      const suffix = t.nature === "listed" ? "股份有限公司" : t.nature === "soe" ? "集团有限公司" : "有限公司";
      const middle = t.kind === "intermediary" ? `${word}经销` : word;
      name = `${city}${brand}${middle}${suffix}`;
      stems = [brandPy, `${brandPy}${wordPy}`, `${brandPy}-${cityPy}`];
    }
    if (!taken.has(name)) {
      taken.add(name);
      return { name, domainStems: stems };
    }
  }
}

export function pickDomains(random: Random, stems: string[], english: boolean, taken: Set<string>): string[] {
  const count = random.weighted([
    [1, 60],
    [2, 30],
    [3, 10],
  ] as const);
  const tlds = english ? [".com", ".de", ".sg", ".co.uk"] : [".com", ".cn", ".com.cn"];
  const out: string[] = [];
  for (let attempt = 0; out.length < count && attempt < 30; attempt++) {
    const stem = stems[Math.min(stems.length - 1, out.length)] ?? "";
    const domain = `${stem}${attempt >= 3 ? attempt : ""}${random.pick(tlds)}`;
    if (stem && !taken.has(domain)) {
      taken.add(domain);
      out.push(domain);
    }
  }
  return out;
}
