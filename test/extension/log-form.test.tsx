/** @jsxImportSource preact */
// The popup's "log an interaction" for the current page, keyboard only: the checked kind has focus on open, every
// control has a label, a kind is picked from the keyboard, Enter logs (once), Ctrl/⌘+Enter logs from the summary.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { translator } from "../../extension/lib/i18n";
import { LogForm } from "../../extension/ui/popup/LogForm";
import type { PageInfo } from "../../extension/ui/popup/page-info";
import { freshRoot, unmount } from "./preact-root";

const page: PageInfo = {
  tabId: 7,
  url: "https://mail.google.com/mail/u/0/#inbox/abc",
  title: "Re: pricing — Gmail",
  selection: "Asked for the revised quote",
  emails: ["ana.lopes@example.org", "bo.chen@example.com"],
};

let root: HTMLElement;
let send: ReturnType<typeof vi.fn>;

beforeEach(() => {
  root = freshRoot();
  send = vi.fn(async () => ({ id: "queued-1" }));
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(send as never);
});

afterEach(() => unmount(root));

const settle = () => new Promise((r) => setTimeout(r, 0));

async function open(props: Partial<{ page: PageInfo; autoFocus: boolean; locale: "en" | "zh-CN" }> = {}) {
  const onLogged = vi.fn();
  await act(async () => {
    render(
      <LogForm
        page={props.page ?? page}
        t={translator(props.locale ?? "en")}
        onLogged={onLogged}
        autoFocus={props.autoFocus ?? true}
      />,
      root,
    );
    await settle();
  });
  const form = root.querySelector("form")!;
  return { form, onLogged };
}

/** A key as the browser delivers it to the focused element (keydown bubbles to the form). */
async function press(key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const target = document.activeElement as HTMLElement;
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  await act(async () => {
    target.dispatchEvent(event);
    await settle();
  });
  return event;
}

/** What a radio group does for arrow keys / Space: the next radio gets focus and is checked (a click). */
async function choose(value: string) {
  const radio = root.querySelector<HTMLInputElement>(`input[name=kind][value=${value}]`)!;
  await act(async () => {
    radio.focus();
    radio.click();
    await settle();
  });
}

function logged(): { kind: string; email: string; summary: string; sourceUrl?: string; sourceTitle?: string }[] {
  return send.mock.calls.map(([m]) => (m as { item: never }).item);
}

describe("popup log form, keyboard only", () => {
  it("opens with focus on the checked kind (the first field)", async () => {
    await open();
    const active = document.activeElement as HTMLInputElement;
    expect(active.name).toBe("kind");
    expect(active.checked).toBe(true);
    expect(active.value).toBe("note");
  });

  it("does not take focus from a field the reader already uses", async () => {
    const other = document.createElement("input");
    document.body.append(other);
    other.focus();
    await open();
    expect(document.activeElement).toBe(other);
    other.remove();
  });

  it("every control has a label; the kinds are a named group; the keys are explained", async () => {
    const { form } = await open({ locale: "zh-CN" });
    expect(form.getAttribute("aria-labelledby")).toBe("log-title");
    expect(document.getElementById("log-title")!.textContent).toBe("记录跟进");
    const group = form.querySelector("fieldset")!;
    expect(group.querySelector("legend")!.textContent).toBe("类型");
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
      const label = control.closest("label");
      expect(label, `${control.name} is labelled`).not.toBeNull();
      expect(label!.textContent!.trim().length, `${control.name} label text`).toBeGreaterThan(0);
    }
    expect([...group.querySelectorAll("label")].map((l) => l.textContent)).toEqual([
      "邮件",
      "电话",
      "拜访",
      "会议",
      "微信",
      "备注",
    ]);
    const summary = form.querySelector("textarea")!;
    expect(document.getElementById(summary.getAttribute("aria-describedby")!)!.textContent).toContain("Ctrl+回车");
    expect(form.querySelector("[role=status]"), "live region present before there is news").not.toBeNull();
  });

  it("pick a kind, Enter: logged once with the page's address, selection, URL and title", async () => {
    const { onLogged } = await open();
    await choose("call");
    expect((document.activeElement as HTMLInputElement).value).toBe("call");
    const enter = await press("Enter");
    expect(enter.defaultPrevented, "Enter on a kind submits the form").toBe(true);
    expect(logged()).toEqual([
      {
        email: "ana.lopes@example.org",
        kind: "call",
        direction: "out",
        summary: "Asked for the revised quote",
        sourceUrl: page.url,
        sourceTitle: page.title,
      },
    ]);
    expect(onLogged).toHaveBeenCalledTimes(1);
    expect(root.querySelector("[role=status]")!.textContent).toBe("Queued; it syncs in the background.");
    expect((document.activeElement as HTMLInputElement).value, "focus stays on the kind").toBe("call");
  });

  it("says which way a call or email went (outgoing unless picked), and a note goes no way", async () => {
    await open({ locale: "zh-CN" });
    expect(root.querySelector("[data-testid=direction]"), "a note has no direction").toBeNull();
    await choose("email");
    const group = root.querySelector("[data-testid=direction]")!;
    expect(group.querySelector("legend")!.textContent).toBe("方向");
    expect([...group.querySelectorAll("label")].map((l) => l.textContent)).toEqual(["我方联系客户", "客户联系我方"]);
    expect(root.querySelector<HTMLInputElement>("input[name=direction]:checked")!.value).toBe("out");
    const incoming = root.querySelector<HTMLInputElement>("input[name=direction][value=in]")!;
    await act(async () => {
      incoming.focus();
      incoming.click();
      await settle();
    });
    await press("Enter");
    await choose("note");
    await press("Enter");
    expect(logged().map((l) => [l.kind, (l as { direction?: string }).direction])).toEqual([
      ["email", "in"],
      ["note", undefined],
    ]);
  });

  it("Enter pressed twice while the first log is being queued sends one", async () => {
    let release: (v: unknown) => void = () => undefined;
    send.mockImplementationOnce(() => new Promise((r) => (release = r)));
    await open();
    await press("Enter");
    await press("Enter");
    expect(send).toHaveBeenCalledTimes(1);
    await act(async () => {
      release({ id: "queued-1" });
      await settle();
    });
    expect(root.querySelector("[role=status]")!.textContent).toBe("Queued; it syncs in the background.");
  });

  it("in the summary, Enter is a new line and Ctrl+Enter (or ⌘+Enter) logs", async () => {
    await open();
    const summary = root.querySelector("textarea")!;
    summary.focus();
    const plain = await press("Enter");
    expect(plain.defaultPrevented).toBe(false);
    expect(send).not.toHaveBeenCalled();
    await press("Enter", { ctrlKey: true });
    expect(send).toHaveBeenCalledTimes(1);
    await press("Enter", { metaKey: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("Enter while an IME is composing (Chinese input) does not log", async () => {
    await open();
    await press("Enter", { isComposing: true } as KeyboardEventInit);
    expect(send).not.toHaveBeenCalled();
  });

  it("without an address the form is not sent, and says so on the address field", async () => {
    await open({ page: { ...page, emails: [] } });
    await press("Enter");
    expect(send).not.toHaveBeenCalled();
    const email = root.querySelector<HTMLInputElement>("input[type=email]")!;
    expect(email.validity.valueMissing).toBe(true);
  });

  it("the log just queued can be undone from the form; the status says so", async () => {
    const { onLogged } = await open();
    await press("Enter");
    const undo = root.querySelector<HTMLButtonElement>("button[aria-label^='Undo']")!;
    expect(undo.textContent).toBe("Undo");
    expect(undo.getAttribute("aria-label")).toBe("Undo: Note · Asked for the revised quote");
    send.mockImplementation(async () => ({ ok: true }));
    await act(async () => {
      undo.click();
      await settle();
    });
    expect(send).toHaveBeenLastCalledWith({ type: "undo", id: "queued-1" });
    expect(root.querySelector("[role=status]")!.textContent).toBe("Undone");
    expect(root.querySelector("button[aria-label^='Undo']")).toBeNull();
    expect(onLogged).toHaveBeenCalledTimes(2);
  });

  it("an address the page shows later (the side panel reads it again) fills an empty field, never a typed one", async () => {
    const blank = { ...page, emails: [] };
    const show = async (p: PageInfo) =>
      act(async () => {
        render(<LogForm page={p} t={translator("en")} onLogged={() => {}} />, root);
        await settle();
      });
    await show(blank);
    const email = root.querySelector<HTMLInputElement>("input[type=email]")!;
    expect(email.value).toBe("");
    await show({ ...blank, emails: ["bo.chen@example.com"] });
    expect(email.value).toBe("bo.chen@example.com");
    await act(async () => {
      email.value = "mine@example.net";
      email.dispatchEvent(new Event("input", { bubbles: true }));
      await settle();
    });
    await show({ ...blank, emails: ["ana.lopes@example.org"] });
    expect(email.value).toBe("mine@example.net");
  });

  it("a failed queue is reported in words", async () => {
    send.mockImplementationOnce(async () => {
      throw new Error("no background");
    });
    await open();
    await press("Enter");
    expect(root.querySelector("[role=status]")!.textContent).toBe("Could not queue it. Try again.");
  });
});
