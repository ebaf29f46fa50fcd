/** Writes the later-year and beyond-nine example workbooks to test/workbooks/ (npx ts-node --transpile-only scripts/make-years.ts). */
import * as fs from "fs";
import * as path from "path";
import { buildYearWorkbooks } from "./years/build";

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "..", "test", "workbooks");
  fs.mkdirSync(dir, { recursive: true });
  const files = await buildYearWorkbooks();
  for (const [name, buf] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), buf);
    console.log(`已生成 ${path.relative(process.cwd(), path.join(dir, name))}（${buf.length} 字节）`);
  }
}

main().catch((e) => {
  console.error(`生成年度示例工作簿失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
