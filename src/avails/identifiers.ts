/**
 * EIDR identifiers come in several spellings: `10.5240/XXXX-...`, `urn:eidr:10.5240:XXXX-...`,
 * and inside Common Metadata ids (`md:cid:eidr-s:XXXX-...`, `md:alid:eidr-s:...`,
 * `md:cid:eidr-x:10.5240:...`). All become the DOI form our titles store. A stray colon after
 * the prefix (`10.5240/:1489-...`, as in the MovieLabs samples) is tolerated.
 */
const suffix = '([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}-[0-9A-Z]{1,2})'
const eidrForms = [
  new RegExp(`^10\\.5240/:?${suffix}$`, 'i'),
  new RegExp(`^urn:eidr:10\\.5240:${suffix}$`, 'i'),
  new RegExp(`^md:[a-z]+:eidr-s::?${suffix}$`, 'i'),
  new RegExp(`^md:[a-z]+:eidr-x:10\\.5240[:/]${suffix}$`, 'i'),
]

export const eidrOf = (id: string): string | null => {
  const text = id.trim()
  for (const form of eidrForms) {
    const match = form.exec(text)
    if (match) return `10.5240/${match[1].toUpperCase()}`
  }
  return null
}

/** Title text as staff and studios write it: case, spacing and "Detectives, The" do not matter. */
export const normalTitle = (title: string): string => {
  let text = title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  const article = /^(.*), (the|a|an|der|die|das|le|la|les|el|los|las)$/.exec(text)
  if (article) text = `${article[2]} ${article[1]}`
  return text
}
