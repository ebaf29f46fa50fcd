/*
 * Ribbon commands (ExecuteFunction actions), run in the shared runtime page.
 * The manifest's button "生成情况说明" calls `generateNarrative`; the wrapper guarantees a
 * Chinese message on failure and always calls event.completed().
 *
 * The handler is associated at the top level of this module, as soon as the page runs it: inside
 * Office.onReady (after the pane bundle has loaded) the first click on the button after Excel opens
 * can do nothing (OfficeDev/office-js #5176, #3378, #1029). taskpane.html runs this module before the
 * pane's. The work itself (reader, generator, adapter) is imported only when the button is clicked,
 * from the chunk the page has already loaded.
 */

import type { PaneServices } from "./services";

/* global Office, window */

/** Associates the ribbon command ids with their handlers (shared runtime: Office.actions). */
export function registerCommands(): void {
  Office.actions.associate("generateNarrative", generateNarrative);
}

// Top level, before anything else: office.js queues associations made before it is ready.
try {
  if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") registerCommands();
} catch {
  // Office.actions is missing outside a shared runtime (e.g. a plain browser preview).
}

export const FAILURE_PREFIX = "生成情况说明时出错：";

/** The window event the task pane listens to when a command has something to tell the user. */
export const NOTICE_EVENT = "juesuan:notice";

/**
 * Tells the user something from a ribbon command: a small Office dialog (notice.html); if the
 * host cannot open one, the task pane is shown and receives the message as a NOTICE_EVENT.
 * Never throws.
 */
export async function notifyUser(message: string): Promise<void> {
  try {
    const url = new URL(`notice.html?msg=${encodeURIComponent(message)}`, window.location.href).toString();
    const opened = await new Promise<boolean>((resolve) => {
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve(false);
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve(true);
      });
    });
    if (opened) return;
  } catch {
    // fall through to the task pane
  }
  try {
    window.dispatchEvent(new CustomEvent(NOTICE_EVENT, { detail: { message } }));
    await Office.addin.showAsTaskpane();
  } catch {
    // Nothing else can reach the user from a ribbon command; the caller still completes the event.
  }
}

/**
 * The body of the "生成情况说明" button: read the workbook (one sync, which also sees the generated
 * sheet, its charts and the add-in's fingerprint), generate the text from its tables, 补充数据 and
 * performance forms, write it with the charts 图1–图7 to the sheet "情况说明（生成）" (one sync; never
 * over a user's cells), and say what happened in Chinese. Two syncs in all once the sheet names are
 * known to the shared runtime; the very first call of a session adds one names sync.
 */
export async function generateNarrativeBody(given?: PaneServices): Promise<string> {
  const services = given ?? (await import(/* webpackMode: "eager" */ "./hostServices")).createHostServices();
  const narrative = await services.generate();
  const result = await services.writeGenerated(narrative);
  const markers = narrative.paragraphs.reduce((n, p) => n + p.spans.filter((s) => s.marker).length, 0);
  const message =
    `情况说明已生成到工作表“${result.sheet}”，共 ${narrative.paragraphs.length} 段。` +
    (result.keptCopy ? `您修改过的上一版已保留为“${result.keptCopy}”。` : "") +
    (markers > 0 ? `其中 ${markers} 处【请填写】需要您补充（多为变动原因），请在 补充数据 的“主要原因”列填写后重新生成。` : "");
  await notifyUser(message);
  return message;
}

/** The ExecuteFunction handler: runs the body, reports failures in Chinese, always completes the event. */
export async function generateNarrative(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await generateNarrativeBody();
  } catch (e) {
    await notifyUser(FAILURE_PREFIX + (e instanceof Error ? e.message : String(e)));
  } finally {
    event.completed();
  }
}

