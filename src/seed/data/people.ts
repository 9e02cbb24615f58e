import type { Localized } from '../localized'
import type { PersonSeed } from './types'

const cities = {
  berlin: { en: 'Berlin', de: 'Berlin', 'zh-Hans': '柏林' },
  munich: { en: 'Munich', de: 'München', 'zh-Hans': '慕尼黑' },
  hamburg: { en: 'Hamburg', de: 'Hamburg', 'zh-Hans': '汉堡' },
  leipzig: { en: 'Leipzig', de: 'Leipzig', 'zh-Hans': '莱比锡' },
  cologne: { en: 'Cologne', de: 'Köln', 'zh-Hans': '科隆' },
  vienna: { en: 'Vienna', de: 'Wien', 'zh-Hans': '维也纳' },
  zurich: { en: 'Zurich', de: 'Zürich', 'zh-Hans': '苏黎世' },
  warsaw: { en: 'Warsaw', de: 'Warschau', 'zh-Hans': '华沙' },
  london: { en: 'London', de: 'London', 'zh-Hans': '伦敦' },
  edinburgh: { en: 'Edinburgh', de: 'Edinburgh', 'zh-Hans': '爱丁堡' },
  stockholm: { en: 'Stockholm', de: 'Stockholm', 'zh-Hans': '斯德哥尔摩' },
  madrid: { en: 'Madrid', de: 'Madrid', 'zh-Hans': '马德里' },
  beirut: { en: 'Beirut', de: 'Beirut', 'zh-Hans': '贝鲁特' },
  losAngeles: { en: 'Los Angeles', de: 'Los Angeles', 'zh-Hans': '洛杉矶' },
  newYork: { en: 'New York', de: 'New York', 'zh-Hans': '纽约' },
  toronto: { en: 'Toronto', de: 'Toronto', 'zh-Hans': '多伦多' },
  beijing: { en: 'Beijing', de: 'Peking', 'zh-Hans': '北京' },
  shanghai: { en: 'Shanghai', de: 'Shanghai', 'zh-Hans': '上海' },
  chengdu: { en: 'Chengdu', de: 'Chengdu', 'zh-Hans': '成都' },
  guangzhou: { en: 'Guangzhou', de: 'Guangzhou', 'zh-Hans': '广州' },
  xian: { en: "Xi'an", de: "Xi'an", 'zh-Hans': '西安' },
} satisfies Record<string, Localized>

/** Invented people: any likeness to real ones is accidental. */
export const people: readonly PersonSeed[] = [
  // Directing
  { key: 'mara-lindqvist', name: 'Mara Lindqvist', craft: 'directing', basedIn: cities.stockholm },
  { key: 'odessa-crane', name: 'Odessa Crane', craft: 'directing', basedIn: cities.losAngeles },
  { key: 'ada-finch', name: 'Ada Finch', craft: 'directing', basedIn: cities.toronto },
  {
    key: 'jonas-falkenberg',
    name: 'Jonas Falkenberg',
    craft: 'directing',
    basedIn: cities.hamburg,
  },
  { key: 'kasimir-roth', name: 'Kasimir Roth', craft: 'directing', basedIn: cities.berlin },
  { key: 'lin-wanqing', name: 'Lin Wanqing', craft: 'directing', basedIn: cities.beijing },
  { key: 'fang-jiayi', name: 'Fang Jiayi', craft: 'directing', basedIn: cities.chengdu },
  // Writing
  { key: 'theo-marchetti', name: 'Theo Marchetti', craft: 'writing', basedIn: cities.newYork },
  { key: 'henrike-vogt', name: 'Henrike Vogt', craft: 'writing', basedIn: cities.cologne },
  { key: 'zhao-mingyuan', name: 'Zhao Mingyuan', craft: 'writing', basedIn: cities.shanghai },
  // Music
  { key: 'elliot-marsh', name: 'Elliot Marsh', craft: 'music', basedIn: cities.london },
  { key: 'ines-albrecht', name: 'Ines Albrecht', craft: 'music', basedIn: cities.vienna },
  { key: 'chen-yusheng', name: 'Chen Yusheng', craft: 'music', basedIn: cities.guangzhou },
  // Acting
  { key: 'hannah-whitlock', name: 'Hannah Whitlock', craft: 'acting', basedIn: cities.edinburgh },
  { key: 'samuel-hart', name: 'Samuel Hart', craft: 'acting', basedIn: cities.losAngeles },
  { key: 'nadia-okafor', name: 'Nadia Okafor', craft: 'acting', basedIn: cities.london },
  { key: 'rosalind-quaye', name: 'Rosalind Quaye', craft: 'acting', basedIn: cities.london },
  { key: 'isaac-delacroix', name: 'Isaac Delacroix', craft: 'acting', basedIn: cities.newYork },
  { key: 'marlon-adeyemi', name: 'Marlon Adeyemi', craft: 'acting', basedIn: cities.toronto },
  { key: 'mateo-serrano', name: 'Mateo Serrano', craft: 'acting', basedIn: cities.madrid },
  { key: 'yara-haddad', name: 'Yara Haddad', craft: 'acting', basedIn: cities.beirut },
  { key: 'greta-sommerfeld', name: 'Greta Sommerfeld', craft: 'acting', basedIn: cities.munich },
  { key: 'felix-brandt', name: 'Felix Brandt', craft: 'acting', basedIn: cities.berlin },
  { key: 'leni-hartmann', name: 'Leni Hartmann', craft: 'acting', basedIn: cities.leipzig },
  { key: 'oskar-lindner', name: 'Oskar Lindner', craft: 'acting', basedIn: cities.zurich },
  { key: 'clara-eberhardt', name: 'Clara Eberhardt', craft: 'acting', basedIn: cities.hamburg },
  { key: 'daniel-kowalczyk', name: 'Daniel Kowalczyk', craft: 'acting', basedIn: cities.warsaw },
  { key: 'zhou-xinyi', name: 'Zhou Xinyi', craft: 'acting', basedIn: cities.shanghai },
  { key: 'han-zhiwei', name: 'Han Zhiwei', craft: 'acting', basedIn: cities.beijing },
  { key: 'su-meilin', name: 'Su Meilin', craft: 'acting', basedIn: cities.chengdu },
  { key: 'wei-jianguo', name: 'Wei Jianguo', craft: 'acting', basedIn: cities.xian },
  { key: 'guo-tianyu', name: 'Guo Tianyu', craft: 'acting', basedIn: cities.guangzhou },
]

/** How a short biography names each craft. */
export const craftLabels: Record<PersonSeed['craft'], Localized> = {
  directing: { en: 'directing', de: 'Regie', 'zh-Hans': '导演' },
  writing: { en: 'screenwriting', de: 'Drehbuch', 'zh-Hans': '编剧' },
  music: { en: 'film music', de: 'Filmmusik', 'zh-Hans': '电影配乐' },
  acting: { en: 'acting', de: 'Schauspiel', 'zh-Hans': '表演' },
}
