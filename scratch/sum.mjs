import ExcelJS from 'exceljs'
const keys = ['DisplayName','Territory','TerritoryExcluded','WorkType','EntryType','TitleInternalAlias','LicenseType','FormatProfile','HDR','Start','End','StartCondition','EndCondition','TitleID','EditID','ContentID','AvailID','ALID','AnnounceDate','ReleaseYear','ContractID','Exclusive','SeriesTitleInternalAlias','SeasonNumber','EpisodeNumber','SeriesContentID','SeasonContentID','EpisodeContentID','SeriesID','SeasonID','EpisodeID','EpisodeTitleID','SeasonTitleID','SeriesTitleID', 'SeriesAltID','SeasonAltID','EpisodeAltID','EpisodeTitleInternalAlias','SeriesTitleDisplayUnlimited','BundleALIDs','ExclusiveAttributes']
for (const f of process.argv.slice(2)) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile('/work/shared/data/ema-avails/'+f)
  console.log('=====', f)
  wb.eachSheet((ws) => {
    let header = null, hrow = 0
    const data = []
    ws.eachRow((row, n) => {
      const vals = {}
      row.eachCell({includeEmpty:false}, (c, col) => { let v=c.value; if (v instanceof Date) v='D:'+v.toISOString(); else if (v && typeof v==='object') v='O:'+JSON.stringify(v).slice(0,80); vals[col]=String(v) })
      if (!header && Object.values(vals).includes('WorkType') && Object.values(vals).includes('Territory')) { header = vals; hrow = n; return }
      if (header) data.push([n, vals])
    })
    console.log('--- sheet', ws.name, 'rows', ws.rowCount, 'header row', hrow, 'data', data.length)
    if (!header) return
    console.log('HEADER', Object.entries(header).map(([c,v])=>c+'='+v).join(' '))
    for (const k of keys) {
      const col = Object.entries(header).find(([c,v])=>v===k)?.[0]
      if (!col) continue
      const m = new Map()
      for (const [n, vals] of data) { const v = vals[col] ?? '(empty)'; m.set(v, (m.get(v)??0)+1) }
      console.log(' ', k, '['+col+']', m.size, [...m].slice(0,12).map(([v,c])=>v+'×'+c).join(', '))
    }
  })
}
