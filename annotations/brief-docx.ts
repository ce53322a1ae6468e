// A brief as a Word document (editors work in Word), written with the `docx` library: the same
// content and order as the Markdown brief, as headings, paragraphs, indented quotes and links.
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Brief, BriefEntry } from './brief-model.ts';
import { BRIEF_WORDS, localTime } from './brief-words.ts';

const field = (label: string, value: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

function entryParagraphs(entry: BriefEntry, index: number, brief: Brief): Paragraph[] {
  const words = BRIEF_WORDS[brief.language];
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${index + 1}. ${entry.title}`)] })];
  if (entry.author) out.push(field(words.author, entry.author));
  if (entry.source) out.push(field(words.source, entry.source));
  out.push(
    field(
      words.published,
      entry.publishedAt ? localTime(entry.publishedAt, brief.language, brief.timeZone) : words.undated(localTime(entry.importedAt, brief.language, brief.timeZone)),
    ),
  );
  if (entry.url) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `${words.link}: `, bold: true }), new ExternalHyperlink({ link: entry.url, children: [new TextRun({ text: entry.url, style: 'Hyperlink' })] })],
      }),
    );
  }
  for (const quote of entry.quotes) {
    out.push(new Paragraph({ indent: { left: 720 }, spacing: { before: 160 }, children: [new TextRun({ text: `“${quote.text}”`, italics: true })] }));
    const tail = [quote.label, quote.page ? `tr. ${quote.page}` : '', quote.orphan ? words.orphan : ''].filter(Boolean).join(' · ');
    out.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `— ${tail}`, color: '666666' })] }));
    if (quote.note) out.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `${words.note}: `, bold: true }), ...noteRuns(quote.note)] }));
  }
  out.push(new Paragraph({ spacing: { before: 160, after: 240 }, children: [new TextRun({ text: `${words.citation}: `, bold: true }), new TextRun(entry.citation)] }));
  return out;
}

/** A note's lines as runs with breaks between them. */
function noteRuns(note: string): TextRun[] {
  return note.split(/\n/u).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
}

/** The brief as DOCX bytes. */
export async function briefDocx(brief: Brief): Promise<Uint8Array> {
  const words = BRIEF_WORDS[brief.language];
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(words.heading)] }),
    new Paragraph({ children: [new TextRun(`${words.made} ${localTime(brief.now, brief.language, brief.timeZone)} · ${words.counts(brief.entries.length, brief.quoteCount)}`)] }),
    field(words.filter, brief.filter.length ? brief.filter.join(' · ') : words.noFilter),
    ...(brief.entries.length === 0 ? [new Paragraph(words.empty)] : []),
    ...brief.entries.flatMap((entry, index) => entryParagraphs(entry, index, brief)),
  ];
  const document = new Document({
    creator: 'Newsroom Reader',
    title: words.heading,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
