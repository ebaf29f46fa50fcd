/*
 * Ribbon commands (ExecuteFunction actions), run in the shared runtime page.
 * The manifest's button "生成情况说明" calls `generateNarrative`. Its body is
 * `generateNarrativeBody`: replace that function when the narrative generator exists; the
 * wrapper guarantees a Chinese message on failure and always calls event.completed().
 */

/* global Office, window */

export const NOT_AVAILABLE_MESSAGE = "“生成情况说明”功能尚未提供：情况说明生成器还在开发中，本版本暂不能一键生成。请先使用任务窗格中的检查功能。";
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

/** The body of the "生成情况说明" button. Until the narrative generator exists it says so. */
export async function generateNarrativeBody(): Promise<void> {
  await notifyUser(NOT_AVAILABLE_MESSAGE);
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

/** Associates the ribbon command ids with their handlers (shared runtime: Office.actions). */
export function registerCommands(): void {
  Office.actions.associate("generateNarrative", generateNarrative);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    try {
      registerCommands();
    } catch {
      // Office.actions is missing outside a shared runtime (e.g. a plain browser preview).
    }
  });
}
