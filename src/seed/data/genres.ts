import type { GenreSeed } from './types'

const genre = (
  key: string,
  backdropColor: string,
  en: string,
  de: string,
  zhHans: string,
): GenreSeed => ({ key, backdropColor, name: { en, de, 'zh-Hans': zhHans } })

export const genres: readonly GenreSeed[] = [
  genre('drama', '#3a5a78', 'Drama', 'Drama', '剧情'),
  genre('comedy', '#e0a030', 'Comedy', 'Komödie', '喜剧'),
  genre('thriller', '#1d2b3a', 'Thriller', 'Thriller', '惊悚'),
  genre('crime', '#5c2a2a', 'Crime', 'Krimi', '犯罪'),
  genre('science-fiction', '#283c86', 'Science Fiction', 'Science-Fiction', '科幻'),
  genre('romance', '#b0405a', 'Romance', 'Liebesfilm', '爱情'),
  genre('history', '#7a5c3a', 'History', 'Historienfilm', '历史'),
  genre('mystery', '#3b2f5c', 'Mystery', 'Mystery', '悬疑'),
  genre('family', '#4f9a6a', 'Family', 'Familie', '家庭'),
  genre('animation', '#3fa7d6', 'Animation', 'Animation', '动画'),
  genre('documentary', '#5f7a4a', 'Documentary', 'Dokumentarfilm', '纪录片'),
]
