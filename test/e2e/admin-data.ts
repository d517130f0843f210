// Sample CSV files for the admin end-to-end suite: customers (one bad row, then fixed), orders, invoices, opportunities.

const NAMES = [
  "华东精密机械",
  "Northwind Traders",
  "上海云帆物流",
  "Contoso Retail",
  "深圳迅达电子",
  "Fabrikam Foods",
  "杭州绿源科技",
  "Tailspin Toys",
  "北京中科仪器",
  "Adventure Works",
  "广州美嘉家居",
  "Litware Labs",
  "成都天府建设",
  "Wingtip Sports",
  "苏州华芯半导体",
  "Proseware Inc.",
  "武汉长江船舶",
  "Lucerne Publishing",
  "南京金陵医药",
  "Coho Winery",
  "<script>alert(1)</script>",
  "Alpine Ski House",
  "青岛海晟化工",
  "Blue Yonder Air",
];
const NATURES = ["soe", "private", "listed", "foreign", "government", "private"];

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;

/** Headers as a spreadsheet would write them: the mapping step recognises them. */
export function customersCsv(withError: boolean, ownerEmail: string): string {
  const rows: (string | number)[][] = [["External ID", "Name", "Kind", "Nature", "Industry", "Region", "Owner Email"]];
  NAMES.forEach((name, i) => {
    const kind = withError && i === 3 ? "spaceship" : "enterprise";
    rows.push([
      `C${100 + i}`,
      name,
      kind,
      NATURES[i % NATURES.length] as string,
      i % 2 ? "Manufacturing" : "Retail",
      i % 3 ? "华东" : "华南",
      i % 4 ? ownerEmail : "",
    ]);
  });
  return csv(rows);
}

/** Skewed order sizes so the Pareto curve and the pyramid have a shape. */
export function ordersCsv(): string {
  const rows: (string | number)[][] = [
    ["external_id", "customer_external_id", "date", "amount", "cost", "product", "quantity"],
  ];
  let n = 0;
  NAMES.forEach((_, i) => {
    const orders = 1 + ((i * 7) % 6);
    const size = Math.round(200_000 / (i + 1) ** 1.3);
    for (let k = 0; k < orders; k++) {
      const amount = size + ((k * 137) % 900);
      const cost = i === 22 ? amount * 1.3 : amount * (0.55 + (i % 5) * 0.06);
      rows.push([
        `O${++n}`,
        `C${100 + i}`,
        iso(10 + k * 45 + i),
        amount.toFixed(2),
        cost.toFixed(2),
        k % 2 ? "Sensors" : "Pumps",
        1 + k,
      ]);
    }
  });
  return csv(rows);
}

export function invoicesCsv(): string {
  const rows: (string | number)[][] = [
    ["external_id", "customer_external_id", "due_date", "amount", "paid_date", "paid_amount"],
  ];
  NAMES.forEach((_, i) => {
    const overdue = i % 5 === 1;
    const late = i % 7 === 2;
    rows.push([
      `I${i}`,
      `C${100 + i}`,
      iso(overdue ? 80 : 40),
      "12000.00",
      overdue ? "" : iso(late ? 10 : 42),
      overdue ? "" : "12000.00",
    ]);
  });
  return csv(rows);
}

export function opportunitiesCsv(): string {
  const stages = ["first_contact", "needs_understood", "proposal", "negotiation", "won", "first_contact", "proposal"];
  const rows: (string | number)[][] = [
    ["external_id", "customer_external_id", "name", "stage", "amount", "expected_close"],
  ];
  NAMES.forEach((_, i) => {
    const ahead = new Date(Date.now() + (15 + i * 9) * 86_400_000).toISOString().slice(0, 10);
    rows.push([`P${i}`, `C${100 + i}`, `Deal ${i}`, stages[i % stages.length] as string, 50_000 + i * 3_000, ahead]);
  });
  return csv(rows);
}
