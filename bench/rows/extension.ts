// Extension rows (placeholder until the extension lands): content-script size and chip latency.
import type { BenchWorkspace } from "../generate/workspace";
import { type Row, unavailable } from "../lib/report";

export async function measureExtension(
  _appUrl: string,
  _ws: BenchWorkspace,
  _log: (m: string) => void,
): Promise<Row[]> {
  return [unavailable("extension rows", "≤ 20 KB gz; ≤ 100 ms cached; p50 ≤ 300 ms", "not implemented yet")];
}
