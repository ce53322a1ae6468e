import type { SearchDocument, SearchDocumentSource } from '../../../search/search-document.ts';

export function doc(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    title,
    body,
    author: null,
    source: null,
    tags: [],
    publishedAt: null,
    importedAt: '2024-01-01T00:00:00.000Z',
    notes: [],
    ...extra,
  };
}

/** A library stand-in for search tests: documents in memory and a change log like the library's. */
export class MemorySource implements SearchDocumentSource {
  readonly docs = new Map<string, SearchDocument>();
  /** The sequence number of each article's last change; removed articles keep theirs (tombstones). */
  readonly changes = new Map<string, number>();
  seq = 0;

  constructor(docs: SearchDocument[] = []) {
    for (const d of docs) this.put(d);
  }

  put(d: SearchDocument): void {
    this.docs.set(d.id, d);
    this.changes.set(d.id, ++this.seq);
  }

  remove(id: string): void {
    this.docs.delete(id);
    this.changes.set(id, ++this.seq);
  }

  changeSeq(): number {
    return this.seq;
  }

  changesSince(since: number): { seq: number; ids: string[] } {
    const ids = [...this.changes].filter(([, seq]) => seq > since).sort((a, b) => a[1] - b[1]);
    return { seq: ids.length ? ids[ids.length - 1]![1] : since, ids: ids.map(([id]) => id) };
  }

  allSearchDocuments(): Iterable<SearchDocument> {
    return [...this.docs.values()];
  }

  searchDocuments(ids: readonly string[]): SearchDocument[] {
    return ids.flatMap((id) => (this.docs.has(id) ? [this.docs.get(id)!] : []));
  }
}

// Written for these tests, in the shape of scraped Vietnamese news: captions and related links mixed in.
export const CORPUS: SearchDocument[] = [
  doc(
    'gaza',
    'Đàm phán ngừng bắn tại Gaza bước vào giai đoạn mới',
    'Sáng 3.3, các bên tiếp tục đàm phán về lệnh ngừng bắn và việc thả con tin. Có 30.410 người thiệt mạng theo số liệu mới nhất.\n\nẢnh: Người dân di chuyển tại Gaza\n\nXem thêm: Giá vàng hôm nay',
    { source: 'VnExpress', publishedAt: '2024-03-03T08:00:00.000Z', tags: ['thế giới'] },
  ),
  doc(
    'scattered',
    'Con đường mới ở ngoại ô',
    'Người dân tin rằng con đường sẽ giúp việc đi lại dễ dàng hơn. Lệnh cấm xe tải được bắn tin từ tuần trước.',
    { source: 'Tuổi Trẻ', publishedAt: '2024-02-01T08:00:00.000Z' },
  ),
  doc('airline', 'Hàng không Việt Nam phục hồi', 'Ngành hàng không ghi nhận lượng khách tăng mạnh trong dịp Tết.', { source: 'Tuổi Trẻ', publishedAt: '2024-02-10T00:00:00.000Z' }),
  doc('airforce', 'Không quân diễn tập', 'Lực lượng không quân tổ chức diễn tập vào ngày 7.10.2023 với sự tham gia của nhiều đơn vị.', { author: 'Nguyễn Văn An' }),
  doc('peace-old', 'Hoà bình cho khu vực', 'Thủ tướng nói về hoà bình và sức khoẻ của người dân, cùng quỹ thuỷ lợi.', { publishedAt: '2023-05-01T00:00:00.000Z' }),
  doc('peace-new', 'Hòa bình là mục tiêu', 'Bộ trưởng nhấn mạnh hòa bình, sức khỏe cộng đồng và thủy lợi. Giá xăng giảm 3,2%.', { publishedAt: '2023-06-01T00:00:00.000Z' }),
  doc('wire', 'Ceasefire talks resume in Doha', 'Negotiators from Qatar and Egypt met Sheikh Mohammed bin Abdulrahman al-Thani on Sunday to discuss the hostages.', {
    source: 'Reuters',
    publishedAt: '2024-03-04T00:00:00.000Z',
  }),
  doc('quy', 'Quý khách và giá vé', 'Hành khách quý mến hỏi giá vé tháng này.', { publishedAt: '2024-01-05T00:00:00.000Z' }),
  doc('flowers', 'Chợ hoa ngày Tết', 'Những sạp hoa rực rỡ trên phố đi bộ.', { publishedAt: '2024-02-08T00:00:00.000Z' }),
  doc('dot', 'Đột phá công nghệ', 'Một đột phá mới trong ngành bán dẫn.', { publishedAt: '2024-01-06T00:00:00.000Z' }),
];
