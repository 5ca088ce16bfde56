import { describe, expect, it } from 'vitest';
import { buildAtom, escapeXml } from '@/lib/rules/atom';
import { isPublicLocale, publicAlternates, publicJsonPath, publicPath, siteOrigin } from '@/lib/rules/public-paths';
import { FEEDBACK_MAX, publicFeedbackSchema } from '@/lib/schemas/public-feedback';

describe('the Atom builder', () => {
  it('escapes every text and attribute, and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    const xml = buildAtom({
      id: 'http://x/feed',
      title: 'A & B',
      updated: '2020-01-14T00:00:00+08:00',
      selfLink: 'http://x/feed?a=1&b=2',
      alternateLink: 'http://x/public',
      lang: 'zh-CN',
      entries: [{ id: 'e1', title: '<script>alert(1)</script>', updated: '2020-01-14T00:00:00+08:00', link: 'http://x/p?"q"' }],
    });
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('href="http://x/feed?a=1&amp;b=2"');
    expect(xml).toContain('href="http://x/p?&quot;q&quot;"');
    expect(xml).not.toContain('<script>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});

describe('public paths', () => {
  it('puts Chinese at /public and English at /public/en, with alternates both ways', () => {
    expect(publicPath('zh')).toBe('/public');
    expect(publicPath('en', 'BJSB-01')).toBe('/public/en/projects/BJSB-01');
    expect(publicJsonPath('BJ-FINTECH-SANDBOX')).toBe('/public/data/BJ-FINTECH-SANDBOX.json');
    expect(publicAlternates('en', 'X').canonical).toBe('/public/en/projects/X');
    expect(publicAlternates('zh').languages).toEqual({ 'zh-CN': '/public', en: '/public/en', 'x-default': '/public' });
    expect(isPublicLocale('en')).toBe(true);
    expect(isPublicLocale('fr')).toBe(false);
    expect(siteOrigin('https://portal.example.org/some/path')).toBe('https://portal.example.org');
    expect(siteOrigin('not a url')).toBe('http://localhost:3000');
  });
});

describe('public feedback schema', () => {
  const valid = { projectCode: 'bjsb-01', category: 'COMMENT', body: '  建议延长公示期。  ', contact: '' };
  const errors = (input: Record<string, unknown>) => {
    const r = publicFeedbackSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };
  it('takes plain text up to 2,000 characters, trimmed, with an optional contact', () => {
    const r = publicFeedbackSchema.parse(valid);
    expect(r).toEqual({ projectCode: 'BJSB-01', category: 'COMMENT', body: '建议延长公示期。', contact: '', website: '' });
    expect(publicFeedbackSchema.safeParse({ ...valid, body: '字'.repeat(FEEDBACK_MAX) }).success).toBe(true);
    expect(publicFeedbackSchema.safeParse({ ...valid, body: '第一行\n第二行\t缩进' }).success).toBe(true);
  });
  it('refuses too long, empty, markup and control characters with a message each', () => {
    expect(errors({ ...valid, body: '字'.repeat(FEEDBACK_MAX + 1) })).toEqual({ body: 'tooLong' });
    expect(errors({ ...valid, body: '   ' })).toEqual({ body: 'required' });
    expect(errors({ ...valid, body: '见 <a href="http://spam">这里</a>' })).toEqual({ body: 'markup' });
    expect(errors({ ...valid, body: 'a\u0007b' })).toEqual({ body: 'controlCharacters' });
    expect(errors({ ...valid, contact: '<b>x</b>' })).toEqual({ contact: 'markup' });
    expect(errors({ ...valid, category: 'PRAISE' })).toEqual({ category: 'invalid' });
  });
  it('passes the honeypot through as text, for the data layer to drop the submission', () => {
    expect(publicFeedbackSchema.parse({ ...valid, website: 'http://spam.example' }).website).toBe('http://spam.example');
  });
});
