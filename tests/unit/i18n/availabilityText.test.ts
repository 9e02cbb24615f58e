import { describe, expect, it } from 'vitest'

import {
  describeMatrixCell,
  describeOffset,
  describePanelState,
  describeTimelineBar,
  describeTimelineConflict,
  matrixStateKeys,
  territoryDay,
  type Messages,
} from '../../../src/admin/availabilityText'
import type { MatrixCell } from '../../../src/availability/territoryCell'
import type { TimelineBar } from '../../../src/availability/titleTimeline'
import { messageIn, type AdminLanguage } from '../../../src/i18n'
import { formatDay, formatMonth } from '../../../src/i18n/format'

const messagesIn = (language: AdminLanguage): Messages => ({ t: messageIn(language), language })
const en = messagesIn('en')
const de = messagesIn('de')
const zh = messagesIn('zh')

const cell = (facts: Partial<MatrixCell>): MatrixCell => ({
  territory: 'DE',
  state: 'available',
  date: null,
  reasons: [],
  announcedAt: null,
  ...facts,
})

describe('days and months in the user language', () => {
  it('writes a local calendar day without shifting it', () => {
    expect(formatDay('2027-01-01', 'en')).toBe('1 Jan 2027')
    expect(formatDay('2027-01-01', 'de')).toBe('01.01.2027')
    expect(formatDay('2027-01-01', 'zh')).toBe('2027年1月1日')
  })

  it('names the UTC month of an instant', () => {
    // 23:30 on 31 January in UTC is already February in Berlin: the axis stays in UTC.
    expect(formatMonth('2027-01-31T23:30:00Z', 'en')).toBe('Jan 2027')
    expect(formatMonth('2027-01-31T23:30:00Z', 'de')).toMatch(/^Jan\.? 2027$/)
    expect(formatMonth('2027-01-31T23:30:00Z', 'zh')).toBe('2027年1月')
  })

  it("takes the territory's day, and UTC when the zone is unknown or invalid", () => {
    const instant = '2026-12-31T23:30:00Z'
    expect(territoryDay(instant, 'Europe/Berlin', 'de')).toBe('01.01.2027')
    expect(territoryDay(instant, null, 'de')).toBe('31.12.2026')
    expect(territoryDay(instant, 'Not/AZone', 'de')).toBe('31.12.2026')
  })
})

describe('matrix cells', () => {
  it('dates an available cell as the local day in the territory', () => {
    const available = cell({ date: '2026-12-31T23:00:00Z' })
    expect(describeMatrixCell(available, 'Europe/Berlin', en)).toBe('until 1 Jan 2027')
    expect(describeMatrixCell(available, 'Europe/Berlin', de)).toBe('bis 01.01.2027')
    expect(describeMatrixCell(available, 'America/New_York', zh)).toBe('至 2026年12月31日')
    expect(describeMatrixCell(cell({}), 'Europe/Berlin', de)).toBe('unbefristet')
  })

  it('says upcoming from when, and whether it is announced', () => {
    const upcoming = cell({ state: 'upcoming', date: '2027-03-01T00:00:00Z' })
    expect(describeMatrixCell(upcoming, 'UTC', de)).toBe('ab 01.03.2027')
    expect(
      describeMatrixCell({ ...upcoming, announcedAt: '2027-02-01T00:00:00Z' }, 'UTC', en),
    ).toBe('from 1 Mar 2027 (announced)')
  })

  it('tells an unpublished title from one without rights', () => {
    expect(describeMatrixCell(cell({ state: 'none', reasons: ['UNPUBLISHED'] }), null, de)).toBe(
      'nicht veröffentlicht',
    )
    expect(
      describeMatrixCell(cell({ state: 'none', reasons: ['UNPUBLISHED', 'NO_GRANT'] }), null, de),
    ).toBe('—')
    expect(describeMatrixCell(cell({ state: 'heldBack' }), null, zh)).toBe('此后无授权')
  })

  it('has a label for every state in every language, none left in English', () => {
    for (const key of Object.values(matrixStateKeys)) {
      expect(de.t(key)).not.toBe(en.t(key))
      expect(zh.t(key)).not.toBe(en.t(key))
    }
  })

  it('writes the scrubber offset with sign, plural and digit grouping', () => {
    expect(describeOffset(0, de)).toBe('heute')
    expect(describeOffset(1, en)).toBe('+1 day')
    expect(describeOffset(-1095, en)).toBe('-1,095 days')
    expect(describeOffset(-1095, de)).toBe('-1.095 Tage')
    expect(describeOffset(30, zh)).toBe('+30 天')
  })
})

describe('availability panel', () => {
  const base = { territory: 'DE', since: null, until: null, reasons: [] }

  it('dates states in the given time zone and language', () => {
    const until = { ...base, state: 'available' as const, until: '2027-01-01T00:00:00Z' }
    expect(describePanelState(until, de, 'Europe/Berlin')).toBe('bis 01.01.2027, 01:00')
    expect(describePanelState(until, en, 'UTC')).toBe('until 1 Jan 2027, 00:00')
    const soon = {
      ...base,
      state: 'upcoming' as const,
      since: '2027-03-01T00:00:00Z',
      announcedAt: '2027-02-01T00:00:00Z',
    }
    expect(describePanelState(soon, zh, 'Asia/Shanghai')).toBe(
      '自 2027年3月1日 08:00 起，2027年2月1日 08:00 起显示为即将上线',
    )
  })

  it('names the reasons in the language', () => {
    const none = { ...base, state: 'none' as const, reasons: ['NO_GRANT', 'HOLDBACK'] as const }
    expect(describePanelState({ ...none, reasons: [...none.reasons] }, de, 'UTC')).toBe(
      'keine Lizenz, Sperrfrist',
    )
    expect(describePanelState({ ...base, state: 'none' }, zh, 'UTC')).toBe('无许可')
  })
})

describe('timeline hovers', () => {
  const bar: TimelineBar = {
    licenceId: '7',
    contractId: 'C-1',
    kind: 'grant',
    holdbackStrength: null,
    licenceType: 'svod',
    formats: ['hd', 'uhd'],
    exclusive: true,
    via: 'series/3',
    start: '2026-12-31T23:00:00.000Z',
    end: '2027-06-30T22:00:00.000Z',
    firstLocalDay: '2027-01-01',
    lastLocalDay: '2027-06-30',
    timeZone: 'Europe/Berlin',
    left: 0,
    width: 1,
    clippedStart: false,
    clippedEnd: false,
    inConflict: true,
    row: 0,
    description: 'the English one the API sends',
  }

  it('describes a bar with local days and UTC instants in the language', () => {
    expect(describeTimelineBar(bar, 'DE', de).split('\n')).toEqual([
      'Vertrag C-1 (Lizenz 7)',
      'SVOD-Lizenz, exklusiv',
      'Formate: HD, UHD',
      'DE ab 01.01.2027 (Europe/Berlin), 31.12.2026, 23:00 UTC',
      'bis einschließlich 30.06.2027 (Europe/Berlin), endet 30.06.2027, 22:00 UTC',
      'Lizenziert über series/3',
      'Im Konflikt mit einer anderen exklusiven Lizenz',
    ])
  })

  it('describes an open-ended soft holdback without contract', () => {
    const holdback: TimelineBar = {
      ...bar,
      contractId: null,
      kind: 'holdback',
      holdbackStrength: 'soft',
      exclusive: false,
      formats: [],
      end: null,
      lastLocalDay: null,
      via: null,
      inConflict: false,
    }
    expect(describeTimelineBar(holdback, 'DE', zh).split('\n')).toEqual([
      '无合同编号（许可 7）',
      'SVOD 软性保留期',
      '格式：全部',
      'DE 自 2027年1月1日（Europe/Berlin）起，2026年12月31日 23:00 UTC',
      '无限期',
    ])
  })

  it('describes a conflict', () => {
    const conflict = {
      licenceIds: ['7', '9'] as [string, string],
      overlapStart: '2027-01-01T00:00:00Z',
      overlapEnd: null,
      left: 0,
      width: 1,
    }
    expect(describeTimelineConflict(conflict, en)).toBe(
      'Conflict between licences 7 and 9: 1 Jan 2027, 00:00 UTC to open-ended',
    )
  })
})
