import { generateWorkspace } from "./engine";
import { deriveFacts } from "../shared/facts";
import { rankWorkspace } from "../shared/grade/models";
import { gradeWorkspace } from "../shared/grade";
const n = Number(process.argv[2] ?? 10000);
const input = generateWorkspace(n);
for (let r = 0; r < 2; r++) {
let t = performance.now();
const { facts } = deriveFacts(input);
console.log("facts", performance.now() - t); t = performance.now();
rankWorkspace(input.customers, facts, input.config);
console.log("rank", performance.now() - t); t = performance.now();
gradeWorkspace(input);
console.log("grade", performance.now() - t);
}
