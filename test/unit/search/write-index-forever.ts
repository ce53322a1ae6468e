// Child process for the crash test: keeps indexing, merging and persisting until it is killed.
import { SearchIndexManager } from '../../../search/index-manager.ts';
import { CORPUS, MemorySource, doc } from './search-fixtures.ts';

const dir = process.argv[2]!;
const source = new MemorySource(CORPUS);
for (let i = 0; i < 200; i++) source.put(doc(`filler-${i}`, `Bài số ${i}`, `Nội dung thử nghiệm ${i} `.repeat(50)));
for (let round = 0; ; round++) {
  source.put(doc(`round-${round}`, `Vòng ${round}`, `Nội dung vòng ${round}`));
  const manager = new SearchIndexManager({ dir, source });
  await manager.open();
  await manager.whenIdle();
  await manager.close();
}
