// placeholder
import { render } from "preact";

render(<p>card</p>, document.getElementById("app")!);
