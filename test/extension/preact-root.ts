// A fresh element to render an extension page's component into (the fake browser reset, mocks restored), and its
// unmounting afterwards, for the popup and card component tests.
import { render } from "preact";
import { vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";

/** Resets the fake browser and restores mocks, then appends and returns an empty element to render into. */
export function freshRoot(): HTMLElement {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  const root = document.createElement("div");
  document.body.append(root);
  return root;
}

/** Unmounts what was rendered into `root` (running effect cleanups) and removes it. */
export function unmount(root: HTMLElement): void {
  render(null, root);
  root.remove();
}
