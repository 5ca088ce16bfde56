/**
 * A small typed Atom (RFC 4287) builder: the feed of the public register's
 * stage changes and notices. Every text and attribute is escaped here, once.
 * Pure.
 */
export type AtomEntry = { id: string; title: string; updated: string; link: string; summary?: string };
export type AtomFeed = { id: string; title: string; updated: string; selfLink: string; alternateLink: string; lang: string; entries: AtomEntry[] };

/** XML text or attribute content: the five special characters escaped, characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (href: string, rel?: string) => `<link${rel ? ` rel="${escapeXml(rel)}"` : ''} href="${escapeXml(href)}"/>`;

export function buildAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      '<entry>',
      element('id', e.id),
      element('title', e.title),
      element('updated', e.updated),
      link(e.link, 'alternate'),
      e.summary ? element('summary', e.summary) : '',
      '</entry>',
    ].join(''),
  );
  // No XML declaration: UTF-8 is XML's default, and the feed's media type says it too.
  return [
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    element('id', feed.id),
    element('title', feed.title),
    element('updated', feed.updated),
    link(feed.selfLink, 'self'),
    link(feed.alternateLink, 'alternate'),
    ...entries,
    '</feed>',
  ].join('\n');
}
