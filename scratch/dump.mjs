import ExcelJS from 'exceljs'
for (const f of ['Movies_v1.7.2.xlsx','Movies_v1.9.xlsx','TV_v1.8.xlsx','TV_v1.9.xlsx']) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile('/work/shared/data/ema-avails/'+f)
  console.log('=====', f)
  wb.eachSheet((ws) => {
    console.log('--- sheet', ws.name, ws.rowCount, ws.columnCount)
    ws.eachRow((row, n) => {
      const vals = []
      row.eachCell({includeEmpty:false}, (c, col) => { let v=c.value; if (v instanceof Date) v='D:'+v.toISOString(); else if (v && typeof v==='object') v=JSON.stringify(v); vals.push(col+'='+v) })
      console.log(n, vals.join(' | '))
    })
  })
}
