// The free-mail rule and address helpers shared by the worker and the extension (DOMAIN.md §1).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emailDomain,
  FREE_MAIL_DOMAINS,
  isFreeMailDomain,
  isValidEmail,
  normaliseEmail,
} from "../../shared/contract/email";

describe("free-mail domains", () => {
  it("holds every domain DOMAIN.md names", () => {
    for (const d of [
      "gmail.com",
      "outlook.com",
      "hotmail.com",
      "qq.com",
      "foxmail.com",
      "163.com",
      "126.com",
      "yeah.net",
      "sina.com",
      "sohu.com",
      "aliyun.com",
      "icloud.com",
      "yahoo.com",
    ]) {
      expect(FREE_MAIL_DOMAINS.has(d), d).toBe(true);
    }
  });

  it("ignores case and surrounding space, and is not fooled by look-alikes", () => {
    expect(isFreeMailDomain(" QQ.com ")).toBe(true);
    expect(isFreeMailDomain("qq.com.cn.example")).toBe(false);
    expect(isFreeMailDomain("mail.acme.com")).toBe(false);
  });
});

describe("addresses", () => {
  it("normalises to trimmed lower case and finds the domain after the last @", () => {
    expect(normaliseEmail("  Ana.Lopes@Example.ORG ")).toBe("ana.lopes@example.org");
    expect(emailDomain("bo@Mail.Example.com")).toBe("mail.example.com");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
    expect(emailDomain("@leading.test")).toBeNull();
  });

  it("accepts plausible addresses only", () => {
    for (const ok of ["a@b.co", "first.last+tag@sub.example.com", "李@例子.中国"])
      expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of ["", "a", "a@b", "a@@b.com", "a b@c.com", "a@b..com", `${"x".repeat(250)}@b.com`])
      expect(isValidEmail(bad), bad).toBe(false);
  });

  it("normalising is idempotent and keeps the domain", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = normaliseEmail(email);
        expect(normaliseEmail(once)).toBe(once);
        expect(emailDomain(email)).toBe(emailDomain(once));
      }),
    );
  });
});
