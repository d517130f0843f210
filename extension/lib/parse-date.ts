// Reads the message time shown by a webmail (English, Chinese or epoch-ms forms) as local time; null when unsure.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function at(y: number, mo: number, d: number, h: number, mi: number, half?: string): number | null {
  let hour = h;
  const mark = (half ?? "").toLowerCase();
  if ((mark === "pm" || mark === "下午" || mark === "晚上") && hour < 12) hour += 12;
  if ((mark === "am" || mark === "凌晨" || mark === "上午") && hour === 12) hour = 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || mi > 59) return null;
  const date = new Date(y, mo - 1, d, hour, mi);
  return date.getMonth() === mo - 1 ? date.getTime() : null;
}

/**
 * @example parseMailDate("Mon, Mar 2, 2026, 4:10 PM") // local 2026-03-02 16:10
 * @example parseMailDate("2026年3月3日(星期二) 上午9:41") // local 2026-03-03 09:41
 */
export function parseMailDate(text: string | null | undefined): number | null {
  const s = (text ?? "").replace(/\s+/g, " ").trim();
  if (!s) return null;
  if (/^\d{12,13}$/.test(s)) return Number(s);
  let m = /(\d{4})年(\d{1,2})月(\d{1,2})日[^\d]*?(上午|中午|下午|晚上|凌晨)?\s*(\d{1,2}):(\d{2})/.exec(s);
  if (m) return at(+m[1]!, +m[2]!, +m[3]!, +m[5]!, +m[6]!, m[4]);
  m = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4}),?(?: at)? (\d{1,2}):(\d{2})(?::\d{2})? ?([AP]M)?/i.exec(s);
  if (m && MONTHS.includes(m[1]!.toLowerCase())) {
    return at(+m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, +m[2]!, +m[4]!, +m[5]!, m[6]);
  }
  m = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4}),?(?: at)? (\d{1,2}):(\d{2}) ?([AP]M)?/i.exec(s);
  if (m && MONTHS.includes(m[2]!.toLowerCase())) {
    return at(+m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, +m[1]!, +m[4]!, +m[5]!, m[6]);
  }
  m = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})/.exec(s);
  if (m) return at(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
  // Outlook en-US: "Mon 3/2/2026 4:10 PM" (month first).
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}) ?([AP]M)?/i.exec(s);
  if (m) return at(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, m[6]);
  return null;
}
