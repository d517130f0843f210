// The options page entry.
import { render } from "preact";
import "../../ui/theme.css";
import { Options } from "../../ui/options/Options";

render(<Options />, document.getElementById("app")!);
