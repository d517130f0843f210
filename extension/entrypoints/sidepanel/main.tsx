// The side panel: the popup's content kept open beside the page, following the tab the rep is on.
import { render } from "preact";
import "../../ui/theme.css";
import { Popup } from "../../ui/popup/Popup";

document.body.style.cssText = "padding:10px 12px;box-sizing:border-box";
render(<Popup panel />, document.getElementById("app")!);
