// The context menu "Log interaction with …": a selected address or a mailto link opens the log form prefilled.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { onMenuClick } from "../../extension/entrypoints/background/menus";

const tab = { id: 1, url: "https://crm.example.com/deals/7", title: "Deal 7" } as never;

function opened(create: ReturnType<typeof vi.fn>): URLSearchParams {
  const { url } = create.mock.calls[0]![0] as { url: string };
  return new URL(url).searchParams;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("context menu", () => {
  it("prefills the address from a selection, with the page URL and title", () => {
    const create = vi.spyOn(fakeBrowser.windows, "create").mockResolvedValue({} as never);
    onMenuClick(
      { menuItemId: "log-selection", selectionText: " Ana <Ana.Lopes@Example.org> ", editable: false, pageUrl: "" },
      tab,
    );
    const params = opened(create);
    expect(Object.fromEntries(params)).toEqual({
      mode: "log",
      email: "ana.lopes@example.org",
      url: "https://crm.example.com/deals/7",
      title: "Deal 7",
    });
  });

  it("takes the first address of a mailto link", () => {
    const create = vi.spyOn(fakeBrowser.windows, "create").mockResolvedValue({} as never);
    onMenuClick(
      {
        menuItemId: "log-link",
        linkUrl: "mailto:bo.chen@example.com,x@example.com?subject=Hi",
        editable: false,
        pageUrl: "",
      },
      tab,
    );
    expect(opened(create).get("email")).toBe("bo.chen@example.com");
  });

  it("keeps a selection without an address as the summary", () => {
    const create = vi.spyOn(fakeBrowser.windows, "create").mockResolvedValue({} as never);
    onMenuClick(
      { menuItemId: "log-selection", selectionText: "Agreed on the Q3 price", editable: false, pageUrl: "" },
      tab,
    );
    const params = opened(create);
    expect(params.get("email")).toBeNull();
    expect(params.get("summary")).toBe("Agreed on the Q3 price");
  });
});
