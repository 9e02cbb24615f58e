import { actor, composer, director, producer, writer } from './credits'
import { fsk, tvPg } from './ratings'
import type { EpisodeSeed, SeriesSeed } from './types'

const episode = (runtimeMinutes: number, en: string, de: string, zhHans: string): EpisodeSeed => ({
  runtimeMinutes,
  title: { en, de, 'zh-Hans': zhHans },
})

/** Invented series; titles, people and approval numbers are fictional. */
export const series: readonly SeriesSeed[] = [
  {
    key: 'east-precinct',
    title: { en: 'East Precinct', de: 'Revier Ost', 'zh-Hans': '东区警署' },
    tagline: {
      en: 'Leipzig never sleeps. Neither does East Precinct.',
      de: 'Leipzig schläft nie. Das Revier Ost auch nicht.',
      'zh-Hans': '莱比锡从不入眠，东区警署亦然。',
    },
    synopsis: {
      en: "A detective transferred from Munich to Leipzig's eastern precinct finds a team, a city and a past that do not want her there.",
      de: 'Eine von München nach Leipzig versetzte Kommissarin trifft im Revier Ost auf ein Team, eine Stadt und eine Vergangenheit, die sie dort nicht haben wollen.',
      'zh-Hans':
        '一位从慕尼黑调往莱比锡东区警署的女探长发现，这里的同事、这座城市以及一段往事都不欢迎她。',
    },
    releaseYear: 2022,
    originalLanguage: 'de',
    genres: ['crime', 'drama'],
    credits: [
      director('kasimir-roth'),
      writer('henrike-vogt'),
      producer('jonas-falkenberg'),
      composer('ines-albrecht'),
      actor('clara-eberhardt', 'Detective Nina Falk', '妮娜·法尔克探长', 'Kommissarin Nina Falk'),
      actor('daniel-kowalczyk', 'Tomasz Wiśniewski', '托马斯·维希涅夫斯基'),
      actor(
        'felix-brandt',
        'Chief Inspector Rolf Gerber',
        '罗尔夫·格贝尔督察',
        'Kriminalrat Rolf Gerber',
      ),
    ],
    ratings: [fsk(12), tvPg('TV-14')],
    color: '#34495e',
    seasons: [
      {
        episodes: [
          episode(52, 'Transferred', 'Versetzt', '调任'),
          episode(49, 'Night Shift', 'Nachtschicht', '夜班'),
          episode(51, 'The Man by the Canal', 'Der Mann am Kanal', '运河边的男人'),
          episode(55, 'Old Debts', 'Altlasten', '旧账'),
        ],
      },
      {
        episodes: [
          episode(50, 'Trade Fair', 'Messezeit', '展会季'),
          episode(48, 'Tower Block', 'Plattenbau', '板楼'),
          episode(52, 'Telephone', 'Stille Post', '传话游戏'),
          episode(47, 'Border Crosser', 'Grenzgänger', '越界者'),
          episode(58, 'Last Call', 'Zapfenstreich', '熄灯号'),
        ],
      },
      {
        episodes: [
          episode(53, 'Return', 'Rückkehr', '归来'),
          episode(50, 'Dirty Money', 'Schwarzgeld', '黑钱'),
          episode(61, 'East Precinct', 'Revier Ost', '东区警署'),
        ],
      },
    ],
  },
  {
    key: 'twelve-floors',
    title: { en: 'Twelve Floors', de: 'Zwölf Stockwerke', 'zh-Hans': '十二层' },
    tagline: {
      en: 'One building. Twelve floors. No secrets.',
      de: 'Ein Haus. Zwölf Stockwerke. Keine Geheimnisse.',
      'zh-Hans': '一栋楼，十二层，没有秘密。',
    },
    synopsis: {
      en: 'The residents of an ageing Chongqing apartment block quarrel, fall in love and finally stand together when a developer offers to buy them out.',
      de: 'Die Bewohner eines in die Jahre gekommenen Wohnblocks in Chongqing streiten, verlieben sich und halten schließlich zusammen, als ein Investor sie auskaufen will.',
      'zh-Hans':
        '重庆一栋老旧居民楼里的住户们吵吵闹闹、相知相爱，直到开发商上门收购，他们才终于团结起来。',
    },
    releaseYear: 2023,
    originalLanguage: 'zh',
    genres: ['comedy', 'drama', 'family'],
    credits: [
      director('fang-jiayi'),
      writer('zhao-mingyuan'),
      composer('chen-yusheng'),
      actor('wei-jianguo', 'Uncle Zhang', '张叔', 'Onkel Zhang'),
      actor('su-meilin', 'Li Wen', '李雯'),
      actor('guo-tianyu', 'Xiao Deng', '小邓'),
    ],
    ratings: [fsk(6), tvPg('TV-PG')],
    cnApprovalNumber: '(2023)影字第211号',
    color: '#e07a5f',
    seasons: [
      {
        cnApprovalNumber: '(2023)影字第211号',
        episodes: [
          episode(34, 'Moving Day', 'Umzugstag', '搬家'),
          episode(32, 'Blackout', 'Stromausfall', '停电'),
          episode(35, 'Hotpot Night', 'Feuertopf-Abend', '火锅之夜'),
          episode(31, 'The Lift Is Broken', 'Der Aufzug ist kaputt', '电梯坏了'),
          episode(33, 'Rooftop Garden', 'Der Dachgarten', '楼顶菜园'),
          episode(38, 'The Offer', 'Das Angebot', '收购通知'),
        ],
      },
      {
        cnApprovalNumber: '(2024)影字第077号',
        episodes: [
          episode(33, 'New Neighbours', 'Neue Nachbarn', '新邻居'),
          episode(35, 'The Mahjong Tournament', 'Das Mahjong-Turnier', '麻将比赛'),
          episode(36, 'The Wedding', 'Die Hochzeit', '婚礼'),
          episode(32, 'Downpour', 'Wolkenbruch', '暴雨'),
          episode(41, 'Twelve Floors', 'Zwölf Stockwerke', '十二层'),
        ],
      },
    ],
  },
  {
    key: 'low-orbit',
    title: { en: 'Low Orbit', de: 'Niedriger Orbit', 'zh-Hans': '近地轨道' },
    tagline: {
      en: 'Six crew. One lifeboat.',
      de: 'Sechs Crewmitglieder. Ein Rettungsboot.',
      'zh-Hans': '六名乘员，一艘救生艇。',
    },
    synopsis: {
      en: 'When a commercial space station loses contact with the ground, its crew of six must decide whom they can trust with the only way home.',
      de: 'Als eine kommerzielle Raumstation den Kontakt zur Erde verliert, muss die sechsköpfige Crew entscheiden, wem sie den einzigen Weg nach Hause anvertraut.',
      'zh-Hans': '一座商业空间站与地面失去联系后，六名乘员必须决定：唯一的回家之路，能托付给谁。',
    },
    releaseYear: 2024,
    originalLanguage: 'en',
    genres: ['science-fiction', 'thriller', 'drama'],
    credits: [
      director('odessa-crane'),
      writer('theo-marchetti'),
      producer('ada-finch'),
      composer('elliot-marsh'),
      actor('nadia-okafor', 'Commander Grace Obi', '格蕾丝·奥比指挥官', 'Kommandantin Grace Obi'),
      actor('marlon-adeyemi', 'Dr Leon Park', '莱昂·朴博士'),
      actor('yara-haddad', 'Sami Khoury', '萨米·胡里'),
    ],
    ratings: [fsk(12), tvPg('TV-14')],
    color: '#22333b',
    seasons: [
      {
        episodes: [
          episode(56, 'Loss of Signal', 'Signalverlust', '信号中断'),
          episode(51, 'Dead Reckoning', 'Koppelnavigation', '航位推算'),
          episode(49, 'Airlock', 'Luftschleuse', '气闸'),
          episode(53, 'The Seventh Crew Member', 'Das siebte Crewmitglied', '第七名乘员'),
          episode(62, 'Re-entry', 'Wiedereintritt', '再入大气层'),
        ],
      },
      {
        episodes: [
          episode(54, 'Ground Control', 'Bodenkontrolle', '地面控制'),
          episode(50, 'Debris', 'Trümmer', '碎片'),
          episode(52, 'Half-Life', 'Halbwertszeit', '半衰期'),
          episode(59, 'Burn', 'Zündung', '点火'),
        ],
      },
    ],
  },
]
