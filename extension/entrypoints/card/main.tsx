// The card page (loaded lazily in an iframe by the chip): renders, reports its height, closes on Escape.
import { render } from "preact";
import "../../ui/theme.css";
import { Card, readParams } from "../../ui/card/Card";

document.body.style.cssText = "padding:10px 12px;border:1px solid var(--line);border-radius:10px;box-sizing:border-box";
render(<Card params={readParams(location.hash)} />, document.getElementById("app")!);

new ResizeObserver(() => {
  window.parent.postMessage({ tierlens: "size", height: document.body.scrollHeight + 2 }, "*");
}).observe(document.body);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") window.parent.postMessage({ tierlens: "close" }, "*");
});
