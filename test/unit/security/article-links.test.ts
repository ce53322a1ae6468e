import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { exportArticleMarkdown } from '../../../annotations/markdown-export.ts';
import { createDraft } from '../../../importers/article-draft.ts';
import { markdownImporter } from '../../../importers/markdown-importer.ts';
import { Library, InvalidArticleError } from '../../../library/index.ts';
import { validateDraft } from '../../../library/draft-validation.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';
import { onlyDraft, textInput } from '../importers/importer-test-helpers.ts';

const HOSTILE = ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox(1)'];

describe('article links are web addresses only', () => {
  it('drops a hostile scheme when an importer builds the draft', async () => {
    for (const url of HOSTILE) {
      expect(createDraft({ url, origin: 'x', pieces: [{ kind: 'paragraph', text: 'Nội dung.' }] }).url, url).toBeNull();
    }
    expect(createDraft({ url: 'https://vnexpress.net/a', origin: 'x', pieces: [{ kind: 'paragraph', text: 'Nội dung.' }] }).url).toBe('https://vnexpress.net/a');
    const md = onlyDraft(await markdownImporter.parse(textInput('a.md', '---\nurl: javascript:alert(1)\n---\n# Tiêu đề\n\nNội dung bài.')));
    expect(md.url).toBeNull();
  });

  it('is refused by storage validation, and stripped when the library stores or restores', () => {
    expect(() => validateDraft(draft({ url: 'javascript:alert(1)' }))).toThrow(InvalidArticleError);
    const folder = temporaryFolder();
    const library = Library.open(folder.dir);
    try {
      const { id } = library.addArticle(draft({ url: 'javascript:alert(1)' }));
      expect(library.get(id)!.url).toBeNull();
      const restored = library.restoreArticle({ ...library.get(id)!, id: 'r1', body: 'Một bài khác hẳn.', blocks: [{ kind: 'paragraph', start: 0, end: 17 }], url: 'data:text/html,x', type: 'article' } as never);
      expect(library.get(restored.id)!.url).toBeNull();
    } finally {
      library.close();
      folder.remove();
    }
  });

  it('never exports one that an older version stored, as NDJSON or Markdown', async () => {
    const folder = temporaryFolder();
    const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    try {
      const { id } = context.library.addArticle(draft({ url: 'https://example.vn/bai' }));
      // As if written before this check existed.
      context.library.db.prepare('UPDATE articles SET url = ? WHERE id = ?').run('javascript:alert(1)', id);
      expect(context.library.get(id)!.url).toBeNull();
      const ndjson = await context.dispatch('library.export', {});
      expect(JSON.stringify(ndjson)).not.toMatch(/javascript:/i);
      const md = await context.dispatch('annotations.export', { articleId: id, format: 'md' });
      expect(md.ok).toBe(true);
      expect(JSON.stringify(md)).toMatch(/URL|example|content/);
      expect(JSON.stringify(md)).not.toMatch(/javascript:/i);
      expect(exportArticleMarkdown({ id, title: 't', source: null, url: 'javascript:alert(1)', publishedAt: null }, [], { yellow: '', green: '', blue: '', pink: '' } as never)).not.toMatch(/javascript:/i);
    } finally {
      await context.close();
      folder.remove();
    }
  });
});
