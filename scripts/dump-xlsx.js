const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const only = process.argv[3];
  wb.eachSheet(ws => {
    if (only && !ws.name.includes(only)) return;
    console.log(`=== ${ws.name} dims=${ws.dimensions} merges=${JSON.stringify(ws.model.merges).slice(0,300)}`);
    ws.eachRow({includeEmpty:false}, (row, r) => {
      const cells = [];
      row.eachCell({includeEmpty:false}, (c, col) => { let v=c.value; if (v && typeof v==='object') v=JSON.stringify(v); cells.push(`${c.address}=${v}`); });
      console.log(cells.join(' | '));
    });
  });
})();
