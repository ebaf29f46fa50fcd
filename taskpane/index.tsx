import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./App";
import { createHostServices } from "./hostServices";
import { primeSheetNames, type ExcelHost } from "./excel";

/* global document, Office, window */

const TITLE = "决算助手";

/** The Excel host: office.js's Excel, or the simulated host of the preview page (window.__juesuanExcel). */
function excelHost(): ExcelHost | undefined {
  return (window as unknown as { __juesuanExcel?: ExcelHost }).__juesuanExcel;
}

function fileName(): string | undefined {
  try {
    const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
    return url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? url) : undefined;
  } catch {
    return undefined;
  }
}

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const excel = excelHost();
  const services = createHostServices({ excel, fileName });
  // Learn the sheet names once now, so that every check afterwards reads the workbook in one sync.
  primeSheetNames(excel).catch(() => undefined);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App title={TITLE} services={services} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser, the preview page) office.js may be absent: render anyway.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
