// The English validation texts we know (ours in shared/, and zod's defaults) as patterns to catalogue keys with params.
import type { AdminValidationKey } from "../../../../shared/i18n/admin.validation.en";

export type Params = Record<string, string | number>;
export type Rule = [RegExp, AdminValidationKey, ((m: RegExpExecArray) => Params)?];

const quoted = (list: string) => list.replace(/"/g, "").split("|").join(", ");

/** Texts written by us: custom zod messages in shared/config and shared/contract, and import service messages. */
export const OUR_RULES: Rule[] = [
  [/^Required\.?$/, "valid.required"],
  [/^use lower-case letters, digits and _$/, "valid.idFormat"],
  [/^weights sum to (.+), not 100$/, "valid.weightsSum", (m) => ({ total: m[1] ?? "" })],
  [/^duplicate criterion id "(.*)"$/, "valid.duplicateId", (m) => ({ id: m[1] ?? "" })],
  [/^a level gives (.+) > weight$/, "valid.levelAboveWeight", (m) => ({ points: m[1] ?? "" })],
  [/^duplicate level "(.*)"$/, "valid.duplicateLevel", (m) => ({ id: m[1] ?? "" })],
  [/^bands must start at increasing values$/, "valid.bandsIncreasing"],
  [/^threshold B must be below threshold A$/, "valid.thresholdOrder"],
  [/^B cut-off must be above A cut-off$/, "valid.abcOrder"],
  [/^pyramid layers cover more than 100 %$/, "valid.pyramidOver"],
  [/^at least one value class cut-off must be positive$/, "valid.valueCutoff"],
  [/^duplicate factor "(.*)"$/, "valid.duplicateFactor", (m) => ({ id: m[1] ?? "" })],
  [/^fair delay must not exceed watch delay$/, "valid.creditDelayOrder"],
  [/^hold on-time share must not exceed fair's$/, "valid.creditOnTimeOrder"],
  [/^medium multiple must be below high multiple$/, "valid.churnOrder"],
  [/^better tiers must not be followed up less often$/, "valid.cadenceOrder"],
  [/^A user with this email already exists\.$/, "valid.emailTaken"],
  [/^No active user with this id in the workspace\.$/, "valid.noUser"],
  [/^The CSV header does not fit (\w+)\.$/, "valid.csvHeader", (m) => ({ type: m[1] ?? "" })],
  [/^Must be an email address\.$/, "valid.email"],
  [/^Must be at least (\d+) characters\.$/, "valid.tooShort", (m) => ({ min: m[1] ?? "" })],
  [/^Must be an amount with at most 2 decimals\.$/, "valid.money"],
  [/^Must not be negative\.$/, "valid.notNegative"],
  [/^Must not be blank\.$/, "valid.required"],
  [/^Must not be more than a day after now\.$/, "valid.tooFarAhead"],
  [/^Give at least one field to change\.$/, "valid.nothingToChange"],
  [/^Expected a calendar date YYYY-MM-DD\.$/, "valid.date"],
  [/^Expected a date YYYY-MM-DD or an ISO timestamp\.$/, "valid.dateOrTimestamp"],
  [/^Expected a decimal amount with at most 2 decimal places/, "valid.amount"],
  [/^Expected an amount of 0 or more\.$/, "valid.notNegative"],
  [/^Expected a JSON object such as/, "valid.jsonObject"],
  [/^At most 10,000 characters of JSON\.$/, "valid.jsonTooLong"],
  [/^Expected an object\.$/, "valid.object"],
  [/^Unknown field\.$/, "valid.unknownField"],
  [/^Unknown column\.$/, "valid.unknownColumn"],
  [/^Duplicate column\.$/, "valid.duplicateColumn"],
  [/^Required column is missing\.$/, "valid.missingColumn"],
  [/^"(.*)" is not a domain name\.$/, "valid.domain", (m) => ({ domain: m[1] ?? "" })],
  [/^(\S+) is a free-mail domain/, "valid.freeMail", (m) => ({ domain: m[1] ?? "" })],
  [
    /^Also in row (\d+): each (.+) may appear once/,
    "valid.repeatedKey",
    (m) => ({ row: m[1] ?? "", field: m[2] ?? "" }),
  ],
  [/^No customer with external id "(.*)" in this workspace/, "valid.noCustomer", (m) => ({ id: m[1] ?? "" })],
];

/** zod 4's default English texts (zod/v4/locales/en), for messages that reach us without their issue code. */
export const ZOD_RULES: Rule[] = [
  [/^Invalid input: expected (?:number|int), received NaN$/, "valid.number"],
  [/^Invalid input: expected int, received number$/, "valid.integer"],
  [/^Invalid input: expected \w+, received undefined$/, "valid.required"],
  [/^Invalid input: expected number, received \w+$/, "valid.number"],
  [/^Invalid input: expected string, received \w+$/, "valid.text"],
  [/^Too small: expected string to have >=1 characters$/, "valid.required"],
  [/^Too small: expected string to have >=(\S+) characters$/, "valid.tooShort", (m) => ({ min: m[1] ?? "" })],
  [/^Too big: expected string to have <=(\S+) characters$/, "valid.tooLong", (m) => ({ max: m[1] ?? "" })],
  [/^Too small: expected \w+ to have >=(\S+) \w+$/, "valid.fewItems", (m) => ({ min: m[1] ?? "" })],
  [/^Too big: expected \w+ to have <=(\S+) \w+$/, "valid.manyItems", (m) => ({ max: m[1] ?? "" })],
  [/^Too small: expected \w+ to be >=(\S+)$/, "valid.min", (m) => ({ min: m[1] ?? "" })],
  [/^Too small: expected \w+ to be >(\S+)$/, "valid.minExclusive", (m) => ({ min: m[1] ?? "" })],
  [/^Too big: expected \w+ to be <=(\S+)$/, "valid.max", (m) => ({ max: m[1] ?? "" })],
  [/^Too big: expected \w+ to be <(\S+)$/, "valid.maxExclusive", (m) => ({ max: m[1] ?? "" })],
  [/^Invalid email address$/, "valid.email"],
  [/^Invalid ISO date$/, "valid.date"],
  [/^Invalid ISO datetime$/, "valid.datetime"],
  [/^Invalid string: must match pattern/, "valid.format"],
  [/^Invalid option: expected one of (.+)$/, "valid.oneOf", (m) => ({ values: quoted(m[1] ?? "") })],
  [/^Invalid input: expected (".*")$/, "valid.oneOf", (m) => ({ values: quoted(m[1] ?? "") })],
  [
    /^Invalid discriminator value\. Expected (.+)$/,
    "valid.oneOf",
    (m) => ({ values: m[1]?.replace(/'/g, "").split(" | ").join(", ") ?? "" }),
  ],
  [/^Invalid number: must be a multiple of (\S+)$/, "valid.multipleOf", (m) => ({ n: m[1] ?? "" })],
  [/^Unrecognized keys?: (.+)$/, "valid.unknownKeys", (m) => ({ keys: m[1]?.replace(/"/g, "") ?? "" })],
  [/^Invalid input$/, "valid.invalid"],
];
