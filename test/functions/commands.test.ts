/** The ribbon command "生成情况说明": generates the narrative through the Excel adapter, reports in Chinese, always completes. */
import path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { createFakeExcel } from "../fake-excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
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

test("registers generateNarrative with Office.actions.associate at the top level, without waiting for Office.onReady", async () => {
  const office = installOffice();
  // Office.onReady that never fires: association inside it can miss the first click (OfficeDev/office-js #5176).
  (globalThis as { Office: { onReady: unknown } }).Office.onReady = () => new Promise(() => undefined);
  await import("../../taskpane/commands");
  expect(Object.keys(office.associated)).toEqual(["generateNarrative"]);
});

let example: WorkbookSnapshot;
// Read before any test installs a fake `window` (ExcelJS's streams look at it).
beforeAll(async () => {
  example = await readXlsx(path.resolve(__dirname, "..", "workbooks", "example-sichuan-2020.xlsx"));
});

async function installExcel(): Promise<ReturnType<typeof createFakeExcel>> {
  const fake = createFakeExcel(structuredClone(example));
  (globalThis as Record<string, unknown>).Excel = fake.Excel;
  return fake;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

test("the button generates the 情况说明 into its own sheet, tells the user in Chinese, and completes", async () => {
  const office = installOffice();
  const fake = await installExcel();
  const mod = await import("../../taskpane/commands");
  const completed = jest.fn();
  await office.associated.generateNarrative({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const sheet = fake.state.sheet("情况说明（生成）");
  expect(sheet).toBeTruthy();
  expect(String(sheet!.cell("A1"))).toMatch(/决算|情况说明/);
  expect(office.dialogs).toHaveLength(1);
  const msg = new URL(office.dialogs[0]).searchParams.get("msg") ?? "";
  expect(msg).toContain("情况说明已生成到工作表“情况说明（生成）”");
  expect(msg.startsWith(mod.FAILURE_PREFIX)).toBe(false);
  // the user's own sheets are untouched
  expect(fake.state.sheet("情况说明")!.cell("A1")).toBe(example.sheets.find((x) => x.name === "情况说明")!.values[0][0]);
});

test("the ribbon path is two syncs (read, then text + charts in one write) once the sheet names are known, + one to activate a new sheet", async () => {
  const office = installOffice();
  const fake = await installExcel();
  // the shared runtime knows the sheet names once the pane (or an earlier command) has looked at the workbook
  const excel = await import("../../taskpane/excel");
  await excel.primeSheetNames(fake.Excel);
  await import("../../taskpane/commands");
  fake.state.resetSyncCount();
  const completed = jest.fn();
  await office.associated.generateNarrative({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  // the new sheet is activated in a sync of its own (OfficeDev/office-js #930)
  expect(fake.state.syncCount).toBe(3);
  expect(fake.state.activeSheet).toBe("情况说明（生成）");
  const sheet = fake.state.sheet("情况说明（生成）")!;
  expect(sheet.charts.map((c) => c.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `决算助手-图${k}`));
  // pressing the button again: still two syncs, still 7 charts
  fake.state.resetSyncCount();
  await office.associated.generateNarrative({ completed });
  expect(fake.state.syncCount).toBe(2);
  expect(fake.state.sheet("情况说明（生成）")!.charts).toHaveLength(7);
  expect(fake.state.sheets.filter((x) => x.name.startsWith("情况说明（生成）"))).toHaveLength(1);
});

test("without Excel the failure is said in Chinese (the task pane gets it when no dialog opens), and the event completes", async () => {
  installOffice({ dialogFails: true });
  const mod = await import("../../taskpane/commands");
  const completed = jest.fn();
  await mod.generateNarrative({ completed } as unknown as Office.AddinCommands.Event);
  const g = globalThis as unknown as { window: { dispatchEvent: jest.Mock }; Office: { addin: { showAsTaskpane: jest.Mock } } };
  expect(g.window.dispatchEvent).toHaveBeenCalledTimes(1);
  const event = g.window.dispatchEvent.mock.calls[0][0] as { type: string; init: { detail: { message: string } } };
  expect(event.type).toBe(mod.NOTICE_EVENT);
  expect(event.init.detail.message.startsWith(mod.FAILURE_PREFIX)).toBe(true);
  expect(event.init.detail.message).toMatch(/Excel/);
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
