/** The ribbon command "生成情况说明": says in Chinese that generation is not available yet and always completes. */
type Handler = (event: { completed: () => void }) => Promise<void>;

interface FakeOffice {
  associated: Record<string, Handler>;
  dialogs: string[];
  dialogFails: boolean;
}

function installOffice(opts: { dialogFails?: boolean } = {}): FakeOffice {
  const state: FakeOffice = { associated: {}, dialogs: [], dialogFails: Boolean(opts.dialogFails) };
  const office = {
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate: (id: string, f: Handler) => (state.associated[id] = f) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    addin: { showAsTaskpane: jest.fn(() => Promise.resolve()) },
    context: {
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          state.dialogs.push(url);
          if (state.dialogFails) cb({ status: "failed", error: { code: 12007 } });
          else cb({ status: "succeeded", value: { addEventHandler: () => undefined, close: () => undefined } });
        },
      },
    },
  };
  const g = globalThis as Record<string, unknown>;
  g.Office = office;
  g.window = { location: { href: "https://localhost:3000/taskpane.html" }, dispatchEvent: jest.fn() };
  g.CustomEvent = class {
    constructor(public type: string, public init: unknown) {}
  };
  return state;
}

beforeEach(() => jest.resetModules());

test("registers generateNarrative with Office.actions.associate on Office.onReady", async () => {
  const office = installOffice();
  await import("../../taskpane/commands");
  expect(Object.keys(office.associated)).toEqual(["generateNarrative"]);
});

test("the button tells the user, in Chinese, that generation is not available yet, and completes", async () => {
  const office = installOffice();
  const mod = await import("../../taskpane/commands");
  const completed = jest.fn();
  await office.associated.generateNarrative({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(office.dialogs).toHaveLength(1);
  const url = new URL(office.dialogs[0]);
  expect(url.pathname).toBe("/notice.html");
  expect(url.searchParams.get("msg")).toBe(mod.NOT_AVAILABLE_MESSAGE);
  expect(mod.NOT_AVAILABLE_MESSAGE).toMatch(/尚未提供/);
});

test("when no dialog can open, the task pane is shown with the notice", async () => {
  installOffice({ dialogFails: true });
  const mod = await import("../../taskpane/commands");
  const completed = jest.fn();
  await mod.generateNarrative({ completed } as unknown as Office.AddinCommands.Event);
  const g = globalThis as unknown as { window: { dispatchEvent: jest.Mock }; Office: { addin: { showAsTaskpane: jest.Mock } } };
  expect(g.window.dispatchEvent).toHaveBeenCalledTimes(1);
  expect(g.window.dispatchEvent.mock.calls[0][0]).toEqual(
    expect.objectContaining({ type: mod.NOTICE_EVENT, init: { detail: { message: mod.NOT_AVAILABLE_MESSAGE } } }),
  );
  expect(g.Office.addin.showAsTaskpane).toHaveBeenCalled();
  expect(completed).toHaveBeenCalledTimes(1);
});

test("event.completed() is called even when everything fails", async () => {
  installOffice();
  const g = globalThis as unknown as { Office: { context: unknown; addin: unknown }; window: unknown };
  g.Office.context = undefined; // displayDialogAsync throws
  g.Office.addin = undefined; // showAsTaskpane throws
  g.window = undefined;
  const mod = await import("../../taskpane/commands");
  const completed = jest.fn();
  await expect(mod.generateNarrative({ completed } as unknown as Office.AddinCommands.Event)).resolves.toBeUndefined();
  expect(completed).toHaveBeenCalledTimes(1);
});
