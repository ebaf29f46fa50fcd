import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./App";

/* global document, Office */

const TITLE = "决算助手";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App title={TITLE} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser, the dev preview) office.js may be absent: render anyway.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
