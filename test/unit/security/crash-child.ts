// Run by crash-recovery.test.ts as a child process that is killed with SIGKILL mid-work. It prints
// "ack <n> <id>" only after the command that wrote <n> has answered, so the parent knows what was
// acknowledged before the kill.
import { AppContext } from '../../../commands/app-context.ts';

const [libraryDir, mode] = process.argv.slice(2);
if (!libraryDir || (mode !== 'import' && mode !== 'annotate')) throw new Error('usage: crash-child.ts LIBRARY import|annotate');

const context = await AppContext.open({ libraryDir, runtime: 'browser' });
let articleId = '';
if (mode === 'annotate') {
  const seeded = await context.dispatch('library.importFiles', {
    jobId: 'seed',
    files: [{ name: 'nen.txt', base64: Buffer.from('Bài nền cho ghi chú\n\n' + 'Đoạn văn để tô sáng. '.repeat(200)).toString('base64') }],
  });
  if (!seeded.ok) throw new Error(seeded.error.message);
  articleId = (seeded.value as { imported: { id: string }[] }).imported[0]!.id;
  console.log(`seeded ${articleId}`);
}
for (let n = 0; ; n++) {
  if (mode === 'import') {
    const text = `Bài thử số ${n}\n\nNội dung có từ khoá riêng dauvet${n}x để tìm lại sau sự cố.`;
    const outcome = await context.dispatch('library.importFiles', { jobId: `j${n}`, files: [{ name: `bai-${n}.txt`, base64: Buffer.from(text).toString('base64') }] });
    if (!outcome.ok) throw new Error(outcome.error.message);
    console.log(`ack ${n} ${(outcome.value as { imported: { id: string }[] }).imported[0]!.id}`);
  } else {
    const start = (n * 7) % 4000;
    const outcome = await context.dispatch('annotations.create', { articleId, start, end: start + 5, note: `ghi chú dauvet${n}x` });
    if (!outcome.ok) throw new Error(outcome.error.message);
    console.log(`ack ${n} ${(outcome.value as { id: string }).id}`);
  }
}
