import fs from 'node:fs'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/(src|bench)\//, '$1/')

/**
 * The top of a V8 CPU profile (`--cpu-prof`): self time by function and by package or source
 * file, and total time (self plus callees) of our own functions under src/.
 */
export const summariseProfile = (file: string, top = 25): string => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const totalHits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / totalHits
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    const where = shortUrl(node.callFrame.url) || '(native)'
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits)
    const pkg = where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0]
    const group = where.startsWith('src/') ? where : pkg
    byFile.set(group, (byFile.get(group) ?? 0) + hits)
  }
  // Inclusive time of src/ functions: hits of a node and every node under it, once per stack.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const inclusive = new Map<string, number>()
  const walk = (node: ProfileNode, open: Set<string>) => {
    const where = shortUrl(node.callFrame.url)
    const name = where.startsWith('src/')
      ? `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`
      : null
    const entered = name !== null && !open.has(name)
    if (entered && name) open.add(name)
    for (const key of open) inclusive.set(key, (inclusive.get(key) ?? 0) + (node.hitCount ?? 0))
    for (const child of node.children ?? []) {
      const next = byId.get(child)
      if (next) walk(next, open)
    }
    if (entered && name) open.delete(name)
  }
  const rootNode = profile.nodes[0]
  if (rootNode) walk(rootNode, new Set())
  const lines = (title: string, entries: Map<string, number>) => [
    title,
    ...[...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, hits]) =>
          `  ${((hits * msPerHit) / 1000).toFixed(2).padStart(8)} s ${((hits / totalHits) * 100).toFixed(1).padStart(5)} %  ${name}`,
      ),
  ]
  return [
    ...lines('self time by function:', byFunction),
    ...lines('self time by package / source file:', byFile),
    ...lines('total time of src/ functions (self + callees):', inclusive),
  ].join('\n')
}

if (process.argv[1]?.endsWith('profile.ts') && process.argv[2]) {
  console.log(summariseProfile(process.argv[2], Number(process.argv[3] ?? 25)))
}
