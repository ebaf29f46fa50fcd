/** Writes the example workbooks to test/workbooks/ (npm run make-examples). */
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbooks } from "./examples/build";

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "..", "test", "workbooks");
  fs.mkdirSync(dir, { recursive: true });
  const files = await buildExampleWorkbooks();
  for (const [name, buf] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), buf);
    console.log(`已生成 ${path.relative(process.cwd(), path.join(dir, name))}（${buf.length} 字节）`);
  }
}

main().catch((e) => {
  console.error(`生成示例工作簿失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
