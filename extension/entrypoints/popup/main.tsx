// The toolbar popup (also opened as a small window by the context menu, with the address prefilled).
import { render } from "preact";
import "../../ui/theme.css";
import { Popup } from "../../ui/popup/Popup";

document.body.style.cssText = "width:360px;padding:10px 12px;box-sizing:border-box";
render(<Popup />, document.getElementById("app")!);
